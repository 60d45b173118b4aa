#pragma once
// Locale-free text helpers for UTF-8 input. Nothing here consults the C locale.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace inovasi {

std::string_view trim(std::string_view text);
std::string ascii_lower(std::string_view text);
std::string ascii_upper(std::string_view text);

// Replaces non-breaking and other Unicode spaces and tabs by ASCII spaces, then folds
// runs of spaces into one and trims. Keeps every other character as it is.
std::string collapse_spaces(std::string_view text);

// Replaces non-breaking spaces (U+00A0, U+202F, U+2007) by ASCII spaces, keeping runs.
std::string plain_spaces(std::string_view text);

// Characters (code points) in UTF-8 text: what Excel and the layout count, not bytes.
std::size_t utf8_length(std::string_view text);

// Byte offset of the first invalid UTF-8 sequence (overlong, surrogate, beyond
// U+10FFFF, truncated), or npos when the text is valid.
std::size_t find_invalid_utf8(std::string_view text);

// The first C0/C1 control character other than tab, newline and carriage return, or
// invisible direction control (U+200E/F, U+202A..E, U+2066..9), or npos. Such
// characters have no place in an official document: they break printing or reorder
// what the reader sees.
std::size_t find_control_character(std::string_view text);
// "control character 0x1B at byte 5", "invisible direction control U+202E at byte 9".
std::string describe_control_character(std::string_view text, std::size_t at);

// Lower-case ASCII letters, digits and single hyphens; letters with diacritics lose
// them (é → e); everything else becomes a hyphen. Never empty: "x" for nothing left.
std::string slugify(std::string_view text, std::size_t max_length = 80);

// Key used to compare enumeration values: lower-case, punctuation and spaces folded.
std::string match_key(std::string_view text);

// Counts words (runs containing a letter or digit) after stripping <...> markup.
std::size_t count_words(std::string_view text);

// 4 -> "iv" (or "IV"); 0 and negatives give "". Used for list markers and for the month
// in letter numbers (…/II/2026).
std::string roman_numeral(int number, bool upper);
// 1 -> "a", 27 -> "aa": list markers.
std::string alpha_numeral(int number, bool upper);

std::vector<std::string> split(std::string_view text, char separator);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
bool starts_with_ci(std::string_view text, std::string_view prefix);

// A value for a message, in quotes: at most `limit` bytes of it, cut at a character
// boundary, with how long the rest is. A hostile input's gigabyte cell is never
// printed whole.
std::string quote_value(std::string_view value, std::size_t limit = 60);

}  // namespace inovasi
