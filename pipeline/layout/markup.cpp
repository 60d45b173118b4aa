#include "layout/markup.h"

#include <expat.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <limits>
#include <map>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>

namespace inovasi::layout {
namespace {

struct ElementRule {
  std::vector<std::string_view> attributes;
  std::vector<std::string_view> parents;  // empty: anywhere a block or inline may be
};

// Block containers hold blocks; inline containers hold text and inline elements.
const std::vector<std::string_view> kBlockParents{"document", "header", "footer",    "li",
                                                  "td",       "th",     "signature", "frame"};
const std::vector<std::string_view> kInlineParents{"p",  "h1",     "h2",     "h3",        "li",   "td",
                                                   "th", "b",      "i",      "u",         "span", "strong",
                                                   "em", "header", "footer", "signature", "frame"};

const std::map<std::string_view, ElementRule>& rules() {
  static const std::map<std::string_view, ElementRule> kRules{
      {"document",
       {{"size", "orientation", "margin", "font", "font-size", "line-height", "title", "author", "subject", "keywords",
         "lang", "missing-glyphs"},
        {"#root"}}},
      {"header", {{"distance", "font-size", "align"}, {"document"}}},
      {"footer", {{"distance", "font-size", "align"}, {"document"}}},
      {"p",
       {{"align", "indent", "left-indent", "space-before", "space-after", "keep-with-next", "keep-together", "bookmark",
         "bookmark-level", "font", "font-size", "line-height"},
        kBlockParents}},
      {"h1", {{"align", "space-before", "space-after", "bookmark", "bookmark-level"}, kBlockParents}},
      {"h2", {{"align", "space-before", "space-after", "bookmark", "bookmark-level"}, kBlockParents}},
      {"h3", {{"align", "space-before", "space-after", "bookmark", "bookmark-level"}, kBlockParents}},
      {"b", {{}, kInlineParents}},
      {"strong", {{}, kInlineParents}},
      {"i", {{}, kInlineParents}},
      {"em", {{}, kInlineParents}},
      {"u", {{}, kInlineParents}},
      {"span", {{"font", "font-size"}, kInlineParents}},
      {"br", {{}, kInlineParents}},
      {"page-number", {{}, kInlineParents}},
      {"page-count", {{}, kInlineParents}},
      {"ol", {{"style", "start", "indent", "space-before", "space-after"}, kBlockParents}},
      {"ul", {{"bullet", "indent", "space-before", "space-after"}, kBlockParents}},
      {"li", {{}, {"ol", "ul"}}},
      {"table",
       {{"widths", "border", "padding", "font-size", "space-before", "space-after", "repeat-header"}, kBlockParents}},
      {"thead", {{}, {"table"}}},
      {"tbody", {{}, {"table"}}},
      {"tr", {{"keep-together"}, {"table", "thead", "tbody"}}},
      {"td", {{"align", "valign", "border"}, {"tr"}}},
      {"th", {{"align", "valign", "border"}, {"tr"}}},
      {"img", {{"src", "width", "height", "align", "overlay"}, kBlockParents}},
      {"qr", {{"data", "size", "align"}, kBlockParents}},
      {"bar-chart", {{"max", "bar-height", "label-width", "font-size", "max-height", "shrink-limit"}, kBlockParents}},
      {"bar", {{"label", "value"}, {"bar-chart"}}},
      {"band", {{"label", "value"}, {"bar-chart"}}},
      {"signatures", {{"space-before", "widths"}, kBlockParents}},
      {"signature", {{"align", "signature-field"}, {"signatures"}}},
      {"frame",
       {{"x", "y", "width", "height", "border", "padding", "align", "overflow", "shrink-limit", "signature-field"},
        {"document"}}},
      {"space", {{"height", "signature-field"}, kBlockParents}},
      {"hr", {{"thickness", "space-before", "space-after"}, kBlockParents}},
      {"page-break", {{}, {"document"}}},
      {"bookmark", {{"title", "level"}, {"document"}}},
  };
  return kRules;
}

// Where expat is, as line and 1-based column; on the first line of a partial, columns
// count from after the wrapper it is parsed in (`shift` characters).
std::pair<int, int> position(XML_Parser parser, int shift) {
  int line = static_cast<int>(XML_GetCurrentLineNumber(parser));
  int column = static_cast<int>(XML_GetCurrentColumnNumber(parser)) + 1;  // expat counts from 0
  return {line, line == 1 ? std::max(1, column - shift) : column};
}

// The last source mark seen: positions after it are counted from it.
struct SourceAt {
  std::shared_ptr<const std::string> file;
  int mark_line = 0, mark_end_column = 0;  // where the mark ends, in the markup
  int line = 0, column = 0;                // what that place is in `file`
};

// Builds the node tree from expat's callbacks. An error in a callback is kept and the
// parser stopped: no exception crosses expat's C frames.
class TreeBuilder {
 public:
  static constexpr std::size_t kMaxDepth = 64;

