#include "layout/inline.h"

#include "support/utf8.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace inovasi::layout {
namespace {

// A run of text in one style and one face (a fallback face gets its own segment).
struct Segment {
  std::string text;
  TextStyle style;
  int face = 0;
  double width = 0;
};

// Words (boxes) are never broken except when wider than a line; spaces (glue) are
// where lines break.
struct Item {
  enum class Kind { Box, Glue, Break } kind = Kind::Box;
  std::vector<Segment> segments;  // Box: the word, possibly in several styles
  double width = 0;
  TextStyle style;  // Glue: the space's style
};

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r'; }

class Tokenizer {
 public:
  Tokenizer(TextMeasurer& measurer, MissingGlyphSink* missing, std::string context)
      : measurer_(measurer), missing_(missing), context_(std::move(context)) {}

  std::vector<Item> tokenize(const std::vector<Run>& runs) {
    for (const auto& run : runs) {
      if (run.line_break) {
        close_box();
        items_.push_back({Item::Kind::Break, {}, 0, run.style});
        continue;
      }
      for (std::size_t i = 0; i < run.text.size();) {
        char32_t c = next_code_point(run.text, i);
        if (is_space(c)) {
          close_box();
          if (!items_.empty() && items_.back().kind == Item::Kind::Glue) continue;
          int face = measurer_.face_for(run.style.face, U' ');
          items_.push_back({Item::Kind::Glue, {}, measurer_.advance(face, U' ') * run.style.size, run.style});
        } else {
          add_char(c, run.style);
        }
      }
    }
    close_box();
    return std::move(items_);
  }

 private:
  void add_char(char32_t c, const TextStyle& style) {
    int face = measurer_.face_for(style.face, c);
    if (face == kNoFace) {
      if (missing_) missing_->missing_glyph(c, context_);
      c = U'?';
      face = measurer_.face_for(style.face, c);
    }
    if (!in_box_) {
      items_.push_back({Item::Kind::Box, {}, 0, style});
      in_box_ = true;
    }
    auto& box = items_.back();
    if (box.segments.empty() || box.segments.back().face != face || !(box.segments.back().style == style)) {
      box.segments.push_back({"", style, face, 0});
    }
    double width = measurer_.advance(face, c) * style.size;
    append_utf8(box.segments.back().text, c);
    box.segments.back().width += width;
    box.width += width;
  }

  void close_box() { in_box_ = false; }

