// operator new and delete from mimalloc, like malloc (see INOVASI_MIMALLOC in the top
// CMakeLists.txt). Only built into the executable, and only without sanitizers.
#include <mimalloc-new-delete.h>
#include <mimalloc.h>

namespace {

// Pages a batch frees go back to the system after 1 ms rather than mimalloc's 25: a
// batch frees a slice's plan or a print-file volume at a time, and with the longer delay
// the peak held some 12 MB of freed pages more (certificates, 10,000: 42 against 30 MiB;
// the print file, 37,000 pages: 54 against 41), for 2 to 5% of speed (bench, three runs
// each).
const bool kPromptDecommit = [] {
  mi_option_set(mi_option_decommit_delay, 1);
  return true;
}();

}  // namespace
