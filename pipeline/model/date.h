#pragma once
// A calendar date without time zone, as official papers use them. Parsing accepts the
// forms the portals and spreadsheets produce; formatting is locale-free.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace inovasi {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  auto operator<=>(const Date&) const = default;

  std::string iso() const;  // 2021-07-05
  int weekday() const;      // 0 = Monday .. 6 = Sunday
  bool valid() const;

  static bool is_leap_year(int year);
  static int days_in_month(int year, int month);
};

// Why a text is not a date, for error messages.
struct DateParseResult {
  std::optional<Date> date;
  std::string error;
};

// Accepts 2021-07-05, 5 Juli 2021, 05 July 2021, 05/07/2021 (day first, as Indonesia
// writes it), 5-7-2021, optionally preceded by a day name ("Senin, 5 Juli 2021").
DateParseResult parse_date(std::string_view text);

// 1..12 for an Indonesian or English month name or abbreviation, 0 when unknown.
int month_from_name(std::string_view name);

}  // namespace inovasi
