#include "importers/narrative_parser.h"

#include <optional>

#include "model/text.h"

namespace inovasi {
namespace {

struct ListMarker {
  ListStyle style = ListStyle::Decimal;
  int number = 1;
  std::string text;  // the item text after the marker
};

struct OpenList {
  int indent = 0;
  Block* list = nullptr;
};

// Indentation in columns, tabs advancing to the next multiple of four.
int indentation(std::string_view line) {
  int column = 0;
  for (char c : line) {
    if (c == ' ') {
      ++column;
    } else if (c == '\t') {
      column = (column / 4 + 1) * 4;
    } else {
      break;
    }
  }
  return column;
}

int roman_value(std::string_view letters) {
  static constexpr std::string_view kRomans[] = {"i",  "ii", "iii", "iv",  "v",    "vi",  "vii", "viii",
                                                 "ix", "x",  "xi",  "xii", "xiii", "xiv", "xv"};
  for (int i = 0; i < 15; ++i) {
    if (kRomans[i] == letters) return i + 1;
  }
  return 0;
}

bool is_bullet(std::string_view text, std::size_t& length) {
  static constexpr std::string_view kBullets[] = {
      "\xC2\xB7", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x96\xAA", "\xE2\x97\x8F", "\xEF\x82\xB7", "-", "*"};
  for (auto bullet : kBullets) {
    if (text.starts_with(bullet)) {
      length = bullet.size();
      return true;
    }
  }
  return false;
}

// The marker at the start of a trimmed line, if any. `expected_alpha` is the letter the
// innermost open lower-alpha list expects next, so "i." after "h." stays a letter.
std::optional<ListMarker> read_marker(std::string_view text, char expected_alpha) {
  auto rest_after = [&](std::size_t length) -> std::optional<std::string> {
    if (length < text.size() && text[length] != ' ' && text[length] != '\t') return std::nullopt;
    std::string rest = collapse_spaces(text.substr(length));
    return rest;
  };
  std::size_t bullet_length = 0;
  if (is_bullet(text, bullet_length)) {
    if (auto rest = rest_after(bullet_length); rest && !rest->empty()) return ListMarker{ListStyle::Bullet, 1, *rest};
    return std::nullopt;
  }
  std::size_t i = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i > 0 && i <= 3 && i < text.size() && (text[i] == '.' || text[i] == ')')) {
    if (auto rest = rest_after(i + 1)) {
      ListStyle style = text[i] == '.' ? ListStyle::Decimal : ListStyle::DecimalParen;
      return ListMarker{style, std::stoi(std::string(text.substr(0, i))), *rest};
    }
    return std::nullopt;
  }
  i = 0;
  while (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z'))) ++i;
  if (i == 0 || i >= text.size() || (text[i] != '.' && text[i] != ')')) return std::nullopt;
  auto rest = rest_after(i + 1);
  if (!rest || rest->empty()) return std::nullopt;
  std::string letters = ascii_lower(text.substr(0, i));
  bool single = i == 1;
  bool lower = text[0] >= 'a';
  if (single && !(lower && letters[0] == expected_alpha) && roman_value(letters) && lower && letters[0] != 'a') {
    return ListMarker{ListStyle::LowerRoman, roman_value(letters), *rest};
  }
  if (single) {
    return ListMarker{lower ? ListStyle::LowerAlpha : ListStyle::UpperAlpha, letters[0] - 'a' + 1, *rest};
  }
  if (lower && roman_value(letters)) return ListMarker{ListStyle::LowerRoman, roman_value(letters), *rest};
  return std::nullopt;
}

// Joins a wrapped line to the text before it; a word hyphenated at the line end and
// continued in lower case is rejoined without the hyphen.
void join_line(std::string& text, std::string_view next) {
  if (text.empty()) {
    text = next;
    return;
  }
  if (text.size() >= 2 && text.back() == '-' && text[text.size() - 2] != ' ' && !next.empty() && next[0] >= 'a' &&
      next[0] <= 'z') {
    text.pop_back();
    text += next;
    return;
  }
  text += ' ';
  text += next;
}

class NarrativeBuilder {
 public:
  void line(std::string_view raw) {
    std::string spaced = plain_spaces(raw);
    std::string_view view = spaced;
    std::string text = collapse_spaces(view);
    if (text.empty()) {
      flush_paragraph();
      after_blank_ = true;
      return;
    }
    int indent = indentation(view);
    if (auto marker = read_marker(text, expected_alpha())) {
      flush_paragraph();
      add_item(indent, std::move(*marker));
    } else if (!paragraph_.empty()) {
      join_line(paragraph_, text);
    } else if (!open_.empty() && !after_blank_) {
      join_line(open_.back().list->items.back().text, text);
    } else {
      open_.clear();
      paragraph_ = text;
    }
    after_blank_ = false;
  }

  Narrative finish() {
    flush_paragraph();
    return std::move(narrative_);
  }

 private:
  char expected_alpha() const {
    if (open_.empty() || open_.back().list->style != ListStyle::LowerAlpha) return 0;
    auto count = open_.back().list->start + static_cast<int>(open_.back().list->items.size());
    return static_cast<char>('a' + count - 1);
  }

  static bool same_level(int a, int b) { return a - b <= 1 && b - a <= 1; }

  void add_item(int indent, ListMarker marker) {
    while (!open_.empty() && open_.back().indent > indent + 1) open_.pop_back();
    // Back to an enclosing list of the same style at this indentation?
    for (std::size_t depth = open_.size(); depth-- > 0;) {
      if (same_level(open_[depth].indent, indent) && open_[depth].list->style == marker.style) {
        open_.resize(depth + 1);
        open_.back().list->items.push_back({std::move(marker.text), {}});
        return;
      }
    }
    if (!open_.empty()) {  // deeper, or another style at the same depth: a nested list
      auto& parent = open_.back().list->items.back();
      open_.push_back({indent, start_list(parent.children, marker)});
      return;
    }
    open_.push_back({indent, start_list(narrative_.blocks, marker)});
  }

  static Block* start_list(std::vector<Block>& container, ListMarker& marker) {
    Block block;
    block.kind = Block::Kind::List;
    block.style = marker.style;
    block.start = marker.number;
    block.items.push_back({std::move(marker.text), {}});
    container.push_back(std::move(block));
    return &container.back();
  }

  void flush_paragraph() {
    if (paragraph_.empty()) return;
    Block block;
    block.text = std::move(paragraph_);
    narrative_.blocks.push_back(std::move(block));
    paragraph_.clear();
  }

  Narrative narrative_;
  std::vector<OpenList> open_;  // innermost last; see add_item for why the pointers stay valid
  std::string paragraph_;
  bool after_blank_ = false;
};

}  // namespace

Narrative parse_narrative(const std::vector<std::string>& lines) {
  // Pointers in OpenList stay valid: items are only appended to the innermost open list,
  // and a list's container only grows after every list nested below it has been closed.
  NarrativeBuilder builder;
  for (const auto& line : lines) builder.line(line);
  return builder.finish();
}

Narrative parse_narrative_text(std::string_view text) {
  std::vector<std::string> lines;
  for (auto& line : split(text, '\n')) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  return parse_narrative(lines);
}

}  // namespace inovasi
