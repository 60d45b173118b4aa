#pragma once
// Every record of the store, loaded once, with the look-ups rules need.

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "model/catalog.h"
#include "model/record.h"
#include "store/store.h"

namespace inovasi {

class Snapshot {
 public:
  Snapshot() = default;
  Snapshot(Snapshot&&) = default;
  Snapshot& operator=(Snapshot&&) = default;
  // A copy shares the records (they never change once loaded) and gets indexes of its
  // own, so that a copy's replaced kind (with_records) is indexed afresh.
  Snapshot(const Snapshot& other)
      : records_(other.records_), contents_(other.contents_), latest_year_(other.latest_year_),
        innovations_given_(other.innovations_given_), narratives_held_(other.narratives_held_) {}
  Snapshot& operator=(const Snapshot& other) {
    records_ = other.records_;
    contents_ = other.contents_;
    latest_year_ = other.latest_year_;
    innovations_given_ = other.innovations_given_;
    narratives_held_ = other.narratives_held_;
    indexes_ = std::make_unique<Indexes>();
    return *this;
  }

  enum class Contents {
    Everything,
    // No narrative fields: for documents that print none (certificates). Such a
    // snapshot cannot be validated (validate() refuses it): narratives have rules.
    WithoutNarratives,
    // Every kind but innovations and their indicator answers (some 20 each), the others
    // with their narratives (they are few): for work too large to do at once, which
    // reads the innovations a slice at a time (Store::scan_range) and gives each slice
    // to a copy holding it (with_records, read_innovation_slice): certificate plans,
    // validate_in_slices, desk packets, the workbooks, `launch`. latest_year() still
    // counts them.
    WithoutInnovations,
  };
  static Snapshot load(const Store& store, Contents contents = Contents::Everything);
  // Everything validation reads is there (validate() refuses a snapshot without).
  bool can_validate() const { return contents_ == Contents::Everything; }
  // Whether innovations are here: the store's (all but WithoutInnovations), or those
  // with_records gave a copy (a slice's).
  bool holds_innovations() const { return contents_ != Contents::WithoutInnovations || innovations_given_; }
  // Whether records of `kind` carry their narrative fields.
  bool holds_narratives(std::string_view kind) const;
  static Snapshot of(const Dataset& dataset);  // for tests: records without a store
  // A copy whose records of `kind` are `records` (the rest shared with this one), read
  // with their narrative fields or not.
  enum class Narratives { Left, Held };
  Snapshot with_records(std::string_view kind, std::vector<Record> records,
                        Narratives narratives = Narratives::Left) const;

  const std::vector<Record>& all(std::string_view kind) const;
  // Records of `kind` whose `field` equals `value` (and whose tahun equals `year` when given).
  std::vector<const Record*> where(std::string_view kind, std::string_view field, std::string_view value,
                                   std::string_view year = {}) const;
  const Record* region() const;
  // The latest tahun of any innovation or team, or 0 when the store has none.
  int latest_year() const;

 private:
  // Built on first use per (kind, field): lookups are hashed, not scans. Documents'
  // data is built on the render workers, so building and finding an index is locked;
  // a built index is never changed, and map nodes stay put.
  using Index = std::unordered_multimap<std::string_view, const Record*>;
  struct Indexes {
    std::mutex mutex;
    std::map<std::pair<std::string, std::string>, Index> built;
  };
  const Index& index(std::string_view kind, std::string_view field) const;

  // Shared between copies: a slice's copy holds its own innovations and the rest of
  // the year's records once.
  std::map<std::string, std::shared_ptr<const std::vector<Record>>, std::less<>> records_;
  Contents contents_ = Contents::Everything;
  int latest_year_ = 0;  // WithoutInnovations: the store's latest innovation year
  bool innovations_given_ = false;  // with_records gave this copy innovations
  std::set<std::string, std::less<>> narratives_held_;  // kinds with_records gave with their narratives
  std::unique_ptr<Indexes> indexes_ = std::make_unique<Indexes>();  // a pointer, so a Snapshot moves
};

// A copy of `base` (WithoutInnovations) holding the store's innovations whose key is
// from `from` to below `to` (Store::scan_range's bounds), with their narratives, and
// their indicator answers: one slice of the year, as validation and the IGA export read
// it.
Snapshot read_innovation_slice(const Snapshot& base, const Store& store, const std::vector<std::string>& from,
                               const std::vector<std::string>& to);

}  // namespace inovasi
