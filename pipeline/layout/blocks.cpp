#include "layout/blocks.h"

#include <algorithm>
#include <array>
#include <filesystem>

#include "model/text.h"

namespace inovasi::layout {
namespace {

// A signature block's or frame's signature-field names the first space it holds (the one
// the ttd partial leaves for ink when there is no scanned signature); with none, the
// block has a scanned signature and no field.
void name_signature_space(std::vector<Block>& blocks, const std::string& name) {
  for (auto& block : blocks) {
    if (auto* space = std::get_if<Space>(&block)) {
      if (space->signature_field.empty()) space->signature_field = name;
      return;
    }
  }
}

struct Context {
  TextStyle style;
  double line_height = 1.15;
  double left = 0;
  Align align = Align::Left;
};

bool is_inline_element(std::string_view name) {
  static constexpr std::array<std::string_view, 10> kInline{"b",    "strong", "i",           "em",         "u",
                                                            "span", "br",     "page-number", "page-count", "sup"};
  return std::find(kInline.begin(), kInline.end(), name) != kInline.end();
}

constexpr double kMaxFontSize = 600;  // libharu's HPDF_MAX_FONTSIZE

// Frames that hold something and share part of the page would print over each other.
bool overlap(const Frame& a, const Frame& b) {
  constexpr double kTouch = 0.01;
  return a.x + kTouch < b.x + b.width && b.x + kTouch < a.x + a.width && a.y + kTouch < b.y + b.height &&
         b.y + kTouch < a.y + a.height;
}

class Builder {
 public:
  Builder(std::string file, std::string resource_dir, bool lenient = false)
      : file_(std::move(file)), dir_(std::move(resource_dir)), lenient_(lenient) {}

  void fragment(const Node& root) {
    Context context;
    blocks(root, context, ignored_);
  }

  DocumentSpec document(const Node& root) {
    if (root.name != "document") fail(root, "the root element must be <document>, not <" + root.name + ">");
    DocumentSpec spec;
    auto paper = paper_size(text_attr(root, "size", "A4"));
    if (!paper) fail(root, "size: unknown paper '" + text_attr(root, "size", "") + "' (A4, F4, Letter, Legal)");
    std::string orientation = text_attr(root, "orientation", "portrait");
    if (orientation == "landscape")
      std::swap(paper->width, paper->height);
    else if (orientation != "portrait")
      fail(root, "orientation: '" + orientation + "' is neither portrait nor landscape");
    spec.paper = *paper;
    paper_ = spec.paper;
    auto margin = parse_edges(text_attr(root, "margin", "25mm 20mm 20mm 25mm"));
    if (!margin) fail(root, "margin: expected 1 to 4 lengths such as '25mm 20mm 20mm 30mm'");
    spec.margin = *margin;
    spec.base.face.family = text_attr(root, "font", "serif");
    spec.base.size = font_size(root, 12);
    spec.line_height = number(root, "line-height", 1.15);
    std::string missing = text_attr(root, "missing-glyphs", "error");
    if (missing != "error" && missing != "replace")
      fail(root, "missing-glyphs: '" + missing + "' is neither error nor replace");
    spec.replace_missing_glyphs = missing == "replace";
    spec.info = {text_attr(root, "title", ""), text_attr(root, "author", ""), text_attr(root, "subject", ""),
                 text_attr(root, "keywords", "")};
    Context context{spec.base, spec.line_height, 0, Align::Left};
    for (const auto& child : root.children) {
      if (child.name == "header" || child.name == "footer") {
        Context running = context;
        running.style.size = font_size(child, spec.base.size * 0.85);
        running.align = align(child, Align::Center);
        auto& target = child.name == "header" ? spec.header : spec.footer;
        blocks(child, running, target);
        (child.name == "header" ? spec.header_distance : spec.footer_distance) =
            length(child, "distance", 12 * kPointsPerMm);
      }
    }
    blocks(root, context, spec.body);
    check_frames_apart(spec.body);
    return spec;
  }

 private:
  [[noreturn]] void fail(const Node& node, const std::string& message) const {
    throw MarkupError(node.source ? *node.source : file_, node.line, node.column, message);
  }

