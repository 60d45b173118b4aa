#pragma once
// Draws a laid-out document with libharu. Picks the text encoding per document: CP1252
// when every character fits (smaller, faster, cleanly extractable), UTF-8 otherwise.

#include <map>
#include <memory>
#include <set>
#include <optional>
#include <vector>
#include <string>

#include "layout/ops.h"
#include "model/date.h"
#include "pdf/font_set.h"
#include "pdf/hpdf_document.h"
#include "pdf/pdf_joiner.h"

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
  std::vector<OutlineEntry> outline;  // a print file volume's, for the joiner
};

// Text encoding for a document whose text is all in `utf8_text` (markup is fine: tags and
// entities are ASCII).
TextEncoding encoding_for(std::string_view utf8_text);

// Face id -> the characters a document draws with it.
using CharactersByFace = std::map<int, std::set<char32_t>>;

// Draws laid-out documents page by page into one libharu document, in one of two roles.
class StreamingPdfWriter {
 public:
  // A document: each face is embedded cut down to `subsets` (every character the whole
  // document will draw, by face), and libharu writes the outline.
  StreamingPdfWriter(HpdfDocument& document, FontSet& fonts, TextEncoding encoding, CharactersByFace subsets);
  // A volume of a print file (pdf_joiner.h): each face is embedded with every glyph it
  // has under a tag of its own, so every volume embeds the same bytes and the joiner
  // keeps one copy; the outline is handed back in PdfResult::outline for the joiner.
  StreamingPdfWriter(HpdfDocument& document, FontSet& fonts, TextEncoding encoding);
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
