#include "validation/validation.h"

#include <stdexcept>

#include <algorithm>

namespace inovasi {

void Findings::add(Severity severity, const Record& record, std::string field, std::string message) {
  Diagnostic diagnostic;
  diagnostic.severity = severity;
  diagnostic.record = record.key_label();
  diagnostic.field = std::move(field);
  diagnostic.message = std::move(message);
  items_.push_back(std::move(diagnostic));
}

std::size_t ValidationReport::count(Severity severity) const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [&](const auto& f) { return f.severity == severity; }));
}

std::string agency_of_finding(const std::string& label, const Snapshot& snapshot) {
  auto space = label.find(' ');
  if (space == std::string::npos) return {};
  std::string kind = label.substr(0, space);
  auto slash = label.find('/', space);
  std::string first = label.substr(space + 1, slash == std::string::npos ? std::string::npos : slash - space - 1);
  if (kind == "instansi" || kind == "fasilitator" || kind == "tim_inovasi" || kind == "anggota_tim" ||
      kind == "perjanjian_kinerja") {
    return first;
  }
  if (kind == "inovasi" || kind == "jawaban_indikator" || kind == "penghargaan") {
    auto innovations = snapshot.where("inovasi", "kode", first);
    return innovations.empty() ? std::string() : std::string(innovations.front()->get("instansi"));
  }
  return {};
}

FindingsByAgency findings_by_agency(const ValidationReport& report, const Snapshot& snapshot) {
  FindingsByAgency by_agency;
  for (const auto& finding : report.findings) by_agency[agency_of_finding(finding.record, snapshot)].push_back(&finding);
  return by_agency;
}

ValidationReport validate(const Snapshot& snapshot, const Catalog& catalog, int year) {
  if (!snapshot.can_validate()) throw std::logic_error("validate: the snapshot was loaded without narratives");
  Findings findings;
  check_region(snapshot, findings);
  check_agencies(snapshot, catalog, year, findings);
  check_innovations(snapshot, catalog, year, findings);
  check_people(snapshot, catalog, findings);
  check_discussions(snapshot, year, findings);
  check_awards(snapshot, year, findings);
  ValidationReport report;
  report.year = year;
  report.findings = findings.take();
  report.scores = score_innovations(snapshot, catalog, year);
  return report;
}

}  // namespace inovasi
