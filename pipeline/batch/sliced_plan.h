#pragma once
// A batch's plan, a slice at a time, so that a run's memory does not grow with the year
// (a national year's certificates are tens of thousands of documents). A sliced plan
// makes each slice when asked (the records it reads included) and can make it again:
// the batch plans every slice once for keys, then again for the slices with something
// to render, and the print file again for its pages.

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "documents/document_kind.h"

namespace inovasi::batch {

struct PlanSlice {
  std::vector<documents::PlannedDocument> documents;
  // What the documents' data sources read (a slice's records), kept as long as they are.
  std::shared_ptr<const void> records;
};

class SlicedPlan {
 public:
  using MakeSlice = std::function<PlanSlice(std::size_t index)>;

  // A plan held whole: one slice, borrowed (`documents` must outlive the plan).
  explicit SlicedPlan(const std::vector<documents::PlannedDocument>& documents) : slices_(1), whole_(&documents) {}
  // `make` gives the same documents each time it is asked for a slice, as long as the
  // store does not change; it is called one at a time, from any thread.
  SlicedPlan(std::size_t slices, MakeSlice make) : slices_(slices), make_(std::move(make)) {}

  std::size_t slices() const { return slices_; }

  // The slice's documents, valid while the returned pointer is held.
  std::shared_ptr<const std::vector<documents::PlannedDocument>> slice(std::size_t index) const {
    if (whole_) return {std::shared_ptr<const void>(), whole_};  // borrowed: no owner
    PlanSlice made;
    {
      std::lock_guard lock(*mutex_);
      made = make_(index);
    }
    auto owned = std::make_shared<PlanSlice>(std::move(made));
    return {owned, &owned->documents};
  }

 private:
  std::size_t slices_;
  const std::vector<documents::PlannedDocument>* whole_ = nullptr;
  MakeSlice make_;
  std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();  // the store's connection: one thread at a time
};

}  // namespace inovasi::batch
