#pragma once
// Masking a QR code frame: inside qr_symbol.cpp's encoder, apart so the scoring rules
// read on their own.

#include <cstdint>
#include <vector>

namespace inovasi::layout::qr {

// A frame holds one byte per module, row by row: bit 0 is dark, kFunction marks a
// function module (finders, timing, alignment, format and version information), which
// masking leaves alone.
constexpr std::uint8_t kDark = 0x01;
constexpr std::uint8_t kFunction = 0x80;

// Writes the 15 format bits (already BCH-coded and masked with 0x5412) in both of their
// places, as function modules.
void write_format_bits(std::vector<std::uint8_t>& frame, int width, unsigned bits);

// Masks the data modules with each of the eight patterns, writes that mask's format
// information, scores it, and leaves in `frame` the first of those with the lowest
// penalty. `level_bits` is the error correction level as the format information codes
// it (L 1, M 0, Q 3, H 2).
void apply_best_mask(std::vector<std::uint8_t>& frame, int width, unsigned level_bits);

}  // namespace inovasi::layout::qr
