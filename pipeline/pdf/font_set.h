#pragma once
// Fonts for one PDF document: the manifest (fonts/fonts.json) names the TrueType file
// of each family and style; faces are loaded into the document on first use and
// answer layout's questions (which face has a glyph, how wide it is).

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "layout/measure.h"
#include "pdf/hpdf_document.h"

namespace inovasi::pdf {

class FontError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FontManifest {
  std::filesystem::path file;
  // family -> style ("regular", "bold", "italic", "bold-italic") -> TTF path
  std::map<std::string, std::map<std::string, std::filesystem::path>> families;
  // A font cut to Latin by scripts/cut-fonts.sh (fonts/cut/<name>-latin.ttf), when there.
  std::filesystem::path cut_of(const std::filesystem::path& full) const;

  // Throws FontError naming the manifest for bad JSON or missing files.
  static FontManifest load(const std::filesystem::path& manifest);
};

class FontSet : public layout::TextMeasurer {
 public:
  // `fallback` is the family tried for characters the styled family lacks.
  FontSet(HpdfDocument& document, const FontManifest& manifest, std::string fallback = "fallback");

  int face_for(const layout::FaceKey& key, char32_t code_point) override;
  double advance(int face, char32_t code_point) override;
  double ascent(int face) override;
  double descent(int face) override;
  std::string face_name(int face) override;

  // libharu's name of the loaded face, for HPDF_GetFont.
  const std::string& hpdf_name(int face) const { return faces_.at(static_cast<std::size_t>(face)).name; }
  std::size_t face_count() const { return faces_.size(); }

 private:
  // Characters below this get flat per-face caches (all of Latin, Greek, Cyrillic,
  // punctuation); layout asks about every character of every document.
  static constexpr char32_t kFlat = 0x3000;
  struct Face {
    std::string name;
    HPDF_FontDef def = nullptr;
    std::vector<float> widths;        // per 1 pt; < 0 when not yet asked
    std::vector<signed char> glyphs;  // 1 has, 0 lacks, -1 not yet asked
    std::map<char32_t, double> other_widths;
  };
  // The face of a family and style: the Latin cut when there is one (small and fast to
  // embed), and the full font, loaded only when a character is not in the cut.
  struct Styled {
    int cut = -1;
    int full = -1;
    std::filesystem::path full_path;
  };
  Styled& styled(const std::string& family, const layout::FaceKey& key);
  int load_file(const std::filesystem::path& path, const std::string& family);
  int full_face(Styled& styled, const std::string& family);
  bool has_glyph(int face, char32_t code_point);

  HpdfDocument& document_;
  const FontManifest& manifest_;
  std::string fallback_;
  std::vector<Face> faces_;
  std::map<std::pair<std::string, int>, Styled> loaded_;  // (family, style bits) -> faces
  // The last style asked for: consecutive characters nearly always share it.
  layout::FaceKey last_key_;
  std::vector<Styled*> last_chain_;
};

}  // namespace inovasi::pdf
