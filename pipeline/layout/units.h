#pragma once
// Lengths and paper sizes. Layout works in PDF points (1/72 inch), origin at the top
// left of the page, y growing downwards; the PDF backend flips y.

#include <optional>
#include <string>
#include <string_view>

namespace inovasi::layout {

inline constexpr double kPointsPerMm = 72.0 / 25.4;

// "12pt", "10mm", "2.5cm", "1in", or a bare number of points. nullopt when malformed.
std::optional<double> parse_length(std::string_view text);

// "30%" -> 0.30 of the reference; otherwise as parse_length.
std::optional<double> parse_length_or_percent(std::string_view text, double reference);

struct PaperSize {
  double width = 0;
  double height = 0;
};

// A4, F4 (folio, 215 × 330 mm), Letter, Legal; case-insensitive.
std::optional<PaperSize> paper_size(std::string_view name);

// CSS-like 1 to 4 lengths: "20mm" | "20mm 25mm" | "top right bottom left".
struct Edges {
  double top = 0, right = 0, bottom = 0, left = 0;
};
std::optional<Edges> parse_edges(std::string_view text);

}  // namespace inovasi::layout