  void check_frames_apart(const std::vector<Block>& body) const {
    std::vector<const Frame*> frames;
    for (const auto& block : body) {
      if (std::holds_alternative<PageBreak>(block)) frames.clear();  // the next page's
      if (const auto* frame = std::get_if<Frame>(&block); frame && !frame->blocks.empty()) frames.push_back(frame);
    }
    for (std::size_t i = 0; i < frames.size(); ++i) {
      for (std::size_t j = i + 1; j < frames.size(); ++j) {
        if (!overlap(*frames[i], *frames[j])) continue;
        const SourcePos& at = frames[j]->at;
        throw MarkupError(at.file ? *at.file : file_, at.line, 0,
                          "this frame overlaps the one at " + describe(frames[i]->at, file_) +
                              ": what they hold could print over each other (give them separate parts of the page)");
      }
    }
  }

  // An attribute's value; in a template check, values Mustache will fill count as absent.
  const std::string* value_of(const Node& node, std::string_view key) const {
    const auto* value = node.attribute(key);
    if (value && lenient_ && value->find("{{") != std::string::npos) return nullptr;
    return value;
  }

  // Text where only elements may stand; in a template it may be Mustache section tags.
  void stray_text(const Node& node, const std::string& message) const {
    if (!lenient_) fail(node, message);
  }

  std::string text_attr(const Node& node, std::string_view key, std::string fallback) const {
    const auto* value = value_of(node, key);
    return value ? *value : fallback;
  }

  double length(const Node& node, std::string_view key, double fallback) const {
    const auto* value = value_of(node, key);
    if (!value) return fallback;
    auto parsed = parse_length(*value);
    if (!parsed) fail(node, std::string(key) + ": '" + *value + "' is not a length (12pt, 10mm, 2cm, 1in)");
    return *parsed;
  }

  // PDF text sizes: libharu refuses more than 600pt, and nothing prints at 0 or less.
  // Checked here, where the template that set the size can be named.
  double font_size(const Node& node, double fallback) const {
    double size = length(node, "font-size", fallback);
    if (size > 0 && size <= kMaxFontSize) return size;
    fail(node,
         "font-size: '" + text_attr(node, "font-size", "") + "' is not a text size (more than 0pt, at most 600pt)");
  }

  double number(const Node& node, std::string_view key, double fallback) const {
    const auto* value = value_of(node, key);
    if (!value) return fallback;
    auto parsed = parse_length(*value);  // a bare number parses as points: the same digits
    if (!parsed || *parsed <= 0 || *parsed > 10)
      fail(node, std::string(key) + ": '" + *value + "' is not a factor such as 1.15");
    return *parsed;
  }

  int integer(const Node& node, std::string_view key, int fallback, int low, int high) const {
    const auto* value = value_of(node, key);
    if (!value) return fallback;
    try {
      std::size_t used = 0;
      int parsed = std::stoi(*value, &used);
      if (used == value->size() && parsed >= low && parsed <= high) return parsed;
    } catch (const std::exception&) {
    }
    fail(node, std::string(key) + ": '" + *value + "' is not a whole number from " + std::to_string(low) + " to " +
                   std::to_string(high));
  }

  bool flag(const Node& node, std::string_view key, bool fallback) const {
    const auto* value = value_of(node, key);
    if (!value) return fallback;
    if (*value == "yes" || *value == "true" || *value == "1") return true;
    if (*value == "no" || *value == "false" || *value == "0") return false;
    fail(node, std::string(key) + ": '" + *value + "' is neither yes nor no");
  }

  Align align(const Node& node, Align fallback) const {
    const auto* value = value_of(node, "align");
    if (!value) return fallback;
    if (*value == "left") return Align::Left;
    if (*value == "center") return Align::Center;
    if (*value == "right") return Align::Right;
    if (*value == "justify") return Align::Justify;
    fail(node, "align: '" + *value + "' is not left, center, right or justify");
  }

