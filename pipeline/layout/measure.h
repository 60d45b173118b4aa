#pragma once
// What layout needs to know about fonts: which face draws a character (the styled
// family, else a fallback), how wide it is, and the face's vertical metrics. The PDF
// backend implements it with the real TrueType files; tests use a fixed-width one.

#include <string>

#include "layout/style.h"

namespace inovasi::layout {

inline constexpr int kNoFace = -1;

class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  // The face that draws `code_point` in this style, or kNoFace when no font has it.
  virtual int face_for(const FaceKey& key, char32_t code_point) = 0;
  // Advance width of the character in that face, per point of font size.
  virtual double advance(int face, char32_t code_point) = 0;
  // Ascent and descent (positive) per point of font size.
  virtual double ascent(int face) = 0;
  virtual double descent(int face) = 0;
  // For messages: "Liberation Serif Bold".
  virtual std::string face_name(int face) = 0;
};

// Reports characters that no font can draw, once per character, naming the context.
class MissingGlyphSink {
 public:
  virtual ~MissingGlyphSink() = default;
  virtual void missing_glyph(char32_t code_point, const std::string& context) = 0;
};

}  // namespace inovasi::layout
