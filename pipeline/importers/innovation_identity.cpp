#include "importers/innovation_identity.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "model/text.h"

namespace inovasi {
namespace {

struct Known {
  std::string code;
  std::string year;
  std::string agency;
};

// Every innovation the store and the import's explicit codes know, by name, and every
// code (as the file name it becomes) in use.
class Innovations {
 public:
  Innovations(const RecordKind& kind, StagedRecords& staged, const Store* store) : kind_(kind) {
    if (store) {
      // The code, its name, and the year and agency where the kind has them.
      std::vector<std::string> columns{"kode", std::string(kind.code_from)};
      for (std::string_view optional : {"tahun", "instansi"}) {
        if (kind.field(optional)) columns.emplace_back(optional);
      }
      store->scan(kind, columns, [&](Record& r) { add(r); });
    }
    for (const auto& entry : staged.light(kind)) {
      if (entry.record.has("kode")) add(entry.record);
    }
  }

  void add(const Record& record) { add(record, record.get("kode")); }
  void add(const Record& record, std::string_view code) {
    Known known{std::string(code), std::string(record.get_or_empty("tahun")),
                std::string(record.get_or_empty("instansi"))};
    used_.insert(slugify(known.code));
    by_name_[match_key(record.get(kind_.code_from))].push_back(std::move(known));
  }

  // Innovations of this name: of `agency` (any year) when it is given, else of `year`.
  std::vector<const Known*> named(std::string_view name, std::string_view year, std::string_view agency) const {
    std::vector<const Known*> found;
    auto it = by_name_.find(match_key(name));
    if (it == by_name_.end()) return found;
    for (const auto& known : it->second) {
      bool fits = agency.empty() ? known.year == year : known.agency == agency;
      bool seen = std::any_of(found.begin(), found.end(), [&](const Known* k) { return k->code == known.code; });
      if (fits && !seen) found.push_back(&known);
    }
    // Of the same agency's innovations of this name, the one of the record's year first.
    std::stable_sort(found.begin(), found.end(),
                     [&](const Known* a, const Known* b) { return (a->year == year) > (b->year == year); });
    return found;
  }

  // A code from the name that no innovation uses yet.
  std::string new_code(std::string_view name, std::string_view agency) const {
    std::string base = slugify(name, 72);
    if (!used_.contains(base)) return base;
    if (!agency.empty()) {
      std::string with_agency = slugify(base + "-" + std::string(agency), 100);
      if (!used_.contains(with_agency)) return with_agency;
    }
    for (int n = 2;; ++n) {
      std::string numbered = base + "-" + std::to_string(n);
      if (!used_.contains(numbered)) return numbered;
    }
  }

 private:
  const RecordKind& kind_;
  std::map<std::string, std::vector<Known>> by_name_;
  std::set<std::string> used_;
};

std::string describe(const std::vector<const Known*>& found) {
  std::string list;
  for (const auto* known : found) {
    list +=
        (list.empty() ? "" : ", ") + known->code + " (instansi " + (known->agency.empty() ? "-" : known->agency) + ")";
  }
  return list;
}

// The code of one record without one, when it can be given one.
std::optional<std::string> assign(const RecordKind& kind, Innovations& known, const Record& record,
                                  Diagnostics& diagnostics) {
  std::string_view name = record.get(kind.code_from);
  std::string_view year = record.get_or_empty("tahun");
  std::string_view agency = record.get_or_empty("instansi");
  auto found = known.named(name, year, agency);
  if (!agency.empty() && found.empty()) {
    // A profile imported before without an agency, now linked to one.
    found = known.named(name, year, {});
    std::erase_if(found, [](const Known* k) { return !k->agency.empty(); });
    if (found.size() > 1) found.clear();
  }
  if (agency.empty() && found.size() > 1) {
    diagnostics.error(record.where, std::string(kind.code_from),
                      quote_value(name) + " is the name of " + std::to_string(found.size()) + " innovations in " +
                          std::string(year) + ": " + describe(found) +
                          "; give the agency (--agency KODE or an instansi column) or the kode");
    return std::nullopt;
  }
  std::string code = found.empty() ? known.new_code(name, agency) : found.front()->code;
  known.add(record, code);
  return code;
}

void assign_kind(const RecordKind& kind, StagedRecords& staged, const Store* store, Diagnostics& diagnostics) {
  Innovations known(kind, staged, store);
  // Records that name their agency first, so that a portal profile without one finds
  // the innovation a CSV row of the same import gives it.
  const auto& records = staged.light(kind);
  for (bool with_agency : {true, false}) {
    for (std::size_t i = 0; i < records.size(); ++i) {
      const Record& record = records[i].record;
      // Agencies themselves have no instansi field: they all count as without one.
      bool names_agency = !record.get_or_empty("instansi").empty();
      if (record.has("kode") || !record.has(kind.code_from) || names_agency != with_agency) continue;
      if (auto code = assign(kind, known, record, diagnostics)) staged.patch(kind, i, "kode", *code);
    }
  }
}

}  // namespace

void assign_derived_codes(StagedRecords& staged, const Store* store, Diagnostics& diagnostics) {
  for (const auto& kind : record_kinds()) {
    if (!kind.code_from.empty()) assign_kind(kind, staged, store, diagnostics);
  }
}

}  // namespace inovasi
