#include "layout/qr_mask.h"

#include <array>
#include <bit>
#include <climits>
#include <cstdlib>

namespace inovasi::layout::qr {
namespace {

constexpr int kMaxWidth = 177;

// Penalty weights of ISO/IEC 18004 (JIS X 0510:2004, 8.8.2).
constexpr int kRunWeight = 3;       // N1: a run of five or more modules of one colour
constexpr int kBlockWeight = 3;     // N2: a 2 x 2 block of one colour
constexpr int kFinderWeight = 40;   // N3: 1:1:3:1:1 dark-light-dark-light-dark
constexpr int kBalanceWeight = 10;  // N4: per 5% of dark modules away from half

// Whether mask `mask` inverts the data module in column x, row y.
constexpr bool inverts(int mask, int x, int y) {
  switch (mask) {
    case 0:
      return (x + y) % 2 == 0;
    case 1:
      return y % 2 == 0;
    case 2:
      return x % 3 == 0;
    case 3:
      return (x + y) % 3 == 0;
    case 4:
      return (y / 2 + x / 3) % 2 == 0;
    case 5:
      return (x * y) % 2 + (x * y) % 3 == 0;
    case 6:
      return ((x * y) % 2 + (x * y) % 3) % 2 == 0;
    default:
      return ((x + y) % 2 + (x * y) % 3) % 2 == 0;
  }
}

unsigned format_bits(unsigned level_bits, int mask) {
  unsigned data = (level_bits << 3) | static_cast<unsigned>(mask);
  unsigned remainder = data;
  for (int i = 0; i < 10; ++i) remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537u);
  return ((data << 10) | (remainder & 0x3FFu)) ^ 0x5412u;
}

// Calls put(x, y, bit) for each of the 30 places of the 15 format bits (bit 0 first).
template <typename Put>
void for_each_format_place(int width, Put put) {
  for (int i = 0; i < 8; ++i) {
    put(width - 1 - i, 8, i);      // along the top right finder
    put(8, i < 6 ? i : i + 1, i);  // down the top left, skipping timing
  }
  for (int i = 0; i < 7; ++i) {
    put(8, width - 7 + i, 8 + i);       // down the bottom left finder
    put(i == 0 ? 7 : 6 - i, 8, 8 + i);  // leftwards along the top left, skipping timing
  }
}

// Scoring works on lines of bits, a row or a column, so most of it is whole-word logic:
// the mask search is most of a QR code's cost, and a QR code most of a print-file page's.
// Lines have as few words as the width needs: one up to version 11.
template <int kWords>
struct Line {
  std::array<std::uint64_t, kWords> words{};

  bool test(int i) const { return ((words[static_cast<std::size_t>(i / 64)] >> (i % 64)) & 1u) != 0; }
  constexpr void set(int i) { words[static_cast<std::size_t>(i / 64)] |= std::uint64_t{1} << (i % 64); }
  Line shifted_down() const {  // bit i + 1 to bit i
    Line out;
    for (std::size_t i = 0; i < kWords; ++i) out.words[i] = (words[i] >> 1) | (i + 1 < kWords ? words[i + 1] << 63 : 0);
    return out;
  }
  Line shifted_up() const {  // bit i to bit i + 1
    Line out;
    for (std::size_t i = 0; i < kWords; ++i) out.words[i] = (words[i] << 1) | (i > 0 ? words[i - 1] >> 63 : 0);
    return out;
  }
  friend Line operator^(const Line& a, const Line& b) {
    return combine(a, b, [](auto x, auto y) { return x ^ y; });
  }
  friend Line operator&(const Line& a, const Line& b) {
    return combine(a, b, [](auto x, auto y) { return x & y; });
  }
  friend Line operator|(const Line& a, const Line& b) {
    return combine(a, b, [](auto x, auto y) { return x | y; });
  }
  Line operator~() const {
    Line out;
    for (std::size_t i = 0; i < kWords; ++i) out.words[i] = ~words[i];
    return out;
  }
  int count() const {
    int n = 0;
    for (auto word : words) n += std::popcount(word);
    return n;
  }

