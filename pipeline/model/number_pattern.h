#pragma once
// A region's numbering pattern (pola_nomor_sertifikat, ...): "000.8.3.3/{urut}/Bappeda/{tahun}".
// Documents are told apart by their numbers, and certificates are named by them, so a
// pattern must give a different number, and a different file name, to each sequence.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "model/date.h"

namespace inovasi {

// {urut}, {tahun}, {bulan}, {bulan_romawi} and any name in `fields`; throws
// std::runtime_error naming an unknown placeholder.
std::string format_number(std::string_view pattern, int sequence, const Date& date,
                          const std::map<std::string, std::string>& fields);

// What is wrong with a pattern, or nothing: an unclosed brace, a placeholder the
// documents do not fill, no {urut} (every document of a year would get the same number),
// or a {urut} so far in that the file names made from two numbers are the same.
std::optional<std::string> number_pattern_problem(std::string_view pattern);

}  // namespace inovasi
