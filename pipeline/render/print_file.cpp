#include "render/print_file.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "layout/images.h"

namespace inovasi::render {
namespace {

// Laid-out parts waiting to be drawn: at most this many ahead of the writer.
constexpr std::size_t kWindow = 64;

struct LaidOutPart {
  layout::LaidOutDocument laid_out;
  std::string bookmark;
  bool fits_cp1252 = true;
  std::exception_ptr error;
};

// Workers lay parts out in any order within the window; take(i) hands part i to the
// writer once it is ready. Destruction stops the workers (after an error, say).
class LayoutPipeline {
 public:
  LayoutPipeline(std::size_t count, const PrintPartSource& source, const std::filesystem::path& resource_dir,
                 const pdf::FontManifest& fonts, int jobs)
      : count_(count), source_(source), resource_dir_(resource_dir), fonts_(fonts), slots_(kWindow) {
    int workers = std::max(1, std::min<int>(jobs, static_cast<int>(count)));
    for (int w = 0; w < workers; ++w) threads_.emplace_back([this] { work(); });
  }
  ~LayoutPipeline() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    for (auto& thread : threads_) thread.join();
  }
  LayoutPipeline(const LayoutPipeline&) = delete;
  LayoutPipeline& operator=(const LayoutPipeline&) = delete;

  LaidOutPart take(std::size_t index) {
    std::unique_lock lock(mutex_);
    auto& slot = slots_[index % kWindow];
    changed_.wait(lock, [&] { return slot.has_value(); });
    LaidOutPart part = std::move(*slot);
    slot.reset();
    drawn_ = index + 1;
    lock.unlock();
    changed_.notify_all();
    return part;
  }

 private:
  void work() {
    pdf::FontSet fonts(fonts_);  // metrics only: the writer embeds the faces the ops name
    layout::ImageInfoCache images;
    for (;;) {
      std::size_t index = next_++;
      if (index >= count_) return;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopping_ || index < drawn_ + kWindow; });
        if (stopping_) return;
      }
      LaidOutPart part;
      try {
        PrintPart filled = source_(index);
        part.bookmark = std::move(filled.bookmark);
        part.fits_cp1252 = pdf::encoding_for(filled.markup.markup) == pdf::TextEncoding::Cp1252;
        part.laid_out = lay_out(filled.markup, resource_dir_, {fonts, nullptr, &images, filled.markup.file});
      } catch (...) {
        part.error = std::current_exception();
      }
      {
        std::lock_guard lock(mutex_);
        slots_[index % kWindow] = std::move(part);
      }
      changed_.notify_all();
    }
  }

  std::size_t count_;
  const PrintPartSource& source_;
  const std::filesystem::path& resource_dir_;
  const pdf::FontManifest& fonts_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::optional<LaidOutPart>> slots_;
  std::size_t drawn_ = 0;
  bool stopping_ = false;
  std::atomic<std::size_t> next_{0};
  std::vector<std::thread> threads_;
};

// One attempt at the whole file; nothing when a part needs more than CP1252 can encode.
std::optional<RenderedPdf> attempt_print_file(std::size_t count, const PrintPartSource& source,
                                              const std::filesystem::path& resource_dir, const pdf::FontManifest& fonts,
                                              const layout::DocumentInfo& info, const RenderOptions& options, int jobs,
                                              pdf::TextEncoding encoding) {
  pdf::HpdfDocument document;
  pdf::FontSet font_set(fonts);
  pdf::StreamingPdfWriter writer(document, font_set, encoding);
  LayoutPipeline pipeline(count, source, resource_dir, fonts, jobs);
  for (std::size_t i = 0; i < count; ++i) {
    LaidOutPart part = pipeline.take(i);
    if (part.error) std::rethrow_exception(part.error);
    if (!part.fits_cp1252 && encoding == pdf::TextEncoding::Cp1252) return std::nullopt;
    writer.add(part.laid_out, part.bookmark);
  }
  auto pdf = writer.finish(info, {options.creation_date});
  return RenderedPdf{std::move(pdf.bytes), pdf.pages, pdf.encoding, {}, {}};
}

}  // namespace

RenderedPdf render_print_file(std::size_t count, const PrintPartSource& source, const std::filesystem::path& resource_dir,
                              const pdf::FontManifest& fonts, const layout::DocumentInfo& info, const RenderOptions& options,
                              int jobs) {
  if (auto pdf = attempt_print_file(count, source, resource_dir, fonts, info, options, jobs, pdf::TextEncoding::Cp1252)) {
    return std::move(*pdf);
  }
  return *attempt_print_file(count, source, resource_dir, fonts, info, options, jobs, pdf::TextEncoding::Utf8);
}

}  // namespace inovasi::render
