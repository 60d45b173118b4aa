#include "layout/line_cache.h"

#include <gtest/gtest.h>

#include "layout_support.h"

namespace inovasi::layout {
namespace {

using testing::CollectingSink;
using testing::FixedMeasurer;

// Every field of every fragment, so two layouts compare whole.
std::string describe(const std::vector<Line>& lines) {
  std::string text;
  for (const auto& line : lines) {
    text += "line w=" + std::to_string(line.width) + " h=" + std::to_string(line.height) +
            " a=" + std::to_string(line.ascent) + " d=" + std::to_string(line.descent) +
            (line.ends_paragraph ? " end" : "") + "\n";
    for (const auto& f : line.fragments) {
      text += "  [" + f.text + "] x=" + std::to_string(f.x) + " w=" + std::to_string(f.width) +
              " face=" + std::to_string(f.face) + " size=" + std::to_string(f.style.size) +
              (f.style.underline ? " u" : "") + "\n";
    }
  }
  return text;
}

std::string describe(const LaidOutDocument& document) {
  std::string text;
  for (const auto& page : document.pages) {
    text += "page\n";
    for (const auto& op : testing::texts(page)) {
      text += "  [" + op.text + "] x=" + std::to_string(op.x) + " y=" + std::to_string(op.baseline) +
              " face=" + std::to_string(op.face) + " size=" + std::to_string(op.size) + "\n";
    }
  }
  return text;
}

std::vector<Run> award_sentence() {
  TextStyle plain;
  plain.size = 10;
  TextStyle bold = plain;
  bold.face.bold = true;
  return {{"yang telah diterapkan dan diusulkan pada ", plain},
          {"Innovative Government Award", bold},
          {"", plain, true},
          {"Kementerian Dalam Negeri Tahun 2026", plain}};
}

InlineOptions justified(double width) {
  InlineOptions options;
  options.width = width;
  options.first_line_indent = 15;
  options.align = Align::Justify;
  options.line_height = 1.2;
  return options;
}

TEST(LineCache, GivesTheLinesBreakLinesGivesAndBreaksThemOnce) {
  FixedMeasurer measurer;
  LineCache cache;
  std::string expected = describe(break_lines(award_sentence(), justified(120), measurer, nullptr));
  ASSERT_GT(std::count(expected.begin(), expected.end(), '\n'), 6);  // several lines, several fragments
  EXPECT_EQ(describe(cache.lines(award_sentence(), justified(120), measurer)), expected);
  EXPECT_EQ(cache.hits(), 0u);
  EXPECT_EQ(describe(cache.lines(award_sentence(), justified(120), measurer)), expected);
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(LineCache, AnyDifferenceInTheRunsOrTheOptionsIsAnotherParagraph) {
  FixedMeasurer measurer;
  LineCache cache;
  auto lines_for = [&](std::vector<layout::Run> runs, InlineOptions options) {
    std::string expected = describe(break_lines(runs, options, measurer, nullptr));
    EXPECT_EQ(describe(cache.lines(runs, options, measurer)), expected);
  };
  lines_for(award_sentence(), justified(120));
  auto narrower = justified(119);
  lines_for(award_sentence(), narrower);
  auto centred = justified(120);
  centred.align = Align::Center;
  lines_for(award_sentence(), centred);
  auto unindented = justified(120);
  unindented.first_line_indent = 0;
  lines_for(award_sentence(), unindented);
  auto spaced = justified(120);
  spaced.line_height = 1.5;
  lines_for(award_sentence(), spaced);
  for (int change = 0; change < 5; ++change) {
    auto runs = award_sentence();
    if (change == 0) runs[1].style.face.bold = false;
    if (change == 1) runs[1].style.face.italic = true;
    if (change == 2) runs[1].style.size = 11;
    if (change == 3) runs[1].style.underline = true;
    if (change == 4) runs[2].line_break = false;
    lines_for(runs, justified(120));
  }
  // The same characters split into runs differently are not the same key either.
  TextStyle plain;
  lines_for({{"ab", plain}, {"c", plain}}, justified(120));
  lines_for({{"a", plain}, {"bc", plain}}, justified(120));
  EXPECT_EQ(cache.hits(), 0u);
  EXPECT_EQ(cache.size(), 12u);
}

TEST(LineCache, StaysBoundedByClearingWhenFull) {
  FixedMeasurer measurer;
  LineCache cache;
  TextStyle plain;
  for (std::size_t i = 0; i < LineCache::kMaxEntries + 10; ++i)
    cache.lines({{std::to_string(i), plain}}, justified(100), measurer);
  EXPECT_EQ(cache.size(), 10u);
}

TEST(LineCache, ADocumentLaidOutWithTheCacheIsTheSameAndItsRepeatsAreHits) {
  const std::string markup =
      "<document size=\"A4\" font-size=\"10pt\">"
      "<p align=\"justify\" indent=\"8mm\">Bahwa dalam rangka <b>percepatan</b> inovasi daerah perlu ditetapkan.</p>"
      "<ul><li><p>Bahwa dalam rangka <b>percepatan</b> inovasi daerah perlu ditetapkan.</p></li></ul>"
      "<table widths=\"1,1\"><tr><td><p>Bahwa dalam rangka</p></td><td><p>Bahwa dalam rangka</p></td></tr></table>"
      "<p align=\"justify\" indent=\"8mm\">Bahwa dalam rangka <b>percepatan</b> inovasi daerah perlu ditetapkan.</p>"
      "</document>";
  FixedMeasurer measurer;
  DocumentSpec spec = build_document(parse_markup(markup, "t.xml"), "t.xml", ".");
  FlowContext plain{measurer, nullptr, nullptr, "t.xml"};
  std::string expected = describe(paginate(spec, plain));

  LineCache cache;
  FlowContext cached{measurer, nullptr, nullptr, "t.xml", &cache};
  EXPECT_EQ(describe(paginate(spec, cached)), expected);
  EXPECT_EQ(cache.hits(), 2u);  // the last paragraph, the second cell
  EXPECT_EQ(describe(paginate(spec, cached)), expected);
  EXPECT_EQ(cache.hits(), 7u);  // all five again

  // Someone listening for missing glyphs gets every report: the cache is not used.
  LineCache unused;
  CollectingSink sink;
  FlowContext listening{measurer, &sink, nullptr, "t.xml", &unused};
  DocumentSpec missing =
      build_document(parse_markup("<document><p>a \u3042</p><p>a \u3042</p></document>", "m.xml"), "m.xml", ".");
  paginate(missing, listening);
  EXPECT_EQ(sink.missing.size(), 2u);
  EXPECT_EQ(unused.size(), 0u);
}

}  // namespace
}  // namespace inovasi::layout
