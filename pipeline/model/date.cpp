#include "model/date.h"

#include <array>
#include <cctype>
#include <charconv>
#include <vector>

#include "model/text.h"

namespace inovasi {
namespace {

struct MonthName {
  std::string_view name;
  int month;
};

// Indonesian and English names and their usual abbreviations, lower-case.
constexpr std::array<MonthName, 36> kMonthNames{{
    {"januari", 1},   {"january", 1}, {"jan", 1},       {"februari", 2},  {"february", 2},  {"feb", 2},
    {"pebruari", 2},  {"maret", 3},   {"march", 3},     {"mar", 3},       {"april", 4},     {"apr", 4},
    {"mei", 5},       {"may", 5},     {"juni", 6},      {"june", 6},      {"jun", 6},       {"juli", 7},
    {"july", 7},      {"jul", 7},     {"agustus", 8},   {"august", 8},    {"agu", 8},       {"aug", 8},
    {"september", 9}, {"sep", 9},     {"oktober", 10},  {"october", 10},  {"okt", 10},      {"oct", 10},
    {"november", 11}, {"nov", 11},    {"nopember", 11}, {"desember", 12}, {"december", 12}, {"des", 12},
}};

bool parse_int(std::string_view text, int& out) {
  if (text.empty() || text.size() > 4) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && ptr == text.data() + text.size();
}

std::vector<std::string_view> split_any(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || separators.find(text[i]) != std::string_view::npos) {
      if (i > start) parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

DateParseResult checked(int year, int month, int day, std::string_view original) {
  Date date{year, month, day};
  if (year < 1900 || year > 2200) {
    return {std::nullopt, "year out of range in " + quote_value(original)};
  }
  if (!date.valid()) return {std::nullopt, "no such date: " + quote_value(original)};
  return {date, {}};
}

}  // namespace

std::string Date::iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

bool Date::is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int Date::days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap_year(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

bool Date::valid() const { return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month); }

int Date::weekday() const {
  // Sakamoto's algorithm gives 0 = Sunday; shift so 0 = Monday.
  static constexpr std::array<int, 12> t{0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int y = month < 3 ? year - 1 : year;
  int sunday_based = (y + y / 4 - y / 100 + y / 400 + t[static_cast<std::size_t>(month - 1)] + day) % 7;
  return (sunday_based + 6) % 7;
}

int month_from_name(std::string_view name) {
  std::string lower = ascii_lower(name);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  for (const auto& entry : kMonthNames) {
    if (entry.name == lower) return entry.month;
  }
  return 0;
}

DateParseResult parse_date(std::string_view original) {
  std::string text = collapse_spaces(original);
  std::string_view view = text;
  // Drop a leading day name: "Senin, 5 Juli 2021".
  if (auto comma = view.find(','); comma != std::string_view::npos && comma < 10) {
    view = trim(view.substr(comma + 1));
  }
  if (view.empty()) return {std::nullopt, "empty date"};

  auto parts = split_any(view, " -/.");
  if (parts.size() != 3) return {std::nullopt, "not a date: " + quote_value(original)};

  int a = 0, b = 0, c = 0;
  if (parse_int(parts[0], a) && parts[0].size() == 4) {  // 2021-07-05
    if (!parse_int(parts[1], b) || !parse_int(parts[2], c)) {
      return {std::nullopt, "not a date: " + quote_value(original)};
    }
    return checked(a, b, c, original);
  }
  if (!parse_int(parts[0], a) || !parse_int(parts[2], c) || parts[2].size() != 4) {
    return {std::nullopt, "not a date: " + quote_value(original)};
  }
  if (parse_int(parts[1], b)) return checked(c, b, a, original);  // 05/07/2021, day first
  int month = month_from_name(parts[1]);
  if (month == 0) {
    return {std::nullopt, "unknown month " + quote_value(parts[1]) + " in " + quote_value(original)};
  }
  return checked(c, month, a, original);
}

}  // namespace inovasi
