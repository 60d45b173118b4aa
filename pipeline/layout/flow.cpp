#include "layout/flow.h"

#include <algorithm>
#include <stdexcept>

#include "layout/chart.h"
#include "layout/frames.h"
#include "layout/images.h"
#include "layout/line_cache.h"
#include "layout/qr.h"
#include "layout/table.h"

namespace inovasi::layout {
namespace {

double aligned_x(Align align, double width, double available) {
  if (align == Align::Center) return std::max(0.0, (available - width) / 2);
  if (align == Align::Right) return std::max(0.0, available - width);
  return 0;
}

// Appends slices, carrying keep-with-next onto the next content slice.
class Emitter {
 public:
  explicit Emitter(FlowResult& out) : out_(out) {}
  void add(Slice slice) {
    if (chain_next_) slice.break_before = false;
    if (!slice.discardable) chain_next_ = false;
    out_.slices.push_back(std::move(slice));
  }
  void spacing(double height) {
    if (height > 0) add(spacer(height));
  }
  void keep_with_next() { chain_next_ = true; }

 private:
  FlowResult& out_;
  bool chain_next_ = false;
};

void layout_paragraph(const Paragraph& p, double width, FlowContext& context, Emitter& emit) {
  InlineOptions options;
  options.width = std::max(1.0, width - p.left);
  options.first_line_indent = p.first_indent;
  options.align = p.align;
  options.line_height = p.line_height;
  options.context = describe(p.at, context.file);
  std::vector<Run> runs = p.runs;
  for (auto& run : runs) {
    if (run.field != Run::Field::None) run.text = "";  // page fields only mean something in headers and footers
  }
  std::vector<Line> own_lines;
  const bool cached = context.lines && !context.missing;
  if (!cached) own_lines = break_lines(runs, options, context.measurer, context.missing);
  const std::vector<Line>& lines = cached ? context.lines->lines(runs, options, context.measurer) : own_lines;
  emit.spacing(p.space_before);
  std::size_t n = lines.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Line& line = lines[i];
    Slice slice;
    slice.height = line.height;
    double baseline = (line.height - line.ascent - line.descent) / 2 + line.ascent;
    for (const auto& fragment : line.fragments) {
      slice.ops.push_back(TextOp{p.left + fragment.x, baseline, fragment.face, fragment.style.size, fragment.text,
                                 fragment.width, fragment.style.underline});
    }
    if (i == 0 && !p.marker.empty()) {
      std::vector<Run> marker{{p.marker, p.marker_style}};
      auto marker_lines = break_lines(marker, InlineOptions{1e6, 0, Align::Left, 1, options.context}, context.measurer,
                                      context.missing);
      for (const auto& fragment : marker_lines.front().fragments) {
        slice.ops.push_back(TextOp{p.left - p.marker_offset + fragment.x, baseline, fragment.face, fragment.style.size,
                                   fragment.text, fragment.width, false});
      }
    }
    // Orphans and widows: the first two and the last two lines stay together.
    slice.break_before = i == 0 || (!p.keep_together && i >= 2 && n - i >= 2);
    if (i == 0 && !p.bookmark.empty()) slice.bookmarks.push_back({p.bookmark, p.bookmark_level, 0, 0});
    emit.add(std::move(slice));
  }
  if (p.keep_with_next) emit.keep_with_next();
  emit.spacing(p.space_after);
}

void layout_image(const Image& image, double width, FlowContext& context, Emitter& emit) {
  if (!context.images) throw std::runtime_error("images are not available in this layout");
  ImageInfo info;
  try {
    info = context.images->get(image.path);
  } catch (const ImageError& e) {
    throw std::runtime_error(describe(image.at, context.file) + ": " + e.what());
  }
  double aspect = static_cast<double>(info.height) / info.width;
  double w = image.width.value_or(image.height ? *image.height / aspect : info.width * 0.75);
  double h = image.height.value_or(w * aspect);
  if (w > width) {  // never wider than the column
    h *= width / w;
    w = width;
  }
  Slice slice;
  slice.height = image.overlay ? 0 : h;
  // An overlay (a stamp) sits a little left of centre over what follows, as on paper.
  double x = aligned_x(image.align, w, width) - (image.overlay ? w * 0.35 : 0);
  slice.ops.push_back(ImageOp{image.path, std::max(0.0, x), 0, w, h});
  emit.add(std::move(slice));
}

}  // namespace

