#include "validation/validation.h"

#include <algorithm>
#include <future>
#include <stdexcept>

namespace inovasi {
namespace {

// The agency a record belongs to: an agency is its own; these kinds are the agency's
// part of the programme. A discussion request names its agency too, but what is wrong
// with one is Bappeda's to put right, not a reason the agency is not ready.
std::string_view agency_of(const Record& record) {
  if (!record.kind) return {};
  std::string_view kind = record.kind->name;
  if (kind == "instansi") return record.get("kode");
  for (std::string_view own : {"fasilitator", "tim_inovasi", "anggota_tim", "perjanjian_kinerja", "inovasi"}) {
    if (kind == own) return record.get("instansi");
  }
  return {};
}

}  // namespace

void Findings::add(Severity severity, const Record& record, std::string field, std::string_view code,
                   FindingParams params, std::string_view agency) {
  Diagnostic diagnostic;
  diagnostic.severity = severity;
  diagnostic.record = record.key_label();
  diagnostic.field = std::move(field);
  diagnostic.code = std::string(code);
  diagnostic.params = std::move(params);
  diagnostic.agency = agency.empty() ? agency_of(record) : agency;
  items_.push_back(std::move(diagnostic));
}

YearValidation::YearValidation(const Snapshot& base, const Catalog& catalog, int year, bool with_scores)
    : base_(base), catalog_(catalog), year_(year), with_scores_(with_scores), facts_(base, std::to_string(year)) {}

void YearValidation::add_innovations(const Snapshot& snapshot) {
  check_innovations(snapshot, catalog_, year_, innovation_findings_);
  std::string year_text = std::to_string(year_);
  for (const auto& innovation : snapshot.all("inovasi")) {
    if (innovation.get("tahun") == year_text) facts_.add(innovation);
  }
  if (!with_scores_) return;
  auto scores = score_innovations(snapshot, catalog_, year_);
  scores_.insert(scores_.end(), std::make_move_iterator(scores.begin()), std::make_move_iterator(scores.end()));
}

ValidationReport YearValidation::finish() {
  Findings findings;
  check_region(base_, findings);
  check_agencies(base_, catalog_, year_, facts_, findings);
  ValidationReport report;
  report.year = year_;
  report.findings = findings.take();
  auto innovations = innovation_findings_.take();
  report.findings.insert(report.findings.end(), std::make_move_iterator(innovations.begin()),
                         std::make_move_iterator(innovations.end()));
  Findings rest;
  check_people(base_, catalog_, rest);
  check_discussions(base_, year_, rest);
  check_awards(base_, year_, facts_, rest);
  auto others = rest.take();
  report.findings.insert(report.findings.end(), std::make_move_iterator(others.begin()),
                         std::make_move_iterator(others.end()));
  report.scores = std::move(scores_);
  // The command line's text, from the catalogue like the Indonesian one people read.
  for (auto& finding : report.findings) finding.message = catalog_.finding_message(finding, Language::English);
  return report;
}

std::size_t ValidationReport::count(Severity severity) const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [&](const auto& f) { return f.severity == severity; }));
}

InnovationFacts::InnovationFacts(const Snapshot& base, const std::string& year) : year_(year) {
  for (auto kind : {"perjanjian_kinerja", "penghargaan"}) {
    for (const auto& record : base.all(kind)) {
      if (record.get("tahun") == year) named_.try_emplace(std::string(record.get("inovasi")));
    }
  }
}

void InnovationFacts::add(const Record& innovation) {
  if (innovation.has("instansi")) ++designed_[std::string(innovation.get("instansi"))];
  auto named = named_.find(innovation.get("kode"));
  if (named == named_.end()) return;
  named->second = Named{std::string(innovation.get("instansi")), innovation.get("tahapan") == "Penerapan",
                        innovation.get("diajukan_iga") == "1"};
}

std::size_t InnovationFacts::designed_by(std::string_view agency) const {
  auto found = designed_.find(agency);
  return found == designed_.end() ? 0 : found->second;
}

const InnovationFacts::Named* InnovationFacts::named(std::string_view kode) const {
  auto found = named_.find(kode);
  return found == named_.end() || !found->second ? nullptr : &*found->second;
}

FindingsByAgency findings_by_agency(const ValidationReport& report) {
  FindingsByAgency by_agency;
  for (const auto& finding : report.findings) by_agency[finding.agency].push_back(&finding);
  return by_agency;
}

ValidationReport validate(const YearSource& source, const Catalog& catalog, bool with_scores) {
  YearValidation validation(source.base(), catalog, source.year(), with_scores);
  source.for_each_slice(YearSource::Depth::Narratives,
                        [&](const Snapshot& slice) { validation.add_innovations(slice); });
  return validation.finish();
}

ValidationReport validate(const Snapshot& snapshot, const Catalog& catalog, int year) {
  return validate(YearSource(snapshot, year), catalog);
}

}  // namespace inovasi
