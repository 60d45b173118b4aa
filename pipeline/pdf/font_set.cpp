#include "pdf/font_set.h"
#include "model/file_text.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace inovasi::pdf {
namespace {

// The manifest's list of fallback families, in the order they are tried.
constexpr std::string_view kFallbackList = "cadangan";

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
  bool listed = false;  // a "cadangan" list, even an empty one, says which fallbacks there are
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(*text).extract<Poco::JSON::Object::Ptr>();
    for (const auto& family : root->getNames()) {
      if (family.starts_with("_")) continue;  // comments
      if (family == kFallbackList) {
        listed = true;
        auto list = root->getArray(family);
        if (!list)
          throw FontError(manifest.string() + ": '" + family + "' must list family names, such as [\"fallback\"]");
        for (std::size_t i = 0; i < list->size(); ++i)
          result.fallbacks.push_back(list->getElement<std::string>(static_cast<unsigned>(i)));
        continue;
      }
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
  if (!listed && result.families.contains("fallback")) result.fallbacks.push_back("fallback");
  for (const auto& family : result.fallbacks) {
    if (!result.families.contains(family)) {
      throw FontError(manifest.string() + ": " + std::string(kFallbackList) + " names '" + family +
                      "', which is not a family of the manifest");
    }
  }
  return result;
}

FontSet::FontSet(const FontManifest& manifest) : manifest_(manifest) {}

std::filesystem::path FontManifest::cut_of(const std::filesystem::path& full) const {
  auto cut = file.parent_path() / "cut" / (full.stem().string() + "-latin.ttf");
  std::error_code error;
  return std::filesystem::is_regular_file(cut, error) ? cut : std::filesystem::path{};
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
  if (!cut.empty())
    entry.cut = &manifest_.library->load(cut, family, manifest_.file);
  else
    entry.full = &manifest_.library->load(file->second, family, manifest_.file);
  return loaded_.emplace(std::make_pair(family, bits), entry).first->second;
}

const FontFace& FontSet::full_face(Styled& entry, const std::string& family) {
  if (!entry.full) entry.full = &manifest_.library->load(entry.full_path, family, manifest_.file);
  return *entry.full;
}

// Faces are kept by id as they are handed to layout, which asks about them by id:
// answered without the library's lock. An id from another set (the print file's
// workers) is looked up once.
int FontSet::hand_out(const FontFace& face) {
  auto index = static_cast<std::size_t>(face.id);
  if (index >= by_id_.size()) by_id_.resize(index + 1, nullptr);
  by_id_[index] = &face;
  return face.id;
}

const FontFace& FontSet::known(int id) {
  auto index = static_cast<std::size_t>(id);
  if (index >= by_id_.size() || !by_id_[index]) hand_out(manifest_.library->face(id));
  return *by_id_[index];
}

int FontSet::face_for(const layout::FaceKey& key, char32_t code_point) {
  if (last_chain_.empty() || !(key == last_key_)) {
    last_chain_.assign(1, &styled(key.family, key));
    last_key_ = key;
  }
  // A space has no outline to lack: the styled face always draws it.
  bool space = code_point == U' ' || code_point == U'\u00A0';
  Styled& primary = *last_chain_.front();
  if (primary.cut && (space || primary.cut->has_glyph(code_point))) return hand_out(*primary.cut);
  // Not in the cut: the full font (loaded only now), then each fallback family in turn.
  const FontFace& full = full_face(primary, key.family);
  if (space || full.has_glyph(code_point)) return hand_out(full);
  for (std::size_t i = 0; i < manifest_.fallbacks.size(); ++i) {
    const std::string& family = manifest_.fallbacks[i];
    if (family == key.family) continue;
    if (last_chain_.size() < i + 2) last_chain_.resize(i + 2, nullptr);
    if (!last_chain_[i + 1]) last_chain_[i + 1] = &styled(family, key);
    Styled& fallback = *last_chain_[i + 1];
    if (fallback.cut && fallback.cut->has_glyph(code_point)) return hand_out(*fallback.cut);
    const FontFace& fallback_full = full_face(fallback, family);
    if (fallback_full.has_glyph(code_point)) return hand_out(fallback_full);
  }
  return layout::kNoFace;
}

double FontSet::advance(int face, char32_t code_point) { return known(face).advance(code_point); }
double FontSet::ascent(int face) { return known(face).ascent; }
double FontSet::descent(int face) { return known(face).descent; }
std::string FontSet::face_name(int face) { return known(face).name; }

}  // namespace inovasi::pdf
