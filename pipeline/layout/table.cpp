#include "layout/table.h"

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace inovasi::layout {
namespace {

struct RowGeometry {
  std::vector<double> x, widths;
  std::vector<VAlign> valign;
  std::vector<double> border;
  double padding = 0;
};

using CellSlices = std::vector<Slice>;

void trim_spacing(CellSlices& slices) {
  while (!slices.empty() && slices.front().discardable) slices.erase(slices.begin());
  while (!slices.empty() && slices.back().discardable) slices.pop_back();
}

Slice make_row(const std::shared_ptr<const RowGeometry>& geometry, std::vector<CellSlices> cells, bool splittable);

// Cuts every cell after the lines that fit in `height`; the rest forms the next piece.
std::optional<std::pair<Slice, Slice>> split_row(const std::shared_ptr<const RowGeometry>& geometry,
                                                 const std::vector<CellSlices>& cells, double height) {
  double room = height - 2 * geometry->padding;
  std::vector<CellSlices> first(cells.size()), rest(cells.size());
  bool progress = false;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    double used = 0;
    std::size_t k = 0;
    while (k < cells[c].size() && used + cells[c][k].height <= room + 1e-6) used += cells[c][k++].height;
    progress = progress || k > 0;
    first[c].assign(cells[c].begin(), cells[c].begin() + static_cast<std::ptrdiff_t>(k));
    rest[c].assign(cells[c].begin() + static_cast<std::ptrdiff_t>(k), cells[c].end());
    trim_spacing(rest[c]);
  }
  if (!progress) return std::nullopt;
  return std::make_pair(make_row(geometry, std::move(first), false), make_row(geometry, std::move(rest), true));
}

Slice make_row(const std::shared_ptr<const RowGeometry>& geometry, std::vector<CellSlices> cells, bool splittable) {
  const RowGeometry& g = *geometry;
  Slice row;
  double content = 0;
  for (const auto& cell : cells) content = std::max(content, stacked_height(cell));
  row.height = content + 2 * g.padding;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    double offset = 0;
    double own = stacked_height(cells[c]);
    if (g.valign[c] == VAlign::Middle) offset = (content - own) / 2;
    if (g.valign[c] == VAlign::Bottom) offset = content - own;
    auto ops = stacked_ops(cells[c]);
    translate(ops, g.x[c] + g.padding, g.padding + offset);
    row.ops.insert(row.ops.end(), ops.begin(), ops.end());
    if (g.border[c] > 0) row.ops.push_back(RectOp{g.x[c], 0, g.widths[c], row.height, g.border[c], false});
  }
  if (splittable) {
    auto shared_cells = std::make_shared<const std::vector<CellSlices>>(std::move(cells));
    row.split = [geometry, shared_cells](double height) { return split_row(geometry, *shared_cells, height); };
  }
  return row;
}

}  // namespace

std::vector<double> resolve_column_widths(const std::vector<Table::Width>& widths, double width) {
  std::vector<double> out(widths.size(), 0);
  double used = 0;
  int stars = 0;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (widths[i].star) {
      ++stars;
      continue;
    }
    out[i] = widths[i].percent ? widths[i].value * width : widths[i].value;
    used += out[i];
  }
  if (used > width + 0.5) {
    throw std::runtime_error("table columns need " + std::to_string(static_cast<int>(used)) + "pt but only " +
                             std::to_string(static_cast<int>(width)) + "pt are available");
  }
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (widths[i].star) out[i] = (width - used) / stars;
  }
  return out;
}

void layout_table(const Table& table, double width, FlowContext& context, FlowResult& out) {
  auto widths = resolve_column_widths(table.widths, width);
  int id = static_cast<int>(out.table_headers.size());
  out.table_headers.emplace_back();
  if (table.space_before > 0) out.slices.push_back(spacer(table.space_before));
  bool after_header = false;
  bool first_row = true;
  for (const auto& row : table.rows) {
    auto geometry = std::make_shared<RowGeometry>();
    geometry->padding = table.padding;
    double x = 0;
    std::vector<CellSlices> cells;
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      geometry->x.push_back(x);
      geometry->widths.push_back(widths[c]);
      geometry->valign.push_back(row.cells[c].valign);
      geometry->border.push_back(row.cells[c].border.value_or(table.border));
      x += widths[c];
      FlowResult cell = layout_blocks(row.cells[c].blocks, std::max(1.0, widths[c] - 2 * table.padding), context);
      trim_spacing(cell.slices);
      cells.push_back(std::move(cell.slices));
    }
    Slice slice = make_row(geometry, std::move(cells), !row.keep_together && !row.header);
    if (row.header) {
      slice.break_before = first_row;
      if (table.repeat_header) out.table_headers[static_cast<std::size_t>(id)].push_back(slice);
      after_header = true;
    } else {
      slice.table = id;
      if (after_header) slice.break_before = false;  // a header never stands alone at a page foot
      after_header = false;
    }
    first_row = false;
    out.slices.push_back(std::move(slice));
  }
  if (table.space_after > 0) out.slices.push_back(spacer(table.space_after));
}

}  // namespace inovasi::layout