  TreeBuilder(XML_Parser parser, std::string file, ParseOptions options, int first_line_shift)
      : parser_(parser), file_(std::move(file)), options_(options), first_line_shift_(first_line_shift) {
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &TreeBuilder::on_start, &TreeBuilder::on_end);
    XML_SetCharacterDataHandler(parser_, &TreeBuilder::on_characters);
    XML_SetSkippedEntityHandler(parser_, &TreeBuilder::on_skipped_entity);
    XML_SetProcessingInstructionHandler(parser_, &TreeBuilder::on_instruction);
    // A template never reads other files through entities: expat reports the reference
    // as an error instead of leaving its text out.
    XML_SetExternalEntityRefHandler(parser_, [](XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*,
                                                const XML_Char*) { return static_cast<int>(XML_STATUS_ERROR); });
  }

  Node take_root() { return std::move(root_); }
  // The error a callback stopped the parser with, if any.
  std::exception_ptr error() const { return error_; }
  // The innermost element still open, for a mismatched end tag (not a partial's wrapper:
  // the template writer never wrote it).
  const Node* open_element() const {
    if (stack_.empty() || (options_.fragment && stack_.back() == &root_)) return nullptr;
    return stack_.back();
  }

 private:
  template <typename Body>
  static void guarded(void* self, Body body) {
    auto* builder = static_cast<TreeBuilder*>(self);
    if (builder->error_) return;
    try {
      body(*builder);
    } catch (...) {
      builder->error_ = std::current_exception();
      XML_StopParser(builder->parser_, XML_FALSE);
    }
  }
  static void on_start(void* self, const XML_Char* name, const XML_Char** attributes) {
    guarded(self, [&](TreeBuilder& builder) { builder.start_element(name, attributes); });
  }
  static void on_end(void* self, const XML_Char*) {
    guarded(self, [](TreeBuilder& builder) {
      if (!builder.stack_.empty()) builder.stack_.pop_back();
    });
  }
  static void on_characters(void* self, const XML_Char* text, int length) {
    guarded(self, [&](TreeBuilder& builder) { builder.characters(text, length); });
  }
  static void on_instruction(void* self, const XML_Char* target, const XML_Char* data) {
    guarded(self, [&](TreeBuilder& builder) { builder.instruction(target, data); });
  }
  static void on_skipped_entity(void* self, const XML_Char* name, int) {
    guarded(self, [&](TreeBuilder& builder) { builder.fail("unknown entity '&" + std::string(name) + ";'"); });
  }

  void instruction(std::string_view target, std::string_view data) {
    if (target != kSourceMarkTarget) return;  // other instructions mean nothing here
    auto [mark_line, mark_column] = position(parser_, first_line_shift_);
    int line = 0, column = 0;
    int read = 0;
    std::string text(data);
    if (std::sscanf(text.c_str(), "%d %d %n", &line, &column, &read) < 2 || read <= 0) return;
    std::string file = text.substr(static_cast<std::size_t>(read));
    if (!at_.file || *at_.file != file) {
      auto& interned = files_[file];
      if (!interned) interned = std::make_shared<const std::string>(file);
      at_.file = interned;
    }
    at_.mark_line = mark_line;
    at_.mark_end_column = mark_column + static_cast<int>(4 + target.size() + 1 + data.size());  // <?target data?>
    at_.line = line;
    at_.column = column;
  }

 public:
  // Where the parser is, in the file it was written in.
  void locate(Node& node) const {
    auto [line, column] = position(parser_, first_line_shift_);
    if (!at_.file) {
      node.line = line;
      node.column = column;
      return;
    }
    node.source = at_.file;
    node.line = at_.line + (line - at_.mark_line);
    node.column = line == at_.mark_line ? at_.column + (column - at_.mark_end_column) : column;
  }
  [[noreturn]] void fail_here(const std::string& message) const {
    Node here;
    locate(here);
    fail(here, message);
  }

 private:
  void start_element(std::string_view name, const XML_Char** attributes) {
    Node node;
    node.name = name;
    locate(node);
    if (stack_.empty() && options_.fragment && name == "fragment") {
      root_ = std::move(node);
      stack_.push_back(&root_);
      return;
    }
    // Layout recurses once per level: a bounded depth keeps a hostile template from
    // exhausting the stack. Real documents stay far below (a list 16 deep is 33 levels).
    if (stack_.size() >= kMaxDepth) fail("elements nest more than " + std::to_string(kMaxDepth) + " deep");
    check_element(node, stack_.empty() ? std::string_view("#root") : std::string_view(stack_.back()->name));
    const auto& allowed = allowed_attributes(node.name);
    for (const XML_Char** attribute = attributes; attribute[0]; attribute += 2) {
      std::string_view key = attribute[0];
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        fail(node, "<" + node.name + "> has no attribute '" + std::string(key) + "'" + known_list(allowed));
      }
      node.attributes.emplace_back(key, attribute[1]);
    }
    if (stack_.empty()) {
      root_ = std::move(node);
      stack_.push_back(&root_);
    } else {
      stack_.back()->children.push_back(std::move(node));
      stack_.push_back(&stack_.back()->children.back());
    }
  }

