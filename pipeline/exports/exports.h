#pragma once
// The workbooks Bappeda works with: the IGA export (every profile field, indicator
// answers, validation findings), the recap (agencies × programme milestones, gaps in
// red) and the certificate register (with the engraving text for each trophy).

#include <filesystem>
#include <functional>

#include "store/number_registry.h"
#include "model/catalog.h"
#include "output/manifest.h"
#include "render/template_engine.h"
#include "store/snapshot.h"
#include "store/year_source.h"
#include "validation/validation.h"

namespace inovasi::exports {

struct ExportContext {
  // The year, its records that are few (base()) and its innovations a slice at a time.
  const YearSource& source;
  const Catalog& catalog;
  Date date;                // the workbook's creation date: the data's, never the wall clock
  std::string agency = {};  // only this agency's innovations and findings (desk packets)
  // The year's validation, when the caller has it already (one per batch, not per workbook);
  // its scores are then used too.
  const ValidationReport* report = nullptr;
  // With `agency`: `report`'s findings sorted by agency, when the caller writes a workbook
  // per agency (desk packets): each then reads its own instead of sorting every finding.
  const FindingsByAgency* findings_by_agency = nullptr;

  int year() const { return source.year(); }
  const Snapshot& snapshot() const { return source.base(); }
};

// With `only_when_changed`, a workbook already there with the same bytes is left as it
// was. Returns whether the file was written.
bool write_iga_export(const ExportContext& context, const std::filesystem::path& target,
                      bool only_when_changed = false);
// With `files` (the year's manifest), a second sheet, Berkas, lists every file made for
// the year with its SHA-256 and where it came from: all but the recap itself.
void write_recap(const ExportContext& context, const std::filesystem::path& target, const Manifest* files = nullptr);
// The year's validation findings, one row each by agency, in Indonesian (the caller's
// report when the context has one).
void write_findings_report(const ExportContext& context, const std::filesystem::path& target);
// The manifest's kinds of these workbooks.
inline constexpr std::string_view kRecapKind = "recap-workbook";
inline constexpr std::string_view kRegisterKind = "certificate-register-workbook";
inline constexpr std::string_view kIgaKind = "iga-workbook";
inline constexpr std::string_view kFindingsKind = "findings-workbook";
// `engraving` is a Mustache text template (templates/ukiran-trofi.txt).
void write_certificate_register(const ExportContext& context, NumberRegistry& registry, const std::string& engraving,
                                const std::filesystem::path& target);

}  // namespace inovasi::exports
