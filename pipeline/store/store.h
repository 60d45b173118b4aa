#pragma once
// The record store: SQLite tables described by model/schema.h. Every write of one
// command goes through save(), which is one transaction: all records or none.

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/record.h"
#include "store/sqlite.h"

namespace inovasi {

struct SaveSummary {
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t cleared = 0;  // fields that held a value and that an update empties
};

// What saving one record does: 'n'ew, 'u'pdated (with each field's old and new value),
// or 's'ame.
struct RecordChange {
  struct Field {
    std::string name;
    std::string before;  // empty: NULL
    std::string after;
  };
  const Record* record = nullptr;
  char status = 's';
  std::vector<Field> fields;
};

class Store;

// Saves records one at a time within a transaction the caller holds (or, with `write`
// false, only compares them): an import saves a national dataset a record at a time
// rather than holding it. Statements are prepared once per kind and set of columns.
class RecordWriter {
 public:
  RecordWriter(Store& store, bool write);
  ~RecordWriter();
  RecordWriter(const RecordWriter&) = delete;
  RecordWriter& operator=(const RecordWriter&) = delete;

  // Inserts or updates by natural key the fields the record carries (a partial source
  // never blanks the others), and counts what it did.
  RecordChange save(const Record& record);
  const SaveSummary& summary() const { return summary_; }

  struct Cache;  // the prepared statements (store.cpp)

 private:
  Store& store_;
  bool write_;
  SaveSummary summary_;
  std::unique_ptr<Cache> cache_;
};

class Store {
 public:
  static Store open(const std::filesystem::path& path, bool create);

  // Inserts or updates by natural key. Only the fields a record carries are written, so
  // importing a portal profile does not wipe fields that a CSV set. Rolls back whole on
  // any error.
  SaveSummary save(const Dataset& dataset);

  // Every record of the kind; without narrative fields when `narratives` is false (they
  // are most of an innovation's bytes, and most documents print none).
  std::vector<Record> load(const RecordKind& kind, bool narratives = true) const;
  std::vector<Record> load(std::string_view kind_name) const;
  // Each record of the kind with the given columns only, one at a time in key order (as
  // load() gives them): for reading what would be too large to hold all at once.
  // `each` may keep the record by moving it.
  void scan(const RecordKind& kind, const std::vector<std::string>& columns,
            const std::function<void(Record&)>& each) const;
  // The same for the records whose natural key is at least `from` and below `to` (an
  // empty key: no bound): one slice of a kind too large to plan at once. A bound may
  // give the key's first fields only: an innovation's (kode, tahun) bounds its
  // indicator answers, keyed (inovasi, tahun, indikator).
  void scan_range(const RecordKind& kind, const std::vector<std::string>& columns, const std::vector<std::string>& from,
                  const std::vector<std::string>& to, const std::function<void(Record&)>& each) const;
  // The same for the records whose `field` is one of `values` (innovations of a group of
  // agencies), in key order.
  void scan_where_in(const RecordKind& kind, const std::vector<std::string>& columns, std::string_view field,
                     const std::vector<std::string>& values, const std::function<void(Record&)>& each) const;
  // The natural key of every `step`th record in key order, from the first: where the
  // slices of `step` records begin.
  std::vector<std::vector<std::string>> slice_starts(const RecordKind& kind, std::size_t step) const;
  // The largest value of an integer field (a year), or 0 when no record has one.
  long long max_integer(const RecordKind& kind, std::string_view field) const;
  bool contains(const RecordKind& kind, const std::vector<std::string>& key) const;
  // Changes whenever another connection (another process's import) commits to the
  // store: a run that reads the store more than once can tell that it changed between.
  long long data_version() const;

  Database& database() { return db_; }

 private:
  friend class RecordWriter;
  explicit Store(Database db) : db_(std::move(db)) {}
  // Each row of `statement` (selecting `columns`) as a record of `kind`.
  void read_records(Statement& statement, const RecordKind& kind, const std::vector<std::string>& columns,
                    const std::function<void(Record&)>& each) const;
  mutable Database db_;
};

// The store's columns for a kind, in table order: fields plus raw-text companions, the
// narrative fields left out when `narratives` is false.
std::vector<std::string> store_columns(const RecordKind& kind, bool narratives = true);

}  // namespace inovasi
