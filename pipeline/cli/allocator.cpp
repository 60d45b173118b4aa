// operator new and delete from mimalloc, like malloc (see INOVASI_MIMALLOC in the top
// CMakeLists.txt). Only built into the executable, and only without sanitizers.
#include <mimalloc-new-delete.h>
#include <mimalloc.h>

#include <fcntl.h>
#include <unistd.h>

#include <string_view>

namespace {

// Whether this process runs an import (`inovasi import`, `inovasi bench import`), from
// /proc/self/cmdline, read before main() and without allocating: mimalloc takes its
// options when it first allocates, and setting them later has no effect.
bool runs_an_import() {
  char buffer[4096];
  int fd = ::open("/proc/self/cmdline", O_RDONLY);
  if (fd < 0) return false;
  ssize_t got = ::read(fd, buffer, sizeof buffer);
  ::close(fd);
  if (got <= 0) return false;
  std::string_view rest(buffer, static_cast<std::size_t>(got));
  auto next = [&] {
    auto end = rest.find('\0');
    std::string_view word = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    return word;
  };
  next();  // the program
  // The command is the first word that is not a global option (--db PATH, ...) or its value.
  std::string_view command = next();
  while (command == "--db" || command == "--templates" || command == "--fonts" || command == "--out") {
    next();
    command = next();
  }
  return command == "import" || (command == "bench" && next() == "import");
}

// Pages a batch frees go back to the system after 1 ms rather than mimalloc's 25: a
// batch frees a slice's plan or a print-file volume at a time, and with the longer delay
// the peak held some 12 MB of freed pages more (certificates, 10,000: 42 against 30 MiB;
// the print file, 37,000 pages: 54 against 41), for 2 to 5% of speed (bench, three runs
// each). An import holds no slices: it allocates and frees records in a steady stream,
// and 1 ms cost it a tenth of its time in page faults (37,000 innovations, an unchanged
// re-import: 7.0 s against 7.9, 1.2 s of system time against 2.2); 25 ms held 3 MB more.
const bool kDecommitDelaySet = [] {
  mi_option_set(mi_option_decommit_delay, runs_an_import() ? 25 : 1);
  return true;
}();

}  // namespace
