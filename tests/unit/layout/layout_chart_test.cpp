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

TEST(LayoutChart, AChartTallerThanItsMaxHeightShrinksToFitNoFurtherThanItsLimit) {
  auto chart_of = [](const std::string& attributes) {
    std::string chart = "<bar-chart max=\"100\" bar-height=\"5mm\" font-size=\"10pt\" " + attributes + ">";
    for (int i = 0; i < 30; ++i) chart += "<bar label=\"Inovasi " + std::to_string(i) + "\" value=\"50\"/>";
    return chart + "<band label=\"Batas\" value=\"60\"/></bar-chart>";
  };
  auto span_of = [](const LaidOutDocument& document) {  // from the first bar's top to the last bar's bottom
    auto drawn = bars(document);
    return drawn.back().y + drawn.back().height - drawn.front().y;
  };
  auto label_size = [](const LaidOutDocument& document) {
    for (const auto& op : texts(document.pages.front())) {
      if (op.text == "Inovasi 0") return op.size;
    }
    return 0.0;
  };
  auto natural = lay_out(chart_document(chart_of("")));
  EXPECT_DOUBLE_EQ(label_size(natural), 10);
  // Scaled to 80 mm whole (bands' names and axis included): 37.3% of its written size.
  auto fitted = lay_out(chart_document(chart_of("max-height=\"80mm\" shrink-limit=\"20%\"")));
  ASSERT_EQ(fitted.pages.size(), 1u);
  EXPECT_LT(span_of(fitted), 80 * kPointsPerMm);
  EXPECT_NEAR(label_size(fitted) / 10, bars(fitted).front().height / (5 * kPointsPerMm), 1e-9);
  EXPECT_LT(label_size(fitted), 4);
  // The default limit, 60%: no smaller than that, however tall.
  auto limited = lay_out(chart_document(chart_of("max-height=\"80mm\"")));
  EXPECT_DOUBLE_EQ(label_size(limited), 6);
  EXPECT_GT(span_of(limited), 80 * kPointsPerMm);
  // Bars stay to scale whatever their size: 50 against the band's 60.
  const RectOp bar = bars(fitted).front();
  EXPECT_NEAR(bar.width / (dashed(fitted).front().x1 - bar.x), 50.0 / 60, 1e-9);
}

}  // namespace
}  // namespace inovasi::layout
