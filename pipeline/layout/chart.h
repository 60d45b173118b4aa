#pragma once
// The print markup's <bar-chart>: horizontal bars with their labels and values, a value
// axis, and band thresholds as dashed lines, laid out as slices (a heading with the
// bands' names, a slice per bar, the axis) so a long chart breaks between bars.

#include <vector>

#include "layout/flow.h"

namespace inovasi::layout {

std::vector<Slice> layout_bar_chart(const BarChart& chart, double width, FlowContext& context);

// Where a chart's bars start and how long a whole axis is, for a chart of `width`:
// exposed so tests can check that bars are drawn to scale.
struct ChartGeometry {
  double plot_left = 0;   // the axis's 0
  double plot_width = 0;  // from 0 to `max`
};
ChartGeometry chart_geometry(const BarChart& chart, double width, FlowContext& context);

}  // namespace inovasi::layout
