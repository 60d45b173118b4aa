#pragma once
// The result of layout: pages of positioned drawing operations in points, origin at
// the page's top left. The PDF writer only draws these; it decides nothing.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "layout/units.h"

namespace inovasi::layout {

struct TextOp {
  double x = 0;
  double baseline = 0;
  int face = 0;
  double size = 12;
  std::string text;  // UTF-8
  double width = 0;
  bool underline = false;
};

struct LineOp {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double thickness = 0.5;
  bool dashed = false;  // a chart's threshold, set apart from its axis
};

struct RectOp {
  double x = 0, y = 0, width = 0, height = 0;
  double stroke = 0;  // 0: no outline
  bool fill = false;  // filled
  double gray = 0;    // the fill's shade: 0 black, 1 white (a chart's bars are gray)
};

// A grid of cells painted black where set (a QR code's modules), drawn in the box as one
// stencil image inline in the page content: a bit per cell, instead of a rectangle per
// run of dark modules (most of a certificate's content) or an image object of its own.
struct MaskOp {
  double x = 0, y = 0, width = 0, height = 0;
  int columns = 0, rows = 0;
  std::vector<std::uint8_t> painted;  // row by row from the top; 1 = painted
};

struct ImageOp {
  std::string path;
  double x = 0, y = 0, width = 0, height = 0;
};

// Where an electronic signature may go later: nothing is drawn; the PDF gets an empty
// signature field of this name over the box.
struct FieldOp {
  std::string name;
  double x = 0, y = 0, width = 0, height = 0;
};

using DrawOp = std::variant<TextOp, LineOp, RectOp, ImageOp, MaskOp, FieldOp>;

struct Page {
  std::vector<DrawOp> ops;
};

struct Bookmark {
  std::string title;
  int level = 0;  // 0 = top
  int page = 0;   // 0-based
  double y = 0;
};

struct DocumentInfo {
  std::string title, author, subject, keywords;
};

struct LaidOutDocument {
  PaperSize paper;
  std::vector<Page> pages;
  std::vector<Bookmark> bookmarks;
  DocumentInfo info;
  // The template lets characters no font has print as '?' (missing-glyphs="replace"):
  // otherwise such a document fails.
  bool replace_missing_glyphs = false;
};

}  // namespace inovasi::layout
