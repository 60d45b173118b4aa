// operator new and delete from mimalloc, like malloc (see INOVASI_MIMALLOC in the top
// CMakeLists.txt). Only built into the executable, and only without sanitizers.
#include <mimalloc-new-delete.h>
