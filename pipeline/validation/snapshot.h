#pragma once
// Every record of the store, loaded once, with the look-ups rules need.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"
#include "store/store.h"

namespace inovasi {

class Snapshot {
 public:
  static Snapshot load(const Store& store);
  static Snapshot of(const Dataset& dataset);  // for tests: records without a store

  const std::vector<Record>& all(std::string_view kind) const;
  // Records of `kind` whose `field` equals `value` (and whose tahun equals `year` when given).
  std::vector<const Record*> where(std::string_view kind, std::string_view field, std::string_view value,
                                   std::string_view year = {}) const;
  const Record* region() const;
  // The latest tahun of any innovation or team, or 0 when the store has none.
  int latest_year() const;

 private:
  std::map<std::string, std::vector<Record>, std::less<>> records_;
};

}  // namespace inovasi
