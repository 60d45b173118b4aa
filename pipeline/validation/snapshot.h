#pragma once
// Every record of the store, loaded once, with the look-ups rules need.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "model/record.h"
#include "store/store.h"

namespace inovasi {

class Snapshot {
 public:
  Snapshot() = default;
  Snapshot(Snapshot&&) = default;
  Snapshot& operator=(Snapshot&&) = default;
  // A copy gets fresh indexes: the old ones point into the original's records.
  Snapshot(const Snapshot& other) : records_(other.records_), contents_(other.contents_) {}
  Snapshot& operator=(const Snapshot& other) {
    records_ = other.records_;
    contents_ = other.contents_;
    indexes_ = std::make_unique<Indexes>();
    return *this;
  }

  enum class Contents {
    Everything,
    // No narrative fields: for documents that print none (certificates). Such a
    // snapshot cannot be validated (validate() refuses it): narratives have rules.
    WithoutNarratives,
  };
  static Snapshot load(const Store& store, Contents contents = Contents::Everything);
  bool has_narratives() const { return contents_ == Contents::Everything; }
  static Snapshot of(const Dataset& dataset);  // for tests: records without a store

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

  std::map<std::string, std::vector<Record>, std::less<>> records_;
  Contents contents_ = Contents::Everything;
  std::unique_ptr<Indexes> indexes_ = std::make_unique<Indexes>();  // a pointer, so a Snapshot moves
};

}  // namespace inovasi
