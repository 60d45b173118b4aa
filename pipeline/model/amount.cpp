#include "model/amount.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

#include "model/text.h"

namespace inovasi {
namespace {

constexpr std::size_t kMaxWholeDigits = 15;  // a quadrillion rupiah: beyond any budget line

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string quoted(std::string_view text) { return quote_value(text); }

AmountParse failure(std::string_view text, std::string why) { return {std::nullopt, quoted(text) + " " + why}; }

// Whole digits and up to two decimal digits into the canonical form.
AmountParse canonical(std::string_view original, std::string whole, std::string_view decimals) {
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
  if (whole.size() > kMaxWholeDigits) return failure(original, "is too large for an amount of rupiah");
  if (decimals.size() > 2) return failure(original, "has more than two decimals (sen)");
  std::string sen(decimals);
  while (sen.size() < 2) sen += '0';
  if (sen == "00") return {whole, {}};
  return {whole + "." + sen, {}};
}

// Digit groups separated by `separator`: the first of one to three digits, the others of
// three each ("1.500.000").
std::optional<std::string> grouped(std::string_view text, char separator) {
  std::vector<std::string> groups = split(text, separator);
  if (groups.empty() || !all_digits(groups.front()) || groups.front().size() > 3) return std::nullopt;
  std::string digits;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (!all_digits(groups[i]) || (i > 0 && groups[i].size() != 3)) return std::nullopt;
    digits += groups[i];
  }
  return digits;
}

}  // namespace

AmountParse parse_amount(std::string_view text) {
  std::string_view view = trim(text);
  if (starts_with_ci(view, "rp")) {
    view = trim(view.substr(2));
    if (view.starts_with('.')) view = trim(view.substr(1));  // "Rp. 1.500.000"
  }
  std::string compact;
  for (char c : view) {
    if (c != ' ') compact += c;
  }
  if (compact.starts_with('-')) return failure(text, "is negative; an amount of rupiah is zero or more");
  // "Rp 1.500.000,-": the dash says there are no sen.
  for (std::string_view no_sen : {",-", ".-"}) {
    if (compact.size() > no_sen.size() && compact.ends_with(no_sen)) compact.resize(compact.size() - no_sen.size());
  }
  if (compact.empty()) return failure(text, "is not an amount of rupiah");
  for (char c : compact) {
    if (!(c >= '0' && c <= '9') && c != '.' && c != ',') return failure(text, "is not an amount of rupiah");
  }
  auto last_dot = compact.rfind('.');
  auto last_comma = compact.rfind(',');
  if (last_dot == std::string::npos && last_comma == std::string::npos) return canonical(text, compact, "");

  // Both separators: the last one is the decimal point, the other groups thousands.
  if (last_dot != std::string::npos && last_comma != std::string::npos) {
    char decimal = last_dot > last_comma ? '.' : ',';
    char thousands = decimal == '.' ? ',' : '.';
    auto at = std::max(last_dot, last_comma);
    std::string_view whole_part = std::string_view(compact).substr(0, at);
    std::string_view decimals = std::string_view(compact).substr(at + 1);
    if (whole_part.find(decimal) != std::string_view::npos || !all_digits(decimals)) {
      return failure(text, "mixes its separators; write 1.500.000,50 or 1500000.50");
    }
    auto whole = grouped(whole_part, thousands);
    if (!whole) return failure(text, "has thousands groups that are not of three digits");
    return canonical(text, *whole, decimals);
  }

  // One kind of separator.
  char separator = last_dot != std::string::npos ? '.' : ',';
  auto first = compact.find(separator);
  auto last = compact.rfind(separator);
  std::string_view after = std::string_view(compact).substr(last + 1);
  if (first != last) {  // several: thousands groups only
    auto whole = grouped(compact, separator);
    if (!whole) return failure(text, "has thousands groups that are not of three digits");
    return canonical(text, *whole, "");
  }
  std::string_view before = std::string_view(compact).substr(0, last);
  if (!all_digits(before) || !all_digits(after)) return failure(text, "is not an amount of rupiah");
  if (after.size() <= 2) return canonical(text, std::string(before), after);  // 1500000.5, 1.500,50
  if (after.size() == 3 && before.size() <= 3) {
    // "1.500" is fifteen hundred as Indonesians write it; "1,500" could be 1.5 or 1500.
    if (separator == '.') return canonical(text, std::string(before) + std::string(after), "");
    return failure(text, "could be read two ways; write 1.500 for fifteen hundred or 1,50 for one and a half");
  }
  return failure(text, "has more than two decimals (sen), or thousands groups that are not of three digits");
}

AmountParse parse_amount_number(std::string_view number) {
  std::string_view view = trim(number);
  bool plain = !view.empty() &&
               std::all_of(view.begin(), view.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
               std::count(view.begin(), view.end(), '.') <= 1;
  if (plain) {
    auto dot = view.find('.');
    std::string whole(view.substr(0, dot));
    std::string_view decimals = dot == std::string_view::npos ? std::string_view() : view.substr(dot + 1);
    if (whole.empty()) whole = "0";
    // Trailing zeros are not decimals a person wrote.
    while (!decimals.empty() && decimals.back() == '0') decimals.remove_suffix(1);
    if (decimals.size() <= 2) return canonical(number, whole, decimals);
  }
  // An exponent, or float noise from a formula: go through a double, which holds every
  // amount up to 2^53 sen exactly.
  double value = 0;
  auto [end, error] = std::from_chars(view.data(), view.data() + view.size(), value);
  if (error != std::errc{} || end != view.data() + view.size() || !std::isfinite(value)) {
    return failure(number, "is not a number");
  }
  if (value < 0) return failure(number, "is negative; an amount of rupiah is zero or more");
  double sen = value * 100;
  double rounded = std::round(sen);
  if (std::fabs(sen - rounded) > 1e-3) return failure(number, "has more than two decimals (sen); round the cell");
  if (rounded >= 9e15) return failure(number, "is too large for an amount of rupiah");
  auto cents = static_cast<long long>(rounded);
  std::string decimals = std::to_string(cents % 100);
  if (decimals.size() < 2) decimals.insert(0, "0");
  return canonical(number, std::to_string(cents / 100), decimals == "00" ? "" : decimals);
}

std::optional<long long> parse_whole_number(std::string_view text) {
  std::string_view view = trim(text);
  bool negative = view.starts_with('-');
  if (negative) view.remove_prefix(1);
  if (!all_digits(view) || view.size() > 17) return std::nullopt;
  long long value = 0;
  std::from_chars(view.data(), view.data() + view.size(), value);
  return negative ? -value : value;
}

std::optional<std::string> rupiah_text(std::string_view canonical_form) {
  auto dot = canonical_form.find('.');
  std::string_view whole = canonical_form.substr(0, dot);
  std::string_view sen = dot == std::string_view::npos ? std::string_view() : canonical_form.substr(dot + 1);
  if (!all_digits(whole) || (dot != std::string_view::npos && (sen.size() != 2 || !all_digits(sen))))
    return std::nullopt;
  std::string grouped_whole;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped_whole += '.';
    grouped_whole += whole[i];
  }
  return "Rp " + grouped_whole + (sen.empty() ? std::string() : "," + std::string(sen));
}

}  // namespace inovasi
