#include "store/sqlite.h"

namespace inovasi {
namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw StoreError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

Database Database::open(const std::filesystem::path& path, bool create) {
  if (!create && !std::filesystem::exists(path)) {
    throw StoreError(path.string() + ": no database here (run 'inovasi import' first, or pass --db)");
  }
  if (create && path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw, path.string());
  if (rc != SQLITE_OK) fail(raw, path.string());
  sqlite3_busy_timeout(raw, 10000);
  db.execute("PRAGMA foreign_keys = ON");
  db.execute("PRAGMA journal_mode = WAL");
  db.execute("PRAGMA synchronous = NORMAL");
  return db;
}

Database Database::open_read_only(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) throw StoreError(path.string() + ": no database here");
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  Database db(raw, path.string());
  if (rc != SQLITE_OK) fail(raw, path.string());
  sqlite3_busy_timeout(raw, 1000);
  db.execute("PRAGMA query_only = ON");
  return db;
}

Database Database::open_scratch() {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2("", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  Database db(raw, "(scratch database)");
  if (rc != SQLITE_OK) fail(raw, "opening a scratch database");
  db.execute("PRAGMA journal_mode = OFF");
  db.execute("PRAGMA synchronous = OFF");
  return db;
}

void Database::execute(std::string_view sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(handle(), std::string(sql).c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw StoreError(path_ + ": " + text);
  }
}

Statement Database::prepare(std::string_view sql) { return Statement(handle(), sql); }

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  stmt_.reset(raw);
  if (rc != SQLITE_OK) fail(db, "preparing '" + std::string(sql.substr(0, 60)) + "'");
}

void Statement::check(int rc, std::string_view what) const {
  if (rc != SQLITE_OK) fail(db_, what);
}

void Statement::bind_text_or_null(int index, std::string_view value) {
  if (value.empty()) return check(sqlite3_bind_null(stmt_.get(), index), "bind");
  check(sqlite3_bind_text64(stmt_.get(), index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8), "bind");
}

void Statement::bind_blob(int index, std::string_view bytes) {
  check(sqlite3_bind_blob64(stmt_.get(), index, bytes.data(), bytes.size(), SQLITE_TRANSIENT), "bind");
}

void Statement::bind_int(int index, long long value) { check(sqlite3_bind_int64(stmt_.get(), index, value), "bind"); }

bool Statement::step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, "step");
}

void Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

bool Statement::column_is_null(int index) const { return sqlite3_column_type(stmt_.get(), index) == SQLITE_NULL; }

std::string Statement::column_text(int index) const {
  const auto* text = sqlite3_column_text(stmt_.get(), index);
  if (!text) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), index)));
}

std::string_view Statement::column_view(int index) const {
  const auto* text = sqlite3_column_text(stmt_.get(), index);
  if (!text) return {};
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), index))};
}

std::string_view Statement::column_blob(int index) const {
  const void* bytes = sqlite3_column_blob(stmt_.get(), index);
  if (!bytes) return {};
  return {static_cast<const char*>(bytes), static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), index))};
}

long long Statement::column_int(int index) const { return sqlite3_column_int64(stmt_.get(), index); }

Transaction::Transaction(Database& db) : db_(db) { db_.execute("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) {
    try {
      db_.execute("ROLLBACK");
    } catch (...) {  // nothing sensible to do in a destructor; SQLite rolls back on close anyway
    }
  }
}

void Transaction::commit() {
  db_.execute("COMMIT");
  done_ = true;
}

}  // namespace inovasi