  // Inline content: text with collapsed white space and styled runs.
  void inline_runs(const Node& node, TextStyle style, std::vector<Run>& runs, bool& pending_space) {
    for (const auto& child : node.children) {
      if (child.is_text()) {
        for (char c : child.text) {
          if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            pending_space = true;
            continue;
          }
          if (runs.empty() || runs.back().line_break || runs.back().field != Run::Field::None ||
              !(runs.back().style == style)) {
            runs.push_back({"", style});
          }
          if (pending_space && !(runs.size() == 1 && runs.back().text.empty())) runs.back().text += ' ';
          pending_space = false;
          runs.back().text += c;
        }
        continue;
      }
      TextStyle inner = style;
      if (child.name == "b" || child.name == "strong") inner.face.bold = true;
      if (child.name == "i" || child.name == "em") inner.face.italic = true;
      if (child.name == "u") inner.underline = true;
      if (child.name == "span") {
        inner.face.family = text_attr(child, "font", style.face.family);
        inner.size = font_size(child, style.size);
      }
      if (child.name == "br") {
        runs.push_back({"", style, true});
        pending_space = false;
      } else if (child.name == "page-number" || child.name == "page-count") {
        if (pending_space && !runs.empty()) runs.push_back({" ", style});
        pending_space = false;
        runs.push_back(
            {"", style, false, child.name == "page-number" ? Run::Field::PageNumber : Run::Field::PageCount});
      } else if (is_inline_element(child.name)) {
        inline_runs(child, inner, runs, pending_space);
      } else {
        fail(child, "<" + child.name + "> cannot stand inside <" + node.name + ">: it is a block");
      }
    }
  }

  Paragraph paragraph(const Node& node, const Context& context) {
    Paragraph p;
    p.at = {node.source, node.line};
    TextStyle style = context.style;
    style.face.family = text_attr(node, "font", style.face.family);
    style.size = font_size(node, style.size);
    if (node.name == "h1" || node.name == "h2" || node.name == "h3") {
      style.face.bold = true;
      style.size = context.style.size * (node.name == "h1" ? 1.4 : node.name == "h2" ? 1.2 : 1.0);
      p.keep_with_next = true;
      p.space_before = length(node, "space-before", style.size * 0.6);
      p.space_after = length(node, "space-after", style.size * 0.4);
    } else {
      p.space_before = length(node, "space-before", 0);
      p.space_after = length(node, "space-after", context.style.size * 0.5);
      p.keep_with_next = flag(node, "keep-with-next", false);
    }
    p.align = align(node, context.align);
    p.first_indent = length(node, "indent", 0);
    p.left = context.left + length(node, "left-indent", 0);
    p.line_height = number(node, "line-height", context.line_height);
    p.keep_together = flag(node, "keep-together", false);
    p.bookmark = text_attr(node, "bookmark", "");
    p.bookmark_level = integer(node, "bookmark-level", 0, 0, 5);
    bool pending_space = false;
    inline_runs(node, style, p.runs, pending_space);
    return p;
  }

  void list(const Node& node, const Context& context, std::vector<Block>& out) {
    bool ordered = node.name == "ol";
    std::string style = text_attr(node, "style", "1");
    static constexpr std::array<std::string_view, 6> kStyles{"1", "1)", "a", "A", "i", "I"};
    if (ordered && std::find(kStyles.begin(), kStyles.end(), style) == kStyles.end()) {
      fail(node, "style: '" + style + "' is not a list style (1, 1), a, A, i, I)");
    }
    int number = integer(node, "start", 1, 0, 100000);
    double indent = length(node, "indent", context.style.size * 1.6);
    std::string bullet = text_attr(node, "bullet", "\xE2\x80\xA2");
    double space_before = length(node, "space-before", 0);
    double space_after = length(node, "space-after", context.style.size * 0.5);
    std::size_t first_block = out.size();
    for (const auto& item : node.children) {
      if (item.is_text()) {
        if (!trim(item.text).empty()) stray_text(item, "text inside a list must be in <li>");
        continue;
      }
      std::string marker = !ordered        ? bullet
                           : style == "1"  ? std::to_string(number) + "."
                           : style == "1)" ? std::to_string(number) + ")"
                           : style == "a"  ? alpha_numeral(number, false) + "."
                           : style == "A"  ? alpha_numeral(number, true) + "."
                                           : roman_numeral(number, style == "I") + ".";
      ++number;
      Context inner = context;
      inner.left += indent;
      std::size_t before = out.size();
      blocks(item, inner, out);
      // The item's first paragraph carries the marker in its hanging indent.
      for (std::size_t k = before; k < out.size(); ++k) {
        if (auto* p = std::get_if<Paragraph>(&out[k])) {
          p->marker = marker;
          p->marker_style = context.style;
          p->marker_offset = indent;
          break;
        }
      }
      // Items are tight: only the list as a whole has space after it.
      for (std::size_t k = before; k < out.size(); ++k) {
        if (auto* p = std::get_if<Paragraph>(&out[k]))
          p->space_after = std::min(p->space_after, context.style.size * 0.15);
      }
    }
    if (first_block < out.size()) {
      if (auto* p = std::get_if<Paragraph>(&out[first_block]))
        p->space_before = std::max(p->space_before, space_before);
      if (auto* p = std::get_if<Paragraph>(&out.back())) p->space_after = space_after;
    }
  }

