#pragma once
// Fonts cut down to the characters one document uses, with HarfBuzz's hb-subset, before
// libharu embeds them. libharu writes a face's width, location and character tables
// whole, for every glyph of the file; with only the document's few dozen glyphs, a
// certificate's fonts take a third less to write and to compress.

#include <memory>
#include <set>
#include <string>

#include "pdf/font_library.h"

namespace inovasi::pdf {

// The face's file with only these characters (and .notdef), ready for libharu; the
// whole file when HarfBuzz cannot cut it (the document is then only larger).
std::string subset_font(const FontFace& face, const std::set<char32_t>& code_points);

// HarfBuzz's parsed face, made once per font file and shared by every thread.
struct HarfBuzzFace;
std::shared_ptr<const HarfBuzzFace> harfbuzz_face(const std::string& bytes);

}  // namespace inovasi::pdf
