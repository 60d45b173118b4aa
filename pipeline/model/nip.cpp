#include "model/nip.h"

#include "model/date.h"

namespace inovasi {
namespace {

int digits_to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::optional<std::string> normalize_nip(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != ' ' && c != '.' && c != '-' && c != '\t') {
      return std::nullopt;
    }
  }
  if (digits.size() != 18) return std::nullopt;
  return digits;
}

std::string format_nip(std::string_view d) {
  if (d.size() != 18) return std::string(d);
  std::string out;
  out.append(d.substr(0, 8)).append(" ").append(d.substr(8, 6)).append(" ");
  out.append(d.substr(14, 1)).append(" ").append(d.substr(15, 3));
  return out;
}

std::vector<NipProblem> nip_check(std::string_view d) {
  using Kind = NipProblem::Kind;
  if (d.size() != 18) return {{Kind::Length, std::string(d)}};
  std::vector<NipProblem> problems;
  Date birth{digits_to_int(d.substr(0, 4)), digits_to_int(d.substr(4, 2)), digits_to_int(d.substr(6, 2))};
  int appointed_year = digits_to_int(d.substr(8, 4));
  int appointed_month = digits_to_int(d.substr(12, 2));
  if (!birth.valid() || birth.year < 1930) problems.push_back({Kind::BirthDate, std::string(d.substr(0, 8))});
  if (appointed_month < 1 || appointed_month > 12 || appointed_year < 1950) {
    problems.push_back({Kind::AppointmentMonth, std::string(d.substr(8, 6))});
  } else if (birth.valid() && (appointed_year < birth.year + 17 ||
                               (appointed_year == birth.year + 17 && appointed_month < birth.month))) {
    // Civil servants are appointed from age 18; 17 leaves room for rounding of months.
    problems.push_back({Kind::AppointedTooYoung, std::string(d.substr(8, 6)), std::string(d.substr(0, 8))});
  }
  if (d[14] != '1' && d[14] != '2') problems.push_back({Kind::Gender, std::string(1, d[14])});
  return problems;
}

std::vector<std::string> nip_problems(std::string_view d) {
  std::vector<std::string> out;
  for (const auto& problem : nip_check(d)) {
    switch (problem.kind) {
      case NipProblem::Kind::Length:
        out.push_back("a NIP has 18 digits");
        break;
      case NipProblem::Kind::BirthDate:
        out.push_back("digits 1-8 are not a birth date (" + problem.digits + ")");
        break;
      case NipProblem::Kind::AppointmentMonth:
        out.push_back("digits 9-14 are not an appointment month (" + problem.digits + ")");
        break;
      case NipProblem::Kind::AppointedTooYoung:
        out.push_back("appointment " + problem.digits + " is too soon after birth " + problem.birth);
        break;
      case NipProblem::Kind::Gender:
        out.push_back("digit 15 (gender) must be 1 or 2, not " + problem.digits);
        break;
    }
  }
  return out;
}

}  // namespace inovasi
