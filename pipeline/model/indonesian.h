#pragma once
// How Indonesian official papers write dates, numbers and amounts. Locale-free: nothing
// here reads or sets the C locale. These produce words and figures; the sentences they
// go into live in the templates.

#include <string>

#include "model/date.h"

namespace inovasi::indonesian {

std::string day_name(const Date& date);       // "Senin"
std::string month_name(int month);            // "Juli"
std::string date_long(const Date& date);      // "5 Juli 2021"
std::string date_with_day(const Date& date);  // "Senin, 5 Juli 2021"
std::string month_roman(int month);           // 7 -> "VII"

// Numbers in words (terbilang): "sebelas", "seratus", "seribu", "satu juta",
// "dua ribu dua puluh satu", up to the trillions; "nol" for 0, "minus ..." below it.
std::string in_words(long long number);
// "2 (dua)"
std::string count_with_words(long long number);
// "Rp 2.000.000" (thousands with dots, no decimals)
std::string rupiah(long long amount);
// "2.000.000"
std::string thousands(long long number);

}  // namespace inovasi::indonesian