 private:
  template <typename Op>
  static Line combine(const Line& a, const Line& b, Op op) {
    Line out;
    for (std::size_t i = 0; i < kWords; ++i) out.words[i] = op(a.words[i], b.words[i]);
    return out;
  }
};

// The bits a mask inverts along a row (by the row's index mod 12: every mask's pattern
// repeats within 12 rows) and down a column (by the column's index mod 12).
template <int kWords>
struct MaskPatterns {
  using Line = qr::Line<kWords>;
  std::array<std::array<Line, 12>, 8> rows{}, columns{};
  constexpr MaskPatterns() {
    for (int mask = 0; mask < 8; ++mask) {
      for (int phase = 0; phase < 12; ++phase) {
        for (int i = 0; i < kWords * 64; ++i) {
          if (inverts(mask, i, phase)) rows[static_cast<std::size_t>(mask)][static_cast<std::size_t>(phase)].set(i);
          if (inverts(mask, phase, i)) columns[static_cast<std::size_t>(mask)][static_cast<std::size_t>(phase)].set(i);
        }
      }
    }
  }
};
template <int kWords>
constexpr MaskPatterns<kWords> kMaskPatterns;

// N1 of one run: a run of five or more modules costs 3, and 1 more per module past five.
int run_penalty(int run) { return run >= 5 ? kRunWeight + (run - 5) : 0; }

// N3 over one line given as run lengths, for patterns of `smallest_unit` modules a unit
// and more. A line that starts dark has a -1 before its first run, so dark runs always
// sit at odd indexes. The rule is libqrencode's reading of 8.8.2, kept exactly so the
// chosen mask is the same: a 1:1:3:1:1 pattern counts when four light modules (or more)
// lie before it or after it, when it begins at the line's first dark run, or when at
// most one run follows it.
int finder_penalty(const int* runs, int count, int smallest_unit) {
  int penalty = 0;
  for (int i = 3; i < count - 2; i += 2) {
    if (runs[i] % 3 != 0 || runs[i] < 3 * smallest_unit) continue;
    int unit = runs[i] / 3;
    if (runs[i - 2] != unit || runs[i - 1] != unit || runs[i + 1] != unit || runs[i + 2] != unit) continue;
    if (i == 3 || runs[i - 3] >= 4 * unit || i + 4 >= count || runs[i + 3] >= 4 * unit) penalty += kFinderWeight;
  }
  return penalty;
}

// The line's runs as finder_penalty takes them, found from its colour changes a word at a
// time; `changes` has the bits 1 .. width - 1, where a colour can change. Returns the count.
template <int kWords>
int line_runs(const Line<kWords>& line, const Line<kWords>& changes, int width, std::array<int, kMaxWidth + 1>& runs) {
  int count = 0;
  if (line.test(0)) runs[static_cast<std::size_t>(count++)] = -1;
  Line<kWords> changed = (line ^ line.shifted_up()) & changes;  // bit i: module i differs from module i - 1
  int previous = 0;
  for (int w = 0; w < kWords; ++w) {
    for (std::uint64_t word = changed.words[static_cast<std::size_t>(w)]; word != 0; word &= word - 1) {
      int position = w * 64 + std::countr_zero(word);
      runs[static_cast<std::size_t>(count++)] = position - previous;
      previous = position;
    }
  }
  runs[static_cast<std::size_t>(count++)] = width - previous;
  return count;
}

// Bit s of the result is bit s + k of `bits` (ahead) or bit s - k (behind); what lies
// past the word's ends reads as `fill`.
std::uint64_t ahead(std::uint64_t bits, int k, bool fill) {
  return (bits >> k) | (fill ? ~std::uint64_t{0} << (64 - k) : 0);
}
std::uint64_t behind(std::uint64_t bits, int k, bool fill) {
  return (bits << k) | (fill ? (std::uint64_t{1} << k) - 1 : 0);
}

// N1 and N3 of a line of one word (versions 1 to 11), by bit logic over the whole line:
// most of a QR code's time went to finding runs one at a time. The results are those of
// run_penalty and finder_penalty, whose rules read the same (the unit tests compare the
// symbols with libqrencode's over every version).
int word_line_penalty(std::uint64_t dark, std::uint64_t changes, int width) {
  // Past the line's end reads as light: the rules above treat the end as light modules.
  std::uint64_t light = ~dark;

  // N1: bit i of `five` where modules i .. i + 4 are one colour. A run of n >= 5 has
  // n - 4 of them, one after another: it costs those plus 2 (3 + n - 5).
  std::uint64_t same = ~(dark ^ (dark << 1)) & changes;  // module i is module i - 1's colour
  std::uint64_t five = (same >> 1) & (same >> 2) & (same >> 3) & (same >> 4);
  int penalty = std::popcount(five) + (kRunWeight - 1) * std::popcount(five & ~(five << 1));

  // N3 at one module a unit: dark, light, three dark, light, dark from module s, light on
  // both sides, and four light before it (the line's start reads as light) or after it.
  std::uint64_t pattern = dark & ahead(light, 1, true) & ahead(dark, 2, false) & ahead(dark, 3, false) &
                          ahead(dark, 4, false) & ahead(light, 5, true) & ahead(dark, 6, false) &
                          behind(light, 1, true) & ahead(light, 7, true);
  if (pattern != 0) {
    std::uint64_t before =
        behind(light, 1, true) & behind(light, 2, true) & behind(light, 3, true) & behind(light, 4, true);
    std::uint64_t after =
        ahead(light, 7, true) & ahead(light, 8, true) & ahead(light, 9, true) & ahead(light, 10, true);
    penalty += std::popcount(pattern & (before | after)) * kFinderWeight;
  }

  // Longer units need a dark run of six or more (the finders' edges have them): those
  // lines are read run by run.
  std::uint64_t six = dark & ahead(dark, 1, false) & ahead(dark, 2, false) & ahead(dark, 3, false) &
                      ahead(dark, 4, false) & ahead(dark, 5, false);
  if (six != 0) {
    std::array<int, kMaxWidth + 1> runs;
    Line<1> line, change_bits;
    line.words[0] = dark;
    change_bits.words[0] = changes;
    int count = line_runs(line, change_bits, width, runs);
    penalty += finder_penalty(runs.data(), count, 2);
  }
  return penalty;
}

// N1 and N3 of one line.
template <int kWords>
int line_penalty(const Line<kWords>& line, const Line<kWords>& changes, int width) {
  if constexpr (kWords == 1) {
    return word_line_penalty(line.words[0], changes.words[0], width);
  } else {
    std::array<int, kMaxWidth + 1> runs;
    int count = line_runs(line, changes, width, runs);
    int penalty = 0;
    for (int i = 0; i < count; ++i) penalty += run_penalty(runs[static_cast<std::size_t>(i)]);
    return penalty + finder_penalty(runs.data(), count, 1);
  }
}

// The frame as lines: its rows and its columns, data and function modules apart.
template <int kWords>
struct FrameLines {
  using Line = qr::Line<kWords>;
  int width = 0;
  std::array<Line, kMaxWidth> data_rows{}, data_columns{}, fixed_rows{}, fixed_columns{};
  Line inside;   // the bits of a line that are modules
  Line changes;  // where a line's colour can change: inside, but for its first module
  Line pairs;    // bit x: modules x and x + 1 are both inside

