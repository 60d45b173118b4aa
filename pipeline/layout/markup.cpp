#include "layout/markup.h"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/ContentHandler.h>
#include <Poco/SAX/Locator.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>

#include <algorithm>
#include <map>

namespace inovasi::layout {
namespace {

struct ElementRule {
  std::vector<std::string_view> attributes;
  std::vector<std::string_view> parents;  // empty: anywhere a block or inline may be
};

// Block containers hold blocks; inline containers hold text and inline elements.
const std::vector<std::string_view> kBlockParents{"document", "header", "footer", "li", "td", "th", "signature", "frame"};
const std::vector<std::string_view> kInlineParents{"p",  "h1", "h2",   "h3",     "li",        "td",    "th",
                                                    "b",  "i",  "u",    "span",   "strong",    "em",    "header",
                                                    "footer", "signature", "frame"};

const std::map<std::string_view, ElementRule>& rules() {
  static const std::map<std::string_view, ElementRule> kRules{
      {"document", {{"size", "orientation", "margin", "font", "font-size", "line-height", "title", "author", "subject",
                     "keywords", "lang"},
                    {"#root"}}},
      {"header", {{"distance", "font-size", "align"}, {"document"}}},
      {"footer", {{"distance", "font-size", "align"}, {"document"}}},
      {"p", {{"align", "indent", "left-indent", "space-before", "space-after", "keep-with-next", "keep-together",
              "bookmark", "bookmark-level", "font", "font-size", "line-height"},
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
      {"table", {{"widths", "border", "padding", "font-size", "space-before", "space-after", "repeat-header"},
                 kBlockParents}},
      {"thead", {{}, {"table"}}},
      {"tbody", {{}, {"table"}}},
      {"tr", {{"keep-together"}, {"table", "thead", "tbody"}}},
      {"td", {{"align", "valign", "border"}, {"tr"}}},
      {"th", {{"align", "valign", "border"}, {"tr"}}},
      {"img", {{"src", "width", "height", "align", "overlay"}, kBlockParents}},
      {"qr", {{"data", "size", "align"}, kBlockParents}},
      {"signatures", {{"space-before", "widths"}, kBlockParents}},
      {"signature", {{"align"}, {"signatures"}}},
      {"frame", {{"x", "y", "width", "height", "border", "padding", "align"}, {"document"}}},
      {"space", {{"height"}, kBlockParents}},
      {"hr", {{"thickness", "space-before", "space-after"}, kBlockParents}},
      {"page-break", {{}, {"document"}}},
      {"bookmark", {{"title", "level"}, {"document"}}},
  };
  return kRules;
}

class TreeBuilder : public Poco::XML::ContentHandler {
 public:
  static constexpr std::size_t kMaxDepth = 64;

  TreeBuilder(std::string file, ParseOptions options, int first_line_shift)
      : file_(std::move(file)), options_(options), first_line_shift_(first_line_shift) {}

  Node take_root() { return std::move(root_); }

  void setDocumentLocator(const Poco::XML::Locator* locator) override { locator_ = locator; }
  void startDocument() override {}
  void endDocument() override {}
  void startPrefixMapping(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
  void endPrefixMapping(const Poco::XML::XMLString&) override {}
  void ignorableWhitespace(const Poco::XML::XMLChar ch[], int start, int length) override { characters(ch, start, length); }
  void processingInstruction(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
  void skippedEntity(const Poco::XML::XMLString& name) override { fail("unknown entity '&" + name + ";'"); }

  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local_name, const Poco::XML::XMLString& qname,
                    const Poco::XML::Attributes& attributes) override {
    std::string name = local_name.empty() ? qname : local_name;
    Node node;
    node.name = name;
    node.line = line();
    node.column = column();
    if (stack_.empty() && options_.fragment && name == "fragment") {
      stack_.push_back(&root_);
      root_ = std::move(node);
      return;
    }
    // Layout recurses once per level: a bounded depth keeps a hostile template from
    // exhausting the stack. Real documents stay far below (a list 16 deep is 33 levels).
    if (stack_.size() >= kMaxDepth) fail("elements nest more than " + std::to_string(kMaxDepth) + " deep");
    check_element(node, stack_.empty() ? std::string("#root") : stack_.back()->name);
    const auto& allowed = allowed_attributes(name);
    for (int i = 0; i < attributes.getLength(); ++i) {
      std::string key = attributes.getLocalName(i).empty() ? attributes.getQName(i) : attributes.getLocalName(i);
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        fail(node, "<" + name + "> has no attribute '" + key + "'" + known_list(allowed));
      }
      node.attributes.emplace_back(key, attributes.getValue(i));
    }
    if (stack_.empty()) {
      root_ = std::move(node);
      stack_.push_back(&root_);
    } else {
      stack_.back()->children.push_back(std::move(node));
      stack_.push_back(&stack_.back()->children.back());
    }
  }

  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {
    if (!stack_.empty()) stack_.pop_back();
  }

  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    if (stack_.empty() || length <= 0) return;
    auto& children = stack_.back()->children;
    if (!children.empty() && children.back().is_text()) {
      children.back().text.append(ch + start, static_cast<std::size_t>(length));
      return;
    }
    Node text;
    text.text.assign(ch + start, static_cast<std::size_t>(length));
    text.line = line();
    text.column = column();
    children.push_back(std::move(text));
  }

 private:
  int line() const { return locator_ ? locator_->getLineNumber() : 0; }
  int column() const {  // expat counts columns from 0
    int col = (locator_ ? locator_->getColumnNumber() : 0) + 1;
    return line() == 1 ? std::max(1, col - first_line_shift_) : col;
  }

  static std::string known_list(const std::vector<std::string_view>& names) {
    if (names.empty()) return " (it takes none)";
    std::string text = " (known: ";
    for (std::size_t i = 0; i < names.size(); ++i) text += (i ? ", " : "") + std::string(names[i]);
    return text + ")";
  }

  void check_element(const Node& node, const std::string& parent) {
    auto it = rules().find(node.name);
    if (it == rules().end()) fail(node, "unknown element <" + node.name + ">");
    const auto& parents = it->second.parents;
    if ((parent == "#root" || parent == "fragment") && options_.fragment) return;
    if (std::find(parents.begin(), parents.end(), parent) == parents.end()) {
      std::string where = parent == "#root" ? std::string("at the top") : "inside <" + parent + ">";
      fail(node, "<" + node.name + "> cannot stand " + where);
    }
  }

  [[noreturn]] void fail(const Node& node, const std::string& message) const {
    throw MarkupError(file_, node.line, node.column, message);
  }
  [[noreturn]] void fail(const std::string& message) const { throw MarkupError(file_, line(), column(), message); }

  std::string file_;
  ParseOptions options_;
  int first_line_shift_;
  const Poco::XML::Locator* locator_ = nullptr;
  Node root_;
  std::vector<Node*> stack_;  // pointers stay valid: a node's children only grow while it is the innermost open one
};

}  // namespace

MarkupError::MarkupError(std::string file, int line, int column, std::string message)
    : std::runtime_error(line > 0 ? file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message
                                  : file + ": " + message),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(std::move(message)) {}

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

bool is_known_element(std::string_view element) { return rules().contains(element); }

Node parse_markup(std::string_view text, const std::string& file, ParseOptions options) {
  std::string source;
  int shift = 0;
  if (options.fragment) {
    source = "<fragment>";
    shift = static_cast<int>(source.size());
    source += text;
    source += "</fragment>";
  } else {
    source.assign(text);
  }
  TreeBuilder builder(file, options, shift);
  Poco::XML::SAXParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
  parser.setContentHandler(&builder);
  try {
    parser.parseMemoryNP(source.data(), source.size());
  } catch (const Poco::XML::SAXParseException& e) {
    int line = e.getLineNumber();
    int column = e.getColumnNumber() + 1;
    if (line == 1) column = std::max(1, column - shift);
    std::string message = e.message();
    for (const char* suffix : {" [in line", " in line"}) {
      if (auto at = message.find(suffix); at != std::string::npos) message.resize(at);
    }
    if (message.find("ndefined entity") != std::string::npos) {
      message = "undefined entity (only &amp; &lt; &gt; &quot; &apos; and numeric ones such as &#160; exist)";
    }
    throw MarkupError(file, line, column, "malformed markup: " + message);
  }
  return builder.take_root();
}

}  // namespace inovasi::layout
