#pragma once
// Every record of the store, loaded once, with the look-ups rules need.

#include <map>
#include <memory>
#include <mutex>
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
  Snapshot(const Snapshot& other) : records_(other.records_), latest_year_(other.latest_year_) {}
  Snapshot& operator=(const Snapshot& other) {
    records_ = other.records_;
    latest_year_ = other.latest_year_;
    indexes_ = std::make_unique<Indexes>();
    return *this;
  }

  enum class Contents {
    Everything,
    // Every kind but innovations and their indicator answers (YearSource's base, which
    // hands those out a slice at a time). latest_year() still counts them.
    WithoutInnovations,
  };
  static Snapshot load(const Store& store, Contents contents = Contents::Everything);
  static Snapshot of(const Dataset& dataset);  // for tests: records without a store
  // A copy whose records of `kind` are `records` (the rest shared with this one).
  Snapshot with_records(std::string_view kind, std::vector<Record> records) const;

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
  int latest_year_ = 0;  // WithoutInnovations: the store's latest innovation year
  std::unique_ptr<Indexes> indexes_ = std::make_unique<Indexes>();  // a pointer, so a Snapshot moves
};

}  // namespace inovasi
