#include "pdf/font_library.h"

#include <hpdf_fontdef.h>

#include "model/file_text.h"
#include "pdf/font_set.h"
#include "pdf/font_subset.h"
#include "pdf/hpdf_document.h"
#include "pdf/truetype_check.h"

namespace inovasi::pdf {
namespace {

constexpr std::uintmax_t kMaxFontBytes = 64u << 20;

// Glyph ids and widths as libharu gives them, asked once for every mapped character.
void measure(FontFace& face, HPDF_FontDef def) {
  auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
  face.ascent = def->ascent / 1000.0;
  face.descent = def->descent < 0 ? -def->descent / 1000.0 : def->descent / 1000.0;
  face.width_of_glyph.resize(attr->num_glyphs ? attr->num_glyphs : 1);
  for (HPDF_UINT16 gid = 0; gid < face.width_of_glyph.size(); ++gid) {
    face.width_of_glyph[gid] = static_cast<float>(HPDF_TTFontDef_GetGidWidth(def, gid) / 1000.0);
  }
  face.glyph_of.assign(0x10000, 0);
  auto map = [&](char32_t code_point) {
    HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(code_point));
    face.glyph_of[code_point] = gid < attr->num_glyphs ? gid : 0;
  };
  if (attr->cmap.format == 0) {
    for (char32_t c = 0; c < 256; ++c) map(c);
    return;
  }
  // Format 4: only the segments' ranges map to anything.
  for (unsigned s = 0; s < attr->cmap.seg_count_x2 / 2u; ++s) {
    for (char32_t c = attr->cmap.start_count[s]; c <= attr->cmap.end_count[s] && c <= 0xFFFF; ++c) map(c);
  }
}

}  // namespace

const FontFace& FontLibrary::load(const std::filesystem::path& path, const std::string& family,
                                  const std::filesystem::path& manifest) {
  std::lock_guard lock(mutex_);
  if (auto it = by_path_.find(path); it != by_path_.end()) return *faces_[static_cast<std::size_t>(it->second)];
  std::string where = "font file " + path.string() + " (family '" + family + "' in " + manifest.string() + ")";
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    throw FontError(where + " does not exist; run scripts/setup.sh or fix the manifest");
  }
  if (auto size = std::filesystem::file_size(path, error); !error && size > kMaxFontBytes) {
    throw FontError(where + ": larger than 64 MiB: not a font we can embed");
  }
  auto bytes = read_file_text(path);
  if (!bytes) throw FontError(where + ": cannot read the file");
  if (auto problem = truetype_problem(*bytes); !problem.empty()) throw FontError(where + ": " + problem);

  auto face = std::make_unique<FontFace>();
  face->id = static_cast<int>(faces_.size());
  face->path = path;
  face->bytes = with_hinting_tables(std::move(*bytes));
  try {
    HpdfDocument scratch;  // libharu parses the font; its answers are kept, the document is not
    face->name = scratch.load_truetype(face->bytes, "loading " + where);
    measure(*face, HPDF_GetFontDef(scratch.get(), face->name.c_str()));
    scratch.check("measuring " + where);
  } catch (const PdfError& e) {
    throw FontError(e.what());
  }
  face->harfbuzz = harfbuzz_face(face->bytes);
  // The subset tag ("HPDFAA+") belongs to the scratch document, not to the font.
  if (auto plus = face->name.find('+'); plus != std::string::npos) face->name.erase(0, plus + 1);
  by_path_.emplace(path, face->id);
  faces_.push_back(std::move(face));
  return *faces_.back();
}

const FontFace& FontLibrary::face(int id) const {
  std::lock_guard lock(mutex_);
  return *faces_.at(static_cast<std::size_t>(id));
}

}  // namespace inovasi::pdf
