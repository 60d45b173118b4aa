#include "support/utf8.h"
#include "pdf/cp1252.h"

#include <array>

#include "layout/inline.h"

namespace inovasi::pdf {
namespace {

// Code points of bytes 0x80..0x9F; 0 where CP1252 has none.
constexpr std::array<char32_t, 32> kHigh{0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                         0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                         0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                         0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// ASCII is most text, and is its own CP1252: it needs no decoding.
bool is_ascii(std::string_view text) {
  unsigned char high = 0;
  for (char c : text) high |= static_cast<unsigned char>(c);
  return high < 0x80;
}

}  // namespace

std::optional<unsigned char> cp1252_byte(char32_t c) {
  if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) return static_cast<unsigned char>(c);
  for (std::size_t i = 0; i < kHigh.size(); ++i) {
    if (kHigh[i] == c && c != 0) return static_cast<unsigned char>(0x80 + i);
  }
  return std::nullopt;
}

bool fits_cp1252(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {  // most of any text: nothing to decode
      ++i;
    } else if (!cp1252_byte(next_code_point(utf8, i))) {
      return false;
    }
  }
  return true;
}

std::optional<std::string> to_cp1252(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    auto byte = cp1252_byte(next_code_point(utf8, i));
    if (!byte) return std::nullopt;
    out += static_cast<char>(*byte);
  }
  return out;
}

std::string to_cp1252_lossy(std::string_view utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    auto byte = cp1252_byte(next_code_point(utf8, i));
    out += byte ? static_cast<char>(*byte) : '?';
  }
  return out;
}

}  // namespace inovasi::pdf
