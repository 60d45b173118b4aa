#pragma once
// Planning a batch: the kinds' documents in one numbering transaction, whole or a slice
// at a time (certificates by the year's slices of innovations, desk packets by groups of
// agencies), so that a national year is never held whole.

#include <string>
#include <string_view>
#include <vector>

#include "batch/sliced_plan.h"
#include "documents/document_kind.h"
#include "store/snapshot.h"
#include "store/store.h"
#include "store/year_source.h"
#include "validation/validation.h"

namespace inovasi::batch {

std::vector<documents::PlannedDocument> plan_kinds(Store& store, const Snapshot& snapshot, const Catalog& catalog,
                                                   const std::vector<std::string_view>& kinds,
                                                   const documents::Selection& selection, bool signed_copy,
                                                   const ValidationReport* report = nullptr);

// Kinds that plan each document from one innovation alone (certificates), planned a
// slice of the year's innovations at a time (the source's slices, innovations without
// narratives). `first`, planned whole (launch's contracts), is the plan's first slice.
// Numbers are issued a slice at a time, in the order a plan made whole would issue them.
// `store` and `source` must outlive the plan.
SlicedPlan plan_by_innovation_slices(Store& store, const YearSource& source, const Catalog& catalog,
                                     std::vector<std::string_view> kinds, documents::Selection selection,
                                     bool signed_copy, std::vector<documents::PlannedDocument> first = {});

// Agencies per group of a desk-packet run: a national year's 1,850 agencies have some
// 20 innovations each, with 20 answers each, so a group is some 6 MB, and up to three
// are held at once (planned ahead, rendering, recording). Measured in the README.
constexpr std::size_t kAgenciesPerGroup = 32;

// The year's agencies (or the one selected) in groups, each group's snapshot holding
// those agencies and their innovations with narratives: for work done an agency at a
// time (desk packets), which then never holds the year's innovations at once. `source`
// must outlive this.
class AgencyGroups {
 public:
  AgencyGroups(const YearSource& source, std::string_view agency, std::size_t per_group = kAgenciesPerGroup);
  std::size_t size() const { return groups_.size(); }
  // The year's base holding group `index`'s agencies and their innovations (the same
  // records each time, as long as the store does not change).
  Snapshot snapshot(std::size_t index) const;

 private:
  const YearSource& source_;
  std::vector<std::vector<std::size_t>> groups_;  // positions in source_.base().all("instansi")
};

// `kinds` that plan a document per agency (desk packets), a group of agencies at a time.
SlicedPlan plan_by_agency_slices(Store& store, const AgencyGroups& groups, const Catalog& catalog,
                                 std::vector<std::string_view> kinds, documents::Selection selection,
                                 const ValidationReport* report);

}  // namespace inovasi::batch
