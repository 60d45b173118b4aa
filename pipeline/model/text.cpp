#include "model/text.h"

#include <array>
#include <cstdio>

namespace inovasi {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Length of a Unicode space sequence at text[i] (NBSP, narrow NBSP, figure space,
// en/em spaces, ideographic space), or 0.
std::size_t unicode_space_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  if (byte(i) == 0xC2 && byte(i + 1) == 0xA0) return 2;
  if (byte(i) == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) >= 0x80 && byte(i + 2) <= 0x8A)) return 3;
  if (byte(i) == 0xE2 && byte(i + 1) == 0x80 && byte(i + 2) == 0xAF) return 3;
  if (byte(i) == 0xE3 && byte(i + 1) == 0x80 && byte(i + 2) == 0x80) return 3;
  return 0;
}

// Latin-1 supplement and Latin Extended-A letters folded to ASCII for slugs.
char fold_latin(unsigned code_point) {
  static constexpr std::string_view kLatin1 = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
  if (code_point >= 0xC0 && code_point <= 0xFF) return kLatin1[code_point - 0xC0];
  return 0;
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string ascii_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Every value an import reads passes through these: runs without a Unicode space are
// copied whole, and only a lead byte of one (0xC2, 0xE2, 0xE3) is looked at closely.
std::string plain_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) < 0xC2) continue;
    if (std::size_t n = unicode_space_length(text, i)) {
      out.append(text, run, i - run);
      out += ' ';
      i += n - 1;
      run = i + 1;
    }
  }
  out.append(text, run);
  return out;
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    std::size_t unicode = static_cast<unsigned char>(c) >= 0xC2 ? unicode_space_length(text, i) : 0;
    if (unicode || is_ascii_space(c)) {
      pending_space = !out.empty();
      if (unicode) i += unicode - 1;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::size_t find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned code_point = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      code_point = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      code_point = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      code_point = c & 0x07u;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      auto continuation = static_cast<unsigned char>(text[i + k]);
      if ((continuation & 0xC0u) != 0x80u) return i;
      code_point = (code_point << 6) | (continuation & 0x3Fu);
    }
    bool overlong = (length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000);
    bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    if (overlong || surrogate || code_point > 0x10FFFF) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t characters = 0;
  for (unsigned char c : text) characters += (c & 0xC0) != 0x80;  // every byte but continuation bytes
  return characters;
}

std::size_t find_control_character(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return i;
    // C1 controls U+0080..U+009F are encoded as C2 80..C2 9F.
    if (c == 0xC2 && i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return i;
    }
    // Invisible direction controls (U+200E/F, U+202A..E, U+2066..9) reorder what a
    // reader sees ("Budi<U+202E>fdp.exe"): never wanted in an Indonesian official paper.
    if (c == 0xE2 && i + 2 < text.size()) {
      auto b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
      if (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) return i;
      if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return i;
    }
  }
  return std::string_view::npos;
}

std::string describe_control_character(std::string_view text, std::size_t at) {
  auto c = static_cast<unsigned char>(text[at]);
  char buffer[64];
  if (c == 0xC2 && at + 1 < text.size()) {
    std::snprintf(buffer, sizeof buffer, "control character U+%04X", static_cast<unsigned char>(text[at + 1]));
  } else if (c == 0xE2 && at + 2 < text.size()) {
    unsigned code = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[at + 1]) & 0x3Fu) << 6) |
                    (static_cast<unsigned char>(text[at + 2]) & 0x3Fu);
    std::snprintf(buffer, sizeof buffer, "invisible direction control U+%04X", code);
  } else {
    std::snprintf(buffer, sizeof buffer, "control character 0x%02X", c);
  }
  return std::string(buffer) + " at byte " + std::to_string(at + 1);
}

std::string slugify(std::string_view text, std::size_t max_length) {
  std::string out;
  bool pending_hyphen = false;
  auto emit = [&](char c) {
    if (pending_hyphen && !out.empty()) out += '-';
    pending_hyphen = false;
    out += c;
  };
  for (std::size_t i = 0; i < text.size() && out.size() < max_length; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (is_ascii_alnum(c)) {
      emit(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else if (c == 0xC3 && i + 1 < text.size()) {  // Latin-1 letters with diacritics
      unsigned code_point = 0xC0u + (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      char folded = fold_latin(code_point);
      ++i;
      if (folded >= 'A' && folded <= 'Z') folded = static_cast<char>(folded - 'A' + 'a');
      if (is_ascii_alnum(static_cast<unsigned char>(folded))) {
        emit(folded);
      } else {
        pending_hyphen = true;
      }
    } else if (c == '\'' || c == 0xE2) {  // apostrophes (and curly quotes) join words
      if (c == 0xE2) i += 2;
    } else {
      pending_hyphen = true;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? std::string("x") : out;
}

std::string match_key(std::string_view text) {
  std::string lower = ascii_lower(plain_spaces(text));
  std::string out;
  bool pending_space = false;
  for (char c : lower) {
    if (is_ascii_alnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out += c;
    } else {
      pending_space = true;
    }
  }
  return out;
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_tag = false;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (in_tag) {
      if (c == '>') in_tag = false;
      continue;
    }
    if (c == '<') {
      in_tag = true;
      in_word = false;
      continue;
    }
    // U+2000..U+206F (curly quotes, dashes, bullets, odd spaces) separate words.
    if (c == 0xE2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x81) {
      i += 2;
      in_word = false;
      continue;
    }
    // Letters, digits and other non-ASCII (letters with diacritics) form words; hyphens
    // and apostrophes inside a word keep it whole ("masing-masing").
    bool word_char = is_ascii_alnum(c) || (c >= 0x80 && c != 0xC2) || ((c == '-' || c == '\'') && in_word);
    if (c == 0xC2) {  // U+0080..U+00BF: NBSP and Latin-1 punctuation
      ++i;
      word_char = false;
    }
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  return words;
}

std::string roman_numeral(int n, bool upper) {
  static constexpr std::array<std::pair<int, std::string_view>, 13> kTable{{{1000, "m"},
                                                                            {900, "cm"},
                                                                            {500, "d"},
                                                                            {400, "cd"},
                                                                            {100, "c"},
                                                                            {90, "xc"},
                                                                            {50, "l"},
                                                                            {40, "xl"},
                                                                            {10, "x"},
                                                                            {9, "ix"},
                                                                            {5, "v"},
                                                                            {4, "iv"},
                                                                            {1, "i"}}};
  std::string out;
  for (const auto& [value, letters] : kTable) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return upper ? ascii_upper(out) : out;
}

std::string alpha_numeral(int n, bool upper) {
  std::string out;
  while (n > 0) {
    out.insert(out.begin(), static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return out;
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == separator) {
      parts.emplace_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && ascii_lower(text.substr(0, prefix.size())) == ascii_lower(prefix);
}

std::string quote_value(std::string_view value, std::size_t limit) {
  if (value.size() <= limit) return "'" + std::string(value) + "'";
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return "'" + std::string(value.substr(0, cut)) + "...' (" + std::to_string(value.size()) + " bytes)";
}

}  // namespace inovasi
