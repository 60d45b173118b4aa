#include "store/store.h"

#include <map>
#include <optional>

#include "store/migrations.h"

namespace inovasi {
namespace {

bool is_integer(FieldType type) { return type == FieldType::Integer || type == FieldType::Bool; }

const FieldSpec* spec_of(const RecordKind& kind, std::string_view column) {
  if (const auto* spec = kind.field(column)) return spec;
  return nullptr;  // a raw-text companion column: always TEXT
}

void bind_value(Statement& statement, int index, const RecordKind& kind, std::string_view column,
                std::string_view value) {
  const auto* spec = spec_of(kind, column);
  if (spec && is_integer(spec->type) && !value.empty()) {
    statement.bind_int(index, std::stoll(std::string(value)));
  } else {
    statement.bind_text_or_null(index, value);
  }
}

std::string where_key(const RecordKind& kind) {
  std::string clause;
  for (auto field : kind.key_fields()) {
    clause += clause.empty() ? " WHERE " : " AND ";
    clause += std::string(field) + " = ?";
  }
  return clause;
}

}  // namespace

std::vector<std::string> store_columns(const RecordKind& kind, bool narratives) {
  std::vector<std::string> columns;
  for (const auto& spec : kind.fields) {
    if (!narratives && spec.type == FieldType::Narrative) continue;
    columns.emplace_back(spec.name);
    if (keeps_raw_text(spec.type)) columns.push_back(raw_column(spec.name));
  }
  return columns;
}

Store Store::open(const std::filesystem::path& path, bool create) {
  auto db = Database::open(path, create);
  migrate(db);
  return Store(std::move(db));
}

// The statements of a kind for one set of columns (a bit each, in store order): an
// import's records of a kind mostly carry the same columns, so each statement is
// prepared once.
struct RecordWriter::Cache {
  struct Prepared {
    const RecordKind* kind;
    std::vector<std::string> columns;  // the record's, in store order
    std::vector<std::string_view> keys;
    std::optional<Statement> select, insert;
    std::map<std::uint64_t, Statement> updates;  // by the columns that changed
  };
  std::map<std::pair<const RecordKind*, std::uint64_t>, Prepared> by_columns;
  std::map<const RecordKind*, std::vector<std::string>> columns;  // every column of a kind

  // The statements for the columns `record` carries (only those are written, so a
  // partial source never blanks other fields).
  Prepared& prepared_for(Database& db, const Record& record) {
    const RecordKind& kind = *record.kind;
    auto found = columns.find(&kind);
    if (found == columns.end()) found = columns.emplace(&kind, store_columns(kind)).first;
    const auto& all = found->second;
    if (all.size() > 64) throw StoreError(std::string(kind.name) + ": more columns than a save can track");
    std::uint64_t carried = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (record.values.contains(all[i])) carried |= std::uint64_t{1} << i;
    }
    auto& prepared = by_columns[{&kind, carried}];
    if (prepared.select) return prepared;
    prepared.kind = &kind;
    prepared.keys = kind.key_fields();
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (carried & (std::uint64_t{1} << i)) prepared.columns.push_back(all[i]);
    }
    std::string select = "SELECT ";
    for (std::size_t i = 0; i < prepared.columns.size(); ++i) select += (i ? ", " : "") + prepared.columns[i];
    if (prepared.columns.empty()) select += "1";
    prepared.select.emplace(db.prepare(select + " FROM " + std::string(kind.name) + where_key(kind)));
    return prepared;
  }
};

namespace {

using Prepared = RecordWriter::Cache::Prepared;

void bind_key(Statement& statement, int first, const Prepared& prepared, const std::vector<std::string>& key) {
  for (std::size_t i = 0; i < prepared.keys.size(); ++i) {
    bind_value(statement, first + static_cast<int>(i), *prepared.kind, prepared.keys[i], key[i]);
  }
}

// The columns whose stored value differs from the record's (a bit each, as `columns`),
// with their old and new values; the select is on the stored row.
std::uint64_t changed_columns(Statement& stored, const Prepared& prepared, const Record& record, RecordChange& change) {
  std::uint64_t changed = 0;
  for (std::size_t i = 0; i < prepared.columns.size(); ++i) {
    std::string_view before = stored.column_view(static_cast<int>(i));
    std::string_view after = record.get(prepared.columns[i]);
    if (before == after) continue;
    changed |= std::uint64_t{1} << i;
    change.fields.push_back({prepared.columns[i], std::string(before), std::string(after)});
  }
  return changed;
}

void update(Database& db, Prepared& prepared, const Record& record, const std::vector<std::string>& key,
            std::uint64_t changed) {
  const auto& columns = prepared.columns;
  auto found = prepared.updates.find(changed);
  if (found == prepared.updates.end()) {
    std::string sql = "UPDATE " + std::string(prepared.kind->name) + " SET ";
    bool first = true;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (!(changed & (std::uint64_t{1} << i))) continue;
      sql += (first ? "" : ", ") + columns[i] + " = ?";
      first = false;
    }
    found = prepared.updates.emplace(changed, db.prepare(sql + where_key(*prepared.kind))).first;
  }
  Statement& statement = found->second;
  statement.reset();
  int index = 1;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (changed & (std::uint64_t{1} << i))
      bind_value(statement, index++, *prepared.kind, columns[i], record.get(columns[i]));
  }
  bind_key(statement, index, prepared, key);
  statement.step();
}

