#include "pdf/font_set.h"
#include "model/file_text.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <hpdf_fontdef.h>

#include <fstream>
#include <sstream>

#include "pdf/truetype_check.h"

namespace inovasi::pdf {
namespace {

std::string style_name(const layout::FaceKey& key) {
  if (key.bold && key.italic) return "bold-italic";
  if (key.bold) return "bold";
  if (key.italic) return "italic";
  return "regular";
}

}  // namespace

FontManifest FontManifest::load(const std::filesystem::path& manifest) {
  auto text = read_file_text(manifest);
  if (!text) throw FontError(manifest.string() + ": font manifest not found");
  FontManifest result;
  result.file = manifest;
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(*text).extract<Poco::JSON::Object::Ptr>();
    for (const auto& family : root->getNames()) {
      if (family.starts_with("_")) continue;  // comments
      auto styles = root->getObject(family);
      if (!styles) throw FontError(manifest.string() + ": '" + family + "' must map styles to files");
      for (const auto& style : styles->getNames()) {
        std::filesystem::path path = styles->getValue<std::string>(style);
        if (path.is_relative()) path = manifest.parent_path() / path;
        result.families[family][style] = path;
      }
      if (!result.families[family].contains("regular")) {
        throw FontError(manifest.string() + ": family '" + family + "' has no 'regular' style");
      }
    }
  } catch (const Poco::Exception& e) {
    throw FontError(manifest.string() + ": " + e.displayText());
  }
  return result;
}

FontSet::FontSet(HpdfDocument& document, const FontManifest& manifest, std::string fallback)
    : document_(document), manifest_(manifest), fallback_(std::move(fallback)) {}

std::filesystem::path FontManifest::cut_of(const std::filesystem::path& full) const {
  auto cut = file.parent_path() / "cut" / (full.stem().string() + "-latin.ttf");
  std::error_code error;
  return std::filesystem::is_regular_file(cut, error) ? cut : std::filesystem::path{};
}

int FontSet::load_file(const std::filesystem::path& path, const std::string& family) {
  if (!std::filesystem::exists(path)) {
    throw FontError("font file " + path.string() + " (family '" + family + "' in " + manifest_.file.string() +
                    ") does not exist; run scripts/setup.sh or fix the manifest");
  }
  if (auto problem = truetype_problem(path); !problem.empty()) {
    throw FontError("font file " + path.string() + " (family '" + family + "'): " + problem);
  }
  const char* name = HPDF_LoadTTFontFromFile(document_.get(), path.c_str(), HPDF_TRUE);
  document_.check("loading font " + path.string());
  if (!name) throw FontError("font file " + path.string() + ": libharu could not load it");
  Face face;
  face.name = name;
  face.def = HPDF_GetFontDef(document_.get(), name);
  face.widths.assign(kFlat, -1.0f);
  face.glyphs.assign(kFlat, -1);
  document_.check("loading font " + path.string());
  faces_.push_back(std::move(face));
  return static_cast<int>(faces_.size() - 1);
}

FontSet::Styled& FontSet::styled(const std::string& family, const layout::FaceKey& key) {
  int bits = (key.bold ? 1 : 0) | (key.italic ? 2 : 0);
  if (auto it = loaded_.find({family, bits}); it != loaded_.end()) return it->second;
  auto styles = manifest_.families.find(family);
  if (styles == manifest_.families.end()) {
    throw FontError("font family '" + family + "' is not in " + manifest_.file.string());
  }
  auto file = styles->second.find(style_name(key));
  if (file == styles->second.end()) file = styles->second.find("regular");  // faux styles are worse than none
  Styled entry;
  entry.full_path = file->second;
  auto cut = manifest_.cut_of(file->second);
  if (!cut.empty()) entry.cut = load_file(cut, family);
  else entry.full = load_file(file->second, family);
  return loaded_.emplace(std::make_pair(family, bits), entry).first->second;
}

int FontSet::full_face(Styled& entry, const std::string& family) {
  if (entry.full < 0) entry.full = load_file(entry.full_path, family);
  return entry.full;
}

bool FontSet::has_glyph(int face, char32_t code_point) {
  if (code_point > 0xFFFF) return false;  // libharu's TrueType code handles the BMP only
  if (code_point == U' ' || code_point == U'\u00A0') return true;
  auto& f = faces_[static_cast<std::size_t>(face)];
  if (code_point < kFlat) {
    auto& known = f.glyphs[code_point];
    if (known < 0) known = HPDF_TTFontDef_GetGlyphid(f.def, static_cast<HPDF_UINT16>(code_point)) != 0 ? 1 : 0;
    return known == 1;
  }
  return HPDF_TTFontDef_GetGlyphid(f.def, static_cast<HPDF_UINT16>(code_point)) != 0;
}

int FontSet::face_for(const layout::FaceKey& key, char32_t code_point) {
  if (last_chain_.empty() || !(key == last_key_)) {
    last_chain_.assign(1, &styled(key.family, key));
    last_key_ = key;
  }
  Styled& primary = *last_chain_.front();
  if (primary.cut >= 0 && has_glyph(primary.cut, code_point)) return primary.cut;
  // Not in the cut: the full font (loaded only now), then the fallback family.
  int full = full_face(primary, key.family);
  if (has_glyph(full, code_point)) return full;
  if (!manifest_.families.contains(fallback_) || key.family == fallback_) return layout::kNoFace;
  if (last_chain_.size() < 2) last_chain_.push_back(&styled(fallback_, key));
  Styled& fallback = *last_chain_[1];
  if (fallback.cut >= 0 && has_glyph(fallback.cut, code_point)) return fallback.cut;
  int fallback_full = full_face(fallback, fallback_);
  return has_glyph(fallback_full, code_point) ? fallback_full : layout::kNoFace;
}

double FontSet::advance(int face, char32_t code_point) {
  auto& f = faces_.at(static_cast<std::size_t>(face));
  if (code_point < kFlat) {
    float& width = f.widths[code_point];
    if (width < 0) width = static_cast<float>(HPDF_TTFontDef_GetCharWidth(f.def, static_cast<HPDF_UINT16>(code_point)) / 1000.0);
    return width;
  }
  auto it = f.other_widths.find(code_point);
  if (it != f.other_widths.end()) return it->second;
  double width = code_point > 0xFFFF ? 0 : HPDF_TTFontDef_GetCharWidth(f.def, static_cast<HPDF_UINT16>(code_point)) / 1000.0;
  f.other_widths.emplace(code_point, width);
  return width;
}

double FontSet::ascent(int face) { return faces_.at(static_cast<std::size_t>(face)).def->ascent / 1000.0; }

double FontSet::descent(int face) {
  double descent = faces_.at(static_cast<std::size_t>(face)).def->descent / 1000.0;
  return descent < 0 ? -descent : descent;
}

std::string FontSet::face_name(int face) { return faces_.at(static_cast<std::size_t>(face)).name; }

}  // namespace inovasi::pdf