  Table table(const Node& node, const Context& context) {
    Table t;
    t.at = {node.source, node.line};
    t.border = length(node, "border", 0.5);
    t.padding = length(node, "padding", 3);
    t.space_before = length(node, "space-before", 0);
    t.space_after = length(node, "space-after", context.style.size * 0.5);
    t.repeat_header = flag(node, "repeat-header", true);
    Context cell_context = context;
    cell_context.left = 0;
    cell_context.style.size = font_size(node, context.style.size);
    auto add_rows = [&](const Node& parent, bool header) {
      for (const auto& row : parent.children) {
        if (row.is_text()) {
          if (!trim(row.text).empty()) stray_text(row, "text inside a table must be in <td>");
          continue;
        }
        TableRow r;
        r.header = header;
        r.keep_together = flag(row, "keep-together", false);
        for (const auto& cell : row.children) {
          if (cell.is_text()) {
            if (!trim(cell.text).empty()) stray_text(cell, "text inside <tr> must be in <td> or <th>");
            continue;
          }
          TableCell c;
          Context inner = cell_context;
          if (cell.name == "th") inner.style.face.bold = true;
          c.align = align(cell, cell.name == "th" ? Align::Center : Align::Left);
          inner.align = c.align;
          std::string valign = text_attr(cell, "valign", "top");
          c.valign = valign == "middle" ? VAlign::Middle : valign == "bottom" ? VAlign::Bottom : VAlign::Top;
          if (valign != "top" && valign != "middle" && valign != "bottom")
            fail(cell, "valign: '" + valign + "' is not top, middle or bottom");
          if (cell.attribute("border")) c.border = length(cell, "border", 0);
          blocks(cell, inner, c.blocks);
          r.cells.push_back(std::move(c));
        }
        t.rows.push_back(std::move(r));
      }
    };
    for (const auto& child : node.children) {
      if (child.name == "thead")
        add_rows(child, true);
      else if (child.name == "tbody")
        add_rows(child, false);
    }
    Node direct = node;  // rows written straight under <table>
    std::erase_if(direct.children, [](const Node& n) { return n.name == "thead" || n.name == "tbody"; });
    add_rows(direct, false);
    std::size_t columns = 0;
    for (const auto& row : t.rows) columns = std::max(columns, row.cells.size());
    if (const auto* widths = node.attribute("widths")) {
      for (const auto& part : split(*widths, ',')) {
        std::string w(trim(part));
        Table::Width width;
        if (w == "*") {
          width.star = true;
        } else if (w.ends_with('%')) {
          auto fraction = parse_length_or_percent(w, 1.0);
          if (!fraction) fail(node, "widths: '" + w + "' is not a percentage");
          width = {*fraction, true, false};
        } else {
          auto points = parse_length(w);
          if (!points) fail(node, "widths: '" + w + "' is not a length, a percentage or *");
          width.value = *points;
        }
        t.widths.push_back(width);
      }
      if (t.widths.size() != columns && !lenient_) {
        fail(node,
             "widths: " + std::to_string(t.widths.size()) + " widths for " + std::to_string(columns) + " columns");
      }
    } else {
      t.widths.assign(columns, Table::Width{0, false, true});
    }
    for (auto& row : t.rows) row.cells.resize(columns);  // short rows get empty cells
    return t;
  }

  Table signatures(const Node& node, const Context& context) {
    // Signature blocks are columns side by side that never split: a borderless table.
    Node as_table = node;
    as_table.name = "table";
    as_table.attributes.clear();
    Node row;
    row.name = "tr";
    std::vector<std::string> fields;
    for (const auto& child : node.children) {
      if (child.is_text()) continue;
      Node cell = child;
      cell.name = "td";
      fields.push_back(text_attr(child, "signature-field", ""));
      std::erase_if(cell.attributes, [](const auto& attribute) { return attribute.first == "signature-field"; });
      if (!cell.attribute("align")) cell.attributes.emplace_back("align", "center");
      row.children.push_back(std::move(cell));
    }
    as_table.children = {row};
    if (const auto* widths = node.attribute("widths")) as_table.attributes.emplace_back("widths", *widths);
    Table t = table(as_table, context);
    t.border = 0;
    t.padding = 0;
    t.space_before = length(node, "space-before", context.style.size);
    for (auto& r : t.rows) r.keep_together = true;
    for (std::size_t i = 0; i < fields.size() && !t.rows.empty() && i < t.rows[0].cells.size(); ++i) {
      if (!fields[i].empty()) name_signature_space(t.rows[0].cells[i].blocks, fields[i]);
    }
    return t;
  }

