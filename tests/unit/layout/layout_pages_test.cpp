// Blocks, lists, tables and pagination with the fixed-width measurer.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "layout_support.h"

namespace inovasi::layout {
namespace {

using ::testing::HasSubstr;
using namespace inovasi::testing;

// A5-ish page, 10 pt text, 12 pt lines: easy arithmetic.
std::string doc(const std::string& body, const std::string& extra = "") {
  return "<document size=\"A4\" margin=\"20mm\" font-size=\"10pt\" line-height=\"1.2\"" + extra + ">" + body +
         "</document>";
}

std::string words(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += "kata" + std::to_string(i) + " ";
  return text;
}

double bottom_limit(const LaidOutDocument& d) { return d.paper.height - 20 * kPointsPerMm; }

// One-line paragraphs that fill the first page but for `spare` lines.
std::string filler(int spare) {
  auto probe = lay_out(doc("<p>x</p>"));
  double body = bottom_limit(probe) - 20 * kPointsPerMm;
  std::string markup;
  for (int i = 0; i < static_cast<int>(body / 12) - spare; ++i) markup += "<p space-after=\"0\">isi</p>";
  return markup;
}

TEST(LayoutPages, LongTextFlowsOverPagesWithinTheMargins) {
  auto d = lay_out(doc("<p>" + words(3000) + "</p>"));
  ASSERT_GT(d.pages.size(), 2u);
  for (const auto& page : d.pages) {
    for (const auto& t : texts(page)) {
      EXPECT_GE(t.baseline, 20 * kPointsPerMm);
      EXPECT_LE(t.baseline, bottom_limit(d));
    }
  }
  EXPECT_THAT(all_text(d), HasSubstr("kata2999"));
}

TEST(LayoutPages, NoOrphanOrWidowLines) {
  // Fill the page so that a 4-line paragraph starts on the last line.
  auto one_page = lay_out(doc("<p>" + words(1) + "</p>"));
  double body = bottom_limit(one_page) - 20 * kPointsPerMm;
  int filler_lines = static_cast<int>(body / 12) - 1;
  std::string body_markup;
  for (int i = 0; i < filler_lines; ++i) body_markup += "<p space-after=\"0\">isi</p>";
  body_markup +=
      "<p space-after=\"0\">" + std::string(4 * 80, 'y').insert(80, " ").insert(161, " ").insert(242, " ") + "</p>";
  auto d = lay_out(doc(body_markup));
  ASSERT_EQ(d.pages.size(), 2u);
  int on_second = 0;
  for (const auto& t : texts(d.pages[1])) on_second += t.text.find('y') != std::string::npos;
  EXPECT_EQ(on_second, 4) << "the paragraph's first line must not stay alone at the foot";
}

TEST(LayoutPages, HeadingsKeepWithTheNextParagraph) {
  std::string markup = filler(2);
  markup += "<h2>Judul Bagian</h2><p>" + words(60) + "</p>";
  auto d = lay_out(doc(markup));
  ASSERT_EQ(d.pages.size(), 2u);
  ASSERT_FALSE(texts(d.pages[1]).empty());
  EXPECT_EQ(texts(d.pages[1]).front().text, "Judul Bagian");
}

TEST(LayoutPages, NestedListsKeepNumberingAndHangingIndents) {
  auto d = lay_out(doc(
      "<ol indent=\"20pt\"><li>satu</li><li>dua<ol style=\"a\" indent=\"20pt\"><li>dua a</li><li>dua b</li></ol></li>"
      "<li>tiga</li></ol>"));
  auto t = texts(d.pages[0]);
  std::vector<std::pair<std::string, double>> seen;
  for (const auto& op : t) seen.emplace_back(op.text, op.x - 20 * kPointsPerMm);
  std::vector<std::pair<std::string, double>> expected{{"satu", 20},  {"1.", 0},  {"dua", 20},   {"2.", 0},
                                                       {"dua a", 40}, {"a.", 20}, {"dua b", 40}, {"b.", 20},
                                                       {"tiga", 20},  {"3.", 0}};
  ASSERT_EQ(seen.size(), expected.size());
  for (std::size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i].first, expected[i].first);
    EXPECT_NEAR(seen[i].second, expected[i].second, 1e-6) << seen[i].first;
  }
}

std::string long_table(int rows) {
  std::string markup = "<table widths=\"15%,*\"><thead><tr><th>No</th><th>Uraian</th></tr></thead>";
  for (int i = 1; i <= rows; ++i) markup += "<tr><td>" + std::to_string(i) + "</td><td>" + words(40) + "</td></tr>";
  return markup + "</table>";
}

TEST(LayoutPages, FortyRowTableRepeatsItsHeaderOnEveryPage) {
  auto d = lay_out(doc(long_table(40)));
  ASSERT_GT(d.pages.size(), 2u);
  int rows_seen = 0;
  for (const auto& page : d.pages) {
    auto t = texts(page);
    ASSERT_FALSE(t.empty());
    EXPECT_EQ(t[0].text, "No");
    EXPECT_EQ(t[1].text, "Uraian");
    for (const auto& op : t) {
      EXPECT_LE(op.baseline, bottom_limit(d));
      if (op.x < 40 * kPointsPerMm && op.text != "No") ++rows_seen;  // the number column
    }
  }
  EXPECT_EQ(rows_seen, 40);  // every row once: rows move whole, none split or lost
}

