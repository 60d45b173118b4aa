#pragma once
// A narrative field (tujuan, manfaat, rancang bangun, ...) kept as structure: paragraphs
// and lists, which nest. Stored as JSON so templates can lay lists out properly.

#include <string>
#include <string_view>
#include <vector>

namespace inovasi {

enum class ListStyle { Decimal, DecimalParen, LowerAlpha, UpperAlpha, LowerRoman, Bullet };

std::string_view list_style_name(ListStyle style);
ListStyle list_style_from_name(std::string_view name);

struct Block;

struct ListItem {
  std::string text;
  std::vector<Block> children;
};

struct Block {
  enum class Kind { Paragraph, List } kind = Kind::Paragraph;
  std::string text;                      // Paragraph
  ListStyle style = ListStyle::Decimal;  // List
  int start = 1;                         // List: number of the first item
  std::vector<ListItem> items;           // List
};

struct Narrative {
  std::vector<Block> blocks;
  bool empty() const { return blocks.empty(); }
};

// Lists nest at most this deep: deeper is no real narrative, and the stored JSON must
// stay within what the JSON reader accepts (Poco: 128 levels, four per list level).
inline constexpr int kMaxListDepth = 16;
// How deep lists nest (0: paragraphs only).
int list_depth(const Narrative& narrative);

std::string narrative_to_json(const Narrative& narrative);
// Throws std::runtime_error on text that is not a stored narrative.
Narrative narrative_from_json(std::string_view json);

// Plain text with list markers, for word counts, exports and the CLI.
std::string narrative_to_text(const Narrative& narrative);
std::size_t narrative_word_count(const Narrative& narrative);

// What a spreadsheet cell holds (Excel's limit, which libxlsxwriter enforces): the IGA
// workbook and the desk packets' workbooks print each narrative as text in one cell.
inline constexpr std::size_t kSpreadsheetCellCharacters = 32767;

// The finding for a narrative whose text is longer than a cell holds, or empty.
std::string narrative_too_long(const Narrative& narrative);
// The characters of the narrative as one cell's text.
std::size_t narrative_characters(const Narrative& narrative);

}  // namespace inovasi
