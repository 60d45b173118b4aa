// The deflate level of every workbook and zip this executable writes, and of the images
// libharu deflates itself (PNG logos). (PDF text and fonts, of single documents and of
// print file volumes, are deflated by libdeflate instead: pdf/stream_compression.h.)
//
// libharu compresses each stream with deflateInit(Z_DEFAULT_COMPRESSION) and
// libxlsxwriter's minizip each workbook part with deflateInit2(Z_DEFAULT_COMPRESSION);
// neither offers a setting. Level 6 was 7 s of the 12.5 s national IGA export (188 MB
// of sheet XML); level 1 halves the export's time for a workbook 45% larger (24 to
// 35 MB). For files printed or uploaded once, speed is the better trade.
//
// So the executable defines zlib's two initialisers itself (exported to the libraries
// by the link options in pipeline/CMakeLists.txt): a request for zlib's default level
// becomes Z_BEST_SPEED, an explicit level is kept, and the real zlib does the work,
// found with dlsym(RTLD_NEXT). Output stays ordinary deflate; tests/e2e/workbook.sh
// checks that each workbook part is exactly what zlib makes of it at level 1. Only the
// executable carries this: unit tests and the fuzz targets keep zlib's default.
#include <dlfcn.h>
#include <zlib.h>

namespace {

using DeflateInit2 = int (*)(z_streamp, int, int, int, int, int, const char*, int);

DeflateInit2 zlib_deflate_init2() {
  // Looked up once; a function-local static is initialised thread-safely.
  static const auto real = reinterpret_cast<DeflateInit2>(dlsym(RTLD_NEXT, "deflateInit2_"));
  return real;
}

int batch_level(int requested) { return requested == Z_DEFAULT_COMPRESSION ? Z_BEST_SPEED : requested; }

}  // namespace

extern "C" {

int deflateInit2_(z_streamp stream, int level, int method, int window_bits, int memory_level, int strategy,
                  const char* version, int stream_size) {
  DeflateInit2 real = zlib_deflate_init2();
  if (real == nullptr) return Z_VERSION_ERROR;  // no zlib loaded: the caller reports a failed init
  return real(stream, batch_level(level), method, window_bits, memory_level, strategy, version, stream_size);
}

int deflateInit_(z_streamp stream, int level, const char* version, int stream_size) {
  // zlib's own deflateInit_ is deflateInit2_ with these defaults.
  return deflateInit2_(stream, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}

}  // extern "C"
