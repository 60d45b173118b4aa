#include "support/utf8.h"
#include "render/render_pdf.h"

#include <cstdlib>
#include <set>

#include "layout/frames.h"
#include "layout/images.h"
#include "layout/markup.h"
#include "layout/paginate.h"
#include "model/file_text.h"
#include "model/text.h"

namespace inovasi::render {
namespace {

// Characters no font of the manifest has, each with the first place it was met.
class MissingGlyphs : public layout::MissingGlyphSink {
 public:
  void missing_glyph(char32_t code_point, const std::string& context) override {
    if (seen_.insert(code_point).second) found.emplace_back(code_point, context);
  }
  std::vector<std::pair<char32_t, std::string>> found;

 private:
  std::set<char32_t> seen_;
};

std::string describe_character(char32_t code_point) {
  char text[160];
  std::string character;
  append_utf8(character, code_point);
  std::snprintf(text, sizeof text, "U+%04X '%s'", static_cast<unsigned>(code_point), character.c_str());
  return text;
}

// "; that line is filled from {{a}}, {{b}}": the fields the template line holds, which is what
// the user can shorten. Empty when the line holds none or cannot be read.
std::string fields_on_line(const std::string& file, int line) {
  auto text = read_file_text(file);
  if (!text || line < 1) return {};
  std::size_t start = 0;
  for (int i = 1; i < line && start != std::string::npos; ++i) {
    start = text->find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos) return {};
  std::size_t end = text->find('\n', start);
  std::string_view row =
      std::string_view(*text).substr(start, end == std::string::npos ? std::string_view::npos : end - start);
  std::string fields;
  for (auto at = row.find("{{"); at != std::string_view::npos; at = row.find("{{", at + 2)) {
    auto end = row.find("}}", at);
    if (end == std::string_view::npos) break;
    std::string_view tag = trim(row.substr(at + 2, end - at - 2));
    if (!tag.empty() && (tag.front() == '{' || tag.front() == '&')) tag = trim(tag.substr(1));
    if (tag.empty() || std::string_view("#^/>!=").find(tag.front()) != std::string_view::npos) continue;
    fields += std::string(fields.empty() ? "" : ", ") + "{{" + std::string(tag) + "}}";
  }
  return fields.empty() ? std::string() : "; that line is filled from " + fields;
}

// The first place a character no font has was met, with the fields it comes from, and
// what the user can do.
std::string missing_glyph_message(const std::vector<std::pair<char32_t, std::string>>& found,
                                  const pdf::FontManifest& fonts) {
  const std::string& first_place = found.front().second;
  std::string file = first_place;
  int line = 0;
  if (auto colon = first_place.rfind(':'); colon != std::string::npos) {
    file = first_place.substr(0, colon);
    line = std::atoi(first_place.c_str() + colon + 1);
  }
  std::string characters;
  for (std::size_t i = 0; i < found.size() && i < 5; ++i)
    characters += (i ? ", " : "") + describe_character(found[i].first);
  if (found.size() > 5) characters += " and " + std::to_string(found.size() - 5) + " more";
  std::string fallbacks;
  for (const auto& family : fonts.fallbacks) fallbacks += (fallbacks.empty() ? "" : ", ") + family;
  return first_place + ": " + (found.size() == 1 ? "character " : "characters ") + characters + " " +
         (found.size() == 1 ? "is" : "are") + " in no font of " + fonts.file.string() +
         " (the text's family, then cadangan: " + (fallbacks.empty() ? std::string("none") : fallbacks) + ")" +
         fields_on_line(file, line) + ". Add a font that has " + (found.size() == 1 ? "it" : "them") +
         " to the manifest and its cadangan list, or let such characters print as '?' (--replace-missing-glyphs, "
         "or missing-glyphs=\"replace\" on the template's <document>)";
}

}  // namespace

layout::LaidOutDocument lay_out(const RenderedMarkup& markup, const std::filesystem::path& resource_dir,
                                layout::FlowContext context, SkeletonTrees* skeletons) {
  // Source marks place nodes in the template or partial they were written in (lines
  // exact, columns counted from the last mark); before the first mark, the template.
  const std::string& file = markup.file;
  std::optional<layout::DocumentSpec> spec;
  if (skeletons && !markup.skeleton.empty()) {
    if (auto root = skeletons->tree(markup.skeleton, markup.values, file)) {
      try {
        spec = layout::build_document(*root, file, resource_dir.string());
      } catch (const layout::MarkupError&) {
        // Reported from the filled markup below: its columns are the ones to name.
      }
    }
  }
  // The filled template is parsed again: values are escaped, so errors here come from
  // attribute values such as width="{{w}}" that the data made invalid.
  if (!spec) spec = layout::build_document(layout::parse_markup(markup.markup, file), file, resource_dir.string());
  try {
    return layout::paginate(*spec, context);
  } catch (const layout::FrameOverflow& e) {
    throw layout::FrameOverflow(e.file(), e.line(), e.column(), e.message() + fields_on_line(e.file(), e.line()));
  }
}

RenderedPdf render_markup(const RenderedMarkup& markup, const std::filesystem::path& resource_dir,
                          const pdf::FontManifest& fonts, const RenderOptions& options, SkeletonTrees* skeletons) {
  pdf::HpdfDocument document;
  pdf::FontSet font_set(fonts);
  layout::ImageInfoCache images;
  MissingGlyphs glyphs;
  layout::LaidOutDocument laid_out =
      lay_out(markup, resource_dir, {font_set, &glyphs, &images, markup.file}, skeletons);
  bool replace = options.replace_missing_glyphs || laid_out.replace_missing_glyphs;
  if (!glyphs.found.empty() && !replace) throw MissingGlyph(missing_glyph_message(glyphs.found, fonts));
  pdf::PdfResult pdf = pdf::write_pdf(laid_out, document, font_set, {options.creation_date});

  RenderedPdf result{std::move(pdf.bytes), pdf.pages, pdf.encoding, markup.warnings, markup.sources};
  for (const auto& [code_point, context] : glyphs.found) {
    result.warnings.push_back(context + ": character " + describe_character(code_point) +
                              " is in no font; printed as '?'");
  }
  return result;
}

RenderedPdf render_pdf(const TemplateSet& templates, const std::filesystem::path& template_file, const Data& data,
                       const pdf::FontManifest& fonts, const RenderOptions& options) {
  RenderedMarkup markup = templates.render(template_file, data, options.strict);
  return render_markup(markup, templates.folder(), fonts, options);
}

}  // namespace inovasi::render
