#pragma once
// Amounts of rupiah as Indonesian users write them, kept exactly: the canonical stored
// form is whole rupiah ("1500000") or rupiah and two digits of sen ("1500000.75"), a
// decimal string, never a binary float, so what was written is what is printed.

#include <optional>
#include <string>
#include <string_view>

namespace inovasi {

struct AmountParse {
  std::optional<std::string> canonical;  // set on success
  std::string error;                     // why not, in English, quoting the input
};

// Written text: "Rp 1.500.000", "Rp 1.500.000,-", "1.500.000,50", "1500000",
// "1500000.50", "1,500,000".
// A dot or comma followed by exactly three digits groups thousands; followed by one or
// two digits it is the decimal separator. What could be read two ways ("1,500" alone),
// more than two decimals, or a negative amount is an error, never a guess.
AmountParse parse_amount(std::string_view text);

// A spreadsheet or JSON number ('.' is always the decimal point, an exponent may follow),
// as its file stores it: "150000000.5", "1.5E8". Float noise below a thousandth of a sen
// is rounded away; a real third decimal is an error.
AmountParse parse_amount_number(std::string_view number);

// Strict whole numbers (years, indicator numbers, levels): optional '-' and digits only.
// "1.0", "2026.5" and "1.000" are not whole numbers here.
std::optional<long long> parse_whole_number(std::string_view text);

// "Rp 1.500.000" or "Rp 1.500.000,75" from the canonical form; nullopt when `canonical`
// is not one.
std::optional<std::string> rupiah_text(std::string_view canonical);

}  // namespace inovasi
