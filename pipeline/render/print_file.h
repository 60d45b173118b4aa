#pragma once
// A print file: many filled templates laid out one after another into one PDF, with
// one font embedding for all and one bookmark per part, in the order given.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include "pdf/pdf_joiner.h"
#include "render/render_pdf.h"

namespace inovasi::render {

struct PrintPart {
  RenderedMarkup markup;
  std::string bookmark;
};

// Part i of the file; called on worker threads, so it must only read shared state.
using PrintPartSource = std::function<PrintPart(std::size_t index)>;

struct PrintFileResult {
  int pages = 0;
  // UTF-8 when any volume needed it.
  pdf::TextEncoding encoding = pdf::TextEncoding::Cp1252;
};

// The parts are cut into volumes of a few hundred; workers (`jobs`) each fill, lay out
// and draw a volume into a libharu document of its own, and the calling thread joins
// the finished volumes, in order, into `out` (pdf_joiner.h). Only a few volumes are held
// at once, so memory does not grow with the number of parts. A volume's text is CP1252
// unless one of its parts needs more, which makes that volume again with UTF-8 text.
// Throws what filling or layout of a part threw (the first in order).
PrintFileResult render_print_file(std::size_t count, const PrintPartSource& source,
                                  const std::filesystem::path& resource_dir, const pdf::FontManifest& fonts,
                                  const layout::DocumentInfo& info, const RenderOptions& options, int jobs,
                                  const pdf::PdfJoiner::Sink& out);

}  // namespace inovasi::render
