#include "layout/qr.h"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace inovasi::layout {

std::vector<DrawOp> qr_ops(const std::string& data, double size) {
  struct Free {
    void operator()(QRcode* code) const { QRcode_free(code); }
  };
  std::unique_ptr<QRcode, Free> code(QRcode_encodeData(static_cast<int>(data.size()),
                                                       reinterpret_cast<const unsigned char*>(data.data()), 0, QR_ECLEVEL_M));
  if (!code) throw std::runtime_error("QR code: the data is too long to encode (" + std::to_string(data.size()) + " bytes)");
  int modules = code->width;
  double module = size / (modules + 4);
  MaskOp mask{2 * module, 2 * module, modules * module, modules * module, modules, modules, {}};
  mask.painted.resize(static_cast<std::size_t>(modules) * static_cast<std::size_t>(modules));
  for (std::size_t i = 0; i < mask.painted.size(); ++i) mask.painted[i] = (code->data[i] & 1) != 0;
  std::vector<DrawOp> ops;
  ops.push_back(std::move(mask));
  return ops;
}

}  // namespace inovasi::layout
