#include "layout/paginate.h"

#include <cstdio>

#include "layout/frames.h"

namespace inovasi::layout {
namespace {

struct Placed {
  Slice slice;
  double y = 0;
  long index = -1;  // flow index; -1 for repeated headers
};

class Paginator {
 public:
  Paginator(const DocumentSpec& spec, FlowResult flow, std::string file)
      : flow_(std::move(flow)), file_(std::move(file)) {
    top_ = spec.margin.top;
    bottom_ = spec.paper.height - spec.margin.bottom;
  }

  std::vector<std::vector<Placed>> run() {
    auto& slices = flow_.slices;
    std::size_t i = 0;
    start_page(0);
    while (i < slices.size()) {
      Slice& s = slices[i];
      if (s.absolute) {
        place(s, static_cast<long>(i));
        ++i;
        continue;
      }
      if (s.page_break) {
        if (has_content()) start_page(i + 1);
        ++i;
        continue;
      }
      // Vertical space vanishes at the top of a page, and at its foot when it does not fit.
      if (s.discardable && (y_ <= top_ + 1e-6 || y_ + s.height > bottom_ + 1e-6)) {
        ++i;
        continue;
      }
      if (y_ + s.height <= bottom_ + 1e-6) {
        place(s, static_cast<long>(i));
        ++i;
        continue;
      }
      // An oversized row splits at a line boundary; other slices move whole.
      if (s.split && s.height > body_height()) {
        if (auto parts = s.split(bottom_ - y_)) {
          place(parts->first, static_cast<long>(i));
          parts->second.table = s.table;
          s = std::move(parts->second);
          start_page(i);
          continue;
        }
        if (y_ > top_ + 1e-6 + header_height(s)) {
          start_page(i);
          continue;
        }
      }
      // Go back to the last place a break is allowed on this page.
      std::size_t j = i;
      while (j > first_ && !slices[j].break_before) --j;
      if (j > first_) {
        std::erase_if(pages_.back(), [&](const Placed& p) { return p.index >= static_cast<long>(j); });
        start_page(j);
        i = j;
        continue;
      }
      if (y_ <= top_ + 1e-6 + header_height(s)) {
        // Taller than any page, and nothing to split it at: placed, it would run off the
        // page's foot (a picture taller than the body, a row of one unbreakable block).
        char sizes[96];
        std::snprintf(sizes, sizeof sizes, "%.0fpt tall, a page's body %.0fpt", s.height, body_height());
        throw FrameOverflow(file_, 0, 0,
                            std::string("content that cannot be split over pages is taller than a page (") + sizes +
                                "): it would run off the page");
      }
      start_page(i);  // the whole page is one chain: break it here
    }
    // A page left empty at the end (the last slices vanished) is no page.
    while (pages_.size() > 1 && pages_.back().empty()) pages_.pop_back();
    return std::move(pages_);
  }

 private:
  double body_height() const { return bottom_ - top_; }
  bool has_content() const {
    for (const auto& p : pages_.back()) {
      if (!p.slice.absolute) return true;
    }
    return false;
  }
  double header_height(const Slice& s) const {
    if (s.table < 0) return 0;
    return stacked_height(flow_.table_headers[static_cast<std::size_t>(s.table)]);
  }

  void place(const Slice& s, long index) {
    pages_.back().push_back({s, s.absolute ? 0 : y_, index});
    if (!s.absolute) y_ += s.height;
  }

  void start_page(std::size_t next) {
    pages_.emplace_back();
    y_ = top_;
    first_ = next;
    // A table continuing on this page gets its header rows again.
    if (next < flow_.slices.size() && flow_.slices[next].table >= 0) {
      for (const auto& header : flow_.table_headers[static_cast<std::size_t>(flow_.slices[next].table)]) {
        place(header, -1);
      }
    }
  }

  FlowResult flow_;
  std::string file_;  // the template, for messages
  std::vector<std::vector<Placed>> pages_;
  double top_ = 0, bottom_ = 0, y_ = 0;
  std::size_t first_ = 0;
};

std::vector<Block> with_page_fields(const std::vector<Block>& blocks, int page, int count) {
  std::vector<Block> copy = blocks;
  for (auto& block : copy) {
    if (auto* p = std::get_if<Paragraph>(&block)) {
      for (auto& run : p->runs) {
        if (run.field == Run::Field::PageNumber) run.text = std::to_string(page);
        if (run.field == Run::Field::PageCount) run.text = std::to_string(count);
        run.field = Run::Field::None;
      }
    }
  }
  return copy;
}

std::vector<DrawOp> running_ops(const std::vector<Block>& blocks, int page, int count, double width,
                                FlowContext& context, double& height) {
  FlowResult flow = layout_blocks(with_page_fields(blocks, page, count), width, context);
  while (!flow.slices.empty() && flow.slices.back().discardable) flow.slices.pop_back();
  height = stacked_height(flow.slices);
  return stacked_ops(flow.slices);
}

}  // namespace

LaidOutDocument paginate(const DocumentSpec& spec, FlowContext& context) {
  double width = spec.paper.width - spec.margin.left - spec.margin.right;
  if (width <= 0 || spec.paper.height - spec.margin.top - spec.margin.bottom <= 0) {
    throw std::runtime_error(context.file + ": the margins leave no room on the page");
  }
  auto placed_pages = Paginator(spec, layout_blocks(spec.body, width, context), context.file).run();
  LaidOutDocument document;
  document.paper = spec.paper;
  document.info = spec.info;
  document.replace_missing_glyphs = spec.replace_missing_glyphs;
  int count = static_cast<int>(placed_pages.size());
  for (int number = 0; number < count; ++number) {
    Page page;
    for (const auto& placed : placed_pages[static_cast<std::size_t>(number)]) {
      auto ops = placed.slice.ops;
      if (!placed.slice.absolute) translate(ops, spec.margin.left, placed.y);
      page.ops.insert(page.ops.end(), ops.begin(), ops.end());
      for (const auto& bookmark : placed.slice.bookmarks) {
        document.bookmarks.push_back({bookmark.title, bookmark.level, number, placed.y + bookmark.y});
      }
    }
    double height = 0;
    auto check_room = [&](const char* what, double room) {
      if (height <= room + 0.01) return;
      char sizes[96];
      std::snprintf(sizes, sizeof sizes, "%.0fpt tall, with %.0fpt", height, room);
      throw FrameOverflow(
          context.file, 0, 0,
          std::string("the ") + what + " is " + sizes +
              " between its distance from the edge and the body's margin: it would print over the body");
    };
    if (!spec.header.empty()) {
      auto ops = running_ops(spec.header, number + 1, count, width, context, height);
      check_room("header", spec.margin.top - spec.header_distance);
      translate(ops, spec.margin.left, spec.header_distance);
      page.ops.insert(page.ops.end(), ops.begin(), ops.end());
    }
    if (!spec.footer.empty()) {
      auto ops = running_ops(spec.footer, number + 1, count, width, context, height);
      check_room("footer", spec.margin.bottom - spec.footer_distance);
      translate(ops, spec.margin.left, spec.paper.height - spec.footer_distance - height);
      page.ops.insert(page.ops.end(), ops.begin(), ops.end());
    }
    document.pages.push_back(std::move(page));
  }
  return document;
}

}  // namespace inovasi::layout
