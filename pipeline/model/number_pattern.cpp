#include "model/number_pattern.h"

#include <stdexcept>

#include "model/indonesian.h"
#include "model/text.h"

namespace inovasi {

namespace {

// The number, or what stops the pattern from making one (error).
struct Filled {
  std::string number;
  std::string error;
};

Filled fill(std::string_view pattern, int sequence, const Date& date,
            const std::map<std::string, std::string>& fields) {
  Filled out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out.number += pattern[i];
      continue;
    }
    auto close = pattern.find('}', i);
    if (close == std::string_view::npos) return {"", "has an unclosed {"};
    std::string name(pattern.substr(i + 1, close - i - 1));
    if (name == "urut")
      out.number += std::to_string(sequence);
    else if (name == "tahun")
      out.number += std::to_string(date.year);
    else if (name == "bulan")
      out.number += std::to_string(date.month);
    else if (name == "bulan_romawi")
      out.number += indonesian::month_roman(date.month);
    else if (auto it = fields.find(name); it != fields.end())
      out.number += it->second;
    else
      return {"", "has an unknown placeholder {" + name +
                      "} (known: {urut}, {tahun}, {bulan}, {bulan_romawi}, {kode_instansi})"};
    i = close;
  }
  return out;
}

}  // namespace

std::string format_number(std::string_view pattern, int sequence, const Date& date,
                          const std::map<std::string, std::string>& fields) {
  auto filled = fill(pattern, sequence, date, fields);
  if (!filled.error.empty()) throw std::runtime_error("number pattern '" + std::string(pattern) + "' " + filled.error);
  return filled.number;
}

std::optional<std::string> number_pattern_problem(std::string_view pattern) {
  // Every numbered kind fills the agency's code; two sequences of one month and agency
  // must differ in the number and in the file name made from it.
  const std::map<std::string, std::string> fields{{"kode_instansi", "dinkes"}};
  const Date date{2026, 7, 1};
  auto first = fill(pattern, 1, date, fields);
  if (!first.error.empty()) return first.error;
  auto second = fill(pattern, 2, date, fields).number;
  if (first.number == second) {
    return std::string("has no {urut}: every document of a year would get the same number (and the same file)");
  }
  if (slugify(first.number) == slugify(second)) {
    return std::string(
        "its {urut} comes after the first 80 characters, which name each document's file: "
        "every document would be written to the same file");
  }
  return std::nullopt;
}

}  // namespace inovasi
