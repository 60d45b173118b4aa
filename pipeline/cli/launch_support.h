#pragma once
// What `launch` and `certificates` share: planning kinds in one numbering transaction,
// planning certificates a slice of innovations at a time, the certificates' print
// file, and the summary of agencies that are not ready.

#include <iosfwd>
#include <string>
#include <vector>

#include "batch/batch_run.h"
#include "cli/environment.h"
#include "documents/document_kind.h"
#include "support/sha256.h"
#include "store/store.h"

namespace inovasi::cli {

std::vector<documents::PlannedDocument> plan_kinds(Store& store, const Snapshot& snapshot, const Catalog& catalog,
                                                   const std::vector<std::string_view>& kinds,
                                                   const documents::Selection& selection, bool signed_copy,
                                                   const ValidationReport* report = nullptr);

// Innovations per slice: a slice's records, plan and jobs are a few MB at most, and the
// batch's workers still get hundreds of documents between two plannings.
constexpr std::size_t kInnovationsPerPlanSlice = 2048;

// Kinds that plan each document from one innovation alone (certificates), planned a
// slice of the store's innovations at a time, each slice with a copy of `base` holding
// its innovations (`base` and the others must outlive the plan). `first`, planned whole
// (launch's contracts), is the plan's first slice. Numbers are issued a slice at a time,
// in the order a plan made whole would issue them.
batch::SlicedPlan plan_by_innovation_slices(Store& store, const Snapshot& base, const Catalog& catalog,
                                            std::vector<std::string_view> kinds, documents::Selection selection,
                                            bool signed_copy, std::vector<documents::PlannedDocument> first = {},
                                            std::size_t per_slice = kInnovationsPerPlanSlice);

// Agencies per slice of a desk-packet run: a national year's 1,850 agencies have some
// 20 innovations each, with 20 answers each, so a slice is some 6 MB. Up to three are
// held at once (planned ahead, rendering, recording): with 64 the run peaked at 130 MiB
// at 37,000 innovations, with 32 at 77, as fast.
constexpr std::size_t kAgenciesPerSlice = 32;

// The year's agencies (or the one selected) in groups, each group's snapshot holding
// those agencies and their innovations with narratives: for work done an agency at a
// time (desk packets), which then never holds the year's innovations at once. `base`
// holds no innovations (WithoutInnovations); it and `store` must outlive this.
class AgencyGroups {
 public:
  AgencyGroups(const Store& store, const Snapshot& base, std::string_view agency,
               std::size_t per_slice = kAgenciesPerSlice);
  std::size_t size() const { return groups_.size(); }
  // A copy of `base` holding group `index`'s agencies and their innovations, read from
  // the store (the same records each time, as long as the store does not change).
  Snapshot snapshot(std::size_t index) const;

 private:
  const Store& store_;
  const Snapshot& base_;
  std::vector<std::vector<std::size_t>> groups_;  // positions in base_.all("instansi")
};

// `kinds` that plan a document per agency (desk packets), a group of agencies at a time.
batch::SlicedPlan plan_by_agency_slices(Store& store, const AgencyGroups& slices, const Catalog& catalog,
                                        std::vector<std::string_view> kinds, documents::Selection selection,
                                        const ValidationReport* report);

// What the print file holds, gathered from the batch's keys as it plans (keys()): the
// plan's certificates that have a key, in order, and one key for all of them.
class PrintFileContents {
 public:
  // The store the plan reads, noted before the batch: the print file plans its slices
  // again, and is not written when another process changed the store meanwhile (its
  // pages could then differ from the certificates its key was made from).
  explicit PrintFileContents(const Store& store) : store_(store), store_version_(store.data_version()) {}
  batch::KeyVisitor keys();
  std::size_t count() const { return count_; }
  // Leaves out the certificates the batch did not make or keep (`standing`, per planned
  // document): the print file holds the certificates issued, and no page a single
  // document could not have (a character no font has, an image that is missing).
  void drop_failed(const std::vector<bool>& standing);

 private:
  friend std::filesystem::path write_print_file(const batch::SlicedPlan&, PrintFileContents&,
                                                const render::TemplateSet&, const pdf::FontManifest&, const Environment&,
                                                int, bool, int, Manifest&);
  std::vector<std::vector<std::uint32_t>> included_;  // per slice: positions of its certificates
  std::vector<std::uint32_t> positions_;              // per slice: the documents seen
  Sha256 joined_keys_;  // each certificate's key covers its data, template, fonts, images and date
  std::size_t count_ = 0;
  Date latest_;  // the latest certificate's date: the file's own
  const Store& store_;
  long long store_version_ = 0;
};

// All certificates of the plan in one PDF (stable order, one bookmark each); remade only
// when a certificate changed, which the batch's keys tell without filling a template.
// `manifest` is the command's (the batch's): the file is looked up and listed there, and
// it is saved. Returns the file, or "" when there is none to make.
std::filesystem::path write_print_file(const batch::SlicedPlan& plan, PrintFileContents& contents,
                                       const render::TemplateSet& templates, const pdf::FontManifest& fonts,
                                       const Environment& env, int year, bool force, int jobs, Manifest& manifest);

// Agencies with validation errors for the year, each with the findings that block it.
void print_not_ready(const ValidationReport& report, std::ostream& out);

// A copy of `base` (WithoutInnovations) holding, without narratives, the innovations the
// year's contract lines name: all that contracts print of innovations (their names).
Snapshot with_contracted_innovations(const Store& store, const Snapshot& base, int year);

}  // namespace inovasi::cli
