#pragma once
// Checks the store against the programme's rules and the IGA's, for one year. Rules
// whose figures change (facilitators per agency, minimum words, indicator weights) read
// them from the catalogue.

#include <map>
#include <string>
#include <vector>

#include "model/catalog.h"
#include "model/diagnostics.h"
#include "validation/snapshot.h"

namespace inovasi {

// The indicative IGA score of one innovation (the official index is re-scored by the
// ministry and has a region-level part: never present this as the official figure).
struct IndicativeScore {
  std::string inovasi;  // kode
  std::string nama;
  std::string instansi;
  int tahun = 0;
  int edition = 0;
  int score = 0;
  int max_score = 0;
  int answered = 0;  // indicators with a level
};

struct ValidationReport {
  int year = 0;
  std::vector<Diagnostic> findings;  // record = "<kind> <key>"
  std::vector<IndicativeScore> scores;

  std::size_t count(Severity severity) const;
};

ValidationReport validate(const Snapshot& snapshot, const Catalog& catalog, int year);

// The agency a finding concerns, from its record label ("kind key/parts"); "" if none.
std::string agency_of_finding(const std::string& record_label, const Snapshot& snapshot);

// A report's findings by the agency each concerns ("" for none), in report order: sorted
// once, where a run reads them per agency (a national year has some 1,850 agencies).
using FindingsByAgency = std::map<std::string, std::vector<const Diagnostic*>, std::less<>>;
FindingsByAgency findings_by_agency(const ValidationReport& report, const Snapshot& snapshot);

// One rule family each; validate() runs them all. Exposed for tests.
class Findings {
 public:
  void add(Severity severity, const Record& record, std::string field, std::string message);
  void error(const Record& record, std::string field, std::string message) {
    add(Severity::Error, record, std::move(field), std::move(message));
  }
  void warning(const Record& record, std::string field, std::string message) {
    add(Severity::Warning, record, std::move(field), std::move(message));
  }
  std::vector<Diagnostic> take() { return std::move(items_); }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

void check_region(const Snapshot& snapshot, Findings& findings);
void check_agencies(const Snapshot& snapshot, const Catalog& catalog, int year, Findings& findings);
void check_innovations(const Snapshot& snapshot, const Catalog& catalog, int year, Findings& findings);
void check_people(const Snapshot& snapshot, const Catalog& catalog, Findings& findings);
void check_discussions(const Snapshot& snapshot, int year, Findings& findings);
void check_awards(const Snapshot& snapshot, int year, Findings& findings);
std::vector<IndicativeScore> score_innovations(const Snapshot& snapshot, const Catalog& catalog, int year);

}  // namespace inovasi
