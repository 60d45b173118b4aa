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

SlicedPlan plan_by_innovation_slices(Store& store, const YearSource& source, const Catalog& catalog,
                                     std::vector<std::string_view> kinds, documents::Selection selection,
                                     bool signed_copy, std::vector<documents::PlannedDocument> first) {
  std::size_t leading = first.empty() ? 0 : 1;
  auto whole = std::make_shared<const std::vector<documents::PlannedDocument>>(std::move(first));
  auto make = [&store, &source, &catalog, kinds = std::move(kinds), selection = std::move(selection), signed_copy,
               whole, leading](std::size_t index) {
    if (index < leading) return PlanSlice{*whole, whole};
    auto snapshot = std::make_shared<const Snapshot>(source.slice(index - leading, YearSource::Depth::Fields));
    return PlanSlice{plan_kinds(store, *snapshot, catalog, kinds, selection, signed_copy), snapshot};
  };
  return SlicedPlan(leading + source.slices(), std::move(make));
}

AgencyGroups::AgencyGroups(const YearSource& source, std::string_view agency, std::size_t per_group) : source_(source) {
  const auto& agencies = source.base().all("instansi");
  std::vector<std::size_t> group;
  for (std::size_t i = 0; i < agencies.size(); ++i) {
    if (!agency.empty() && agencies[i].get("kode") != agency) continue;
    group.push_back(i);
    if (group.size() == per_group) groups_.push_back(std::exchange(group, {}));
  }
  // No agency at all is one empty group: planned, it plans nothing.
  if (!group.empty() || groups_.empty()) groups_.push_back(std::move(group));
}

Snapshot AgencyGroups::snapshot(std::size_t index) const { return source_.agencies(groups_.at(index)); }

SlicedPlan plan_by_agency_slices(Store& store, const AgencyGroups& groups, const Catalog& catalog,
                                 std::vector<std::string_view> kinds, documents::Selection selection,
                                 const ValidationReport* report) {
  auto make = [&store, &groups, &catalog, kinds = std::move(kinds), selection = std::move(selection),
               report](std::size_t index) {
    auto snapshot = std::make_shared<const Snapshot>(groups.snapshot(index));
    return PlanSlice{plan_kinds(store, *snapshot, catalog, kinds, selection, false, report), snapshot};
  };
  return SlicedPlan(groups.size(), std::move(make));
}

}  // namespace inovasi::batch
