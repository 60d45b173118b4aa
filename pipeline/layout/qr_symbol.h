#pragma once
// QR code symbols (ISO/IEC 18004), byte mode, made fast enough to draw one per page of a
// print file (README, "How the figures were reached"). The symbol is module for module
// the one libqrencode 4 makes for the same bytes and level (its mask penalties
// included); tests/unit/pdf/qr_symbol_test.cpp holds us to that over every version.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace inovasi::layout {

enum class QrLevel { L, M, Q, H };

struct QrSymbol {
  int version = 0;                 // 1..40
  int width = 0;                   // modules per side: 17 + 4 * version
  std::vector<std::uint8_t> dark;  // width * width, row by row from the top; 1 = dark
};

// The smallest version that holds `bytes` bytes in byte mode at `level`, or 0 when none does.
int qr_version_for(std::size_t bytes, QrLevel level);

// The smallest version that holds `data` in byte mode at `level`, with the mask of the
// lowest penalty. Throws std::length_error when no version holds it, and
// std::invalid_argument for empty data (as libqrencode refuses it).
QrSymbol encode_qr(std::string_view data, QrLevel level);

}  // namespace inovasi::layout