  void characters(const XML_Char* text, int length) {
    if (stack_.empty() || length <= 0) return;
    auto& children = stack_.back()->children;
    if (!children.empty() && children.back().is_text()) {
      children.back().text.append(text, static_cast<std::size_t>(length));
      return;
    }
    Node node;
    node.text.assign(text, static_cast<std::size_t>(length));
    locate(node);
    children.push_back(std::move(node));
  }

  static std::string known_list(const std::vector<std::string_view>& names) {
    if (names.empty()) return " (it takes none)";
    std::string text = " (known: ";
    for (std::size_t i = 0; i < names.size(); ++i) text += (i ? ", " : "") + std::string(names[i]);
    return text + ")";
  }

  void check_element(const Node& node, std::string_view parent) const {
    auto it = rules().find(node.name);
    if (it == rules().end()) fail(node, "unknown element <" + node.name + ">");
    const auto& parents = it->second.parents;
    if ((parent == "#root" || parent == "fragment") && options_.fragment) return;
    if (std::find(parents.begin(), parents.end(), parent) == parents.end()) {
      std::string where = parent == "#root" ? std::string("at the top") : "inside <" + std::string(parent) + ">";
      fail(node, "<" + node.name + "> cannot stand " + where);
    }
  }

  [[noreturn]] void fail(const Node& node, const std::string& message) const {
    throw MarkupError(node.source ? *node.source : file_, node.line, node.column, message);
  }
  [[noreturn]] void fail(const std::string& message) const { fail_here(message); }

  XML_Parser parser_;
  std::string file_;
  ParseOptions options_;
  int first_line_shift_;
  std::exception_ptr error_;
  SourceAt at_;
  std::map<std::string, std::shared_ptr<const std::string>, std::less<>> files_;  // each file's name once
  Node root_;
  std::vector<Node*> stack_;  // pointers stay valid: a node's children only grow while it is the innermost open one
};

// expat's own words for what is wrong, with the two a template writer meets most made
// specific.
std::string parse_error_message(XML_Error code, const TreeBuilder& builder) {
  if (code == XML_ERROR_UNDEFINED_ENTITY) {
    return "undefined entity (only &amp; &lt; &gt; &quot; &apos; and numeric ones such as &#160; exist)";
  }
  std::string message = XML_ErrorString(code);
  if (code == XML_ERROR_TAG_MISMATCH) {
    if (const Node* open = builder.open_element()) {
      message += ": the <" + open->name + "> opened on line " + std::to_string(open->line) + " is not closed before it";
    }
  }
  return message;
}

}  // namespace

std::string source_mark(const std::string& file, int line, int column) {
  return "<?" + std::string(kSourceMarkTarget) + " " + std::to_string(line) + " " + std::to_string(column) + " " +
         file + "?>";
}

const std::string* Node::attribute(std::string_view key) const {
  for (const auto& [name, value] : attributes) {
    if (name == key) return &value;
  }
  return nullptr;
}

const std::vector<std::string_view>& allowed_attributes(std::string_view element) {
  static const std::vector<std::string_view> kNone;
  auto it = rules().find(element);
  return it == rules().end() ? kNone : it->second.attributes;
}

Node parse_markup(std::string_view text, const std::string& file, ParseOptions options) {
  struct Free {
    void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
  };
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, Free> parser(XML_ParserCreate(nullptr));
  if (!parser) throw std::bad_alloc();
  // A fragment (a partial) may have several roots: it is parsed inside one made up here.
  constexpr std::string_view kOpen = "<fragment>", kClose = "</fragment>";
  int shift = options.fragment ? static_cast<int>(kOpen.size()) : 0;
  TreeBuilder builder(parser.get(), file, options, shift);
  auto feed = [&](std::string_view part, bool last) {
    if (part.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
      throw MarkupError(file, 0, 0, "the markup is larger than 2 GB");
    }
    if (XML_Parse(parser.get(), part.data(), static_cast<int>(part.size()), last ? XML_TRUE : XML_FALSE) ==
        XML_STATUS_OK)
      return;
    if (auto error = builder.error()) std::rethrow_exception(error);
    builder.fail_here("malformed markup: " + parse_error_message(XML_GetErrorCode(parser.get()), builder));
  };
  if (options.fragment) {
    feed(kOpen, false);
    feed(text, false);
    feed(kClose, true);
  } else {
    feed(text, true);
  }
  return builder.take_root();
}

}  // namespace inovasi::layout