void insert(Database& db, Prepared& prepared, const Record& record) {
  const auto& columns = prepared.columns;
  if (!prepared.insert) {
    std::string sql = "INSERT INTO " + std::string(prepared.kind->name) + " (";
    std::string placeholders;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      sql += (i ? ", " : "") + columns[i];
      placeholders += i ? ", ?" : "?";
    }
    prepared.insert.emplace(db.prepare(sql + ") VALUES (" + placeholders + ")"));
  }
  Statement& statement = *prepared.insert;
  statement.reset();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    bind_value(statement, static_cast<int>(i + 1), *prepared.kind, columns[i], record.get(columns[i]));
  }
  statement.step();
}

}  // namespace

RecordWriter::RecordWriter(Store& store, bool write)
    : store_(store), write_(write), cache_(std::make_unique<Cache>()) {}
RecordWriter::~RecordWriter() = default;

RecordChange RecordWriter::save(const Record& record) {
  RecordChange change;
  change.record = &record;
  Database& db = store_.db_;
  try {
    Prepared& prepared = cache_->prepared_for(db, record);
    auto key = record.key_values();
    Statement& stored = *prepared.select;
    stored.reset();
    bind_key(stored, 1, prepared, key);
    if (stored.step()) {
      std::uint64_t changed = changed_columns(stored, prepared, record, change);
      stored.reset();
      if (changed) change.status = 'u';
      if (changed && write_) update(db, prepared, record, key, changed);
    } else {
      stored.reset();
      change.status = 'n';
      for (const auto& column : prepared.columns) {
        if (record.has(column)) change.fields.push_back({column, {}, std::string(record.get(column))});
      }
      if (write_) insert(db, prepared, record);
    }
  } catch (const StoreError& e) {
    throw StoreError(record.where.file + ":" + std::to_string(record.where.line) + ": " + record.key_label() + ": " +
                     e.what());
  }
  switch (change.status) {
    case 'n':
      ++summary_.inserted;
      break;
    case 'u':
      ++summary_.updated;
      break;
    default:
      ++summary_.unchanged;
      break;
  }
  for (const auto& field : change.fields) summary_.cleared += !field.before.empty() && field.after.empty();
  return change;
}

SaveSummary Store::save(const Dataset& dataset) {
  Transaction transaction(db_);
  RecordWriter writer(*this, true);
  // Kinds in dependency order so that foreign keys always find their parent.
  for (const auto& kind : record_kinds()) {
    for (const auto& record : dataset.records) {
      if (record.kind == &kind) writer.save(record);
    }
  }
  transaction.commit();
  return writer.summary();
}

std::vector<Record> Store::load(const RecordKind& kind, bool narratives) const {
  auto columns = store_columns(kind, narratives);
  std::vector<Record> records;
  // Counted first: a national year's innovations grown by doubling held half as many
  // again, and twice that while the last copy was made.
  auto count = db_.prepare("SELECT count(*) FROM " + std::string(kind.name));
  if (count.step()) records.reserve(static_cast<std::size_t>(count.column_int(0)));
  scan(kind, columns, [&](Record& record) { records.push_back(std::move(record)); });
  return records;
}

void Store::scan(const RecordKind& kind, const std::vector<std::string>& columns,
                 const std::function<void(Record&)>& each) const {
  scan_range(kind, columns, {}, {}, each);
}

namespace {

std::string key_list(const RecordKind& kind) {
  std::string list;
  for (auto key : kind.key_fields()) list += (list.empty() ? "" : ", ") + std::string(key);
  return list;
}

// "(k1, k2) >= (?, ?)" over the first `fields` key fields: row values compare as the
// ORDER BY of the keys sorts.
std::string key_bound(const RecordKind& kind, std::size_t fields, std::string_view op) {
  std::string names, marks;
  auto keys = kind.key_fields();
  for (std::size_t i = 0; i < fields; ++i) {
    names += (i ? ", " : "") + std::string(keys[i]);
    marks += i ? ", ?" : "?";
  }
  return "(" + names + ") " + std::string(op) + " (" + marks + ")";
}

}  // namespace

