#pragma once
// The records an import has read, kept in a scratch SQLite database rather than in
// memory: a national dataset (790,000 records, 165 MB of narratives) is read, merged,
// checked and saved a record or a group at a time, so an import's memory does not grow
// with its input. Each record keeps its place in the input (seq), and its natural key
// once it is known.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/record.h"
#include "store/sqlite.h"

namespace inovasi {

class StagedRecords {
 public:
  StagedRecords();

  // Appends a record (its key is taken when complete; a derived code comes later).
  void add(const Record& record);
  std::size_t size() const { return count_; }

  // The records of one kind in input order; `each` may change the record and return
  // true to have it kept changed (its key is taken again).
  void for_each_of_kind(const RecordKind& kind, const std::function<bool(Record&)>& each);

  // Every record, grouped by kind (in dependency order) and natural key: the records of
  // one group are those an import merges into one, in input order. A record whose key
  // is incomplete is a group of its own. `each` gets the group and the input position
  // of its first record.
  void for_each_group(const std::function<void(std::vector<Record>& group, std::int64_t first)>& each);

 private:
  std::string encode(const Record& record) const;
  Record decode(int kind, const Statement& row, int column) const;
  int file_id(const std::string& file);
  static std::string group_key(const Record& record);

  Database db_;
  Statement insert_;
  std::vector<std::string> files_;
  std::size_t count_ = 0;
};

}  // namespace inovasi
