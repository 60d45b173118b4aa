#pragma once
// Every font file a run uses, read, checked and measured once, then shared read-only by
// every document on every thread. Loading the TrueType file into libharu per document
// (opening it, then seeking glyph by glyph when the PDF is saved) and asking libharu for
// each width again per document was a third of a certificate's time; now a document
// only parses the bytes already in memory, and layout never touches libharu at all.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace inovasi::pdf {

struct HarfBuzzFace;

struct FontFace {
  int id = -1;  // stable for the library's lifetime; layout ops carry it
  std::filesystem::path path;
  std::string bytes;                             // the whole TrueType file
  std::string name;                              // PostScript name, for messages
  double ascent = 0;                             // per point of font size
  double descent = 0;                            // positive
  std::vector<std::uint16_t> glyph_of;           // per BMP code point; 0: the font lacks it
  std::vector<float> width_of_glyph;             // per glyph, per point of font size
  std::shared_ptr<const HarfBuzzFace> harfbuzz;  // for per-document subsets (font_subset.h)

  bool has_glyph(char32_t code_point) const { return code_point <= 0xFFFF && glyph_of[code_point] != 0; }
  // As libharu measures it: characters the font lacks have the width of its .notdef.
  double advance(char32_t code_point) const {
    if (code_point > 0xFFFF) return 0;
    return width_of_glyph[glyph_of[code_point]];
  }
};

class FontLibrary {
 public:
  // Reads, checks and measures the file the first time; afterwards returns the same face.
  // Thread-safe. Throws FontError naming the file, the family and the manifest.
  const FontFace& load(const std::filesystem::path& path, const std::string& family,
                       const std::filesystem::path& manifest);
  // A face this library loaded. Thread-safe.
  const FontFace& face(int id) const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<FontFace>> faces_;  // unique_ptr: references stay valid as it grows
  std::map<std::filesystem::path, int> by_path_;
};

}  // namespace inovasi::pdf
