#pragma once
// One document from a template and its data: Mustache → markup → blocks → layout →
// PDF bytes. Each call has its own libharu document; nothing is shared between calls,
// so calls may run on different threads.

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "layout/flow.h"
#include "model/date.h"
#include "model/diagnostics.h"
#include "pdf/font_set.h"
#include "pdf/pdf_writer.h"
#include "render/skeleton.h"
#include "render/template_engine.h"

namespace inovasi::render {

struct RenderOptions {
  bool strict = false;
  std::optional<Date> creation_date;
  // Characters no font has print as '?' (with a warning) instead of failing the document.
  bool replace_missing_glyphs = false;
};

// A document would print a character no font of the manifest has: it fails, naming the
// template line, the fields it is filled from and the character.
class MissingGlyph : public DataError {
 public:
  using DataError::DataError;
};

struct RenderedPdf {
  std::string bytes;
  int pages = 0;
  pdf::TextEncoding encoding = pdf::TextEncoding::Cp1252;
  std::vector<std::string> warnings;  // missing variables, characters no font has
  std::vector<std::filesystem::path> sources;
};

// Filled markup parsed again and laid out into pages: the part single documents and the
// print file's workers share; `context.missing` (may be null) hears of characters no
// font has. With `skeletons`, markup that has a skeleton takes its tree from there.
layout::LaidOutDocument lay_out(const RenderedMarkup& markup, const std::filesystem::path& resource_dir,
                                layout::FlowContext context, SkeletonTrees* skeletons = nullptr);

// Lays out and writes filled markup (see TemplateSet::render). Throws like render_pdf.
RenderedPdf render_markup(const RenderedMarkup& markup, const std::filesystem::path& resource_dir,
                          const pdf::FontManifest& fonts, const RenderOptions& options,
                          SkeletonTrees* skeletons = nullptr);

// Throws layout::MarkupError for template problems (with file, line, column), and
// std::runtime_error (PdfError, FontError, ...) for the rest, each naming what failed.
RenderedPdf render_pdf(const TemplateSet& templates, const std::filesystem::path& template_file, const Data& data,
                       const pdf::FontManifest& fonts, const RenderOptions& options);

}  // namespace inovasi::render
