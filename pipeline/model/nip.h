#pragma once
// NIP (Nomor Induk Pegawai), the 18-digit civil-servant number:
// birth date YYYYMMDD + first appointment YYYYMM + gender (1 male, 2 female) + 3-digit
// sequence. Printed "19660801 198803 1 001".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace inovasi {

// Strips the spaces, dots and hyphens people type; nullopt unless 18 digits remain.
std::optional<std::string> normalize_nip(std::string_view text);

// "19660801 198803 1 001" from 18 digits (the input is returned as is otherwise).
std::string format_nip(std::string_view digits);

// A structural problem of a NIP: which, and the digits concerned.
struct NipProblem {
  enum class Kind { Length, BirthDate, AppointmentMonth, AppointedTooYoung, Gender } kind;
  std::string digits;      // the digits at fault (for AppointedTooYoung: the appointment)
  std::string birth = {};  // AppointedTooYoung: the birth date's digits
};

// Structural problems of an 18-digit NIP (empty when it is well formed).
std::vector<NipProblem> nip_check(std::string_view digits);
// The same, in English, for the command line and tests.
std::vector<std::string> nip_problems(std::string_view digits);

}  // namespace inovasi
