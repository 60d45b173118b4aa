#include "batch/print_file.h"

#include <algorithm>
#include <future>
#include <map>
#include <mutex>
#include <stdexcept>

#include "output/atomic_file.h"
#include "render/print_file.h"

namespace inovasi::batch {

KeyVisitor PrintFileContents::keys() {
  return [this](std::size_t slice, const documents::PlannedDocument& doc, const std::string& key) {
    if (included_.size() <= slice) included_.resize(slice + 1);
    positions_.resize(slice + 1);
    std::uint32_t position = positions_[slice]++;
    if (!doc.error.empty() || doc.kind->name != "certificate" || key.empty()) return;
    included_[slice].push_back(position);
    joined_keys_.update(key);
    joined_keys_.update("\n");
    latest_ = std::max(latest_, doc.date);
    ++count_;
  };
}

void PrintFileContents::drop_failed(const std::vector<bool>& standing) {
  std::size_t first = 0;  // the slice's first document in the whole plan
  for (std::size_t slice = 0; slice < included_.size(); ++slice) {
    std::erase_if(included_[slice], [&](std::uint32_t position) {
      std::size_t index = first + position;
      if (index >= standing.size() || standing[index]) return false;
      // Its key is in the joined one: what was left out goes in too, so the file is made
      // again once the certificate is.
      joined_keys_.update("without " + std::to_string(index) + "\n");
      --count_;
      return true;
    });
    first += positions_[slice];
  }
}

namespace {

// The print file's parts from a sliced plan: part i is the i-th certificate, found in its
// slice. The slice after the one in use is planned ahead, on its own thread, so that the
// workers do not wait for the store; older slices are let go (the volumes in flight span
// one or two).
class PrintFileParts {
 public:
  using Slice = std::shared_ptr<const std::vector<documents::PlannedDocument>>;

  PrintFileParts(const SlicedPlan& plan, const std::vector<std::vector<std::uint32_t>>& included)
      : plan_(plan), included_(included) {
    std::size_t total = 0;
    for (const auto& positions : included_) {
      ends_.push_back(total += positions.size());
    }
  }

  // The certificate and what keeps it planned.
  std::pair<Slice, const documents::PlannedDocument*> part(std::size_t index) {
    auto slice = static_cast<std::size_t>(std::upper_bound(ends_.begin(), ends_.end(), index) - ends_.begin());
    std::size_t offset = index - (slice ? ends_[slice - 1] : 0);
    std::shared_future<Slice> planned;
    {
      std::lock_guard lock(mutex_);
      planned = plan(slice);
      if (slice + 1 < ends_.size()) plan(slice + 1);
      std::erase_if(planned_, [&](const auto& entry) { return entry.first + 1 < slice; });
    }
    const Slice& documents = planned.get();
    std::uint32_t position = included_[slice][offset];
    if (position >= documents->size())
      throw std::runtime_error("the store changed while the print file was made (run it again)");
    return {documents, &(*documents)[position]};
  }

 private:
  std::shared_future<Slice> plan(std::size_t slice) {
    auto& planned = planned_[slice];
    if (!planned.valid()) {
      planned = std::async(std::launch::async, [this, slice] { return plan_.slice(slice); }).share();
    }
    return planned;
  }

  const SlicedPlan& plan_;
  const std::vector<std::vector<std::uint32_t>>& included_;
  std::vector<std::size_t> ends_;  // per slice: the parts up to its end
  std::mutex mutex_;
  std::map<std::size_t, std::shared_future<Slice>> planned_;
};

}  // namespace

std::filesystem::path write_print_file(const SlicedPlan& plan, PrintFileContents& contents,
                                       const render::TemplateSet& templates, const pdf::FontManifest& fonts,
                                       const std::filesystem::path& output, const std::filesystem::path& manifest_file,
                                       int year, bool force, int jobs, Manifest& manifest) {
  if (contents.count_ == 0) return {};
  auto relative = std::filesystem::path(std::to_string(year)) / "certificates" / "certificates-print.pdf";
  std::string key = contents.joined_keys_.hex_digest();
  {
    auto entry = manifest.find(relative.generic_string());
    std::error_code error;
    auto size = std::filesystem::file_size(output / relative, error);
    if (!force && entry && entry->key == key && !error && entry->size == size) return output / relative;
  }

  // Streamed to disk as it is joined: the whole file is never in memory.
  AtomicFileWriter file(output / relative);
  Sha256 digest;
  std::uintmax_t size_written = 0;
  Date latest = std::max(contents.latest_, Date{year, 1, 1});
  {
    // Filled on the workers, in any order: reads the plan and the templates only.
    PrintFileParts parts(plan, contents.included_);
    auto part = [&](std::size_t i) {
      auto [keep, doc] = parts.part(i);
      const auto data = doc->data();
      std::string bookmark =
          data.get("nomor")->string_value() + " " + data.get("instansi")->get("nama")->string_value();
      return render::PrintPart{templates.render(templates.resolve(std::string(doc->kind->template_name)), data,
                                                /*strict=*/false, doc->shared.get(), /*with_skeleton=*/true),
                               bookmark};
    };
    render::render_print_file(contents.count_, part, templates.folder(), fonts,
                              {"Sertifikat " + std::to_string(year), "", "", ""}, {false, latest}, jobs,
                              [&](std::string_view bytes) {
                                file.write(bytes);
                                digest.update(bytes);
                                size_written += bytes.size();
                              });
  }  // every slice planned for it is done: the store's connection is this thread's again
  if (contents.store_.data_version() != contents.store_version_) {
    throw StoreError(
        "the store changed while the certificates were made: the print file was not written (run it again)");
  }
  file.commit();
  manifest.put({relative.generic_string(), digest.hex_digest(), key, "certificate-print-file",
                std::to_string(contents.count_) + " certificates", size_written});
  manifest.save_if_changed(manifest_file);
  return output / relative;
}

}  // namespace inovasi::batch