  Image image(const Node& node) {
    Image img;
    img.at = {node.source, node.line};
    const auto* src = node.attribute("src");
    if (!src || src->empty()) fail(node, "<img> needs src");
    if (lenient_) return img;
    std::filesystem::path path(*src);
    img.path = path.is_absolute() ? path.string() : (std::filesystem::path(dir_) / path).string();
    if (node.attribute("width")) img.width = length(node, "width", 0);
    if (node.attribute("height")) img.height = length(node, "height", 0);
    img.align = align(node, Align::Left);
    img.overlay = flag(node, "overlay", false);
    return img;
  }

  QrCode qr(const Node& node) {
    const auto* data = node.attribute("data");
    if (!data || data->empty()) fail(node, "<qr> needs data");
    return QrCode{*data, length(node, "size", 25 * kPointsPerMm), align(node, Align::Left), {node.source, node.line}};
  }

  // A chart's number: a decimal from 0 up (a score, a threshold, the axis's end).
  double chart_number(const Node& node, std::string_view key) const {
    const auto* value = value_of(node, key);
    if (!value) {
      if (lenient_) return 0;  // filled by Mustache
      fail(node, "<" + node.name + "> needs " + std::string(key));
    }
    try {
      std::size_t used = 0;
      double parsed = std::stod(*value, &used);
      if (used == value->size() && parsed >= 0 && parsed < 1e12) return parsed;
    } catch (const std::exception&) {
    }
    fail(node, std::string(key) + ": '" + *value + "' is not a number of 0 or more");
  }

  BarChart bar_chart(const Node& node, const Context& context) {
    BarChart chart;
    chart.at = {node.source, node.line};
    chart.style = context.style;
    chart.style.size = font_size(node, context.style.size * 0.8);
    chart.max = chart_number(node, "max");
    if (!lenient_ && chart.max <= 0) fail(node, "max: the axis must end above 0");
    chart.bar_height = length(node, "bar-height", chart.style.size * 1.4);
    if (const auto* share = value_of(node, "label-width")) {
      auto parsed = parse_length_or_percent(*share, 1.0);
      if (!share->ends_with('%') || !parsed || *parsed < 0.1 || *parsed > 0.7)
        fail(node, "label-width: '" + *share + "' is not a share from 10% to 70% of the chart's width");
      chart.label_share = *parsed;
    }
    chart.max_height = length(node, "max-height", 0);
    if (const auto* limit = value_of(node, "shrink-limit")) {
      auto share = parse_length_or_percent(*limit, 1.0);
      if (!limit->ends_with('%') || !share || *share < 0.2 || *share > 1) {
        fail(node, "shrink-limit: '" + *limit + "' is not a share from 20% to 100% of the written size");
      }
      chart.shrink_limit = *share;
    }
    for (const auto& child : node.children) {
      if (child.is_text()) {
        if (!trim(child.text).empty()) stray_text(child, "text cannot stand inside <bar-chart>: use <bar> and <band>");
        continue;
      }
      if (child.name != "bar" && child.name != "band")
        fail(child, "<" + child.name + "> cannot stand inside <bar-chart>");
      std::string label = text_attr(child, "label", "");
      double value = chart_number(child, "value");
      if (!lenient_ && value > chart.max) {
        fail(child,
             "value: " + *child.attribute("value") + " is past the axis's end (max " + *node.attribute("max") + ")");
      }
      if (child.name == "bar") {
        chart.bars.push_back({std::move(label), value});
      } else {
        chart.bands.push_back({std::move(label), value});
      }
    }
    return chart;
  }