  TextMeasurer& measurer_;
  MissingGlyphSink* missing_;
  std::string context_;
  std::vector<Item> items_;
  bool in_box_ = false;
};

struct PendingLine {
  std::vector<const Item*> items;  // boxes and the glue between them
  std::vector<Item> owned;         // pieces of a word broken across lines
  double width = 0;
};

// Splits a box wider than `width` into pieces that fit (at least one character each).
std::vector<Item> split_box(const Item& box, double width, TextMeasurer& measurer) {
  std::vector<Item> pieces;
  Item current{Item::Kind::Box, {}, 0, box.style};
  for (const auto& segment : box.segments) {
    for (std::size_t i = 0; i < segment.text.size();) {
      std::size_t start = i;
      char32_t c = next_code_point(segment.text, i);
      double advance = measurer.advance(segment.face, c) * segment.style.size;
      if (current.width + advance > width && current.width > 0) {
        pieces.push_back(std::move(current));
        current = Item{Item::Kind::Box, {}, 0, box.style};
      }
      if (current.segments.empty() || current.segments.back().face != segment.face ||
          !(current.segments.back().style == segment.style)) {
        current.segments.push_back({"", segment.style, segment.face, 0});
      }
      current.segments.back().text.append(segment.text, start, i - start);
      current.segments.back().width += advance;
      current.width += advance;
    }
  }
  if (current.width > 0) pieces.push_back(std::move(current));
  return pieces;
}

Line finish_line(const std::vector<const Item*>& items, const InlineOptions& options, double indent, bool last,
                 TextMeasurer& measurer) {
  Line line;
  line.ends_paragraph = last;
  // Content width and number of stretchable spaces.
  double natural = 0;
  int glues = 0;
  for (const auto* item : items) {
    natural += item->width;
    glues += item->kind == Item::Kind::Glue;
  }
  line.width = natural;
  double available = options.width - indent;
  double offset = indent;
  double stretch = 0;
  switch (options.align) {
    case Align::Center:
      offset += std::max(0.0, (available - natural) / 2);
      break;
    case Align::Right:
      offset += std::max(0.0, available - natural);
      break;
    case Align::Justify:
      if (!last && glues > 0 && natural < available) stretch = (available - natural) / glues;
      break;
    case Align::Left:
      break;
  }
  double x = offset;
  double max_size = 0;
  for (const auto* item : items) {
    if (item->kind == Item::Kind::Glue) {
      double width = item->width + stretch;
      // Without stretch a space joins the fragment before it, so a line stays one string.
      if (stretch == 0 && !line.fragments.empty() && line.fragments.back().style == item->style) {
        line.fragments.back().text += ' ';
        line.fragments.back().width += width;
      }
      x += width;
      continue;
    }
    for (const auto& segment : item->segments) {
      max_size = std::max(max_size, segment.style.size);
      line.ascent = std::max(line.ascent, measurer.ascent(segment.face) * segment.style.size);
      line.descent = std::max(line.descent, measurer.descent(segment.face) * segment.style.size);
      auto& fragments = line.fragments;
      bool joins = !fragments.empty() && fragments.back().face == segment.face &&
                   fragments.back().style == segment.style &&
                   std::abs(fragments.back().x + fragments.back().width - x) < 1e-6;
      if (joins) {
        fragments.back().text += segment.text;
        fragments.back().width += segment.width;
      } else {
        fragments.push_back({x, segment.width, segment.face, segment.style, segment.text});
      }
      x += segment.width;
    }
  }
  for (auto& fragment : line.fragments) {  // a trailing joined space is not content
    while (!fragment.text.empty() && fragment.text.back() == ' ') {
      fragment.text.pop_back();
      fragment.width -= measurer.advance(fragment.face, U' ') * fragment.style.size;
    }
  }
  line.height = max_size * options.line_height;
  return line;
}

}  // namespace

std::vector<Line> break_lines(const std::vector<Run>& runs, const InlineOptions& options, TextMeasurer& measurer,
                              MissingGlyphSink* missing) {
  std::vector<Item> items = Tokenizer(measurer, missing, options.context).tokenize(runs);
  std::vector<Line> lines;
  std::vector<const Item*> current;
  std::vector<std::unique_ptr<Item>> pieces;  // parts of broken words, alive until the end
  double width = 0;
  double indent = options.first_line_indent;

  auto emit = [&](bool last) {
    while (!current.empty() && current.back()->kind == Item::Kind::Glue) current.pop_back();
    Line line = finish_line(current, options, indent, last, measurer);
    if (line.height == 0 && !runs.empty()) {  // an empty line (two <br/>) keeps the run's height
      line.height = runs.front().style.size * options.line_height;
      int face = measurer.face_for(runs.front().style.face, U' ');
      line.ascent = measurer.ascent(face) * runs.front().style.size;
      line.descent = measurer.descent(face) * runs.front().style.size;
    }
    lines.push_back(std::move(line));
    current.clear();
    width = 0;
    indent = 0;
  };

  for (const auto& item : items) {
    double available = options.width - indent;
    switch (item.kind) {
      case Item::Kind::Break:
        emit(true);
        break;
      case Item::Kind::Glue:
        if (!current.empty()) {
          current.push_back(&item);
          width += item.width;
        }
        break;
      case Item::Kind::Box: {
        if (!current.empty() && width + item.width > available + 1e-6) {
          emit(false);
          available = options.width - indent;
        }
        if (current.empty() && item.width > available + 1e-6) {
          auto split = split_box(item, available, measurer);
          for (std::size_t k = 0; k < split.size(); ++k) {
            pieces.push_back(std::make_unique<Item>(std::move(split[k])));
            current.push_back(pieces.back().get());
            width += pieces.back()->width;
            if (k + 1 < split.size()) emit(false);
          }
        } else {
          current.push_back(&item);
          width += item.width;
        }
        break;
      }
    }
  }
  if (!current.empty() || lines.empty()) emit(true);
  if (!lines.empty()) lines.back().ends_paragraph = true;
  return lines;
}

}  // namespace inovasi::layout