void Store::scan_range(const RecordKind& kind, const std::vector<std::string>& columns,
                       const std::vector<std::string>& from, const std::vector<std::string>& to,
                       const std::function<void(Record&)>& each) const {
  auto key_fields = kind.key_fields();
  for (const auto* bound : {&from, &to}) {
    if (bound->size() > key_fields.size())
      throw StoreError("scan_range: a bound has more values than the key has fields");
  }
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
  sql += " FROM " + std::string(kind.name);
  if (!from.empty()) sql += " WHERE " + key_bound(kind, from.size(), ">=");
  if (!to.empty()) sql += (from.empty() ? " WHERE " : " AND ") + key_bound(kind, to.size(), "<");
  sql += " ORDER BY " + key_list(kind);
  auto statement = db_.prepare(sql);
  int parameter = 1;
  for (const auto* bound : {&from, &to}) {
    for (std::size_t i = 0; i < bound->size(); ++i)
      bind_value(statement, parameter++, kind, key_fields[i], (*bound)[i]);
  }
  read_records(statement, kind, columns, each);
}

void Store::scan_where_in(const RecordKind& kind, const std::vector<std::string>& columns, std::string_view field,
                          const std::vector<std::string>& values, const std::function<void(Record&)>& each) const {
  if (values.empty()) return;
  const FieldSpec* spec = kind.field(field);
  if (!spec)
    throw StoreError("scan_where_in: " + std::string(kind.name) + " has no field '" + std::string(field) + "'");
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
  sql += " FROM " + std::string(kind.name) + " WHERE " + std::string(field) + " IN (";
  for (std::size_t i = 0; i < values.size(); ++i) sql += i ? ", ?" : "?";
  sql += ") ORDER BY " + key_list(kind);
  auto statement = db_.prepare(sql);
  for (std::size_t i = 0; i < values.size(); ++i)
    bind_value(statement, static_cast<int>(i) + 1, kind, field, values[i]);
  read_records(statement, kind, columns, each);
}

void Store::read_records(Statement& statement, const RecordKind& kind, const std::vector<std::string>& columns,
                         const std::function<void(Record&)>& each) const {
  while (statement.step()) {
    Record record;
    record.kind = &kind;
    record.where = {db_.path(), 0};
    // Sized exactly: a snapshot holds tens of thousands of records.
    std::size_t present = 0, bytes = 0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (statement.column_is_null(static_cast<int>(i))) continue;
      ++present;
      bytes += columns[i].size() + statement.column_view(static_cast<int>(i)).size();
    }
    record.values.reserve(present, bytes);
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (!statement.column_is_null(static_cast<int>(i))) {
        record.values.insert_or_assign(columns[i], statement.column_view(static_cast<int>(i)));
      }
    }
    each(record);
  }
}

std::vector<std::vector<std::string>> Store::slice_starts(const RecordKind& kind, std::size_t step) const {
  if (step == 0) throw StoreError("slice_starts: a slice needs at least one record");
  auto key_fields = kind.key_fields();
  auto statement =
      db_.prepare("SELECT " + key_list(kind) + " FROM " + std::string(kind.name) + " ORDER BY " + key_list(kind));
  std::vector<std::vector<std::string>> starts;
  for (std::size_t row = 0; statement.step(); ++row) {
    if (row % step != 0) continue;
    std::vector<std::string> key;
    for (std::size_t i = 0; i < key_fields.size(); ++i) key.push_back(statement.column_text(static_cast<int>(i)));
    starts.push_back(std::move(key));
  }
  return starts;
}

long long Store::data_version() const {
  auto statement = db_.prepare("PRAGMA data_version");
  return statement.step() ? statement.column_int(0) : 0;
}

long long Store::max_integer(const RecordKind& kind, std::string_view field) const {
  if (!kind.field(field)) throw StoreError(std::string(kind.name) + " has no field '" + std::string(field) + "'");
  auto statement = db_.prepare("SELECT max(" + std::string(field) + ") FROM " + std::string(kind.name));
  return statement.step() ? statement.column_int(0) : 0;
}

std::vector<Record> Store::load(std::string_view kind_name) const {
  const auto* kind = find_record_kind(kind_name);
  if (!kind) throw StoreError("unknown record kind '" + std::string(kind_name) + "'");
  return load(*kind);
}

bool Store::contains(const RecordKind& kind, const std::vector<std::string>& key) const {
  auto statement = db_.prepare("SELECT 1 FROM " + std::string(kind.name) + where_key(kind));
  auto key_fields = kind.key_fields();
  for (std::size_t i = 0; i < key_fields.size() && i < key.size(); ++i) {
    bind_value(statement, static_cast<int>(i + 1), kind, key_fields[i], key[i]);
  }
  return statement.step();
}

}  // namespace inovasi
