#include "pdf/truetype_check.h"

#include <array>
#include <cstdint>
#include <set>

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

}  // namespace inovasi::pdf
