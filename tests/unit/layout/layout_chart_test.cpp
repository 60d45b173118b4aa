// The print markup's bar chart: bars drawn to scale, band thresholds where their values
// fall, labels cut to their room, and a chart that could mislead refused.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "layout/chart.h"
#include "layout_support.h"

namespace inovasi::layout {
namespace {

using ::testing::HasSubstr;
using namespace inovasi::testing;

std::string chart_document(const std::string& chart) {
  return "<document size=\"A4\" margin=\"20mm\" font-size=\"10pt\">\n<p>Skor</p>\n" + chart + "\n</document>";
}

std::vector<RectOp> bars(const LaidOutDocument& document) {
  std::vector<RectOp> out;
  for (const auto& page : document.pages) {
    for (const auto& op : page.ops) {
      if (const auto* rect = std::get_if<RectOp>(&op); rect && rect->fill && rect->gray > 0) out.push_back(*rect);
    }
  }
  return out;
}

std::vector<LineOp> dashed(const LaidOutDocument& document) {
  std::vector<LineOp> out;
  for (const auto& op : document.pages.front().ops) {
    if (const auto* line = std::get_if<LineOp>(&op); line && line->dashed) out.push_back(*line);
  }
  return out;
}

TEST(LayoutChart, BarsAreDrawnToScaleAndBandsWhereTheirValuesFall) {
  auto document = lay_out(chart_document(
      "<bar-chart max=\"111\"><bar label=\"KARO ERLAJAR\" value=\"98\"/><bar label=\"SIGAP\" value=\"49\"/>"
      "<bar label=\"GEMA TB\" value=\"0\"/><bar label=\"Penuh\" value=\"111\"/>"
      "<band label=\"Sangat Inovatif\" value=\"65\"/><band label=\"Inovatif\" value=\"35\"/></bar-chart>"));
  auto drawn = bars(document);
  ASSERT_EQ(drawn.size(), 3u);  // a score of 0 draws no bar
  // All start at the axis's 0; each is as long as its value's share of the axis.
  double whole = drawn[2].width;
  for (const auto& bar : drawn) EXPECT_DOUBLE_EQ(bar.x, drawn[0].x);
  EXPECT_NEAR(drawn[0].width / whole, 98.0 / 111, 1e-9);
  EXPECT_NEAR(drawn[1].width / whole, 49.0 / 111, 1e-9);
  EXPECT_NEAR(drawn[0].width / drawn[1].width, 2.0, 1e-9);
  // Each band's dashed line stands where its threshold falls, across every bar.
  auto lines = dashed(document);
  ASSERT_EQ(lines.size(), 2u * 4u);
  EXPECT_NEAR(lines[0].x1, drawn[0].x + whole * 65 / 111, 1e-9);
  EXPECT_NEAR(lines[1].x1, drawn[0].x + whole * 35 / 111, 1e-9);
  // The labels, the values, the bands' names and the axis's marks are all printed.
  std::string text = all_text(document);
  for (const char* expected : {"KARO ERLAJAR", "98", "49", "Sangat Inovatif (65)", "Inovatif (35)", "111"}) {
    EXPECT_THAT(text, HasSubstr(expected));
  }
}

TEST(LayoutChart, ALabelLongerThanItsRoomIsCutWithAnEllipsis) {
  std::string name(300, 'N');
  auto document = lay_out(chart_document("<bar-chart max=\"10\" label-width=\"20%\"><bar label=\"" + name +
                                         "\" value=\"5\"/></bar-chart>"));
  auto drawn = bars(document);
  ASSERT_EQ(drawn.size(), 1u);
  bool found = false;
  for (const auto& op : texts(document.pages.front())) {
    if (op.text.starts_with("NNN")) {
      found = true;
      EXPECT_THAT(op.text, ::testing::EndsWith("\u2026"));
      EXPECT_LE(op.x + op.width, drawn[0].x);  // never into the bars
    }
  }
  EXPECT_TRUE(found);
}

TEST(LayoutChart, AChartThatWouldMisleadIsATemplateError) {
  auto error_of = [](const std::string& chart) {
    try {
      lay_out(chart_document(chart));
    } catch (const MarkupError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_THAT(error_of("<bar-chart max=\"100\"><bar label=\"A\" value=\"120\"/></bar-chart>"),
              HasSubstr("past the axis's end"));
  EXPECT_THAT(error_of("<bar-chart max=\"100\"><bar label=\"A\" value=\"-3\"/></bar-chart>"),
              HasSubstr("not a number of 0 or more"));
  EXPECT_THAT(error_of("<bar-chart max=\"100\"><bar label=\"A\" value=\"lima\"/></bar-chart>"),
              HasSubstr("not a number of 0 or more"));
  EXPECT_THAT(error_of("<bar-chart><bar label=\"A\" value=\"1\"/></bar-chart>"), HasSubstr("needs max"));
  EXPECT_THAT(error_of("<bar-chart max=\"0\"></bar-chart>"), HasSubstr("must end above 0"));
  EXPECT_THAT(error_of("<bar-chart max=\"9\"><p>x</p></bar-chart>"), HasSubstr("<p>"));
}

TEST(LayoutChart, ALongChartBreaksBetweenBarsAndKeepsItsAxisWithTheLastBar) {
  std::string chart = "<bar-chart max=\"100\" bar-height=\"10mm\">";
  for (int i = 0; i < 40; ++i) chart += "<bar label=\"Inovasi " + std::to_string(i) + "\" value=\"50\"/>";
  chart += "<band label=\"Batas\" value=\"60\"/></bar-chart>";
  auto document = lay_out(chart_document(chart));
  ASSERT_GE(document.pages.size(), 2u);
  EXPECT_EQ(bars(document).size(), 40u);
  // The axis's last mark, 100, is on the last page.
  EXPECT_THAT(all_text(LaidOutDocument{document.paper, {document.pages.back()}, {}, {}}), HasSubstr("100"));
}

}  // namespace
}  // namespace inovasi::layout
