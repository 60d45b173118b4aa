#pragma once
// The records an import has read, kept in a scratch SQLite database rather than in
// memory: a national dataset (790,000 records, 165 MB of narratives) is read, merged,
// checked and saved a group of records at a time, so an import's memory does not grow
// with its input. Each record keeps its place in the input (seq) and its natural key.
//
// Of the kinds that other records name (agencies, innovations, sessions, ...), a few
// fields of each record (its key, names, agency and year) are also kept in memory: an
// innovation's identity and every reference are decided from those, and what is decided
// (a code, an agency's code for its name) is a patch the record gets when it is read back.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
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

  // Whether a kind's records are also kept in part in memory (see above).
  static bool looked_up(const RecordKind& kind);
  // The in-memory part of each record of a looked-up kind, in input order.
  struct Light {
    std::int64_t seq;
    Record record;  // its key, names, instansi, tahun and where it came from
  };
  const std::vector<Light>& light(const RecordKind& kind) const;
  // Sets a field of a looked-up record: in memory now, and on the record when it is read
  // back; its key is taken again.
  void patch(const RecordKind& kind, std::size_t light_index, std::string_view field, std::string_view value);

  // Every record, grouped by kind (in dependency order) and natural key: the records of
  // one group are those an import merges into one, in input order. A record whose key
  // is incomplete is a group of its own. `each` gets the group and the input position
  // of its first record.
  void for_each_group(const std::function<void(std::vector<Record>& group, std::int64_t first)>& each);

  // The same groups as their stored bytes, to be decoded elsewhere (on other threads:
  // decode() only reads, and nothing may change the records meanwhile).
  struct RawRecord {
    std::int64_t seq;
    int kind;
    int file;           // an index into the files read, or -1 with `place`
    std::string place;  // a location of its own (a workbook's cell)
    int line;
    std::string data;
  };
  struct RawGroup {
    std::int64_t first = 0;
    std::vector<RawRecord> records;
  };
  void for_each_raw_group(const std::function<void(RawGroup&&)>& each);
  Record decode(const RawRecord& raw) const;

 private:
  std::string encode(const Record& record) const;
  int file_id(const std::string& file);
  static std::string group_key(const Record& record);

  Database db_;
  Statement insert_;
  std::vector<std::string> files_;
  std::int64_t next_seq_ = 1;
  std::map<const RecordKind*, std::vector<Light>> light_;
  std::map<std::int64_t, std::vector<std::pair<std::string, std::string>>> patches_;
  std::optional<Statement> regroup_;
};

}  // namespace inovasi
