// Error tests as data: each tests/templates/errors/NAME.xml sits beside NAME.expected,
// the exact message it must give (paths relative to tests/templates), so message
// quality cannot silently degrade.

#include <gtest/gtest.h>

#include "layout/markup.h"
#include "pdf/font_set.h"
#include "render/render_pdf.h"
#include "test_support.h"

namespace inovasi {
namespace {

using namespace inovasi::testing;

std::filesystem::path templates_dir() { return source_dir() / "tests" / "templates"; }

std::string relative_message(std::string message) {
  for (const auto& prefix : {(templates_dir() / "").string(), (source_dir() / "fonts" / "").string()}) {
    for (auto at = message.find(prefix); at != std::string::npos; at = message.find(prefix))
      message.erase(at, prefix.size());
  }
  return message;
}

std::string render_error(const std::filesystem::path& file, bool strict = false) {
  render::TemplateSet templates(templates_dir());
  auto fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  try {
    render::render_pdf(templates, file, render::Data(render::Data::type::object), fonts, {strict, {}});
  } catch (const std::exception& e) {
    return relative_message(e.what());
  }
  return "no error";
}

TEST(TemplateErrors, EachFaultyTemplateGivesItsExpectedMessage) {
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(templates_dir() / "errors")) {
    if (entry.path().extension() != ".xml") continue;
    auto expected_file = entry.path();
    expected_file.replace_extension(".expected");
    std::string expected = read_file(expected_file);
    while (!expected.empty() && expected.back() == '\n') expected.pop_back();
    EXPECT_EQ(render_error(entry.path()), expected) << entry.path().filename();
    ++cases;
  }
  EXPECT_GE(cases, 12);
}

TEST(TemplateErrors, StrictModeNamesTheMissingVariable) {
  ScratchDir dir;
  auto file = dir.write("t.xml", "<document>\n  <p>Nama: {{ nama }}</p>\n</document>\n");
  render::TemplateSet templates(dir.path());
  auto rendered = templates.render(file, render::Data(render::Data::type::object), false);
  ASSERT_EQ(rendered.warnings.size(), 1u);
  EXPECT_EQ(rendered.warnings[0], file.string() + ":2:12: the data has no 'nama' (rendered empty)");
  try {
    templates.render(file, render::Data(render::Data::type::object), true);
    FAIL() << "strict mode must fail";
  } catch (const layout::MarkupError& e) {
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.message(), "the data has no 'nama' (strict mode)");
  }
}

// Errors found only once the data is in (an attribute the data made invalid) name the
// template or partial and the line they were written on, however many lines the
// partials inlined and the repeated sections before them added.
TEST(TemplateErrors, FilledErrorsNameThePartialAndTheLineTheyWereWrittenOn) {
  ScratchDir dir;
  dir.write("partials/kop.xml", "<p>Kop</p>\n<p>Baris dua</p>\n<p font-size=\"{{ukuran}}\">x</p>\n");
  auto in_partial =
      dir.write("a.xml", "<document>\n{{#baris}}\n<p>{{.}}</p>\n<p>lagi</p>\n{{/baris}}\n{{> kop}}\n</document>\n");
  auto after = dir.write(
      "b.xml",
      "<document>\n{{> kop}}\n{{#baris}}\n<p>{{.}}</p>\n{{/baris}}\n<p space-after=\"{{jarak}}\">y</p>\n</document>\n");
  render::TemplateSet templates(dir.path());
  auto fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  render::Data data(render::Data::type::object);
  render::Data rows(render::Data::type::list);
  for (auto row : {"satu", "dua", "tiga"}) rows.push_back(render::Data(row));
  data.set("baris", rows);
  data.set("ukuran", "besar");
  auto error_of = [&](const std::filesystem::path& file) -> std::string {
    try {
      render::render_pdf(templates, file, data, fonts, {false, {}});
    } catch (const layout::MarkupError& e) {
      return e.file() + ":" + std::to_string(e.line());
    }
    return "no error";
  };
  EXPECT_EQ(error_of(in_partial), (dir.path() / "partials" / "kop.xml").string() + ":3");
  data.set("ukuran", "12pt");
  EXPECT_EQ(error_of(in_partial), "no error");
  data.set("jarak", "jauh");
  EXPECT_EQ(error_of(after), after.string() + ":6");
}

// A section the data lacks is how optional parts are left out; a misspelt one would
// drop its part silently, so strict mode names it.
TEST(TemplateErrors, StrictModeNamesAMissingSection) {
  ScratchDir dir;
  auto file = dir.write("t.xml", "<document>\n  <p>x</p>\n  {{#lamabng}}<p>{{lambang}}</p>{{/lamabng}}\n</document>\n");
  render::TemplateSet templates(dir.path());
  render::Data data(render::Data::type::object);
  data.set("lambang", "kop.png");
  EXPECT_TRUE(templates.render(file, data, false).warnings.empty());
  try {
    templates.render(file, data, true);
    FAIL() << "strict mode must name the missing section";
  } catch (const layout::MarkupError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), 3);
    EXPECT_NE(e.message().find("the data has no 'lamabng'"), std::string::npos) << e.message();
  }
}

TEST(TemplateErrors, RecordDataCannotInjectMarkup) {
  ScratchDir dir;
  auto file = dir.write("t.xml", "<document><p>{{nama}}</p></document>");
  render::TemplateSet templates(dir.path());
  render::Data data(render::Data::type::object);
  data.set("nama", "PU & Tata Ruang <b>x</b> {{y}} \"q\"");
  auto rendered = templates.render(file, data, true);
  EXPECT_EQ(rendered.markup,
            "<document><p>PU &amp; Tata Ruang &lt;b&gt;x&lt;/b&gt; {{y}} &quot;q&quot;</p></document>");
}

TEST(TemplateErrors, MustacheOffsetsBecomeLinesAndColumns) {
  EXPECT_EQ(render::line_column("ab\ncd\nef", 0), std::make_pair(1, 1));
  EXPECT_EQ(render::line_column("ab\ncd\nef", 4), std::make_pair(2, 2));
  EXPECT_EQ(render::line_column("é\nx", 3), std::make_pair(2, 1));
  EXPECT_EQ(render::line_column("éx", 2), std::make_pair(1, 2));  // columns count characters
}

}  // namespace
}  // namespace inovasi
