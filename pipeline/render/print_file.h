#pragma once
// A print file: many filled templates laid out one after another into one PDF, with
// one font embedding for all and one bookmark per part, in the order given.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include "render/render_pdf.h"

namespace inovasi::render {

struct PrintPart {
  RenderedMarkup markup;
  std::string bookmark;
};

// Part i of the file; called on worker threads, so it must only read shared state.
using PrintPartSource = std::function<PrintPart(std::size_t index)>;

// Workers (`jobs`) fill and lay out the parts ahead of the one thread that draws them in
// order into the single libharu document; only a bounded window of laid-out parts is
// held at once. Text is written as CP1252 unless a part needs more, which makes the
// file again with UTF-8 text. Throws what filling or layout of a part threw.
RenderedPdf render_print_file(std::size_t count, const PrintPartSource& source, const std::filesystem::path& resource_dir,
                              const pdf::FontManifest& fonts, const layout::DocumentInfo& info, const RenderOptions& options,
                              int jobs);

}  // namespace inovasi::render