  Frame frame(const Node& node, const Context& context) {
    Frame f;
    for (auto key : {"x", "y", "width", "height"}) {
      if (!node.attribute(key)) fail(node, std::string("<frame> needs ") + key);
    }
    f.x = length(node, "x", 0);
    f.y = length(node, "y", 0);
    f.width = length(node, "width", 0);
    f.height = length(node, "height", 0);
    f.border = length(node, "border", 0);
    f.padding = length(node, "padding", 0);
    f.at = {node.source, node.line};
    std::string overflow = text_attr(node, "overflow", "error");
    if (overflow == "shrink")
      f.overflow = Overflow::Shrink;
    else if (overflow != "error")
      fail(node, "overflow: '" + overflow + "' is neither error nor shrink");
    if (const auto* limit = value_of(node, "shrink-limit")) {
      auto share = parse_length_or_percent(*limit, 1.0);
      if (!limit->ends_with('%') || !share || *share < 0.2 || *share > 1) {
        fail(node, "shrink-limit: '" + *limit + "' is not a share from 20% to 100% of the written size");
      }
      f.shrink_limit = *share;
    }
    if (paper_ && (f.x + f.width > paper_->width + 0.01 || f.y + f.height > paper_->height + 0.01)) {
      fail(node, "the frame reaches past the page's edge: what it holds would not all be printed");
    }
    Context inner = context;
    inner.left = 0;
    inner.align = align(node, Align::Center);
    blocks(node, inner, f.blocks);
    if (const auto* field = value_of(node, "signature-field"); field && !field->empty()) {
      name_signature_space(f.blocks, *field);
    }
    return f;
  }

  // Block container: block elements, and runs of text and inline elements that become
  // implicit paragraphs.
  void blocks(const Node& parent, const Context& context, std::vector<Block>& out) {
    Node pending;  // inline content gathered for an implicit paragraph
    pending.name = "p";
    auto flush = [&] {
      bool has_content = false;
      for (const auto& n : pending.children) has_content = has_content || !n.is_text() || !trim(n.text).empty();
      if (has_content) {
        Paragraph p = paragraph(pending, context);
        if (parent.name == "td" || parent.name == "th" || parent.name == "signature" || parent.name == "li" ||
            parent.name == "header" || parent.name == "footer" || parent.name == "frame") {
          p.space_after = 0;
        }
        out.push_back(std::move(p));
      }
      pending.children.clear();
    };
    for (const auto& child : parent.children) {
      if (child.is_text() || is_inline_element(child.name)) {
        if (pending.children.empty()) {
          pending.line = child.line;
          pending.column = child.column;
          pending.source = child.source;
        }
        pending.children.push_back(child);
        continue;
      }
      flush();
      const std::string& name = child.name;
      if (name == "header" || name == "footer") continue;  // handled by document()
      if (name == "p" || name == "h1" || name == "h2" || name == "h3")
        out.push_back(paragraph(child, context));
      else if (name == "ol" || name == "ul")
        list(child, context, out);
      else if (name == "table")
        out.push_back(table(child, context));
      else if (name == "signatures")
        out.push_back(signatures(child, context));
      else if (name == "img")
        out.push_back(image(child));
      else if (name == "qr")
        out.push_back(qr(child));
      else if (name == "bar-chart")
        out.push_back(bar_chart(child, context));
      else if (name == "frame")
        out.push_back(frame(child, context));
      else if (name == "space")
        out.push_back(Space{length(child, "height", context.style.size), text_attr(child, "signature-field", "")});
      else if (name == "hr") {
        out.push_back(Rule{length(child, "thickness", 0.5), length(child, "space-before", 0),
                           length(child, "space-after", context.style.size * 0.5)});
      } else if (name == "page-break")
        out.push_back(PageBreak{});
      else if (name == "bookmark") {
        const auto* title = child.attribute("title");
        if (!title || title->empty()) fail(child, "<bookmark> needs a title");
        out.push_back(BookmarkMark{*title, integer(child, "level", 0, 0, 5)});
      } else
        fail(child, "<" + name + "> cannot stand inside <" + parent.name + ">");
    }
    flush();
  }

  std::string file_;
  std::optional<PaperSize> paper_;  // the document's, once known: frames must stay on it
  std::string dir_;
  bool lenient_ = false;
  std::vector<Block> ignored_;
};

}  // namespace

std::string describe(const SourcePos& at, const std::string& laid_out_file) {
  return (at.file ? *at.file : laid_out_file) + ":" + std::to_string(at.line);
}

DocumentSpec build_document(const Node& root, const std::string& file, const std::string& resource_dir) {
  return Builder(file, resource_dir).document(root);
}

void check_template(const Node& root, const std::string& file) {
  Builder builder(file, "", true);
  if (root.name == "fragment") {
    builder.fragment(root);
  } else {
    builder.document(root);
  }
}

}  // namespace inovasi::layout
