#include "importers/staged_records.h"

#include <algorithm>
#include <cstring>

namespace inovasi {
namespace {

int kind_index(const RecordKind* kind) {
  const auto& kinds = record_kinds();
  return static_cast<int>(kind - kinds.data());
}

void put_size(std::string& out, std::size_t size) {
  auto value = static_cast<std::uint32_t>(size);
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

std::uint32_t take_size(std::string_view& in) {
  std::uint32_t value = 0;
  if (in.size() < sizeof value) throw StoreError("staged record is cut short");
  std::memcpy(&value, in.data(), sizeof value);
  in.remove_prefix(sizeof value);
  return value;
}

std::string_view take(std::string_view& in, std::size_t size) {
  if (in.size() < size) throw StoreError("staged record is cut short");
  auto part = in.substr(0, size);
  in.remove_prefix(size);
  return part;
}

}  // namespace

StagedRecords::StagedRecords()
    : db_(Database::open_scratch()),
      insert_(
          (db_.execute("PRAGMA page_size = 65536; CREATE TABLE staged (seq INTEGER PRIMARY KEY, kind INTEGER NOT NULL, "
                       "grp TEXT, "
                       "file INTEGER, place TEXT, line INTEGER NOT NULL, data BLOB NOT NULL);"
                       "PRAGMA cache_size = -16384; BEGIN"),
           db_.prepare("INSERT INTO staged (kind, grp, file, place, line, data, seq) VALUES (?, ?, ?, ?, ?, ?, ?)"))) {}

std::string StagedRecords::group_key(const Record& record) {
  auto key = record.key_values();
  if (key.empty() || std::any_of(key.begin(), key.end(), [](const std::string& part) { return part.empty(); }))
    return {};
  std::string joined;
  for (const auto& part : key) {
    joined += part;
    joined += '\x1f';
  }
  return joined;
}

int StagedRecords::file_id(const std::string& file) {
  // A file's records come one after another: the file of the last record is the one.
  // A location of its own (a workbook's cell, file:sheet!C7) is kept with its record.
  if (!files_.empty() && files_.back() == file) return static_cast<int>(files_.size() - 1);
  if (file.find('!') != std::string::npos) return -1;
  files_.push_back(file);
  return static_cast<int>(files_.size() - 1);
}

std::string StagedRecords::encode(const Record& record) const {
  std::string out;
  put_size(out, record.values.size());
  for (const auto& [name, value] : record.values) {
    put_size(out, name.size());
    out += name;
    put_size(out, value.size());
    out += value;
  }
  return out;
}

bool StagedRecords::looked_up(const RecordKind& kind) {
  // Asked for every record read: worked out once for every kind.
  static const std::vector<bool> kLookedUp = [] {
    std::vector<bool> table;
    for (const auto& candidate : record_kinds()) {
      bool named = !candidate.lookup_names.empty() || !candidate.code_from.empty() || code_names_files(candidate);
      for (const auto& other : record_kinds()) {
        for (const auto& spec : other.fields) named = named || spec.references == candidate.name;
      }
      table.push_back(named);
    }
    return table;
  }();
  return kLookedUp.at(static_cast<std::size_t>(kind_index(&kind)));
}

namespace {

// The fields of a looked-up record kept in memory.
Record light_part(const Record& record) {
  const RecordKind& kind = *record.kind;
  Record light;
  light.kind = &kind;
  light.where = record.where;
  auto keep = [&](std::string_view field) {
    if (record.values.contains(field)) light.values.insert_or_assign(field, record.get(field));
  };
  for (auto key : kind.key_fields()) keep(key);
  for (auto name : kind.lookup_names) keep(name);
  if (!kind.code_from.empty()) keep(kind.code_from);
  keep("instansi");
  keep("tahun");
  return light;
}

}  // namespace

const std::vector<StagedRecords::Light>& StagedRecords::light(const RecordKind& kind) const {
  static const std::vector<Light> kNone;
  auto it = light_.find(&kind);
  return it == light_.end() ? kNone : it->second;
}

void StagedRecords::patch(const RecordKind& kind, std::size_t light_index, std::string_view field,
                          std::string_view value) {
  Light& entry = light_.at(&kind).at(light_index);
  entry.record.set(field, value);
  patches_[entry.seq].emplace_back(field, value);
  if (!regroup_) regroup_.emplace(db_.prepare("UPDATE staged SET grp = ? WHERE seq = ?"));
  regroup_->reset();
  regroup_->bind_text_or_null(1, group_key(entry.record));
  regroup_->bind_int(2, entry.seq);
  regroup_->step();
}

void StagedRecords::add(const Record& record) {
  std::int64_t seq = next_seq_++;
  if (looked_up(*record.kind)) light_[record.kind].push_back({seq, light_part(record)});
  insert_.reset();
  insert_.bind_int(7, seq);
  insert_.bind_int(1, kind_index(record.kind));
  insert_.bind_text_or_null(2, group_key(record));
  if (int file = file_id(record.where.file); file >= 0) {
    insert_.bind_int(3, file);
  } else {
    insert_.bind_text_or_null(4, record.where.file);
  }
  insert_.bind_int(5, record.where.line);
  insert_.bind_blob(6, encode(record));
  insert_.step();
}

void StagedRecords::for_each_raw_group(const std::function<void(RawGroup&&)>& each) {
  // Sorted once, by an index made when every record is in: faster than keeping one up
  // to date through the inserts.
  db_.execute("CREATE INDEX IF NOT EXISTS staged_groups ON staged (kind, grp, seq)");
  // NULL groups (incomplete keys) sort first within a kind; each is its own group.
  auto select = db_.prepare("SELECT seq, kind, grp, file, place, line, data FROM staged ORDER BY kind, grp, seq");
  RawGroup group;
  int group_kind = -1;
  std::string group_grp;
  auto flush = [&] {
    if (!group.records.empty()) each(std::move(group));
    group = RawGroup{};
  };
  while (select.step()) {
    int kind = static_cast<int>(select.column_int(1));
    bool keyed = !select.column_is_null(2);
    std::string_view grp = keyed ? select.column_view(2) : std::string_view();
    if (!keyed || kind != group_kind || grp != group_grp) {
      flush();
      group.first = select.column_int(0);
      group_kind = keyed ? kind : -1;  // nothing joins a record without a key
      group_grp = keyed ? std::string(grp) : std::string();
    }
    RawRecord raw{
        select.column_int(0), kind, -1, {}, static_cast<int>(select.column_int(5)), std::string(select.column_blob(6))};
    if (select.column_is_null(3)) {
      raw.place = select.column_text(4);
    } else {
      raw.file = static_cast<int>(select.column_int(3));
    }
    group.records.push_back(std::move(raw));
  }
  flush();
}

Record StagedRecords::decode(const RawRecord& raw) const {
  Record record;
  record.kind = &record_kinds().at(static_cast<std::size_t>(raw.kind));
  record.where = {raw.file >= 0 ? files_.at(static_cast<std::size_t>(raw.file)) : raw.place, raw.line};
  std::string_view data = raw.data;
  std::uint32_t count = take_size(data);
  record.values.reserve(count, data.size());
  for (std::uint32_t i = 0; i < count; ++i) {
    auto name = take(data, take_size(data));
    auto value = take(data, take_size(data));
    record.values.insert_or_assign(name, value);
  }
  if (auto patched = patches_.find(raw.seq); patched != patches_.end()) {
    for (const auto& [field, value] : patched->second) record.set(field, value);
  }
  return record;
}

void StagedRecords::for_each_group(const std::function<void(std::vector<Record>&, std::int64_t)>& each) {
  for_each_raw_group([&](RawGroup&& raw) {
    std::vector<Record> group;
    for (const auto& record : raw.records) group.push_back(decode(record));
    each(group, raw.first);
  });
}

}  // namespace inovasi
