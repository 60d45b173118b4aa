#include "pdf/truetype_check.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace inovasi::pdf {
namespace {

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}
std::uint16_t be16(const unsigned char* p) { return static_cast<std::uint16_t>((p[0] << 8) | p[1]); }

}  // namespace

std::string truetype_problem(std::string_view file) {
  std::size_t size = file.size();
  if (size < 12) return "too short to be a TrueType font";
  if (size > (64u << 20)) return "larger than 64 MiB: not a font we can embed";
  const auto* head = reinterpret_cast<const unsigned char*>(file.data());
  std::uint32_t version = be32(head);
  if (version == 0x4F54544F) return "an OpenType/CFF font (OTTO); libharu embeds TrueType outlines only";
  if (version != 0x00010000 && version != 0x74727565) return "not a TrueType font (no sfnt header)";
  std::uint16_t tables = be16(head + 4);
  if (tables == 0 || tables > 200 || 12u + 16u * tables > size) return "damaged table directory";
  const unsigned char* directory = head + 12;
  std::set<std::string> present;
  for (std::uint16_t i = 0; i < tables; ++i) {
    const unsigned char* entry = &directory[16u * i];
    std::string tag(reinterpret_cast<const char*>(entry), 4);
    std::uint64_t offset = be32(entry + 8), length = be32(entry + 12);
    if (offset + length > size) return "table '" + tag + "' lies outside the file";
    present.insert(tag);
  }
  static constexpr std::array<const char*, 8> kRequired{"head", "hhea", "hmtx", "maxp", "cmap", "loca", "glyf", "post"};
  for (const char* tag : kRequired) {
    if (!present.contains(tag)) return std::string("lacks the '") + tag + "' table";
  }
  return {};
}

namespace {

void put32(std::string& out, std::size_t at, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) out[at + static_cast<std::size_t>(i)] = static_cast<char>(value >> (24 - 8 * i));
}
void put16(std::string& out, std::size_t at, std::uint16_t value) {
  out[at] = static_cast<char>(value >> 8);
  out[at + 1] = static_cast<char>(value);
}

std::uint32_t table_checksum(std::string_view data) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < data.size(); i += 4) {
    unsigned char word[4] = {0, 0, 0, 0};
    for (std::size_t j = 0; j < 4 && i + j < data.size(); ++j) word[j] = static_cast<unsigned char>(data[i + j]);
    sum += be32(word);
  }
  return sum;
}

struct TableEntry {
  std::string tag;
  std::uint32_t checksum = 0, offset = 0, length = 0;
};

}  // namespace

std::string with_hinting_tables(std::string file) {
  // One cvt value of 0, and programs of PUSHB[0] 0, POP: valid, and doing nothing.
  static const std::map<std::string, std::string> kNoOp{
      {"cvt ", std::string("\0\0", 2)}, {"fpgm", std::string("\xB0\0\x21", 3)}, {"prep", std::string("\xB0\0\x21", 3)}};
  const auto* head = reinterpret_cast<const unsigned char*>(file.data());
  std::uint16_t count = be16(head + 4);
  std::vector<TableEntry> tables;
  for (std::uint16_t i = 0; i < count; ++i) {
    const unsigned char* entry = head + 12 + 16u * i;
    tables.push_back(
        {std::string(reinterpret_cast<const char*>(entry), 4), be32(entry + 4), be32(entry + 8), be32(entry + 12)});
  }
  std::vector<std::pair<std::string, std::string>> added;
  for (const auto& [tag, data] : kNoOp) {
    bool present = false;
    for (const auto& table : tables) present = present || table.tag == tag;
    if (!present) added.emplace_back(tag, data);
  }
  if (added.empty()) return file;

  // The new directory is longer: everything after it moves down by its growth, and the
  // new tables go at the end, each on a 4-byte boundary.
  auto shift = static_cast<std::uint32_t>(16 * added.size());
  std::string out =
      file.substr(0, 12) + std::string(16 * (tables.size() + added.size()), '\0') + file.substr(12 + 16u * count);
  for (auto& table : tables) table.offset += shift;
  for (const auto& [tag, data] : added) {
    out.resize((out.size() + 3) & ~std::size_t{3}, '\0');
    tables.push_back(
        {tag, table_checksum(data), static_cast<std::uint32_t>(out.size()), static_cast<std::uint32_t>(data.size())});
    out += data;
  }
  out.resize((out.size() + 3) & ~std::size_t{3}, '\0');
  std::sort(tables.begin(), tables.end(), [](const TableEntry& a, const TableEntry& b) { return a.tag < b.tag; });

  auto n = static_cast<std::uint16_t>(tables.size());
  std::uint16_t power = 1, selector = 0;
  while (power * 2 <= n) {
    power = static_cast<std::uint16_t>(power * 2);
    ++selector;
  }
  put16(out, 4, n);
  put16(out, 6, static_cast<std::uint16_t>(power * 16));
  put16(out, 8, selector);
  put16(out, 10, static_cast<std::uint16_t>(n * 16 - power * 16));
  for (std::size_t i = 0; i < tables.size(); ++i) {
    std::size_t at = 12 + 16 * i;
    out.replace(at, 4, tables[i].tag);
    put32(out, at + 4, tables[i].checksum);
    put32(out, at + 8, tables[i].offset);
    put32(out, at + 12, tables[i].length);
  }
  return out;
}

}  // namespace inovasi::pdf
