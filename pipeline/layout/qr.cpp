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
  std::vector<DrawOp> ops;
  for (int row = 0; row < modules; ++row) {
    int run_start = -1;
    for (int column = 0; column <= modules; ++column) {
      bool dark = column < modules && (code->data[row * modules + column] & 1);
      if (dark && run_start < 0) run_start = column;
      if (!dark && run_start >= 0) {
        ops.push_back(RectOp{(run_start + 2) * module, (row + 2) * module, (column - run_start) * module, module, 0, true});
        run_start = -1;
      }
    }
  }
  return ops;
}

}  // namespace inovasi::layout
