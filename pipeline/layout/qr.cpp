#include "layout/qr.h"

#include "layout/qr_symbol.h"

namespace inovasi::layout {

std::vector<DrawOp> qr_ops(const std::string& data, double size) {
  QrSymbol symbol = encode_qr(data, QrLevel::M);
  int modules = symbol.width;
  double module = size / (modules + 4);
  MaskOp mask{2 * module, 2 * module, modules * module, modules * module, modules, modules, {}};
  mask.painted = std::move(symbol.dark);
  std::vector<DrawOp> ops;
  ops.push_back(std::move(mask));
  return ops;
}

}  // namespace inovasi::layout
