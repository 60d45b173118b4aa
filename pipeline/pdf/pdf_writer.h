#pragma once
// Draws a laid-out document with libharu. Picks the text encoding per document: CP1252
// when every character fits (smaller, faster, cleanly extractable), UTF-8 otherwise.

#include <optional>
#include <string>

#include "layout/ops.h"
#include "model/date.h"
#include "pdf/font_set.h"

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

// `document` and `fonts` must be those the layout was measured with.
PdfResult write_pdf(const layout::LaidOutDocument& laid_out, HpdfDocument& document, FontSet& fonts,
                    const PdfOptions& options);

}  // namespace inovasi::pdf
