#include "render/skeleton.h"

#include <kainjow/mustache.hpp>

#include <charconv>

#include "model/text.h"

namespace inovasi::render {
namespace {

constexpr std::string_view kEscapedEnd = "&apos;";

// The placeholder at `at` (which starts with the mark): its index and where it ends.
struct Found {
  std::size_t index = 0;
  std::size_t end = 0;
  bool escaped = false;
};

std::optional<Found> placeholder_at(std::string_view text, std::size_t at, bool escaped_form) {
  std::size_t digits = at + kPlaceholderMark.size();
  Found found;
  auto [end, error] = std::from_chars(text.data() + digits, text.data() + text.size(), found.index);
  if (error != std::errc()) return std::nullopt;
  std::size_t after = static_cast<std::size_t>(end - text.data());
  if (escaped_form && text.substr(after).starts_with(kEscapedEnd)) {
    found.escaped = true;
    found.end = after + kEscapedEnd.size();
  } else if (text.substr(after).starts_with('\'')) {
    found.end = after + 1;
  } else {
    return std::nullopt;
  }
  return found;
}

// `text` (parsed: escaped placeholders read as mark, index, apostrophe) with the values
// in place; nothing when a placeholder is malformed or names no value.
std::optional<std::string> substitute(const std::string& text, const std::vector<std::string>& values) {
  std::size_t at = text.find(kPlaceholderMark);
  if (at == std::string::npos) return text;
  std::string out;
  std::size_t done = 0;
  for (; at != std::string::npos; at = text.find(kPlaceholderMark, done)) {
    auto found = placeholder_at(text, at, false);
    if (!found || found->index >= values.size()) return std::nullopt;
    out.append(text, done, at - done);
    out += values[found->index];
    done = found->end;
  }
  out.append(text, done);
  return out;
}

std::size_t count_marks(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = text.find(kPlaceholderMark); at != std::string_view::npos;
       at = text.find(kPlaceholderMark, at + kPlaceholderMark.size())) {
    ++count;
  }
  return count;
}

std::size_t count_marks(const layout::Node& node) {
  std::size_t count = count_marks(node.text);
  for (const auto& [key, value] : node.attributes) count += count_marks(value);
  for (const auto& child : node.children) count += count_marks(child);
  return count;
}

bool fill(const layout::Node& from, const std::vector<std::string>& values, layout::Node& to) {
  to.name = from.name;
  to.line = from.line;
  to.column = from.column;
  to.source = from.source;
  auto text = substitute(from.text, values);
  if (!text) return false;
  to.text = std::move(*text);
  to.attributes.reserve(from.attributes.size());
  for (const auto& [key, value] : from.attributes) {
    auto filled = substitute(value, values);
    if (!filled) return false;
    to.attributes.emplace_back(key, std::move(*filled));
  }
  to.children.reserve(from.children.size());
  for (const auto& child : from.children) {
    layout::Node copy;
    if (!fill(child, values, copy)) return false;
    // Parsing makes no text node of nothing: a value that is empty leaves none either.
    if (copy.is_text() && copy.text.empty()) continue;
    to.children.push_back(std::move(copy));
  }
  return true;
}

}  // namespace

std::string placeholder(std::size_t index) {
  std::string text(kPlaceholderMark);
  text += std::to_string(index);
  text += '\'';
  return text;
}

bool is_inert(std::string_view value) {
  for (char c : value) {
    if (static_cast<unsigned char>(c) < 0x20) return false;
  }
  return value.find(kPlaceholderMark) == std::string_view::npos &&
         value.find("\xEF\xBF\xBE") == std::string_view::npos && value.find("\xEF\xBF\xBF") == std::string_view::npos &&
         find_invalid_utf8(value) == std::string_view::npos;
}

Expanded expand_placeholders(std::string_view rendered, const std::vector<std::string>& values) {
  Expanded out;
  out.markup.reserve(rendered.size());
  out.skeleton.reserve(rendered.size());
  bool usable = true;
  std::size_t done = 0;
  for (std::size_t at = rendered.find(kPlaceholderMark); at != std::string_view::npos;
       at = rendered.find(kPlaceholderMark, done)) {
    auto found = placeholder_at(rendered, at, true);
    out.markup.append(rendered, done, at - done);
    out.skeleton.append(rendered, done, at - done);
    if (!found || found->index >= values.size()) {  // not ours: kept as it is
      usable = false;
      done = at + kPlaceholderMark.size();
      out.markup += kPlaceholderMark;
      continue;
    }
    const std::string& value = values[found->index];
    if (found->escaped) {
      out.markup += kainjow::mustache::html_escape<std::string>(value);
      out.skeleton.append(rendered, at, found->end - at);
      usable = usable && is_inert(value);
    } else {
      out.markup += value;
      out.skeleton += value;  // trusted markup: parsed with the skeleton
      usable = usable && value.find(kPlaceholderMark) == std::string::npos;
    }
    done = found->end;
  }
  out.markup.append(rendered, done);
  out.skeleton.append(rendered, done);
  if (!usable) out.skeleton.clear();
  return out;
}

std::optional<layout::Node> SkeletonTrees::tree(const std::string& skeleton, const std::vector<std::string>& values,
                                                const std::string& file) {
  if (skeleton.size() > kMaxSkeletonBytes) return std::nullopt;
  std::shared_ptr<const layout::Node> parsed;
  bool known = false;
  {
    std::lock_guard lock(mutex_);
    if (auto it = trees_.find(skeleton); it != trees_.end()) {
      parsed = it->second;
      known = true;
    }
  }
  if (!known) {
    try {
      auto root = std::make_shared<layout::Node>(layout::parse_markup(skeleton, file));
      // Every placeholder must have landed in text or an attribute value, where values
      // are put in; one in a comment, say, would be lost.
      if (count_marks(*root) == count_marks(skeleton)) parsed = std::move(root);
    } catch (const layout::MarkupError&) {
      // The filled markup's own parse reports it, with its own columns.
    }
    std::lock_guard lock(mutex_);
    if (trees_.size() >= kMaxEntries) trees_.clear();
    trees_.emplace(skeleton, parsed);
  }
  if (!parsed) return std::nullopt;
  layout::Node root;
  if (!fill(*parsed, values, root)) return std::nullopt;
  return root;
}

}  // namespace inovasi::render
