#pragma once
// A filled template's skeleton: the markup Mustache makes when each value it escapes is
// replaced by a placeholder. Documents of one template and one shape of data (the same
// sections taken, lists as long) have the same skeleton, so a batch parses it once and
// gives each document the parsed tree with its own values put in, instead of parsing
// every document's filled markup (a certificate's 2 KB, a sixth of its page in a print
// file). The tree is the one parsing the filled markup would give: escaping a value and
// parsing it back is the identity for the values allowed to stand in (inert ones).

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "layout/markup.h"

namespace inovasi::render {

// U+E000 (private use): no template may contain it, and a value holding it never
// stands in.
inline constexpr std::string_view kPlaceholderMark = "\xEE\x80\x80";

// Value `index`'s placeholder: the mark, the index, and an apostrophe, which Mustache
// escapes (&apos;) only where the template escapes the value: a value a template writes
// unescaped ({{{x}}}, trusted markup) is put into the skeleton itself.
std::string placeholder(std::size_t index);

struct Expanded {
  std::string markup;    // what Mustache would have made from the values themselves
  std::string skeleton;  // empty when an escaped value is not inert
};

// From markup rendered with placeholders: the filled markup and its skeleton.
Expanded expand_placeholders(std::string_view rendered, const std::vector<std::string>& values);

// A value parsing gives back unchanged once escaped, which changes neither the lines of
// the markup nor whether it parses: valid UTF-8 holding no control character (line ends
// and tabs included: XML normalises them), no U+FFFE or U+FFFF, and no placeholder mark.
bool is_inert(std::string_view value);

// Skeletons parsed once, shared by the threads of a batch. Bounded: when full, cleared;
// and a long skeleton (a desk packet printing narratives, which are in its skeleton as
// trusted markup and so rarely repeat) is not kept: its document parses its own markup.
class SkeletonTrees {
 public:
  static constexpr std::size_t kMaxEntries = 64;
  static constexpr std::size_t kMaxSkeletonBytes = 32 * 1024;

  // The tree of `skeleton` (parsed as `file`) with `values` in place of its placeholders,
  // empty text left out; nothing when the skeleton is too long to keep, does not parse,
  // or a placeholder landed outside text and attribute values (the caller then parses
  // the markup itself, which reports its own errors).
  std::optional<layout::Node> tree(const std::string& skeleton, const std::vector<std::string>& values,
                                   const std::string& file);

 private:
  std::mutex mutex_;
  // null: this skeleton cannot be used.
  std::unordered_map<std::string, std::shared_ptr<const layout::Node>> trees_;
};

}  // namespace inovasi::render
