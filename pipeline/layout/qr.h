#pragma once
// QR codes as vector squares (libqrencode encodes; we draw).

#include <string>
#include <vector>

#include "layout/ops.h"

namespace inovasi::layout {

// Filled rectangles for the dark modules (merged along rows), in a square of `size`
// points at (0, 0), with a quiet zone of two modules inside it.
std::vector<DrawOp> qr_ops(const std::string& data, double size);

}  // namespace inovasi::layout
