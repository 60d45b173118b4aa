#pragma once
// A font-free measurer for layout units: every character is half an em wide, so
// expected positions can be worked out by hand. Characters from U+3000 on exist in no
// font, to exercise missing-glyph handling.

#include <string>
#include <vector>

#include "layout/blocks.h"
#include "layout/flow.h"
#include "layout/markup.h"
#include "layout/paginate.h"

namespace inovasi::testing {

class FixedMeasurer : public layout::TextMeasurer {
 public:
  int face_for(const layout::FaceKey& key, char32_t code_point) override {
    if (code_point >= 0x3000) return layout::kNoFace;
    return (key.bold ? 1 : 0) + (key.italic ? 2 : 0);
  }
  double advance(int, char32_t) override { return 0.5; }
  double ascent(int) override { return 0.8; }
  double descent(int) override { return 0.2; }
  std::string face_name(int face) override { return "fixed-" + std::to_string(face); }
};

class CollectingSink : public layout::MissingGlyphSink {
 public:
  void missing_glyph(char32_t code_point, const std::string& context) override {
    missing.push_back({code_point, context});
  }
  std::vector<std::pair<char32_t, std::string>> missing;
};

inline layout::LaidOutDocument lay_out(const std::string& markup) {
  static FixedMeasurer measurer;
  layout::Node root = layout::parse_markup(markup, "test.xml");
  layout::DocumentSpec spec = layout::build_document(root, "test.xml", ".");
  layout::FlowContext context{measurer, nullptr, nullptr, "test.xml"};
  return layout::paginate(spec, context);
}

// The text operations of a page, in drawing order.
inline std::vector<layout::TextOp> texts(const layout::Page& page) {
  std::vector<layout::TextOp> out;
  for (const auto& op : page.ops) {
    if (const auto* text = std::get_if<layout::TextOp>(&op)) out.push_back(*text);
  }
  return out;
}

inline std::string all_text(const layout::LaidOutDocument& document) {
  std::string text;
  for (const auto& page : document.pages) {
    for (const auto& op : texts(page)) text += op.text + " ";
  }
  return text;
}

}  // namespace inovasi::testing
