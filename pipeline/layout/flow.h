#pragma once
// Flow layout: blocks become slices, the units pagination moves between pages. A slice
// is a paragraph line, a table row, an image...; its drawing operations are relative to
// the slice's top left at the content's left edge.
//
// Invariants the paginator relies on:
// - `break_before == false` chains a slice to the one before it (widows and orphans,
//   keep-with-next, a table header and its first row);
// - `discardable` slices (vertical space) vanish at the top of a page;
// - only rows too tall for any page get a `split` function.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/blocks.h"
#include "layout/measure.h"

namespace inovasi::layout {

struct Slice {
  double height = 0;
  std::vector<DrawOp> ops;
  bool break_before = true;
  bool discardable = false;
  bool page_break = false;          // a forced break before this slice
  bool absolute = false;            // a frame: ops are in page coordinates, takes no space
  int table = -1;                   // which table's body this row belongs to (header repetition)
  std::vector<Bookmark> bookmarks;  // y relative to the slice
  // Splits a row at a height; nullopt when no line boundary fits.
  std::function<std::optional<std::pair<Slice, Slice>>(double)> split;
};

struct FlowResult {
  std::vector<Slice> slices;
  std::vector<std::vector<Slice>> table_headers;  // by table id
};

class ImageInfoCache;
class LineCache;

struct FlowContext {
  TextMeasurer& measurer;
  MissingGlyphSink* missing = nullptr;
  ImageInfoCache* images = nullptr;
  std::string file;  // the template, for messages
  // Where paragraphs repeat (a print file volume): lines broken once. Used only when no
  // one listens for missing glyphs, since a cached paragraph would not report them again.
  LineCache* lines = nullptr;
};

// Lays out blocks for a given content width.
FlowResult layout_blocks(const std::vector<Block>& blocks, double width, FlowContext& context);

// Vertical space that vanishes at the top of a page.
Slice spacer(double height);

// Moves every operation by (dx, dy).
void translate(std::vector<DrawOp>& ops, double dx, double dy);

// Height of laid-out slices placed one under another (for cells, headers, frames).
double stacked_height(const std::vector<Slice>& slices);
// Their operations stacked, each slice under the previous.
std::vector<DrawOp> stacked_ops(const std::vector<Slice>& slices);

}  // namespace inovasi::layout
