#pragma once
// A frame: blocks laid out in a fixed box of the page. Content taller than the box is
// never cut off or printed over what lies below: the frame shrinks it (overflow="shrink",
// down to its shrink-limit) or the document fails with FrameOverflow.

#include "layout/blocks.h"
#include "layout/flow.h"
#include "layout/markup.h"

namespace inovasi::layout {

// What did not fit, where the template wrote it: the position of the first block that
// reaches past the frame's bottom. The render layer adds the fields that line holds.
class FrameOverflow : public MarkupError {
 public:
  using MarkupError::MarkupError;
};

// The frame's content in page coordinates (an absolute slice), its border included.
Slice layout_frame(const Frame& frame, FlowContext& context);

// Every text size, indent and space in `blocks` times `factor` (images and QR codes keep
// theirs: a signature or a code is not made smaller to fit text).
std::vector<Block> scaled_blocks(const std::vector<Block>& blocks, double factor);

}  // namespace inovasi::layout
