#pragma once
// A print file: many filled templates laid out one after another into one PDF, with
// one font embedding for all and one bookmark per part, in the order given.

#include <filesystem>
#include <string>
#include <vector>

#include "render/render_pdf.h"

namespace inovasi::render {

struct PrintPart {
  RenderedMarkup markup;
  std::string bookmark;
};

// Parts are laid out and drawn one at a time (their layout is then dropped).
RenderedPdf render_print_file(const std::vector<PrintPart>& parts, const std::filesystem::path& resource_dir,
                              const pdf::FontManifest& fonts, const layout::DocumentInfo& info, const RenderOptions& options);

}  // namespace inovasi::render