TEST(LayoutPages, ARowTallerThanAPageSplitsAtLineBoundaries) {
  auto d =
      lay_out(doc("<table widths=\"20%,*\"><thead><tr><th>No</th><th>Isi</th></tr></thead>"
                  "<tr><td>1</td><td>" +
                  words(4000) + "</td></tr></table>"));
  ASSERT_GT(d.pages.size(), 2u);
  EXPECT_THAT(all_text(d), HasSubstr("kata3999"));
  for (const auto& page : d.pages) {
    EXPECT_EQ(texts(page).front().text, "No");
    for (const auto& op : texts(page)) EXPECT_LE(op.baseline, bottom_limit(d));
  }
}

TEST(LayoutPages, KeepTogetherRowsMoveWhole) {
  std::string markup = filler(3);
  markup += "<table><tr keep-together=\"yes\"><td>" + words(60) + "</td></tr></table>";
  auto d = lay_out(doc(markup));
  ASSERT_EQ(d.pages.size(), 2u);
  ASSERT_FALSE(texts(d.pages[1]).empty());
  EXPECT_EQ(texts(d.pages[1]).front().text.substr(0, 5), "kata0");
}

TEST(LayoutPages, PageBreaksRunningFieldsFramesAndBookmarks) {
  auto d =
      lay_out(doc("<footer>Halaman <page-number/> dari <page-count/></footer>"
                  "<h1 bookmark=\"Satu\">Satu</h1><page-break/><bookmark title=\"Dua\" level=\"1\"/>"
                  "<frame x=\"10mm\" y=\"10mm\" width=\"50mm\" height=\"20mm\" border=\"1pt\"><p>bingkai</p></frame>"));
  ASSERT_EQ(d.pages.size(), 2u);
  EXPECT_THAT(all_text(d), HasSubstr("Halaman 1 dari 2"));
  EXPECT_THAT(all_text(d), HasSubstr("Halaman 2 dari 2"));
  ASSERT_EQ(d.bookmarks.size(), 2u);
  EXPECT_EQ(d.bookmarks[1].title, "Dua");
  EXPECT_EQ(d.bookmarks[1].page, 1);
  EXPECT_EQ(d.bookmarks[1].level, 1);
  bool framed = false;
  for (const auto& t : texts(d.pages[1])) {
    framed = framed || (t.text == "bingkai" && t.x > 10 * kPointsPerMm && t.x < 60 * kPointsPerMm &&
                        t.baseline < 30 * kPointsPerMm);
  }
  EXPECT_TRUE(framed);
}

TEST(LayoutPages, PaperSizesAndOrientation) {
  EXPECT_NEAR(lay_out("<document size=\"F4\"><p>x</p></document>").paper.height, 330 * kPointsPerMm, 1e-6);
  auto landscape = lay_out("<document size=\"A4\" orientation=\"landscape\"><p>x</p></document>");
  EXPECT_NEAR(landscape.paper.width, 297 * kPointsPerMm, 1e-6);
  EXPECT_NEAR(lay_out("<document size=\"letter\"><p>x</p></document>").paper.width, 612, 1e-6);
}

TEST(LayoutPages, BadMarkupNamesLineAndColumn) {
  auto message = [](const std::string& markup) {
    try {
      lay_out(markup);
    } catch (const MarkupError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("<document>\n  <p warna=\"x\">a</p>\n</document>"),
            "test.xml:2:3: <p> has no attribute 'warna' (known: align, indent, left-indent, space-before, space-after, "
            "keep-with-next, keep-together, bookmark, bookmark-level, font, font-size, line-height)");
  EXPECT_EQ(message("<document>\n<p space-after=\"lebar\">a</p></document>"),
            "test.xml:2:1: space-after: 'lebar' is not a length (12pt, 10mm, 2cm, 1in)");
  EXPECT_EQ(message("<document><li>a</li></document>"), "test.xml:1:11: <li> cannot stand inside <document>");
  EXPECT_EQ(message("<document><p>a</document>"),
            "test.xml:1:17: malformed markup: mismatched tag: the <p> opened on line 1 is not closed before it");
  EXPECT_EQ(message("<document size=\"B5\"/>"), "test.xml:1:1: size: unknown paper 'B5' (A4, F4, Letter, Legal)");
  EXPECT_EQ(message("<document><table widths=\"50%\"><tr><td>a</td><td>b</td></tr></table></document>"),
            "test.xml:1:11: widths: 1 widths for 2 columns");
  // In a partial, a stray end tag at the top names no element: the wrapper is not the writer's.
  auto partial_message = [](const std::string& markup) {
    try {
      parse_markup(markup, "partial.xml", {false, true});
    } catch (const MarkupError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(partial_message("<p>a</p></b>"), "partial.xml:1:11: malformed markup: mismatched tag");
  EXPECT_EQ(partial_message("<p>a\n<b>x</p>"),
            "partial.xml:2:7: malformed markup: mismatched tag: the <b> opened on line 2 is not closed before it");
  // Entities: a template reads no other file, and cannot multiply its text without bound.
  EXPECT_EQ(message("<!DOCTYPE document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><document><p>&x;</p></document>"),
            "test.xml:1:75: malformed markup: error in processing external entity reference");
  std::string laughs = "<!DOCTYPE document [<!ENTITY a0 \"aaaaaaaaaa\">";
  for (int i = 1; i < 9; ++i) {
    laughs += "<!ENTITY a" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) laughs += "&a" + std::to_string(i - 1) + ";";
    laughs += "\">";
  }
  laughs += "]><document><p>&a8;</p></document>";
  EXPECT_NE(message(laughs).find("amplification"), std::string::npos) << message(laughs);
}

}  // namespace
}  // namespace inovasi::layout
