#include "layout/qr_symbol.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <utility>

#include "layout/qr_mask.h"

namespace inovasi::layout {
namespace {

using qr::kDark;
using qr::kFunction;

// ISO/IEC 18004 table 9, by level (L, M, Q, H) and version (index 0 unused): the error
// correction codewords of each block, and the number of blocks.
constexpr std::array<std::array<int, 41>, 4> kEccPerBlock{{
    {-1, 7,  10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
     28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
     26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
    {-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
     28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
     30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
}};
constexpr std::array<std::array<int, 41>, 4> kBlocks{{
    {-1, 1, 1, 1,  1,  1,  2,  2,  2,  2,  4,  4,  4,  4,  4,  6,  6,  6,  6,  7, 8,
     8,  9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
    {-1, 1,  1,  1,  2,  2,  4,  4,  4,  5,  5,  5,  8,  9,  9,  10, 10, 11, 13, 14, 16,
     17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
    {-1, 1,  1,  2,  2,  4,  4,  6,  6,  8,  8,  8,  10, 12, 16, 12, 17, 16, 18, 21, 20,
     23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
    {-1, 1,  1,  2,  4,  4,  4,  5,  6,  8,  8,  11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
     25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
}};

// How the format information codes each level.
constexpr std::array<unsigned, 4> kLevelBits{1, 0, 3, 2};

std::size_t at(int x, int y, int width) { return static_cast<std::size_t>(y * width + x); }

// Modules left for data and error correction once the function patterns are placed.
int raw_data_modules(int version) {
  int modules = (16 * version + 128) * version + 64;
  if (version >= 2) {
    int alignments = version / 7 + 2;
    modules -= (25 * alignments - 10) * alignments - 55;
    if (version >= 7) modules -= 36;
  }
  return modules;
}

int data_codewords(int version, int level) {
  return raw_data_modules(version) / 8 -
         kEccPerBlock[static_cast<std::size_t>(level)][static_cast<std::size_t>(version)] *
             kBlocks[static_cast<std::size_t>(level)][static_cast<std::size_t>(version)];
}

// Byte mode's character count has 8 bits up to version 9, then 16.
int count_bits(int version) { return version <= 9 ? 8 : 16; }

class BitWriter {
 public:
  explicit BitWriter(std::size_t bytes) : bytes_(bytes, 0) {}
  void put(unsigned value, int bits) {
    for (int i = bits - 1; i >= 0; --i, ++length_) {
      if (((value >> i) & 1u) != 0) bytes_[length_ / 8] |= static_cast<std::uint8_t>(0x80u >> (length_ % 8));
    }
  }
  std::size_t length() const { return length_; }
  std::vector<std::uint8_t> take() { return std::move(bytes_); }

 private:
  std::vector<std::uint8_t> bytes_;
  std::size_t length_ = 0;
};

// Mode, count, data, a terminator of up to four zero bits, zeros to the byte, then the
// pad codewords 0xEC and 0x11 in turn.
std::vector<std::uint8_t> data_codeword_bytes(std::string_view data, int version, int capacity) {
  BitWriter bits(static_cast<std::size_t>(capacity));
  bits.put(0b0100, 4);
  bits.put(static_cast<unsigned>(data.size()), count_bits(version));
  for (char c : data) bits.put(static_cast<unsigned char>(c), 8);
  std::size_t length = (bits.length() + 4 + 7) / 8;  // terminator and byte boundary stay zero
  std::vector<std::uint8_t> bytes = bits.take();
  for (std::size_t i = length, n = 0; i < bytes.size(); ++i, ++n) bytes[i] = (n % 2 == 0) ? 0xEC : 0x11;
  return bytes;
}

// GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D).
struct Galois {
  std::array<std::uint8_t, 512> exp{};
  std::array<int, 256> log{};
  constexpr Galois() {
    int value = 1;
    for (int i = 0; i < 255; ++i) {
      exp[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(value);
      log[static_cast<std::size_t>(value)] = i;
      value <<= 1;
      if (value & 0x100) value ^= 0x11D;
    }
    for (int i = 255; i < 512; ++i) exp[static_cast<std::size_t>(i)] = exp[static_cast<std::size_t>(i - 255)];
  }
  constexpr std::uint8_t multiply(std::uint8_t a, std::uint8_t b) const {
    if (a == 0 || b == 0) return 0;
    return exp[static_cast<std::size_t>(log[a] + log[b])];
  }
};
constexpr Galois kGalois;

// The generator polynomial (x - a^0)(x - a^1)...(x - a^(degree-1)), leading 1 left out.
std::vector<std::uint8_t> generator(int degree) {
  std::vector<std::uint8_t> coefficients(static_cast<std::size_t>(degree), 0);
  coefficients.back() = 1;
  std::uint8_t root = 1;
  for (int i = 0; i < degree; ++i) {
    for (std::size_t j = 0; j < coefficients.size(); ++j) {
      coefficients[j] = kGalois.multiply(coefficients[j], root);
      if (j + 1 < coefficients.size()) coefficients[j] ^= coefficients[j + 1];
    }
    root = kGalois.multiply(root, 2);
  }
  return coefficients;
}

std::vector<std::uint8_t> error_correction(const std::uint8_t* data, std::size_t length,
                                           const std::vector<std::uint8_t>& divisor) {
  std::vector<std::uint8_t> remainder(divisor.size(), 0);
  for (std::size_t i = 0; i < length; ++i) {
    std::uint8_t factor = data[i] ^ remainder.front();
    std::copy(remainder.begin() + 1, remainder.end(), remainder.begin());
    remainder.back() = 0;
    if (factor == 0) continue;
    for (std::size_t j = 0; j < remainder.size(); ++j) remainder[j] ^= kGalois.multiply(divisor[j], factor);
  }
  return remainder;
}

// Splits the data codewords into blocks (the short ones first), adds each block's error
// correction, and interleaves: data column by column across blocks, then error correction.
std::vector<std::uint8_t> interleaved_codewords(const std::vector<std::uint8_t>& data, int version, int level) {
  int blocks = kBlocks[static_cast<std::size_t>(level)][static_cast<std::size_t>(version)];
  int ecc = kEccPerBlock[static_cast<std::size_t>(level)][static_cast<std::size_t>(version)];
  int raw = raw_data_modules(version) / 8;
  int short_blocks = blocks - raw % blocks;
  int short_data = raw / blocks - ecc;
  std::vector<std::uint8_t> divisor = generator(ecc);

  std::vector<std::size_t> starts;
  std::vector<std::vector<std::uint8_t>> corrections;
  std::size_t offset = 0;
  for (int b = 0; b < blocks; ++b) {
    std::size_t length = static_cast<std::size_t>(short_data + (b < short_blocks ? 0 : 1));
    starts.push_back(offset);
    corrections.push_back(error_correction(data.data() + offset, length, divisor));
    offset += length;
  }

  std::vector<std::uint8_t> result;
  result.reserve(static_cast<std::size_t>(raw));
  for (int column = 0; column <= short_data; ++column) {
    for (int b = 0; b < blocks; ++b) {
      if (column == short_data && b < short_blocks) continue;
      result.push_back(data[starts[static_cast<std::size_t>(b)] + static_cast<std::size_t>(column)]);
    }
  }
  for (int column = 0; column < ecc; ++column) {
    for (const auto& correction : corrections) result.push_back(correction[static_cast<std::size_t>(column)]);
  }
  return result;
}

std::vector<int> alignment_centres(int version) {
  if (version == 1) return {};
  int count = version / 7 + 2;
  int step = (version == 32) ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
  std::vector<int> centres(static_cast<std::size_t>(count));
  centres[0] = 6;
  for (int i = count - 1, position = version * 4 + 10; i >= 1; --i, position -= step)
    centres[static_cast<std::size_t>(i)] = position;
  return centres;
}

// Finders with their separators, timing, alignment patterns, the dark module, the
// version information, and the format information's place (light until a mask is chosen).
std::vector<std::uint8_t> function_patterns(int version, int width) {
  std::vector<std::uint8_t> frame(static_cast<std::size_t>(width * width), 0);
  auto put = [&](int x, int y, bool dark) {
    frame[at(x, y, width)] = static_cast<std::uint8_t>(kFunction | (dark ? kDark : 0));
  };

  for (int i = 0; i < width; ++i) {
    put(6, i, i % 2 == 0);
    put(i, 6, i % 2 == 0);
  }
  for (auto [cx, cy] : {std::pair{3, 3}, std::pair{width - 4, 3}, std::pair{3, width - 4}}) {
    for (int dy = -4; dy <= 4; ++dy) {
      for (int dx = -4; dx <= 4; ++dx) {
        int x = cx + dx, y = cy + dy;
        if (x < 0 || x >= width || y < 0 || y >= width) continue;
        int distance = std::max(std::abs(dx), std::abs(dy));
        put(x, y, distance != 2 && distance != 4);
      }
    }
  }
  std::vector<int> centres = alignment_centres(version);
  std::size_t last = centres.size() - (centres.empty() ? 0 : 1);
  for (std::size_t i = 0; i < centres.size(); ++i) {
    for (std::size_t j = 0; j < centres.size(); ++j) {
      if ((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)) continue;  // under a finder
      for (int dy = -2; dy <= 2; ++dy) {
        for (int dx = -2; dx <= 2; ++dx)
          put(centres[i] + dx, centres[j] + dy, std::max(std::abs(dx), std::abs(dy)) != 1);
      }
    }
  }
  qr::write_format_bits(frame, width, 0);
  put(8, width - 8, true);

  if (version >= 7) {
    unsigned remainder = static_cast<unsigned>(version);
    for (int i = 0; i < 12; ++i) remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25u);
    unsigned bits = (static_cast<unsigned>(version) << 12) | (remainder & 0xFFFu);
    for (int i = 0; i < 18; ++i) {
      bool dark = ((bits >> i) & 1u) != 0;
      int a = width - 11 + i % 3, b = i / 3;
      put(a, b, dark);
      put(b, a, dark);
    }
  }
  return frame;
}

// Codeword bits, most significant first, in the standard's zigzag: pairs of columns from
// the right, up then down, skipping the vertical timing column and function modules.
// Remainder bits stay light.
void place_codewords(std::vector<std::uint8_t>& frame, int width, const std::vector<std::uint8_t>& codewords) {
  std::size_t bit = 0, total = codewords.size() * 8;
  for (int right = width - 1; right >= 1; right -= 2) {
    if (right == 6) right = 5;
    bool upward = ((right + 1) & 2) == 0;
    for (int step = 0; step < width; ++step) {
      int y = upward ? width - 1 - step : step;
      for (int x = right; x >= right - 1; --x) {
        std::uint8_t& module = frame[at(x, y, width)];
        if ((module & kFunction) != 0 || bit >= total) continue;
        module = static_cast<std::uint8_t>((codewords[bit / 8] >> (7 - bit % 8)) & 1u);
        ++bit;
      }
    }
  }
}

}  // namespace

int qr_version_for(std::size_t bytes, QrLevel level) {
  for (int version = 1; version <= 40; ++version) {
    std::size_t bits = 4 + static_cast<std::size_t>(count_bits(version)) + bytes * 8;
    if ((bits + 7) / 8 <= static_cast<std::size_t>(data_codewords(version, static_cast<int>(level)))) return version;
  }
  return 0;
}

QrSymbol encode_qr(std::string_view data, QrLevel level) {
  if (data.empty()) throw std::invalid_argument("QR code: there is no data to encode");
  int level_index = static_cast<int>(level);
  int version = qr_version_for(data.size(), level);
  if (version == 0)
    throw std::length_error("QR code: the data is too long to encode (" + std::to_string(data.size()) + " bytes)");

  int capacity = data_codewords(version, level_index);
  QrSymbol symbol;
  symbol.version = version;
  symbol.width = 17 + 4 * version;
  std::vector<std::uint8_t> frame = function_patterns(version, symbol.width);
  place_codewords(frame, symbol.width,
                  interleaved_codewords(data_codeword_bytes(data, version, capacity), version, level_index));
  qr::apply_best_mask(frame, symbol.width, kLevelBits[static_cast<std::size_t>(level_index)]);
  symbol.dark.resize(frame.size());
  for (std::size_t i = 0; i < frame.size(); ++i) symbol.dark[i] = frame[i] & kDark;
  return symbol;
}

}  // namespace inovasi::layout
