#pragma once
// Fonts for layout: the manifest (fonts/fonts.json) names the TrueType file of each
// family and style; a FontSet answers layout's questions (which face has a glyph, how
// wide it is) from the run's FontLibrary. It needs no PDF document, so pages can be laid
// out on any thread; the writer embeds the faces the ops name (pdf_writer.h).

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "layout/measure.h"
#include "pdf/font_library.h"
#include "support/located_error.h"

namespace inovasi::pdf {

// A font of fonts.json is missing or cannot be used.
class FontError : public LocatedError {
 public:
  explicit FontError(const std::string& message) : LocatedError(ErrorKind::Template, message) {}
  FontError(ErrorPlace place, const std::string& message)
      : LocatedError(ErrorKind::Template, std::move(place), message) {}
};

struct FontManifest {
  std::filesystem::path file;
  // family -> style ("regular", "bold", "italic", "bold-italic") -> TTF path
  std::map<std::string, std::map<std::string, std::filesystem::path>> families;
  // The families tried, in order, for a character the styled family lacks: the
  // manifest's "cadangan" list (a region adds a font for its scripts there), else the
  // family named "fallback" when there is one.
  std::vector<std::string> fallbacks;
  // The files read so far, shared by every copy of this manifest and every thread.
  std::shared_ptr<FontLibrary> library = std::make_shared<FontLibrary>();
  // A font cut to Latin by scripts/cut-fonts.sh (fonts/cut/<name>-latin.ttf), when there.
  std::filesystem::path cut_of(const std::filesystem::path& full) const;

  // Throws FontError naming the manifest for bad JSON or missing files.
  static FontManifest load(const std::filesystem::path& manifest);
};

class FontSet : public layout::TextMeasurer {
 public:
  explicit FontSet(const FontManifest& manifest);

  int face_for(const layout::FaceKey& key, char32_t code_point) override;
  double advance(int face, char32_t code_point) override;
  double ascent(int face) override;
  double descent(int face) override;
  std::string face_name(int face) override;

  // A face layout was given (face_for), for the writer.
  const FontFace& face(int id) const { return manifest_.library->face(id); }

 private:
  // The face of a family and style: the Latin cut when there is one (small and fast to
  // embed), and the full font, loaded only when a character is not in the cut.
  struct Styled {
    const FontFace* cut = nullptr;
    const FontFace* full = nullptr;
    std::filesystem::path full_path;
  };
  Styled& styled(const std::string& family, const layout::FaceKey& key);
  const FontFace& full_face(Styled& styled, const std::string& family);
  int hand_out(const FontFace& face);
  const FontFace& known(int id);

  const FontManifest& manifest_;
  std::map<std::pair<std::string, int>, Styled> loaded_;  // (family, style bits) -> faces
  std::vector<const FontFace*> by_id_;                    // the library's faces this set has handed out
  // The last style asked for: consecutive characters nearly always share it. Its chain
  // holds the styled family's faces, then each fallback's as it is first needed.
  layout::FaceKey last_key_;
  std::vector<Styled*> last_chain_;
};

}  // namespace inovasi::pdf
