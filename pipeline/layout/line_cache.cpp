#include "layout/line_cache.h"

#include <cstring>

namespace inovasi::layout {
namespace {

template <typename T>
void append_bytes(std::string& key, const T& value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  key.append(bytes, sizeof(T));
}

void append_text(std::string& key, const std::string& text) {
  append_bytes(key, text.size());  // length first: no text can pass for two
  key += text;
}

// Everything break_lines reads, except options.context (used only for missing-glyph
// reports, which cached layouts do not make).
std::string line_key(const std::vector<Run>& runs, const InlineOptions& options) {
  std::string key;
  append_bytes(key, options.width);
  append_bytes(key, options.first_line_indent);
  append_bytes(key, options.align);
  append_bytes(key, options.line_height);
  for (const auto& run : runs) {
    append_text(key, run.text);
    append_text(key, run.style.face.family);
    append_bytes(key, run.style.face.bold);
    append_bytes(key, run.style.face.italic);
    append_bytes(key, run.style.size);
    append_bytes(key, run.style.underline);
    append_bytes(key, run.line_break);
    append_bytes(key, run.field);
  }
  return key;
}

}  // namespace

const std::vector<Line>& LineCache::lines(const std::vector<Run>& runs, const InlineOptions& options,
                                          TextMeasurer& measurer) {
  std::string key = line_key(runs, options);
  if (auto it = lines_.find(key); it != lines_.end()) {
    ++hits_;
    return it->second;
  }
  if (lines_.size() >= kMaxEntries) lines_.clear();
  return lines_.emplace(std::move(key), break_lines(runs, options, measurer, nullptr)).first->second;
}

}  // namespace inovasi::layout
