#pragma once
// QR codes (qr_symbol.h encodes; the PDF draws the modules as one stencil image).

#include <string>
#include <vector>

#include "layout/ops.h"

namespace inovasi::layout {

// The dark modules as one MaskOp in a square of `size` points at (0, 0), with a quiet
// zone of two modules inside it.
std::vector<DrawOp> qr_ops(const std::string& data, double size);

}  // namespace inovasi::layout
