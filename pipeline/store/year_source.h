#pragma once
// One programme year as everything that reads a year takes it (validation, the IGA
// export, the recap and register, certificate planning, desk packets). The records that
// are few (the region, agencies, people, sessions: every kind but innovations and their
// indicator answers) are held once, in base(); the innovations are handed out a slice at
// a time, each slice a copy of the base that also holds them. A small year is one
// slice; a national year's 37,000 innovations are a few dozen, never held at once.
// Readers write one loop over the slices, whatever the year's size.

#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "store/snapshot.h"
#include "store/store.h"

namespace inovasi {

// Innovations per slice: about 5 MB of narratives and 20,000 indicator answers. Up to
// three slices are held at once (one read ahead, one worked on, one written).
inline constexpr std::size_t kInnovationsPerYearSlice = 1024;
// The whole year as one slice, for work that needs every innovation at once (`render`).
inline constexpr std::size_t kWholeYear = std::numeric_limits<std::size_t>::max();

class YearSource {
 public:
  // What a slice's innovations carry: their fields (certificates print no narrative), or
  // also their narratives and their indicator answers.
  enum class Depth { Fields, Narratives };

  // The store's year: the base loaded now, the innovations read when a slice is asked
  // for. The store must outlive the source.
  YearSource(const Store& store, std::optional<int> year, std::size_t per_slice = kInnovationsPerYearSlice);
  // A year already held whole (a test's records, a group of agencies): it is the base and
  // the one slice. `whole` must outlive the source.
  YearSource(const Snapshot& whole, int year);

  YearSource(YearSource&&) = default;

  int year() const { return year_; }
  // Every kind but (for a store's year) innovations and their answers.
  const Snapshot& base() const { return whole_ ? *whole_ : base_; }
  std::size_t slices() const { return whole_ ? 1 : starts_.size(); }
  // The base with slice `index`'s innovations (of every year: readers pick theirs).
  Snapshot slice(std::size_t index, Depth depth) const;
  // Each slice in order; the next is read on another thread while `each` works on this
  // one (the store's connection is used by one thread at a time).
  void for_each_slice(Depth depth, const std::function<void(const Snapshot& slice)>& each) const;
  // Each innovation of the year, without narratives, in store order: what the workbooks
  // list, streamed.
  void for_each_innovation(const std::function<void(const Record& innovation)>& each) const;
  // The base holding only the agencies at `positions` (in base().all("instansi")), their
  // innovations with narratives and their answers: work done a group of agencies at a
  // time (desk packets).
  Snapshot agencies(const std::vector<std::size_t>& positions) const;
  // The base holding, without narratives, the innovations the year's contract lines
  // name: all that contracts print of innovations (their names).
  Snapshot with_contracted_innovations() const;

 private:
  const Store* store_ = nullptr;
  const Snapshot* whole_ = nullptr;
  Snapshot base_;
  int year_ = 0;
  std::vector<std::vector<std::string>> starts_;  // each slice's first innovation key
};

}  // namespace inovasi
