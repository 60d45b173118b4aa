#include "render/print_file.h"

#include "layout/images.h"
#include "layout/markup.h"
#include "layout/paginate.h"

namespace inovasi::render {

RenderedPdf render_print_file(const std::vector<PrintPart>& parts, const std::filesystem::path& resource_dir,
                              const pdf::FontManifest& fonts, const layout::DocumentInfo& info, const RenderOptions& options) {
  auto encoding = pdf::TextEncoding::Cp1252;
  for (const auto& part : parts) {
    if (pdf::encoding_for(part.markup.markup) == pdf::TextEncoding::Utf8) encoding = pdf::TextEncoding::Utf8;
  }
  pdf::HpdfDocument document;
  pdf::FontSet font_set(fonts);
  layout::ImageInfoCache images;
  pdf::StreamingPdfWriter writer(document, font_set, encoding);
  for (const auto& part : parts) {
    auto root = layout::parse_markup(part.markup.markup, part.markup.file + " (filled)");
    auto spec = layout::build_document(root, part.markup.file + " (filled)", resource_dir.string());
    layout::FlowContext context{font_set, nullptr, &images, part.markup.file};
    writer.add(layout::paginate(spec, context), part.bookmark);
  }
  auto pdf = writer.finish(info, {options.creation_date});
  return RenderedPdf{std::move(pdf.bytes), pdf.pages, pdf.encoding, {}, {}};
}

}  // namespace inovasi::render
