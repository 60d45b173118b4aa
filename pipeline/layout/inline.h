#pragma once
// Inline layout: styled runs of text broken into lines that fit a width, measured with
// the real font metrics. Words wider than the line are broken between characters, never
// dropped (libharu's own text box silently draws nothing for them).

#include <string>
#include <vector>

#include "layout/measure.h"
#include "layout/ops.h"
#include "layout/style.h"

namespace inovasi::layout {

struct Run {
  enum class Field { None, PageNumber, PageCount };
  std::string text;  // UTF-8; white space already collapsed by the markup reader
  TextStyle style;
  bool line_break = false;    // a <br/>
  Field field = Field::None;  // filled in per page (running headers and footers)
};

struct LineFragment {
  double x = 0;  // from the line's left edge
  double width = 0;
  int face = 0;
  TextStyle style;
  std::string text;
};

struct Line {
  std::vector<LineFragment> fragments;
  double width = 0;    // of the content, before alignment
  double ascent = 0;   // points above the baseline
  double descent = 0;  // points below
  double height = 0;   // line box height (with line spacing)
  bool ends_paragraph = false;
};

struct InlineOptions {
  double width = 0;  // available width
  double first_line_indent = 0;
  Align align = Align::Left;
  double line_height = 1.15;  // multiple of the font size
  std::string context;        // for missing-glyph reports
};

// Breaks runs into lines and positions fragments per the alignment.
std::vector<Line> break_lines(const std::vector<Run>& runs, const InlineOptions& options, TextMeasurer& measurer,
                              MissingGlyphSink* missing);

}  // namespace inovasi::layout
