#include "model/narrative.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <array>
#include <sstream>
#include <stdexcept>

#include "model/text.h"

namespace inovasi {
namespace {

struct StyleName {
  ListStyle style;
  std::string_view name;
};
constexpr std::array<StyleName, 6> kStyleNames{{
    {ListStyle::Decimal, "decimal"},
    {ListStyle::DecimalParen, "decimal-paren"},
    {ListStyle::LowerAlpha, "lower-alpha"},
    {ListStyle::UpperAlpha, "upper-alpha"},
    {ListStyle::LowerRoman, "lower-roman"},
    {ListStyle::Bullet, "bullet"},
}};

Poco::JSON::Array::Ptr blocks_to_json(const std::vector<Block>& blocks);

Poco::JSON::Object::Ptr block_to_json(const Block& block) {
  Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  if (block.kind == Block::Kind::Paragraph) {
    object->set("p", block.text);
    return object;
  }
  object->set("list", std::string(list_style_name(block.style)));
  object->set("start", block.start);
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& item : block.items) {
    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("text", item.text);
    if (!item.children.empty()) entry->set("children", blocks_to_json(item.children));
    items->add(entry);
  }
  object->set("items", items);
  return object;
}

Poco::JSON::Array::Ptr blocks_to_json(const std::vector<Block>& blocks) {
  Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
  for (const auto& block : blocks) array->add(block_to_json(block));
  return array;
}

std::vector<Block> blocks_from_json(const Poco::JSON::Array::Ptr& array);

Block block_from_json(const Poco::JSON::Object::Ptr& object) {
  Block block;
  if (object->has("p")) {
    block.text = object->getValue<std::string>("p");
    return block;
  }
  if (!object->has("list")) throw std::runtime_error("narrative block has neither 'p' nor 'list'");
  block.kind = Block::Kind::List;
  block.style = list_style_from_name(object->getValue<std::string>("list"));
  block.start = object->optValue<int>("start", 1);
  auto items = object->getArray("items");
  if (!items) throw std::runtime_error("narrative list has no 'items'");
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto entry = items->getObject(static_cast<unsigned>(i));
    if (!entry) throw std::runtime_error("narrative list item is not an object");
    ListItem item;
    item.text = entry->optValue<std::string>("text", "");
    if (auto children = entry->getArray("children")) item.children = blocks_from_json(children);
    block.items.push_back(std::move(item));
  }
  return block;
}

std::vector<Block> blocks_from_json(const Poco::JSON::Array::Ptr& array) {
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < array->size(); ++i) {
    auto object = array->getObject(static_cast<unsigned>(i));
    if (!object) throw std::runtime_error("narrative block is not an object");
    blocks.push_back(block_from_json(object));
  }
  return blocks;
}

std::string marker(ListStyle style, int number) {
  switch (style) {
    case ListStyle::Decimal:
      return std::to_string(number) + ".";
    case ListStyle::DecimalParen:
      return std::to_string(number) + ")";
    case ListStyle::LowerAlpha:
      return alpha_numeral(number, false) + ".";
    case ListStyle::UpperAlpha:
      return alpha_numeral(number, true) + ".";
    case ListStyle::LowerRoman:
      return roman_numeral(number, false) + ".";
    case ListStyle::Bullet:
      return "\xE2\x80\xA2";
  }
  return "-";
}

void append_text(std::ostringstream& out, const std::vector<Block>& blocks, int depth) {
  std::string indent(static_cast<std::size_t>(depth) * 3, ' ');
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    // A blank line between a block and the paragraph that follows: without it a reader
    // (parse_narrative_text, or a person) joins the two into one paragraph or list item.
    if (i > 0 && depth == 0 && block.kind == Block::Kind::Paragraph) out << "\n";
    if (block.kind == Block::Kind::Paragraph) {
      out << indent << block.text << "\n";
      continue;
    }
    int number = block.start;
    for (const auto& item : block.items) {
      out << indent << marker(block.style, number++) << ' ' << item.text << "\n";
      append_text(out, item.children, depth + 1);
    }
  }
}

}  // namespace

std::string_view list_style_name(ListStyle style) {
  for (const auto& entry : kStyleNames) {
    if (entry.style == style) return entry.name;
  }
  return "decimal";
}

ListStyle list_style_from_name(std::string_view name) {
  for (const auto& entry : kStyleNames) {
    if (entry.name == name) return entry.style;
  }
  throw std::runtime_error("unknown list style '" + std::string(name) + "'");
}

std::string narrative_to_json(const Narrative& narrative) {
  std::ostringstream out;
  blocks_to_json(narrative.blocks)->stringify(out);
  return out.str();
}

Narrative narrative_from_json(std::string_view json) {
  if (trim(json).empty()) return {};
  try {
    Poco::JSON::Parser parser;
    auto result = parser.parse(std::string(json));
    auto array = result.extract<Poco::JSON::Array::Ptr>();
    return Narrative{blocks_from_json(array)};
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("stored narrative is not valid: " + e.displayText());
  }
}

std::string narrative_to_text(const Narrative& narrative) {
  std::ostringstream out;
  append_text(out, narrative.blocks, 0);
  std::string text = out.str();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

namespace {

int depth_of(const std::vector<Block>& blocks) {
  int deepest = 0;
  for (const auto& block : blocks) {
    for (const auto& item : block.items) deepest = std::max(deepest, 1 + depth_of(item.children));
  }
  return deepest;
}

}  // namespace

int list_depth(const Narrative& narrative) { return depth_of(narrative.blocks); }

std::size_t narrative_word_count(const Narrative& narrative) {
  // List markers are not words of the narrative: count item and paragraph text only.
  std::size_t words = 0;
  auto count_blocks = [&](auto&& self, const std::vector<Block>& blocks) -> void {
    for (const auto& block : blocks) {
      words += count_words(block.text);
      for (const auto& item : block.items) {
        words += count_words(item.text);
        self(self, item.children);
      }
    }
  };
  count_blocks(count_blocks, narrative.blocks);
  return words;
}

std::size_t narrative_characters(const Narrative& narrative) { return utf8_length(narrative_to_text(narrative)); }

std::string narrative_too_long(const Narrative& narrative) {
  std::size_t characters = narrative_characters(narrative);
  if (characters <= kSpreadsheetCellCharacters) return {};
  return std::to_string(characters) +
         " characters; a spreadsheet cell (the IGA workbook, the desk packet's workbook) "
         "holds at most " +
         std::to_string(kSpreadsheetCellCharacters) + ": shorten it";
}

}  // namespace inovasi
