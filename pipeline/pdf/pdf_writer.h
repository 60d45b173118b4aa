#pragma once
// Draws a laid-out document with libharu. Picks the text encoding per document: CP1252
// when every character fits (smaller, faster, cleanly extractable), UTF-8 otherwise.

#include <map>
#include <memory>
#include <set>
#include <optional>
#include <string>

#include "layout/ops.h"
#include "model/date.h"
#include "pdf/font_set.h"
#include "pdf/hpdf_document.h"

namespace inovasi::pdf {

struct PdfOptions {
  // Written as CreationDate and ModDate. Never the wall clock, so the same input gives
  // byte-identical files; without a date none is written.
  std::optional<Date> creation_date;
  std::string creator = "inovasi";
};

enum class TextEncoding { Cp1252, Utf8 };

struct PdfResult {
  std::string bytes;
  TextEncoding encoding = TextEncoding::Cp1252;
  int pages = 0;
};

// Text encoding for a document whose text is all in `utf8_text` (markup is fine: tags and
// entities are ASCII).
TextEncoding encoding_for(std::string_view utf8_text);

// Writes pages one at a time, so a print file of thousands of certificates is never held
// whole in memory; fonts are embedded once for all pages.
// Face id -> the characters a document draws with it.
using CharactersByFace = std::map<int, std::set<char32_t>>;

class StreamingPdfWriter {
 public:
  // With `subsets` (every character the whole document will draw, by face), each face is
  // embedded cut down to those characters; without, whole (a print file's pages are not
  // known in advance, and one embedding serves them all).
  StreamingPdfWriter(HpdfDocument& document, FontSet& fonts, TextEncoding encoding,
                     std::optional<CharactersByFace> subsets = std::nullopt);
  ~StreamingPdfWriter();
  void add(const layout::LaidOutDocument& part, const std::string& bookmark);
  PdfResult finish(const layout::DocumentInfo& info, const PdfOptions& options);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// `document` and `fonts` must be those the layout was measured with.
PdfResult write_pdf(const layout::LaidOutDocument& laid_out, HpdfDocument& document, FontSet& fonts,
                    const PdfOptions& options);

}  // namespace inovasi::pdf
