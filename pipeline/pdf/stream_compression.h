#pragma once
// Deflates a PDF's streams with libdeflate. libharu can only deflate with zlib, which
// on a certificate's font bytes is five to six times slower at the same ratio (15 KB:
// about 590 µs against 105 µs on the project's machine), and deflating was the largest
// single cost of a certificate. So documents are saved from libharu uncompressed, and
// every stream without a filter is deflated here.

#include <string>
#include <string_view>

namespace inovasi::pdf {

// The same document with each unfiltered stream deflated (/FlateDecode) where that makes
// it smaller; objects keep their numbers. `pdf` must be a file PdfFile reads (one
// cross-reference table). Throws PdfError naming `what`.
std::string compress_streams(std::string_view pdf, const std::string& what);

}  // namespace inovasi::pdf
