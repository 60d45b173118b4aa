// A filled template's skeleton: parsed once per shape of data, each document's values
// put into the tree. The tree must be the one parsing the filled markup gives.

#include <gtest/gtest.h>

#include "layout/markup.h"
#include "pdf/font_set.h"
#include "render/render_pdf.h"
#include "render/skeleton.h"
#include "test_support.h"

namespace inovasi {
namespace {

using render::Data;
using testing::ScratchDir;
using testing::source_dir;

// Columns differ (placeholders are not as long as values); everything else must not.
void expect_same_tree(const layout::Node& a, const layout::Node& b, const std::string& where) {
  EXPECT_EQ(a.name, b.name) << where;
  EXPECT_EQ(a.text, b.text) << where;
  EXPECT_EQ(a.line, b.line) << where << " <" << a.name << ">";
  EXPECT_EQ(a.attributes, b.attributes) << where << " <" << a.name << ">";
  ASSERT_EQ(a.children.size(), b.children.size()) << where << " <" << a.name << ">";
  for (std::size_t i = 0; i < a.children.size(); ++i) {
    expect_same_tree(a.children[i], b.children[i], where + "/" + a.name + "[" + std::to_string(i) + "]");
  }
}

// Values in text, attributes, a list of objects, a string section with {{.}}, an
// inverted section, a partial, apostrophes of the template's own around a value, and
// trusted markup written unescaped.
const char* kTemplate =
    "<document size=\"A4\" title=\"Sertifikat {{nomor}}\" keywords='{{kode}}'>\n"
    "  {{> kepala}}\n"
    "  <p align=\"center\">Nomor: {{nomor}} &amp; '{{kode}}'</p>\n"
    "  <p>{{nama}}</p><p><b>{{nama}}</b>{{kosong}}<i>x</i></p>\n"
    "  <ol>{{#anggota}}<li>{{nama}} ({{peran}})</li>{{/anggota}}</ol>\n"
    "  {{#nama}}<p>{{.}}</p>{{/nama}}{{^tidak_ada}}<p>tanpa</p>{{/tidak_ada}}\n"
    "  {{{fragmen}}}\n"
    "  <qr data=\"{{kode}}\" size=\"20mm\"/>\n"
    "</document>\n";

struct Fixture {
  ScratchDir dir;
  std::filesystem::path file;
  Fixture() {
    file = dir.write("surat.xml", kTemplate);
    dir.write("partials/kepala.xml", "<p><b>{{daerah}}</b></p>");
  }
};

Data document_data(const std::string& value, std::size_t members) {
  Data data(Data::type::object);
  data.set("nomor", Data("800/" + value + "/2025"));
  data.set("kode", Data(value));
  data.set("nama", Data(value));
  data.set("kosong", Data(""));
  data.set("daerah", Data("Kabupaten " + value));
  data.set("fragmen", Data("<p>dipercaya <b>" + std::to_string(members) + "</b></p>"));
  Data list(Data::type::list);
  for (std::size_t i = 0; i < members; ++i) {
    Data member(Data::type::object);
    member.set("nama", Data(value + std::to_string(i)));
    member.set("peran", Data(i ? "anggota" : ""));
    list.push_back(member);
  }
  data.set("anggota", list);
  return data;
}

const std::vector<std::string> kInertValues{"Dinas Kesehatan",
                                            "A & B",
                                            "<b>bukan markup</b>",
                                            "\"dikutip\"",
                                            "it's",
                                            "{{bukan}}",
                                            "",
                                            "  berspasi   ganda  ",
                                            "../../etc/passwd",
                                            "\xC3\x87"
                                            "a\xC4\x9F \xE2\x80\x9CKaro\xE2\x80\x9D",
                                            "&amp;",
                                            "'&apos;'",
                                            "12'",
                                            "\xEE\x80\x81 (U+E001)"};
const std::vector<std::string> kOtherValues{"baris\nbaru",
                                            "tab\tdi sini",
                                            "\x01",
                                            "ganti\r\nbaris",
                                            "tanda \xEE\x80\x80"
                                            "7' palsu",
                                            "bukan \xEF\xBF\xBF"};

TEST(Skeleton, TheTreeFromTheSkeletonIsTheTreeOfTheFilledMarkup) {
  Fixture fixture;
  render::TemplateSet templates(fixture.dir.path());
  render::SkeletonTrees trees;
  std::string first_skeleton;
  for (const auto& value : kInertValues) {
    Data data = document_data(value, 3);
    auto plain = templates.render(fixture.file, data, false);
    auto with = templates.render(fixture.file, data, false, nullptr, true);
    EXPECT_EQ(with.markup, plain.markup) << value;
    EXPECT_TRUE(plain.skeleton.empty());
    ASSERT_FALSE(with.skeleton.empty()) << value;
    // One shape, one skeleton: the tree is parsed once for all these documents.
    if (first_skeleton.empty()) first_skeleton = with.skeleton;
    EXPECT_EQ(with.skeleton, first_skeleton) << value;

    auto tree = trees.tree(with.skeleton, with.values, "surat.xml (filled)");
    ASSERT_TRUE(tree) << value;
    expect_same_tree(*tree, layout::parse_markup(plain.markup, "surat.xml (filled)"), value);
  }
  // Another shape (a longer list) is another skeleton, and as right.
  Data data = document_data("Camat", 5);
  auto with = templates.render(fixture.file, data, false, nullptr, true);
  EXPECT_NE(with.skeleton, first_skeleton);
  auto tree = trees.tree(with.skeleton, with.values, "f");
  ASSERT_TRUE(tree);
  expect_same_tree(*tree, layout::parse_markup(templates.render(fixture.file, data, false).markup, "f"), "five");
}

TEST(Skeleton, AValueParsingWouldChangeHasNoSkeletonAndTheSameMarkup) {
  Fixture fixture;
  render::TemplateSet templates(fixture.dir.path());
  for (const auto& value : kOtherValues) {
    Data data = document_data(value, 2);
    auto with = templates.render(fixture.file, data, false, nullptr, true);
    EXPECT_TRUE(with.skeleton.empty()) << value;
    EXPECT_EQ(with.markup, templates.render(fixture.file, data, false).markup) << value;
  }
  EXPECT_FALSE(render::is_inert("\xC3"));  // cut UTF-8
  EXPECT_TRUE(render::is_inert("Ny. Siti Br. Ginting, S.K.M."));
}

TEST(Skeleton, APlaceholderOutsideTextAndAttributesIsNotUsed) {
  ScratchDir dir;
  auto file = dir.write("komentar.xml", "<document><!-- {{nama}} --><p>{{nama}}</p></document>");
  render::TemplateSet templates(dir.path());
  Data data(Data::type::object);
  data.set("nama", Data("Karo"));
  auto with = templates.render(file, data, false, nullptr, true);
  ASSERT_FALSE(with.skeleton.empty());
  render::SkeletonTrees trees;
  EXPECT_FALSE(trees.tree(with.skeleton, with.values, "komentar.xml"));
  EXPECT_FALSE(trees.tree(with.skeleton, with.values, "komentar.xml")) << "remembered as unusable";
  // A template holding the mark itself never renders with placeholders.
  auto marked = dir.write("tanda.xml",
                          "<document><p>\xEE\x80\x80"
                          "0' {{nama}}</p></document>");
  auto rendered = templates.render(marked, data, false, nullptr, true);
  EXPECT_TRUE(rendered.skeleton.empty());
  EXPECT_EQ(rendered.markup,
            "<document><p>\xEE\x80\x80"
            "0' Karo</p></document>");
}

TEST(Skeleton, ALongSkeletonIsNotKept) {
  render::SkeletonTrees trees;
  std::string body;
  while (body.size() <= render::SkeletonTrees::kMaxSkeletonBytes) body += "<p>" + render::placeholder(0) + "</p>";
  std::string skeleton = "<document>" + body + "</document>";
  EXPECT_FALSE(trees.tree(skeleton, {"nilai"}, "panjang.xml"));
  std::string short_one = "<document><p>" + render::placeholder(0) + "</p></document>";
  auto tree = trees.tree(short_one, {"nilai"}, "pendek.xml");
  ASSERT_TRUE(tree);
  EXPECT_EQ(tree->children.at(0).children.at(0).text, "nilai");
}

TEST(Skeleton, ADocumentMadeFromTheSkeletonIsByteForByteTheSame) {
  Fixture fixture;
  render::TemplateSet templates(fixture.dir.path());
  auto fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  render::SkeletonTrees trees;
  render::RenderOptions options{false, Date{2025, 7, 5}};
  for (const auto& value :
       {std::string("Dinas Kesehatan"), std::string("A & B <i>"), std::string("Ny. Br. Sembiring")}) {
    auto markup = templates.render(fixture.file, document_data(value, 3), false, nullptr, true);
    ASSERT_FALSE(markup.skeleton.empty());
    auto parsed = render::render_markup(markup, fixture.dir.path(), fonts, options);
    auto from_skeleton = render::render_markup(markup, fixture.dir.path(), fonts, options, &trees);
    EXPECT_EQ(from_skeleton.bytes, parsed.bytes) << value;
  }
}

TEST(Skeleton, AnErrorNamesTheColumnsOfTheFilledMarkup) {
  // The value makes the width invalid: the message is the one parsing the filled markup
  // gives, at its own column, not the skeleton's.
  ScratchDir dir;
  auto file = dir.write("lebar.xml", "<document><p>{{nama}}</p><space height=\"{{tinggi}}\"/></document>");
  render::TemplateSet templates(dir.path());
  auto fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  Data data(Data::type::object);
  data.set("nama", Data("Nama yang cukup panjang"));
  data.set("tinggi", Data("tinggi sekali"));
  auto markup = templates.render(file, data, false, nullptr, true);
  ASSERT_FALSE(markup.skeleton.empty());
  auto message = [&](render::SkeletonTrees* trees) {
    try {
      render::render_markup(markup, dir.path(), fonts, {}, trees);
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  render::SkeletonTrees trees;
  std::string expected = message(nullptr);
  EXPECT_NE(expected, "no error");
  EXPECT_EQ(message(&trees), expected);
}

}  // namespace
}  // namespace inovasi
