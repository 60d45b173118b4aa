#include "validation/snapshot.h"

#include <algorithm>
#include <stdexcept>

#include "model/narrative.h"
#include "model/ordered_batches.h"

namespace inovasi {

namespace {

constexpr std::string_view kCountedKind = "inovasi";
constexpr std::size_t kRecordsPerCountBatch = 512;

Snapshot::NarrativeWords count_words(std::string_view json) {
  try {
    return {narrative_word_count(narrative_from_json(json)), ""};
  } catch (const std::exception& e) {
    return {0, e.what()};
  }
}

}  // namespace

Snapshot Snapshot::load(const Store& store, Contents contents, const Catalog* catalog) {
  if (contents == Contents::NarrativeWordCounts && !catalog) {
    throw std::logic_error("Snapshot::load: counting narratives needs the catalogue");
  }
  Snapshot snapshot;
  snapshot.contents_ = contents;
  for (const auto& kind : record_kinds()) {
    if (contents == Contents::WithoutInnovations && kind.name == kCountedKind) {
      snapshot.records_[std::string(kind.name)] = std::make_shared<const std::vector<Record>>();
      snapshot.latest_year_ = static_cast<int>(store.max_integer(kind, "tahun"));
      continue;
    }
    bool counted = contents == Contents::NarrativeWordCounts && kind.name == kCountedKind;
    bool narratives = contents == Contents::Everything || contents == Contents::WithoutInnovations ||
                      (contents == Contents::NarrativeWordCounts && !counted);
    snapshot.records_[std::string(kind.name)] = std::make_shared<const std::vector<Record>>(store.load(kind, narratives));
    if (counted) snapshot.count_narratives(store, kind, *catalog);
  }
  return snapshot;
}

void Snapshot::count_narratives(const Store& store, const RecordKind& kind, const Catalog& catalog) {
  auto counts = std::make_shared<WordCounts>();
  std::vector<std::string> columns;
  for (auto key : kind.key_fields()) columns.emplace_back(key);
  auto has_minimum = [&](std::string_view field) {
    const auto& editions = catalog.indicator_editions();
    return std::any_of(editions.begin(), editions.end(),
                       [&](const auto& edition) { return edition.minimum_words.contains(std::string(field)); });
  };
  for (const auto& spec : kind.fields) {
    if (spec.type != FieldType::Narrative || !has_minimum(spec.name)) continue;
    counts->fields.push_back(spec.name);
    columns.emplace_back(spec.name);
  }
  word_counts_ = counts;  // even with nothing to count: narrative_words() then refuses
  if (counts->fields.empty()) return;
  const auto& records = all(kind.name);
  counts->counts.reserve(records.size() * counts->fields.size());
  // Parsing is most of the time: narratives are counted on other threads while the
  // next are read.
  OrderedBatches<std::string, NarrativeWords> counting(
      kRecordsPerCountBatch * counts->fields.size(), 2, count_words, [&](NarrativeWords&& counted) {
        if (counted.error.empty()) {
          counts->counts.push_back(static_cast<std::int64_t>(counted.words));
        } else {
          counts->counts.push_back(-1 - static_cast<std::int64_t>(counts->errors.size()));
          counts->errors.push_back(std::move(counted.error));
        }
      });
  std::size_t position = 0;
  store.scan(kind, columns, [&](Record& row) {
    // Both reads are in key order; a store changed in between would misplace counts.
    if (position >= records.size() || records[position].key_values() != row.key_values()) {
      throw StoreError(std::string(kind.name) + " " + row.key_label() + ": the store changed while it was read");
    }
    for (auto field : counts->fields) counting.add(std::string(row.get(field)));
    ++position;
  });
  counting.finish();
  if (position != records.size()) throw StoreError(std::string(kind.name) + ": the store changed while it was read");
}

bool Snapshot::holds_narratives(std::string_view kind) const {
  if (narratives_held_.contains(kind)) return true;
  return contents_ == Contents::Everything || (contents_ != Contents::WithoutNarratives && kind != kCountedKind);
}

Snapshot Snapshot::with_records(std::string_view kind, std::vector<Record> records, Narratives narratives) const {
  Snapshot copy(*this);
  copy.records_[std::string(kind)] = std::make_shared<const std::vector<Record>>(std::move(records));
  if (narratives == Narratives::Held) {
    copy.narratives_held_.emplace(kind);
  } else if (auto held = copy.narratives_held_.find(kind); held != copy.narratives_held_.end()) {
    copy.narratives_held_.erase(held);
  }
  if (word_counts_ && kind == kCountedKind) {
    // The counts are by position among the innovations this one held: they no longer
    // apply, and validating without them would count empty narratives.
    copy.word_counts_.reset();
    copy.partial_ = true;
  }
  return copy;
}

Snapshot::NarrativeWords Snapshot::narrative_words(const Record& record, std::string_view field) const {
  if (word_counts_ && record.kind && record.kind->name == kCountedKind) {
    const auto& records = all(kCountedKind);
    const auto& fields = word_counts_->fields;
    auto column = std::find(fields.begin(), fields.end(), field);
    if (&record >= records.data() && &record < records.data() + records.size()) {
      // Its narrative is not held: counting the record's empty value would say 0 words.
      if (column == fields.end()) throw std::logic_error("narrative_words: '" + std::string(field) + "' was not counted");
      auto at = static_cast<std::size_t>(&record - records.data()) * fields.size() +
                static_cast<std::size_t>(column - fields.begin());
      std::int64_t count = word_counts_->counts[at];
      if (count >= 0) return {static_cast<std::size_t>(count), ""};
      return {0, word_counts_->errors[static_cast<std::size_t>(-1 - count)]};
    }
  }
  return count_words(record.get(field));
}

Snapshot Snapshot::of(const Dataset& dataset) {
  Snapshot snapshot;
  std::map<std::string, std::vector<Record>, std::less<>> by_kind;
  for (const auto& kind : record_kinds()) by_kind[std::string(kind.name)];
  for (const auto& record : dataset.records) by_kind[std::string(record.kind->name)].push_back(record);
  for (auto& [kind, records] : by_kind) snapshot.records_[kind] = std::make_shared<const std::vector<Record>>(std::move(records));
  return snapshot;
}

const std::vector<Record>& Snapshot::all(std::string_view kind) const {
  static const std::vector<Record> kNone;
  auto it = records_.find(kind);
  return it == records_.end() ? kNone : *it->second;
}

const Snapshot::Index& Snapshot::index(std::string_view kind, std::string_view field) const {
  auto key = std::make_pair(std::string(kind), std::string(field));
  std::lock_guard lock(indexes_->mutex);
  auto it = indexes_->built.find(key);
  if (it != indexes_->built.end()) return it->second;
  Index built;
  for (const auto& record : all(kind)) built.emplace(record.get(field), &record);
  return indexes_->built.emplace(std::move(key), std::move(built)).first->second;
}

std::vector<const Record*> Snapshot::where(std::string_view kind, std::string_view field, std::string_view value,
                                           std::string_view year) const {
  std::vector<const Record*> found;
  auto [begin, end] = index(kind, field).equal_range(value);
  for (auto it = begin; it != end; ++it) {
    if (year.empty() || it->second->get("tahun") == year) found.push_back(it->second);
  }
  // The index does not keep the store's order; callers (numbering!) rely on it.
  std::sort(found.begin(), found.end());
  return found;
}

const Record* Snapshot::region() const {
  const auto& regions = all("daerah");
  return regions.empty() ? nullptr : &regions.front();
}

int Snapshot::latest_year() const {
  int latest = latest_year_;
  for (auto kind : {"inovasi", "tim_inovasi", "perjanjian_kinerja"}) {
    for (const auto& record : all(kind)) {
      if (record.has("tahun")) latest = std::max(latest, std::stoi(std::string(record.get("tahun"))));
    }
  }
  return latest;
}

}  // namespace inovasi
