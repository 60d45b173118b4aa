#include "layout/frames.h"

#include <cmath>
#include <cstdio>

namespace inovasi::layout {
namespace {

// Rounding in stacked heights: a box that fits to a hundredth of a point fits.
constexpr double kTolerance = 0.01;
// Shrinking looks for the largest factor that fits, to within this.
constexpr double kShrinkPrecision = 0.005;

void scale_paragraph(Paragraph& p, double factor) {
  for (auto& run : p.runs) run.style.size *= factor;
  p.marker_style.size *= factor;
  p.first_indent *= factor;
  p.left *= factor;
  p.marker_offset *= factor;
  p.space_before *= factor;
  p.space_after *= factor;
}

void scale_table(Table& t, double factor) {
  for (auto& width : t.widths) {
    if (!width.percent && !width.star) width.value *= factor;
  }
  t.padding *= factor;
  t.space_before *= factor;
  t.space_after *= factor;
  for (auto& row : t.rows) {
    for (auto& cell : row.cells) cell.blocks = scaled_blocks(cell.blocks, factor);
  }
}

std::string text_of(const Paragraph& p) {
  std::string text;
  for (const auto& run : p.runs) text += run.line_break ? std::string(" ") : run.text;
  return text;
}

// The first block whose end lies past `limit`, laid out alone (only when the frame has
// failed: the position and the beginning of its text go into the message).
std::pair<const Block*, double> first_past(const std::vector<Block>& blocks, double width, double limit,
                                           FlowContext& context) {
  double top = 0;
  for (const auto& block : blocks) {
    double height = stacked_height(layout_blocks({block}, width, context).slices);
    if (top + height > limit + kTolerance) return {&block, top};
    top += height;
  }
  return {blocks.empty() ? nullptr : &blocks.back(), top};
}

std::string points(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0fpt", value);
  return text;
}

[[noreturn]] void overflow(const Frame& frame, double width, double height, double needed, FlowContext& context) {
  auto [block, top] = first_past(frame.blocks, width, height, context);
  SourcePos at = frame.at;
  std::string what = "its content";
  if (block) {
    std::visit(
        [&](const auto& b) {
          using T = std::decay_t<decltype(b)>;
          if constexpr (std::is_same_v<T, Paragraph>) {
            at = b.at;
            std::string text = text_of(b);
            if (text.size() > 60) {
              std::size_t cut = 57;
              while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
              text = text.substr(0, cut) + "...";
            }
            what = "the text '" + text + "'";
          } else if constexpr (std::is_same_v<T, Table>) {
            at = b.at;
            what = "the table";
          } else if constexpr (std::is_same_v<T, Image>) {
            at = b.at;
            what = "the image";
          } else if constexpr (std::is_same_v<T, QrCode>) {
            at = b.at;
            what = "the QR code";
          }
        },
        static_cast<const Block::variant&>(*block));
  }
  std::string message = what + " does not fit its frame (" + describe(frame.at, context.file) + ")";
  if (frame.overflow == Overflow::Shrink) {
    char share[16];
    std::snprintf(share, sizeof share, "%.0f%%", frame.shrink_limit * 100);
    message += std::string(", even with the frame's text shrunk to ") + share + " (its shrink-limit)";
  }
  message += ": the frame holds " + points(height) + ", its content needs " + points(needed) + " at full size";
  if (frame.overflow != Overflow::Shrink) message += " (overflow=\"shrink\" on the frame would shrink the text to fit)";
  throw FrameOverflow(at.file ? *at.file : context.file, at.line, 0, message);
}

}  // namespace

std::vector<Block> scaled_blocks(const std::vector<Block>& blocks, double factor) {
  std::vector<Block> out = blocks;
  for (auto& block : out) {
    if (auto* p = std::get_if<Paragraph>(&block))
      scale_paragraph(*p, factor);
    else if (auto* t = std::get_if<Table>(&block))
      scale_table(*t, factor);
    else if (auto* space = std::get_if<Space>(&block))
      space->height *= factor;
    else if (auto* rule = std::get_if<Rule>(&block)) {
      rule->space_before *= factor;
      rule->space_after *= factor;
    }
  }
  return out;
}

Slice layout_frame(const Frame& frame, FlowContext& context) {
  double width = std::max(1.0, frame.width - 2 * frame.padding);
  double height = frame.height - 2 * frame.padding;
  FlowResult inner = layout_blocks(frame.blocks, width, context);
  double needed = stacked_height(inner.slices);
  if (needed > height + kTolerance) {
    if (frame.overflow != Overflow::Shrink) overflow(frame, width, height, needed, context);
    // The largest factor at which the content fits: heights grow with the factor (lines
    // break no later at a smaller size), so halving the interval finds it.
    auto fits = [&](double factor, FlowResult& result) {
      result = layout_blocks(scaled_blocks(frame.blocks, factor), width, context);
      return stacked_height(result.slices) <= height + kTolerance;
    };
    FlowResult attempt;
    if (!fits(frame.shrink_limit, attempt)) overflow(frame, width, height, needed, context);
    inner = std::move(attempt);
    double low = frame.shrink_limit, high = 1;
    while (high - low > kShrinkPrecision) {
      double middle = (low + high) / 2;
      if (fits(middle, attempt)) {
        low = middle;
        inner = std::move(attempt);
      } else {
        high = middle;
      }
    }
  }
  Slice slice;
  slice.absolute = true;
  slice.ops = stacked_ops(inner.slices);
  translate(slice.ops, frame.x + frame.padding, frame.y + frame.padding);
  if (frame.border > 0) slice.ops.push_back(RectOp{frame.x, frame.y, frame.width, frame.height, frame.border, false});
  return slice;
}

}  // namespace inovasi::layout
