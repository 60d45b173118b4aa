#include "store/snapshot.h"

#include <algorithm>
#include <stdexcept>

namespace inovasi {

namespace {

constexpr std::string_view kInnovations = "inovasi";
constexpr std::string_view kAnswers = "jawaban_indikator";  // travel with their innovations

}  // namespace

Snapshot Snapshot::load(const Store& store, Contents contents) {
  Snapshot snapshot;
  for (const auto& kind : record_kinds()) {
    if (contents == Contents::WithoutInnovations && (kind.name == kInnovations || kind.name == kAnswers)) {
      snapshot.records_[std::string(kind.name)] = std::make_shared<const std::vector<Record>>();
      if (kind.name == kInnovations) snapshot.latest_year_ = static_cast<int>(store.max_integer(kind, "tahun"));
      continue;
    }
    snapshot.records_[std::string(kind.name)] = std::make_shared<const std::vector<Record>>(store.load(kind));
  }
  return snapshot;
}

Snapshot Snapshot::with_records(std::string_view kind, std::vector<Record> records) const {
  Snapshot copy(*this);
  copy.records_[std::string(kind)] = std::make_shared<const std::vector<Record>>(std::move(records));
  return copy;
}

Snapshot Snapshot::of(const Dataset& dataset) {
  Snapshot snapshot;
  std::map<std::string, std::vector<Record>, std::less<>> by_kind;
  for (const auto& kind : record_kinds()) by_kind[std::string(kind.name)];
  for (const auto& record : dataset.records) by_kind[std::string(record.kind->name)].push_back(record);
  for (auto& [kind, records] : by_kind)
    snapshot.records_[kind] = std::make_shared<const std::vector<Record>>(std::move(records));
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