Slice spacer(double height) {
  Slice slice;
  slice.height = height;
  slice.discardable = true;
  return slice;
}

void translate(std::vector<DrawOp>& ops, double dx, double dy) {
  for (auto& op : ops) {
    std::visit(
        [&](auto& o) {
          using T = std::decay_t<decltype(o)>;
          if constexpr (std::is_same_v<T, TextOp>) {
            o.x += dx;
            o.baseline += dy;
          } else if constexpr (std::is_same_v<T, LineOp>) {
            o.x1 += dx;
            o.x2 += dx;
            o.y1 += dy;
            o.y2 += dy;
          } else {
            o.x += dx;
            o.y += dy;
          }
        },
        op);
  }
}

double stacked_height(const std::vector<Slice>& slices) {
  double height = 0;
  for (const auto& slice : slices) height += slice.absolute ? 0 : slice.height;
  return height;
}

std::vector<DrawOp> stacked_ops(const std::vector<Slice>& slices) {
  std::vector<DrawOp> ops;
  double y = 0;
  for (const auto& slice : slices) {
    auto moved = slice.ops;
    if (!slice.absolute) translate(moved, 0, y);
    ops.insert(ops.end(), moved.begin(), moved.end());
    if (!slice.absolute) y += slice.height;
  }
  return ops;
}

FlowResult layout_blocks(const std::vector<Block>& blocks, double width, FlowContext& context) {
  FlowResult out;
  Emitter emit(out);
  for (const auto& block : blocks) {
    std::visit(
        [&](const auto& b) {
          using T = std::decay_t<decltype(b)>;
          if constexpr (std::is_same_v<T, Paragraph>) {
            layout_paragraph(b, width, context, emit);
          } else if constexpr (std::is_same_v<T, Table>) {
            FlowResult table;
            table.table_headers = std::move(out.table_headers);
            layout_table(b, width, context, table);
            out.table_headers = std::move(table.table_headers);
            for (auto& slice : table.slices) emit.add(std::move(slice));
          } else if constexpr (std::is_same_v<T, Image>) {
            layout_image(b, width, context, emit);
          } else if constexpr (std::is_same_v<T, QrCode>) {
            Slice slice;
            slice.height = b.size;
            slice.ops = qr_ops(b.data, b.size);
            translate(slice.ops, aligned_x(b.align, b.size, width), 0);
            emit.add(std::move(slice));
          } else if constexpr (std::is_same_v<T, BarChart>) {
            for (auto& slice : layout_bar_chart(b, width, context)) emit.add(std::move(slice));
          } else if constexpr (std::is_same_v<T, Frame>) {
            out.slices.push_back(layout_frame(b, context));
          } else if constexpr (std::is_same_v<T, Space>) {
            if (b.signature_field.empty()) {
              emit.spacing(b.height);
            } else {
              Slice slice;
              slice.height = b.height;
              slice.ops.push_back(FieldOp{b.signature_field, 0, 0, width, b.height});
              emit.add(std::move(slice));
            }
          } else if constexpr (std::is_same_v<T, Rule>) {
            Slice slice;
            slice.height = b.space_before + b.thickness + b.space_after;
            double y = b.space_before + b.thickness / 2;
            slice.ops.push_back(LineOp{0, y, width, y, b.thickness});
            emit.add(std::move(slice));
          } else if constexpr (std::is_same_v<T, PageBreak>) {
            Slice slice;
            slice.page_break = true;
            emit.add(std::move(slice));
          } else if constexpr (std::is_same_v<T, BookmarkMark>) {
            Slice slice;
            slice.bookmarks.push_back({b.title, b.level, 0, 0});
            emit.add(std::move(slice));
          }
        },
        static_cast<const Block::variant&>(block));
  }
  return out;
}

}  // namespace inovasi::layout
