#pragma once
// The print markup: a small XHTML-like language that templates produce. Parsed into a
// tree of nodes that keep their line and column, so every later error can point at the
// place in the template. Which elements and attributes exist is stated once, here.

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "support/located_error.h"

namespace inovasi::layout {

// A template's markup or Mustache is wrong, at a line and column of a template or partial.
class MarkupError : public LocatedError {
 public:
  MarkupError(std::string file, int line, int column, const std::string& message)
      : LocatedError(ErrorKind::Template, {std::move(file), line, column, {}, {}}, message) {}
  const std::string& file() const { return place().file; }
  int line() const { return place().line; }
  int column() const { return place().column; }
};

// A mark the template engine puts into the markup it fills, so that positions name the
// template or partial and the line each node was written on, whatever partials were
// inlined and sections repeated before it: <?at LINE COLUMN FILE?> says the text right
// after it is at LINE, COLUMN of FILE.
inline constexpr std::string_view kSourceMarkTarget = "at";
std::string source_mark(const std::string& file, int line, int column);

struct Node {
  std::string name;  // element name; empty for a text node
  std::string text;  // text node content
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<Node> children;
  int line = 0;
  int column = 0;
  // The file the node was written in, when a source mark said; null: the file the markup
  // was parsed as.
  std::shared_ptr<const std::string> source;

  bool is_text() const { return name.empty(); }
  const std::string* attribute(std::string_view key) const;
};

struct ParseOptions {
  // Template mode checks a template before Mustache fills it: attribute values holding
  // {{...}} are not checked, and a fragment (a partial) may have several roots.
  bool template_mode = false;
  bool fragment = false;
};

// Throws MarkupError naming `file`, line and column for malformed XML, unknown
// elements or attributes, and elements in places they cannot be.
Node parse_markup(std::string_view text, const std::string& file, ParseOptions options = {});

// The attribute names an element accepts (empty when the element is unknown).
const std::vector<std::string_view>& allowed_attributes(std::string_view element);

}  // namespace inovasi::layout
