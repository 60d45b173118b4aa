#pragma once
// RAII around sqlite3 handles. Errors become StoreError with SQLite's own message.

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "support/located_error.h"

namespace inovasi {

// The SQLite store cannot be opened, read or written.
class StoreError : public LocatedError {
 public:
  explicit StoreError(const std::string& message) : LocatedError(ErrorKind::Store, message) {}
  StoreError(ErrorPlace place, const std::string& message)
      : LocatedError(ErrorKind::Store, std::move(place), message) {}
};

class Statement;

class Database {
 public:
  // Opens (creating when asked) with foreign keys on, WAL journal and a busy timeout so
  // a second process waits for a lock instead of failing at once.
  static Database open(const std::filesystem::path& path, bool create);
  // A private scratch database in a temporary file, deleted when closed: for what is
  // too large to hold in memory (a national manifest). Its pages stay in SQLite's page
  // cache (about 2 MB) until that is full; no journal, no syncing, nothing to recover.
  static Database open_scratch();
  // For a service that only reads (`inovasi serve`): SQLite refuses every write, and a
  // reader waits (up to a second) while a batch commits.
  static Database open_read_only(const std::filesystem::path& path);

  void execute(std::string_view sql);
  Statement prepare(std::string_view sql);
  sqlite3* handle() const { return handle_.get(); }
  const std::string& path() const { return path_; }

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  Database(sqlite3* handle, std::string path) : handle_(handle), path_(std::move(path)) {}
  std::unique_ptr<sqlite3, Closer> handle_;
  std::string path_;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);

  // Parameters are 1-based, as in SQLite. An empty text binds NULL.
  void bind_text_or_null(int index, std::string_view value);
  void bind_int(int index, long long value);
  void bind_blob(int index, std::string_view bytes);
  bool step();  // true while a row is available
  void reset();

  bool column_is_null(int index) const;
  std::string column_text(int index) const;
  // The same without a copy: valid until the next step() or reset.
  std::string_view column_view(int index) const;
  long long column_int(int index) const;
  // A BLOB's bytes without a copy, valid as column_view's.
  std::string_view column_blob(int index) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
  };
  void check(int rc, std::string_view what) const;
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

// Begins IMMEDIATE (taking the write lock up front, so two writers queue rather than
// deadlock) and rolls back unless commit() was reached.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace inovasi
