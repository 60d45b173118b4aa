#include "batch/planning.h"

#include <algorithm>
#include <functional>
#include <utility>

#include "store/number_registry.h"

namespace inovasi::batch {

std::vector<documents::PlannedDocument> plan_kinds(Store& store, const Snapshot& snapshot, const Catalog& catalog,
                                                   const std::vector<std::string_view>& kinds,
                                                   const documents::Selection& selection, bool signed_copy,
                                                   const ValidationReport* report) {
  const Record* region = snapshot.region();
  if (!region) throw DataError("the store has no regional profile (daerah): import one first");
  std::vector<documents::PlannedDocument> planned;
  Transaction transaction(store.database());  // numbers are handed out all or none
  NumberRegistry registry(store.database());
  documents::DocumentContext context{{snapshot, catalog, *region, signed_copy}, registry};
  context.report = report;
  for (auto name : kinds) {
    auto docs = documents::plan_documents(*documents::find_document_kind(name), context, selection);
    if (planned.empty()) {
      planned = std::move(docs);
    } else {
      planned.insert(planned.end(), std::make_move_iterator(docs.begin()), std::make_move_iterator(docs.end()));
    }
  }
  transaction.commit();
  return planned;
}

SlicedPlan plan_by_innovation_slices(Store& store, const Snapshot& base, const Catalog& catalog,
                                            std::vector<std::string_view> kinds, documents::Selection selection,
                                            bool signed_copy, std::vector<documents::PlannedDocument> first,
                                            std::size_t per_slice) {
  const RecordKind& innovation = *find_record_kind("inovasi");
  auto starts = store.slice_starts(innovation, per_slice);
  if (starts.empty()) starts.emplace_back();  // no innovations: one empty slice, planned as the kinds plan none
  std::size_t leading = first.empty() ? 0 : 1;
  std::size_t slices = leading + starts.size();
  auto whole = std::make_shared<const std::vector<documents::PlannedDocument>>(std::move(first));
  auto make = [&store, &base, &innovation, &catalog, kinds = std::move(kinds), selection = std::move(selection), signed_copy,
               starts = std::move(starts), whole, leading](std::size_t index) {
    if (index < leading) return PlanSlice{*whole, whole};
    std::size_t at = index - leading;
    std::vector<Record> innovations;
    store.scan_range(innovation, store_columns(innovation, /*narratives=*/false), starts[at],
                     at + 1 < starts.size() ? starts[at + 1] : std::vector<std::string>(),
                     [&](Record& record) { innovations.push_back(std::move(record)); });
    auto snapshot = std::make_shared<const Snapshot>(base.with_records("inovasi", std::move(innovations)));
    return PlanSlice{plan_kinds(store, *snapshot, catalog, kinds, selection, signed_copy), snapshot};
  };
  return SlicedPlan(slices, std::move(make));
}

namespace {

// Store::scan_where_in a few hundred values a query: well under SQLite's limit on a
// statement's parameters.
void scan_where_in_chunks(const Store& store, std::string_view kind_name, std::string_view field,
                          const std::vector<std::string>& values, const std::function<void(Record&)>& each,
                          bool narratives = true) {
  constexpr std::size_t kValuesPerQuery = 500;
  const RecordKind& kind = *find_record_kind(kind_name);
  auto columns = store_columns(kind, narratives);
  for (std::size_t first = 0; first < values.size(); first += kValuesPerQuery) {
    auto end = std::min(values.size(), first + kValuesPerQuery);
    std::vector<std::string> chunk(values.begin() + static_cast<std::ptrdiff_t>(first),
                                   values.begin() + static_cast<std::ptrdiff_t>(end));
    store.scan_where_in(kind, columns, field, chunk, each);
  }
}

}  // namespace

AgencyGroups::AgencyGroups(const Store& store, const Snapshot& base, std::string_view agency, std::size_t per_slice)
    : store_(store), base_(base) {
  if (base.holds_innovations()) {
    throw std::logic_error("AgencyGroups: the snapshot holds innovations");
  }
  const auto& agencies = base.all("instansi");
  std::vector<std::size_t> group;
  for (std::size_t i = 0; i < agencies.size(); ++i) {
    if (!agency.empty() && agencies[i].get("kode") != agency) continue;
    group.push_back(i);
    if (group.size() == per_slice) groups_.push_back(std::exchange(group, {}));
  }
  // No agency at all is one empty group: planned, it plans nothing.
  if (!group.empty() || groups_.empty()) groups_.push_back(std::move(group));
}

Snapshot AgencyGroups::snapshot(std::size_t index) const {
  const auto& agencies = base_.all("instansi");
  std::vector<Record> held;
  std::vector<std::string> codes;
  for (std::size_t position : groups_.at(index)) {
    held.push_back(agencies[position]);
    codes.emplace_back(agencies[position].get("kode"));
  }
  const RecordKind& innovation = *find_record_kind("inovasi");
  std::vector<Record> innovations;
  store_.scan_where_in(innovation, store_columns(innovation), "instansi", codes,
                       [&](Record& record) { innovations.push_back(std::move(record)); });
  // Their indicator answers (the packets score them), a few hundred innovations a query.
  // The codes are in key order and each is asked once, so the answers come in store
  // order, as the year's snapshot would hold them.
  std::vector<std::string> named;
  for (const auto& record : innovations) {
    if (named.empty() || named.back() != record.get("kode")) named.emplace_back(record.get("kode"));
  }
  std::vector<Record> answers;
  scan_where_in_chunks(store_, "jawaban_indikator", "inovasi", named,
                       [&](Record& record) { answers.push_back(std::move(record)); });
  return base_.with_records("instansi", std::move(held))
      .with_records("inovasi", std::move(innovations), Snapshot::Narratives::Held)
      .with_records("jawaban_indikator", std::move(answers), Snapshot::Narratives::Held);
}

SlicedPlan plan_by_agency_slices(Store& store, const AgencyGroups& slices, const Catalog& catalog,
                                        std::vector<std::string_view> kinds, documents::Selection selection,
                                        const ValidationReport* report) {
  auto make = [&store, &slices, &catalog, kinds = std::move(kinds), selection = std::move(selection),
               report](std::size_t index) {
    auto snapshot = std::make_shared<const Snapshot>(slices.snapshot(index));
    return PlanSlice{plan_kinds(store, *snapshot, catalog, kinds, selection, false, report), snapshot};
  };
  return SlicedPlan(slices.size(), std::move(make));
}

Snapshot with_contracted_innovations(const Store& store, const Snapshot& base, int year) {
  std::string year_text = std::to_string(year);
  std::vector<std::string> named;
  for (const auto& line : base.all("perjanjian_kinerja")) {
    if (line.get("tahun") == year_text) named.emplace_back(line.get("inovasi"));
  }
  // Each code asked once, in order: the chunks' innovations then come in store order, as a
  // snapshot holding them all would list them.
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  std::vector<Record> innovations;
  scan_where_in_chunks(store, "inovasi", "kode", named, [&](Record& innovation) {
    if (innovation.get("tahun") == year_text) innovations.push_back(std::move(innovation));
  }, /*narratives=*/false);
  return base.with_records("inovasi", std::move(innovations));
}

}  // namespace inovasi::batch
