#include "render/print_file.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "layout/images.h"
#include "layout/line_cache.h"

namespace inovasi::render {
namespace {

// Parts per volume. A volume's libharu document holds about 22 KB a page until it is
// saved, and each volume embeds its fonts once before the joiner drops the copies. With
// some four volumes held at once (the workers' and those waiting to be joined), 128
// pages peaked 8 MiB lower than 256 for 37,000 certificates, at the same speed.
constexpr std::size_t kPartsPerVolume = 128;

struct Volume {
  pdf::PdfResult pdf;
  std::exception_ptr error;
};

struct VolumeJob {
  const PrintPartSource& source;
  const std::filesystem::path& resource_dir;
  const pdf::FontManifest& fonts;
  const layout::DocumentInfo& info;
  const RenderOptions& options;
  SkeletonTrees& skeletons;  // parts of one template and shape parse once
};

// Parts [first, last) as one libharu document; nothing when a part needs more than
// `encoding` can write.
std::optional<pdf::PdfResult> attempt_volume(const VolumeJob& job, std::size_t first, std::size_t last,
                                             pdf::TextEncoding encoding) {
  pdf::HpdfDocument document;
  pdf::FontSet fonts(job.fonts);
  layout::ImageInfoCache images;
  layout::LineCache lines;  // certificates repeat most of their paragraphs page after page
  pdf::StreamingPdfWriter writer(document, fonts, encoding);
  for (std::size_t i = first; i < last; ++i) {
    PrintPart part = job.source(i);
    if (encoding == pdf::TextEncoding::Cp1252 && pdf::encoding_for(part.markup.markup) != encoding) return std::nullopt;
    writer.add(
        lay_out(part.markup, job.resource_dir, {fonts, nullptr, &images, part.markup.file, &lines}, &job.skeletons),
        part.bookmark);
  }
  return writer.finish(job.info, {job.options.creation_date});
}

pdf::PdfResult render_volume(const VolumeJob& job, std::size_t first, std::size_t last) {
  if (auto pdf = attempt_volume(job, first, last, pdf::TextEncoding::Cp1252)) return std::move(*pdf);
  return *attempt_volume(job, first, last, pdf::TextEncoding::Utf8);
}

// Workers render volumes in any order, at most `ahead` past the one being joined;
// take(v) hands volume v over once it is ready. Destruction stops the workers.
class VolumePipeline {
 public:
  VolumePipeline(const VolumeJob& job, std::size_t parts, std::size_t per_volume, int jobs)
      : job_(job),
        parts_(parts),
        per_volume_(per_volume),
        volumes_((parts + per_volume - 1) / per_volume),
        ahead_(static_cast<std::size_t>(std::max(1, jobs)) + 1) {
    int workers = std::max(1, std::min<int>(jobs, static_cast<int>(volumes_)));
    for (int w = 0; w < workers; ++w) threads_.emplace_back([this] { work(); });
  }
  ~VolumePipeline() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    for (auto& thread : threads_) thread.join();
  }
  VolumePipeline(const VolumePipeline&) = delete;
  VolumePipeline& operator=(const VolumePipeline&) = delete;

  std::size_t volumes() const { return volumes_; }

  Volume take(std::size_t index) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return ready_.contains(index); });
    Volume volume = std::move(ready_.at(index));
    ready_.erase(index);
    joined_ = index + 1;
    lock.unlock();
    changed_.notify_all();
    return volume;
  }

 private:
  void work() {
    for (;;) {
      std::size_t index = next_++;
      if (index >= volumes_) return;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopping_ || index < joined_ + ahead_; });
        if (stopping_) return;
      }
      Volume volume;
      try {
        std::size_t first = index * per_volume_;
        volume.pdf = render_volume(job_, first, std::min(parts_, first + per_volume_));
      } catch (...) {
        volume.error = std::current_exception();
      }
      {
        std::lock_guard lock(mutex_);
        ready_.emplace(index, std::move(volume));
      }
      changed_.notify_all();
    }
  }

  const VolumeJob& job_;
  std::size_t parts_;
  std::size_t per_volume_;
  std::size_t volumes_;
  std::size_t ahead_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::size_t, Volume> ready_;
  std::size_t joined_ = 0;
  bool stopping_ = false;
  std::atomic<std::size_t> next_{0};
  std::vector<std::thread> threads_;
};

}  // namespace

PrintFileResult render_print_file(std::size_t count, const PrintPartSource& source,
                                  const std::filesystem::path& resource_dir, const pdf::FontManifest& fonts,
                                  const layout::DocumentInfo& info, const RenderOptions& options, int jobs,
                                  const pdf::PdfJoiner::Sink& out) {
  if (count == 0) throw pdf::PdfError("a print file needs at least one part");
  // Volumes do not depend on `jobs`: the same parts make the same bytes however many
  // workers made them.
  SkeletonTrees skeletons;
  VolumeJob job{source, resource_dir, fonts, info, options, skeletons};
  VolumePipeline pipeline(job, count, kPartsPerVolume, jobs);
  pdf::PdfJoiner joiner(out);
  PrintFileResult result;
  for (std::size_t v = 0; v < pipeline.volumes(); ++v) {
    Volume volume = pipeline.take(v);
    if (volume.error) std::rethrow_exception(volume.error);
    if (volume.pdf.encoding == pdf::TextEncoding::Utf8) result.encoding = pdf::TextEncoding::Utf8;
    joiner.append(volume.pdf.bytes, volume.pdf.outline);
  }
  result.pages = joiner.finish();
  return result;
}

}  // namespace inovasi::render
