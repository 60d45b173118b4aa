#pragma once
// Tables: measure every cell, then make one slice per row. Header rows are kept aside
// so pagination can repeat them; body rows carry a split function that cuts every cell
// at a line boundary, for rows taller than a page.

#include "layout/flow.h"

namespace inovasi::layout {

void layout_table(const Table& table, double width, FlowContext& context, FlowResult& out);

// Column widths in points: fixed lengths first, then percentages of the width, then
// '*' columns share what is left. Throws MarkupError-free std::runtime_error when the
// fixed widths exceed the width.
std::vector<double> resolve_column_widths(const std::vector<Table::Width>& widths, double width);

}  // namespace inovasi::layout
