#include "layout/inline.h"

#include <gtest/gtest.h>

#include "layout_support.h"
#include "support/utf8.h"

namespace inovasi::layout {
namespace {

using testing::CollectingSink;
using testing::FixedMeasurer;

std::vector<Line> lines_of(const std::string& text, double width, Align align = Align::Left,
                           CollectingSink* sink = nullptr) {
  FixedMeasurer measurer;
  TextStyle style;
  style.size = 10;  // 5 pt per character
  InlineOptions options;
  options.width = width;
  options.align = align;
  options.line_height = 1.2;
  options.context = "t.xml:1";
  return break_lines({{text, style}}, options, measurer, sink);
}

std::string joined(const Line& line) {
  std::string text;
  for (const auto& fragment : line.fragments) text += (text.empty() ? "" : "|") + fragment.text;
  return text;
}

TEST(InlineLayout, BreaksAtSpacesWithinTheWidth) {
  auto lines = lines_of("aaa bbb ccc", 40);  // "aaa bbb" is 35 pt
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(joined(lines[0]), "aaa bbb");
  EXPECT_DOUBLE_EQ(lines[0].width, 35);
  EXPECT_EQ(joined(lines[1]), "ccc");
  EXPECT_DOUBLE_EQ(lines[0].height, 12);
  EXPECT_TRUE(lines[1].ends_paragraph);
}

TEST(InlineLayout, AWordWiderThanTheLineIsBrokenNotLost) {
  auto lines = lines_of(std::string(25, 'x'), 50);  // 10 characters per line
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(joined(lines[0]), std::string(10, 'x'));
  EXPECT_EQ(joined(lines[2]), std::string(5, 'x'));
}

TEST(InlineLayout, Alignment) {
  EXPECT_DOUBLE_EQ(lines_of("ab", 100, Align::Center)[0].fragments[0].x, 45);
  EXPECT_DOUBLE_EQ(lines_of("ab", 100, Align::Right)[0].fragments[0].x, 90);
  // Justified: the first line's two spaces share the slack; the last line is not stretched.
  auto justified = lines_of("aa bb cc dd", 50, Align::Justify);
  ASSERT_EQ(justified.size(), 2u);
  ASSERT_EQ(justified[0].fragments.size(), 3u);
  EXPECT_DOUBLE_EQ(justified[0].fragments[2].x + justified[0].fragments[2].width, 50);
  EXPECT_EQ(joined(justified[1]), "dd");
  EXPECT_DOUBLE_EQ(justified[1].fragments[0].x, 0);
}

TEST(InlineLayout, StyledRunsInsideOneWordStayTogether) {
  FixedMeasurer measurer;
  TextStyle plain, bold;
  plain.size = bold.size = 10;
  bold.face.bold = true;
  InlineOptions options;
  options.width = 40;
  auto lines = break_lines({{"aa Pem", plain}, {"bina", bold}}, options, measurer, nullptr);
  ASSERT_EQ(lines.size(), 2u);  // "Pembina" moves whole
  EXPECT_EQ(joined(lines[1]), "Pem|bina");
  EXPECT_EQ(lines[1].fragments[1].face, 1);
}

TEST(InlineLayout, LineBreaksAndMissingGlyphs) {
  FixedMeasurer measurer;
  CollectingSink sink;
  TextStyle style;
  InlineOptions options;
  options.width = 500;
  options.context = "t.xml:7";
  auto lines = break_lines({{"satu", style}, {"", style, true}, {"dua \xE3\x80\x81 \xE3\x80\x81", style}}, options,
                           measurer, &sink);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(joined(lines[1]), "dua ? ?");
  ASSERT_EQ(sink.missing.size(), 2u);
  EXPECT_EQ(sink.missing[0].first, U'\u3001');
  EXPECT_EQ(sink.missing[0].second, "t.xml:7");
}

TEST(InlineLayout, Utf8Decoding) {
  std::size_t i = 0;
  std::string text = "é€\xF0\x9F\x98\x80\xFF";
  EXPECT_EQ(next_code_point(text, i), U'é');
  EXPECT_EQ(next_code_point(text, i), U'€');
  EXPECT_EQ(next_code_point(text, i), U'\U0001F600');
  EXPECT_EQ(next_code_point(text, i), U'\uFFFD');
  std::string out;
  append_utf8(out, U'\U0001F600');
  EXPECT_EQ(out, "\xF0\x9F\x98\x80");
}

}  // namespace
}  // namespace inovasi::layout
