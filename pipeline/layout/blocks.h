#pragma once
// The document as blocks: what the markup says, with every attribute checked and
// converted (lengths to points, lists to paragraphs with hanging markers). Built from
// the markup tree; laid out by flow.cpp and table.cpp.

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "layout/inline.h"
#include "layout/markup.h"
#include "layout/ops.h"
#include "layout/units.h"

namespace inovasi::layout {

struct Block;

// Where a block was written: the template or partial (null: the file laid out) and line.
struct SourcePos {
  std::shared_ptr<const std::string> file;
  int line = 0;
};
// "file:line", for messages.
std::string describe(const SourcePos& at, const std::string& laid_out_file);

struct Paragraph {
  std::vector<Run> runs;
  Align align = Align::Left;
  double first_indent = 0;
  double left = 0;  // left indent (lists nest by this)
  double space_before = 0;
  double space_after = 0;
  double line_height = 1.15;
  bool keep_with_next = false;
  bool keep_together = false;
  std::string marker;        // list marker drawn in the hanging indent
  double marker_offset = 0;  // how far left of `left` the marker starts
  TextStyle marker_style;
  std::string bookmark;
  int bookmark_level = 0;
  SourcePos at;  // for messages
};

enum class VAlign { Top, Middle, Bottom };

struct TableCell {
  std::vector<Block> blocks;
  Align align = Align::Left;
  VAlign valign = VAlign::Top;
  std::optional<double> border;  // overrides the table's
};

struct TableRow {
  std::vector<TableCell> cells;
  bool header = false;
  bool keep_together = false;
};

struct Table {
  struct Width {
    double value = 0;
    bool percent = false;
    bool star = false;  // share of what is left
  };
  std::vector<Width> widths;
  std::vector<TableRow> rows;
  double border = 0.5;
  double padding = 3;
  double space_before = 0;
  double space_after = 6;
  bool repeat_header = true;
  SourcePos at;
};

struct Image {
  std::string path;
  std::optional<double> width, height;
  Align align = Align::Left;
  bool overlay = false;  // drawn where it stands but takes no space (a stamp over a signature)
  SourcePos at;
};

struct QrCode {
  std::string data;
  double size = 0;
  Align align = Align::Left;
  SourcePos at;
};

// What a frame does with content taller than itself: fail the document (naming the
// template line and what did not fit), or shrink every size in it, no further than
// `shrink_limit` of the size written. Nothing is ever cut off or printed over.
enum class Overflow { Error, Shrink };

struct Frame {
  double x = 0, y = 0, width = 0, height = 0;
  double border = 0;
  double padding = 0;
  Overflow overflow = Overflow::Error;
  double shrink_limit = 0.5;
  std::vector<Block> blocks;
  SourcePos at;
};

struct Space {
  double height = 0;
  // The space left for a handwritten signature, named so an electronic signature can
  // take its place later: written as an empty signature field of that name.
  std::string signature_field;
};

struct Rule {
  double thickness = 0.5;
  double space_before = 0;
  double space_after = 0;
};

// A horizontal bar chart drawn by the layout itself (a year summary's scores): a bar per
// item with its label and value, the value axis from 0 to `max`, and each band's
// threshold as a dashed line across every bar.
struct BarChart {
  struct Bar {
    std::string label;
    double value = 0;
  };
  struct Band {
    std::string label;
    double value = 0;
  };
  std::vector<Bar> bars;
  std::vector<Band> bands;
  double max = 0;
  double bar_height = 0;
  double label_share = 0.35;  // of the chart's width, for the labels
  // A chart taller than this has its bars and text scaled down to fit, no further than
  // `shrink_limit` of their size; past it, it breaks between bars. 0: as tall as it is.
  double max_height = 0;
  double shrink_limit = 0.6;
  TextStyle style;
  SourcePos at;
};

struct PageBreak {};

struct BookmarkMark {
  std::string title;
  int level = 0;
};

struct Block : std::variant<Paragraph, Table, Image, QrCode, Frame, Space, Rule, PageBreak, BookmarkMark, BarChart> {
  using variant::variant;
};

struct DocumentSpec {
  PaperSize paper;
  Edges margin;
  TextStyle base;
  double line_height = 1.15;
  std::vector<Block> header, footer;
  double header_distance = 0;  // from the top edge to the header's top
  double footer_distance = 0;  // from the bottom edge to the footer's bottom
  std::vector<Block> body;
  DocumentInfo info;
  bool replace_missing_glyphs = false;  // missing-glyphs="replace"
};

// Throws MarkupError (file, line, column) for bad attribute values and misplaced text.
DocumentSpec build_document(const Node& root, const std::string& file, const std::string& resource_dir);

// The same checks on a template before Mustache fills it, so errors carry the
// template's own positions: values holding {{...}} and text between elements (where
// section tags sit) are left for the filled document. Accepts partials (fragments).
void check_template(const Node& root, const std::string& file);

}  // namespace inovasi::layout
