#pragma once
// Paragraphs already broken into lines, for layouts that repeat them: a print file
// volume lays out hundreds of certificates whose letterhead, award sentence and
// signature are the same on every page, and breaking lines is a tenth of a page's time.
// The lines depend only on the runs, the options and the fonts, so a cache lives as
// long as one set of fonts (one libharu document) and no longer.

#include <string>
#include <unordered_map>
#include <vector>

#include "layout/inline.h"

namespace inovasi::layout {

class LineCache {
 public:
  // Kept small: a volume repeats a few paragraphs per page; unique ones only pass through
  // (a volume of 128 certificates has some 400 paragraphs that differ).
  static constexpr std::size_t kMaxEntries = 1024;

  // The lines break_lines gives for these runs and options (without missing-glyph
  // reports: a layout that wants them does not use the cache). The reference is valid
  // until the next call.
  const std::vector<Line>& lines(const std::vector<Run>& runs, const InlineOptions& options, TextMeasurer& measurer);

  std::size_t size() const { return lines_.size(); }
  std::size_t hits() const { return hits_; }

 private:
  std::unordered_map<std::string, std::vector<Line>> lines_;
  std::size_t hits_ = 0;
};

}  // namespace inovasi::layout
