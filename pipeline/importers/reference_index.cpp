#include "importers/reference_index.h"

#include <algorithm>

#include "model/text.h"

namespace inovasi {
namespace {

bool keyed_by_year(const RecordKind& kind) {
  auto keys = kind.key_fields();
  return std::find(keys.begin(), keys.end(), "tahun") != keys.end();
}

// The columns a reference looks at: the key, the names, and the owning agency.
std::vector<std::string> index_columns(const RecordKind& kind) {
  std::vector<std::string> columns;
  for (auto key : kind.key_fields()) columns.emplace_back(key);
  for (auto name : kind.lookup_names) columns.emplace_back(name);
  if (kind.field("instansi") && std::find(columns.begin(), columns.end(), "instansi") == columns.end()) {
    columns.emplace_back("instansi");
  }
  return columns;
}

}  // namespace

std::string reference_year(const Record& record, const RecordKind& target) {
  return keyed_by_year(target) ? std::string(record.get_or_empty("tahun")) : std::string();
}

ReferenceIndex::ReferenceIndex(const Store* store, std::vector<const RecordKind*> kinds) : kinds_(std::move(kinds)) {
  if (kinds_.empty()) {
    for (const auto& kind : record_kinds()) {
      if (!kind.lookup_names.empty() || is_referenced(kind)) kinds_.push_back(&kind);
    }
  }
  if (!store) return;
  for (const auto* kind : kinds_) store->scan(*kind, index_columns(*kind), [&](Record& record) { add(record); });
}

void ReferenceIndex::add(const Record& record) {
  const RecordKind& kind = *record.kind;
  auto keys = kind.key_fields();
  if (keys.empty() || !record.has(keys.front())) return;
  std::string code(record.get(keys.front()));
  std::string year = keyed_by_year(kind) ? std::string(record.get("tahun")) : std::string();
  std::string kind_name(kind.name);
  keys_[{kind_name, code, year}] = code;
  for (auto name_field : kind.lookup_names) {
    if (!record.has(name_field)) continue;
    auto& named = names_[{kind_name, match_key(record.get(name_field)), year}];
    auto same = std::find_if(named.begin(), named.end(), [&](const Named& n) { return n.key == code; });
    if (same == named.end()) {
      named.push_back({code, std::string(record.get_or_empty("instansi"))});
    } else if (!record.get_or_empty("instansi").empty()) {
      same->agency = std::string(record.get_or_empty("instansi"));
    }
  }
}

ReferenceMatch ReferenceIndex::resolve(const RecordKind& kind, std::string_view text, std::string_view year,
                                       std::string_view agency) const {
  std::string kind_name(kind.name);
  if (auto by_key = keys_.find({kind_name, std::string(text), std::string(year)}); by_key != keys_.end()) {
    return {by_key->second, {}};
  }
  if (auto by_name = names_.find({kind_name, match_key(text), std::string(year)}); by_name != names_.end()) {
    std::vector<Named> candidates = by_name->second;
    if (!agency.empty() && candidates.size() > 1) {
      std::erase_if(candidates, [&](const Named& n) { return n.agency != agency; });
    }
    if (candidates.size() == 1) return {candidates.front().key, {}};
    if (candidates.size() > 1) {
      std::string list;
      for (const auto& c : candidates) {
        list += (list.empty() ? "" : ", ") + c.key + (c.agency.empty() ? "" : " (instansi " + c.agency + ")");
      }
      return {{},
              quote_value(text) + " names " + std::to_string(candidates.size()) + " " + kind_name +
                  " records: " + list + "; write the kode of the one meant"};
    }
  }
  if (auto by_slug = keys_.find({kind_name, slugify(text), std::string(year)}); by_slug != keys_.end()) {
    return {by_slug->second, {}};
  }
  return {};
}

bool ReferenceIndex::is_referenced(const RecordKind& target) {
  for (const auto& kind : record_kinds()) {
    for (const auto& spec : kind.fields) {
      if (spec.references == target.name) return true;
    }
  }
  return false;
}

}  // namespace inovasi
