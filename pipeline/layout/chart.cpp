#include "layout/chart.h"

#include <algorithm>
#include <cstdio>

#include "layout/blocks.h"

namespace inovasi::layout {
namespace {

constexpr double kBarGray = 0.55;   // bars print gray, so labels and lines stay readable
constexpr double kGapShare = 0.35;  // the space between bars, as a share of a bar's height
constexpr double kAxisThickness = 0.6;

// "65", "12.5": a value as the axis and the bars print it.
std::string number_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

// One line of text in the chart's style, its fragments placed from x = 0.
struct TextLine {
  std::vector<LineFragment> fragments;
  double width = 0;
};

TextLine one_line(const std::string& text, const TextStyle& style, FlowContext& context, const std::string& where) {
  InlineOptions options{1e9, 0, Align::Left, 1, where};
  auto lines = break_lines({Run{text, style}}, options, context.measurer, context.missing);
  TextLine line;
  if (!lines.empty()) {
    line.fragments = lines.front().fragments;
    line.width = lines.front().width;
  }
  return line;
}

// The label cut to `room` with an ellipsis when it is longer: a chart's label names its
// bar; the full text stands in the document's table.
TextLine fitted_label(std::string label, double room, const TextStyle& style, FlowContext& context,
                      const std::string& where) {
  TextLine line = one_line(label, style, context, where);
  while (line.width > room && !label.empty()) {
    label.pop_back();
    while (!label.empty() && (static_cast<unsigned char>(label.back()) & 0xC0) == 0x80) label.pop_back();
    while (!label.empty() && label.back() == ' ') label.pop_back();
    line = one_line(label + "\u2026", style, context, where);
  }
  return line;
}

void add_line(std::vector<DrawOp>& ops, double x1, double y1, double x2, double y2, double thickness, bool dashed) {
  LineOp line;
  line.x1 = x1, line.y1 = y1, line.x2 = x2, line.y2 = y2;
  line.thickness = thickness;
  line.dashed = dashed;
  ops.emplace_back(std::in_place_type<LineOp>, line);
}

void place_text(const TextLine& line, double x, double baseline, double size, std::vector<DrawOp>& ops) {
  for (const auto& fragment : line.fragments) {
    ops.push_back(TextOp{x + fragment.x, baseline, fragment.face, size, fragment.text, fragment.width, false});
  }
}

}  // namespace

ChartGeometry chart_geometry(const BarChart& chart, double width, FlowContext& context) {
  // Room after the longest bar for its value.
  double value_room = one_line(number_text(chart.max), chart.style, context, {}).width + chart.style.size;
  ChartGeometry geometry;
  geometry.plot_left = width * chart.label_share;
  geometry.plot_width = std::max(1.0, width - geometry.plot_left - value_room);
  return geometry;
}

namespace {

// The chart's height as written: the bands' names, the bars, the axis.
double natural_height(const BarChart& chart) {
  double size = chart.style.size;
  double heading = chart.bands.empty() ? 0 : size * 1.5;
  return heading + static_cast<double>(chart.bars.size()) * chart.bar_height * (1 + kGapShare) + size * 1.9;
}

// The chart scaled down to its max-height (bars and text alike), no further than its
// shrink limit.
BarChart fitted(const BarChart& chart) {
  double natural = natural_height(chart);
  if (chart.max_height <= 0 || natural <= chart.max_height) return chart;
  double factor = std::max(chart.shrink_limit, chart.max_height / natural);
  BarChart scaled = chart;
  scaled.bar_height *= factor;
  scaled.style.size *= factor;
  return scaled;
}

}  // namespace

std::vector<Slice> layout_bar_chart(const BarChart& written, double width, FlowContext& context) {
  const BarChart chart = fitted(written);
  const std::string where = describe(chart.at, context.file);
  const double size = chart.style.size;
  const ChartGeometry geometry = chart_geometry(chart, width, context);
  auto x_of = [&](double value) { return geometry.plot_left + geometry.plot_width * value / chart.max; };
  const double row = chart.bar_height * (1 + kGapShare);
  const double text_row = size * 1.5;

  std::vector<Slice> slices;
  // The heading: each band's name over its line, kept inside the plot.
  Slice heading;
  heading.height = chart.bands.empty() ? 0 : text_row;
  for (const auto& band : chart.bands) {
    TextLine name = one_line(band.label + " (" + number_text(band.value) + ")", chart.style, context, where);
    double x = std::clamp(x_of(band.value) - name.width / 2, geometry.plot_left,
                          std::max(geometry.plot_left, geometry.plot_left + geometry.plot_width - name.width));
    place_text(name, x, size, size, heading.ops);
  }
  const bool has_heading = heading.height > 0;
  if (has_heading) slices.push_back(std::move(heading));

  auto lines_across = [&](double height, std::vector<DrawOp>& ops) {
    add_line(ops, geometry.plot_left, 0, geometry.plot_left, height, kAxisThickness, false);
    for (const auto& band : chart.bands) add_line(ops, x_of(band.value), 0, x_of(band.value), height, 0.5, true);
  };
  for (const auto& bar : chart.bars) {
    Slice slice;
    slice.height = row;
    slice.break_before = !(has_heading && &bar == &chart.bars.front());  // the heading stays with the first bar
    double top = chart.bar_height * kGapShare / 2;
    double baseline = top + chart.bar_height / 2 + size * 0.35;
    TextLine label = fitted_label(bar.label, geometry.plot_left - size * 0.6, chart.style, context, where);
    place_text(label, 0, baseline, size, slice.ops);
    double length = geometry.plot_width * bar.value / chart.max;
    if (length > 0) slice.ops.push_back(RectOp{geometry.plot_left, top, length, chart.bar_height, 0, true, kBarGray});
    place_text(one_line(number_text(bar.value), chart.style, context, where), geometry.plot_left + length + size * 0.3,
               baseline, size, slice.ops);
    lines_across(row, slice.ops);
    slices.push_back(std::move(slice));
  }

  // The axis: a line from 0 to max, with 0, each threshold and max marked under it.
  Slice axis;
  axis.height = text_row + size * 0.4;
  axis.break_before = chart.bars.empty() && !has_heading;  // the axis stays with the last bar
  add_line(axis.ops, geometry.plot_left, 0, geometry.plot_left + geometry.plot_width, 0, kAxisThickness, false);
  std::vector<double> marks{0, chart.max};
  for (const auto& band : chart.bands) marks.push_back(band.value);
  std::sort(marks.begin(), marks.end());
  marks.erase(std::unique(marks.begin(), marks.end()), marks.end());
  double free_from = 0;  // marks that would print over the one before are left out
  for (double mark : marks) {
    TextLine text = one_line(number_text(mark), chart.style, context, where);
    double x = x_of(mark) - text.width / 2;
    if (x < free_from && mark != chart.max) continue;
    add_line(axis.ops, x_of(mark), 0, x_of(mark), size * 0.3, kAxisThickness, false);
    place_text(text, x, size * 0.3 + size, size, axis.ops);
    free_from = x + text.width + size * 0.3;
  }
  slices.push_back(std::move(axis));
  return slices;
}

}  // namespace inovasi::layout