  FrameLines(const std::vector<std::uint8_t>& frame, int width_) : width(width_) {
    for (int i = 0; i < width; ++i) inside.set(i);
    for (int i = 1; i < width; ++i) changes.set(i);
    for (int i = 0; i + 1 < width; ++i) pairs.set(i);
    for (int y = 0; y < width; ++y) {
      for (int x = 0; x < width; ++x) {
        std::uint8_t module = frame[static_cast<std::size_t>(y * width + x)];
        if ((module & kFunction) != 0) {
          fixed_rows[static_cast<std::size_t>(y)].set(x);
          fixed_columns[static_cast<std::size_t>(x)].set(y);
        }
        if ((module & kDark) != 0) {
          data_rows[static_cast<std::size_t>(y)].set(x);
          data_columns[static_cast<std::size_t>(x)].set(y);
        }
      }
    }
    // Outside the symbol counts as fixed, so masking never sets a bit there.
    for (int i = 0; i < width; ++i) {
      fixed_rows[static_cast<std::size_t>(i)] = fixed_rows[static_cast<std::size_t>(i)] | ~inside;
      fixed_columns[static_cast<std::size_t>(i)] = fixed_columns[static_cast<std::size_t>(i)] | ~inside;
    }
  }
};

// The penalty of the frame masked with `mask`, its format information written; or, as
// soon as it cannot be below `bound` (every rule only adds), some value not below it.
template <int kWords>
int masked_penalty(const FrameLines<kWords>& frame, int mask, unsigned format, int bound) {
  using Line = qr::Line<kWords>;
  const int width = frame.width;
  std::array<Line, kMaxWidth> rows, columns;
  const auto& row_patterns = kMaskPatterns<kWords>.rows[static_cast<std::size_t>(mask)];
  const auto& column_patterns = kMaskPatterns<kWords>.columns[static_cast<std::size_t>(mask)];
  for (int i = 0; i < width; ++i) {
    auto index = static_cast<std::size_t>(i);
    rows[index] = frame.data_rows[index] ^ (row_patterns[index % 12] & ~frame.fixed_rows[index]);
    columns[index] = frame.data_columns[index] ^ (column_patterns[index % 12] & ~frame.fixed_columns[index]);
  }
  // The format places are function modules, light until written here.
  for_each_format_place(width, [&](int x, int y, int bit) {
    if (((format >> bit) & 1u) == 0) return;
    rows[static_cast<std::size_t>(y)].set(x);
    columns[static_cast<std::size_t>(x)].set(y);
  });

  // N4 first: the dark share in whole percent, rounded half up, then whole steps of 5%
  // from 50%.
  int dark = 0;
  for (int y = 0; y < width; ++y) dark += rows[static_cast<std::size_t>(y)].count();
  int total = width * width;
  int percent = (200 * dark + total) / total / 2;
  int result = std::abs(percent - 50) / 5 * kBalanceWeight;

  for (int y = 0; y < width && result < bound; ++y) {
    const Line& row = rows[static_cast<std::size_t>(y)];
    result += line_penalty(row, frame.changes, width) +
              line_penalty(columns[static_cast<std::size_t>(y)], frame.changes, width);
    if (y == 0) continue;
    // N2: bit x set where modules x and x + 1 of this row and the one above are one colour.
    const Line& above = rows[static_cast<std::size_t>(y - 1)];
    Line same_vertically = ~(row ^ above);
    Line same_horizontally = ~(row ^ row.shifted_down());
    Line blocks = same_vertically & same_vertically.shifted_down() & same_horizontally & frame.pairs;
    result += blocks.count() * kBlockWeight;
  }
  return result;
}

template <int kWords>
int best_mask(const std::vector<std::uint8_t>& frame, int width, unsigned level_bits) {
  FrameLines<kWords> lines(frame, width);
  int best = 0;
  int lowest = INT_MAX;
  for (int mask = 0; mask < 8; ++mask) {
    int score = masked_penalty(lines, mask, format_bits(level_bits, mask), lowest);
    if (score < lowest) {
      lowest = score;
      best = mask;
    }
  }
  return best;
}

}  // namespace

void write_format_bits(std::vector<std::uint8_t>& frame, int width, unsigned bits) {
  for_each_format_place(width, [&](int x, int y, int bit) {
    frame[static_cast<std::size_t>(y * width + x)] = static_cast<std::uint8_t>(kFunction | ((bits >> bit) & 1u));
  });
}

void apply_best_mask(std::vector<std::uint8_t>& frame, int width, unsigned level_bits) {
  int best = width <= 64    ? best_mask<1>(frame, width, level_bits)
             : width <= 128 ? best_mask<2>(frame, width, level_bits)
                            : best_mask<3>(frame, width, level_bits);
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      std::uint8_t& module = frame[static_cast<std::size_t>(y * width + x)];
      if ((module & kFunction) == 0 && inverts(best, x, y)) module ^= kDark;
    }
  }
  write_format_bits(frame, width, format_bits(level_bits, best));
}

}  // namespace inovasi::layout::qr
