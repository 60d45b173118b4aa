#pragma once
// Deflates a PDF's streams with libdeflate. libharu can only deflate with zlib, which
// on a certificate's font bytes is five to six times slower at the same ratio (15 KB:
// about 590 µs against 105 µs on the project's machine), and deflating was the largest
// single cost of a certificate. So documents are saved from libharu uncompressed, and
// every stream without a filter is deflated here.

#include <memory>
#include <string>
#include <string_view>

#include "pdf/pdf_syntax.h"

struct libdeflate_compressor;

namespace inovasi::pdf {

// libdeflate's compressor at its fastest level (the same ratio as zlib's fastest on
// font data). One per thread: it keeps its working memory between calls.
class Deflater {
 public:
  Deflater();
  // `data` zlib-wrapped (/FlateDecode) into `out`; false, and `out` empty, when that
  // would not be smaller.
  bool deflate(std::string_view data, std::string& out);
  // An unfiltered, non-empty stream deflated in place when that makes it smaller: its
  // stream then views `storage` and its dictionary names /FlateDecode. Its /Length is
  // the caller's to set.
  bool deflate_stream(PdfObject& object, std::string& storage);

 private:
  struct Free {
    void operator()(libdeflate_compressor* compressor) const;
  };
  std::unique_ptr<libdeflate_compressor, Free> compressor_;
};

// The same document with each unfiltered stream deflated (/FlateDecode) where that makes
// it smaller; objects keep their numbers. `pdf` must be a file PdfFile reads (one
// cross-reference table). Throws PdfError naming `what`.
std::string compress_streams(std::string_view pdf, const std::string& what);

}  // namespace inovasi::pdf
