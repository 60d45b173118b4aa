// libFuzzer's entry for one target, chosen at build time (-DINOVASI_FUZZ_TARGET="csv").
#include <cstdlib>

#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const inovasi::fuzz::Target* target = inovasi::fuzz::find_target(INOVASI_FUZZ_TARGET);
  if (!target) std::abort();
  (void)target->run(data, size);
  return 0;
}
