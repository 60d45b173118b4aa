// Golden layout: the test template laid out with the real fonts, dumped as positioned
// text, compared with tests/golden/. A change in the engine that moves text shows up
// here. After checking the new pictures, refresh with INOVASI_UPDATE_GOLDEN=1.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "layout/images.h"
#include "layout/paginate.h"
#include "pdf/font_set.h"
#include "render/template_engine.h"
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
        std::snprintf(line, sizeof line, "p%zu %7.2f %7.2f f%d %4.1f %s\n", p + 1, t->x, t->baseline, t->face, t->size,
                      t->text.c_str());
        out += line;
      }
    }
  }
  for (const auto& b : document.bookmarks) {
    std::snprintf(line, sizeof line, "bookmark %d p%d %.2f %s\n", b.level, b.page + 1, b.y, b.title.c_str());
    out += line;
  }
  return out;
}

void check_golden(const std::string& name, const std::string& json) {
  auto dir = source_dir() / "tests" / "templates";
  render::TemplateSet templates(dir);
  auto markup = templates.render(dir / "all-elements.xml", render::data_from_json(read_file(dir / json), json), true);
  auto spec = layout::build_document(layout::parse_markup(markup.markup, "all-elements.xml"), "all-elements.xml", dir.string());
  auto manifest = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  pdf::FontSet fonts(manifest);
  layout::ImageInfoCache images;
  layout::FlowContext context{fonts, nullptr, &images, "all-elements.xml"};
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

TEST(GoldenLayout, AllElementsCp1252Data) { check_golden("all-elements", "all-elements.json"); }
TEST(GoldenLayout, AllElementsUtf8Data) { check_golden("all-elements-utf8", "all-elements-utf8.json"); }

}  // namespace
}  // namespace inovasi
