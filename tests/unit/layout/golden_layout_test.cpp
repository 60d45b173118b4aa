// Golden layout: templates laid out with the real fonts, dumped as what each page draws
// (text, lines, boxes, images and QR codes, positions rounded to a hundredth of a point),
// compared with tests/golden/. A change in the engine or a template that moves text, a
// frame or a signature block shows up here. After looking at the new pages, refresh
// with scripts/refresh-golden.sh.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "layout/images.h"
#include "layout/paginate.h"
#include "pdf/font_set.h"
#include "render/template_engine.h"
#include "support/sha256.h"
#include "model/text.h"
#include "test_support.h"

namespace inovasi {
namespace {

using namespace inovasi::testing;

std::string dump(const layout::LaidOutDocument& document) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "paper %.2f x %.2f, %zu pages\n", document.paper.width, document.paper.height,
                document.pages.size());
  out += line;
  for (std::size_t p = 0; p < document.pages.size(); ++p) {
    for (const auto& op : document.pages[p].ops) {
      if (const auto* t = std::get_if<layout::TextOp>(&op)) {
        std::snprintf(line, sizeof line, "p%zu %7.2f %7.2f f%d %4.1f %s%s\n", p + 1, t->x, t->baseline, t->face,
                      t->size, t->text.c_str(), t->underline ? " (underlined)" : "");
      } else if (const auto* l = std::get_if<layout::LineOp>(&op)) {
        std::snprintf(line, sizeof line, "p%zu line %.2f %.2f to %.2f %.2f, %.2f thick%s\n", p + 1, l->x1, l->y1, l->x2,
                      l->y2, l->thickness, l->dashed ? ", dashed" : "");
      } else if (const auto* r = std::get_if<layout::RectOp>(&op)) {
        std::snprintf(line, sizeof line, "p%zu box %.2f %.2f %.2f x %.2f, stroke %.2f%s\n", p + 1, r->x, r->y, r->width,
                      r->height, r->stroke,
                      !r->fill      ? ""
                      : r->gray > 0 ? ", filled gray"
                                    : ", filled");
      } else if (const auto* i = std::get_if<layout::ImageOp>(&op)) {
        std::snprintf(line, sizeof line, "p%zu image %.2f %.2f %.2f x %.2f %s\n", p + 1, i->x, i->y, i->width,
                      i->height, std::filesystem::path(i->path).filename().c_str());
      } else if (const auto* m = std::get_if<layout::MaskOp>(&op)) {
        // The modules by their digest: a code that changes what it says changes it.
        std::string bits(m->painted.begin(), m->painted.end());
        std::snprintf(line, sizeof line, "p%zu qr %.2f %.2f %.2f x %.2f, %d x %d modules %s\n", p + 1, m->x, m->y,
                      m->width, m->height, m->columns, m->rows, sha256_hex(bits).substr(0, 16).c_str());
      } else if (const auto* f = std::get_if<layout::FieldOp>(&op)) {
        std::snprintf(line, sizeof line, "p%zu signature field %s %.2f %.2f %.2f x %.2f\n", p + 1, f->name.c_str(),
                      f->x, f->y, f->width, f->height);
      }
      out += line;
    }
  }
  for (const auto& b : document.bookmarks) {
    std::snprintf(line, sizeof line, "bookmark %d p%d %.2f %s\n", b.level, b.page + 1, b.y, b.title.c_str());
    out += line;
  }
  return out;
}

// `name`.layout from `template_name` in `dir` filled with `json` (strict: the data is whole).
void check_golden(const std::string& name, const std::filesystem::path& dir, const std::string& template_name,
                  const std::filesystem::path& json) {
  render::TemplateSet templates(dir);
  auto file = templates.resolve(template_name);
  auto markup = templates.render(file, render::data_from_json(read_file(json), json.string()), true);
  auto spec = layout::build_document(layout::parse_markup(markup.markup, file.string()), file.string(), dir.string());
  auto manifest = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  pdf::FontSet fonts(manifest);
  layout::ImageInfoCache images;
  layout::FlowContext context{fonts, nullptr, &images, file.string()};
  std::string actual = dump(layout::paginate(spec, context));
  auto golden = source_dir() / "tests" / "golden" / (name + ".layout");
  if (std::getenv("INOVASI_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << actual;
    GTEST_SKIP() << "golden file rewritten: " << golden;
  }
  std::string expected = read_file(golden);
  ASSERT_FALSE(expected.empty()) << golden << " is missing; run with INOVASI_UPDATE_GOLDEN=1";
  // Compare line by line to report the first difference readably.
  auto expected_lines = split(expected, '\n');
  auto actual_lines = split(actual, '\n');
  for (std::size_t i = 0; i < std::min(expected_lines.size(), actual_lines.size()); ++i) {
    ASSERT_EQ(actual_lines[i], expected_lines[i]) << "first difference at line " << i + 1 << " of " << golden;
  }
  EXPECT_EQ(actual_lines.size(), expected_lines.size());
}

std::filesystem::path test_templates() { return source_dir() / "tests" / "templates"; }
std::filesystem::path templates() { return source_dir() / "templates"; }

TEST(GoldenLayout, AllElementsCp1252Data) {
  check_golden("all-elements", test_templates(), "all-elements", test_templates() / "all-elements.json");
}
TEST(GoldenLayout, AllElementsUtf8Data) {
  check_golden("all-elements-utf8", test_templates(), "all-elements", test_templates() / "all-elements-utf8.json");
}
// The programme's own documents, from the samples beside their templates: frames, the
// signature block and the QR code of a certificate; a contract's table and signatures.
TEST(GoldenLayout, Certificate) {
  check_golden("sertifikat", templates(), "sertifikat", templates() / "sertifikat.contoh.json");
}
TEST(GoldenLayout, Contract) {
  check_golden("perjanjian-kinerja", templates(), "perjanjian-kinerja", templates() / "perjanjian-kinerja.contoh.json");
}
TEST(GoldenLayout, YearSummary) {  // the bar chart: bars, values, band lines, axis
  check_golden("ringkasan", templates(), "ringkasan", templates() / "ringkasan.contoh.json");
}
TEST(GoldenLayout, Minutes) {
  check_golden("berita-acara", templates(), "berita-acara", templates() / "berita-acara.contoh.json");
}

}  // namespace
}  // namespace inovasi
