#include "layout/units.h"

#include <charconv>
#include <vector>

#include "model/text.h"

namespace inovasi::layout {
namespace {

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size() || value < 0 || value > 100000) return std::nullopt;
  return value;
}

}  // namespace

std::optional<double> parse_length(std::string_view raw) {
  std::string_view text = trim(raw);
  struct Unit {
    std::string_view suffix;
    double points;
  };
  static constexpr Unit kUnits[] = {{"pt", 1.0}, {"mm", kPointsPerMm}, {"cm", 10 * kPointsPerMm}, {"in", 72.0}};
  for (const auto& unit : kUnits) {
    if (text.ends_with(unit.suffix)) {
      auto number = parse_number(trim(text.substr(0, text.size() - unit.suffix.size())));
      if (!number) return std::nullopt;
      return *number * unit.points;
    }
  }
  return parse_number(text);
}

std::optional<double> parse_length_or_percent(std::string_view raw, double reference) {
  std::string_view text = trim(raw);
  if (text.ends_with('%')) {
    auto number = parse_number(trim(text.substr(0, text.size() - 1)));
    if (!number || *number > 100) return std::nullopt;
    return *number / 100.0 * reference;
  }
  return parse_length(text);
}

std::optional<PaperSize> paper_size(std::string_view name) {
  std::string key = ascii_lower(trim(name));
  if (key == "a4") return PaperSize{210 * kPointsPerMm, 297 * kPointsPerMm};
  if (key == "f4" || key == "folio") return PaperSize{215 * kPointsPerMm, 330 * kPointsPerMm};
  if (key == "letter") return PaperSize{612, 792};
  if (key == "legal") return PaperSize{612, 1008};
  return std::nullopt;
}

std::optional<Edges> parse_edges(std::string_view text) {
  std::vector<double> values;
  for (const auto& part : split(collapse_spaces(text), ' ')) {
    auto length = parse_length(part);
    if (!length) return std::nullopt;
    values.push_back(*length);
  }
  switch (values.size()) {
    case 1:
      return Edges{values[0], values[0], values[0], values[0]};
    case 2:
      return Edges{values[0], values[1], values[0], values[1]};
    case 3:
      return Edges{values[0], values[1], values[2], values[1]};
    case 4:
      return Edges{values[0], values[1], values[2], values[3]};
    default:
      return std::nullopt;
  }
}

}  // namespace inovasi::layout
