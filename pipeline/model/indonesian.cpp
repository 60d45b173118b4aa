#include "model/indonesian.h"

#include <array>

#include "model/text.h"

namespace inovasi::indonesian {
namespace {

constexpr std::array<const char*, 12> kMonths{"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                              "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
constexpr std::array<const char*, 7> kDays{"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};
constexpr std::array<const char*, 10> kUnits{"nol",  "satu", "dua",   "tiga",    "empat",
                                             "lima", "enam", "tujuh", "delapan", "sembilan"};

// 0 < n < 1000
std::string below_thousand(int n) {
  std::string out;
  auto add = [&](const std::string& word) {
    if (!out.empty()) out += ' ';
    out += word;
  };
  int hundreds = n / 100, rest = n % 100;
  if (hundreds == 1)
    add("seratus");
  else if (hundreds > 1)
    add(std::string(kUnits[hundreds]) + " ratus");
  if (rest == 0) return out;
  if (rest < 10)
    add(kUnits[rest]);
  else if (rest == 10)
    add("sepuluh");
  else if (rest == 11)
    add("sebelas");
  else if (rest < 20)
    add(std::string(kUnits[rest - 10]) + " belas");
  else {
    add(std::string(kUnits[rest / 10]) + " puluh");
    if (rest % 10) add(kUnits[rest % 10]);
  }
  return out;
}

}  // namespace

std::string day_name(const Date& date) { return kDays[static_cast<std::size_t>(date.weekday())]; }

std::string month_name(int month) {
  return month >= 1 && month <= 12 ? kMonths[static_cast<std::size_t>(month - 1)] : std::string();
}

std::string date_long(const Date& date) {
  return std::to_string(date.day) + " " + month_name(date.month) + " " + std::to_string(date.year);
}

std::string date_with_day(const Date& date) { return day_name(date) + ", " + date_long(date); }

std::string month_roman(int month) { return roman_numeral(month, true); }

std::string in_words(long long number) {
  if (number == 0) return "nol";
  if (number < 0) return "minus " + in_words(-number);
  struct Scale {
    long long value;
    const char* name;
  };
  static constexpr std::array<Scale, 4> kScales{
      {{1'000'000'000'000LL, "triliun"}, {1'000'000'000LL, "miliar"}, {1'000'000LL, "juta"}, {1'000LL, "ribu"}}};
  std::string out;
  auto add = [&](const std::string& words) {
    if (!out.empty()) out += ' ';
    out += words;
  };
  for (const auto& scale : kScales) {
    long long part = number / scale.value;
    if (part == 0) continue;
    number %= scale.value;
    // "seribu", never "satu ribu"; but "satu juta", "satu miliar".
    if (part == 1 && scale.value == 1000)
      add("seribu");
    else
      add(in_words(part) + " " + scale.name);
  }
  if (number > 0) add(below_thousand(static_cast<int>(number)));
  return out;
}

std::string count_with_words(long long number) { return std::to_string(number) + " (" + in_words(number) + ")"; }

std::string thousands(long long number) {
  bool negative = number < 0;
  std::string digits = std::to_string(negative ? -number : number);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::string rupiah(long long amount) { return "Rp " + thousands(amount); }

}  // namespace inovasi::indonesian
