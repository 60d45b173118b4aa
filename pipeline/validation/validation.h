#pragma once
// Checks the store against the programme's rules and the IGA's, for one year. Rules
// whose figures change (facilitators per agency, minimum words, indicator weights) read
// them from the catalogue.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/catalog.h"
#include "model/diagnostics.h"
#include "store/snapshot.h"
#include "store/year_source.h"

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

// The year's findings (and, with `with_scores`, its indicative scores: the IGA export
// leaves them out, each of its rows scoring itself), its innovations checked a slice at a
// time.
ValidationReport validate(const YearSource& source, const Catalog& catalog, bool with_scores = true);
// A year held whole in `snapshot` (narratives included).
ValidationReport validate(const Snapshot& snapshot, const Catalog& catalog, int year);

// A report's findings by the agency each concerns ("" for none), in report order: sorted
// once, where a run reads them per agency (a national year has some 1,850 agencies).
using FindingsByAgency = std::map<std::string, std::vector<const Diagnostic*>, std::less<>>;
FindingsByAgency findings_by_agency(const ValidationReport& report);

// What the rules of other kinds read of the year's innovations: how many each agency
// designed, and the few that contract lines and awards name. Gathered as innovations go
// by, so that validating does not need all of them at once.
class InnovationFacts {
 public:
  struct Named {
    std::string instansi;
    bool stage_penerapan = false;
    bool submitted_to_iga = false;
  };
  // `base`'s contract lines and awards of `year` say which innovations are named.
  InnovationFacts(const Snapshot& base, const std::string& year);
  void add(const Record& innovation);  // one of the year's innovations
  std::size_t designed_by(std::string_view agency) const;
  const Named* named(std::string_view kode) const;

 private:
  std::string year_;
  std::map<std::string, std::size_t, std::less<>> designed_;
  std::map<std::string, std::optional<Named>, std::less<>> named_;  // empty until the innovation is seen
};

// One rule family each; validate() runs them all. Exposed for tests.
class Findings {
 public:
  // `code`: the finding's stable code (validation/finding_codes.h), its texts the
  // catalogue's; `params` fill them. `agency`: the agency the finding concerns, for a
  // record that does not name it (an answer, an award); otherwise the record's own
  // instansi (or kode, for an agency).
  void add(Severity severity, const Record& record, std::string field, std::string_view code, FindingParams params = {},
           std::string_view agency = {});
  void error(const Record& record, std::string field, std::string_view code, FindingParams params = {},
             std::string_view agency = {}) {
    add(Severity::Error, record, std::move(field), code, std::move(params), agency);
  }
  void warning(const Record& record, std::string field, std::string_view code, FindingParams params = {},
               std::string_view agency = {}) {
    add(Severity::Warning, record, std::move(field), code, std::move(params), agency);
  }
  std::vector<Diagnostic> take() { return std::move(items_); }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

// One year's validation: innovations checked as they come (whole, or a slice at a time
// from a caller that reads the slices anyway: the IGA export), then the rules that read
// what was gathered from them. Findings keep the order validate() always had: region,
// agencies, innovations, people, discussions, awards.
class YearValidation {
 public:
  // `base` holds every kind but, perhaps, innovations; it must outlive this.
  YearValidation(const Snapshot& base, const Catalog& catalog, int year, bool with_scores);
  // `snapshot` holds some of the year's innovations and their answers (and every other
  // kind). One call at a time.
  void add_innovations(const Snapshot& snapshot);
  ValidationReport finish();

 private:
  const Snapshot& base_;
  const Catalog& catalog_;
  int year_;
  bool with_scores_;
  InnovationFacts facts_;
  Findings innovation_findings_;
  std::vector<IndicativeScore> scores_;
};

void check_region(const Snapshot& snapshot, Findings& findings);
void check_agencies(const Snapshot& snapshot, const Catalog& catalog, int year, const InnovationFacts& innovations,
                    Findings& findings);
// The year's innovations that `snapshot` holds (all of them, or a slice).
void check_innovations(const Snapshot& snapshot, const Catalog& catalog, int year, Findings& findings);
void check_people(const Snapshot& snapshot, const Catalog& catalog, Findings& findings);
void check_discussions(const Snapshot& snapshot, int year, Findings& findings);
void check_awards(const Snapshot& snapshot, int year, const InnovationFacts& innovations, Findings& findings);
// Of the year's innovations that `snapshot` holds.
std::vector<IndicativeScore> score_innovations(const Snapshot& snapshot, const Catalog& catalog, int year);
// Of one innovation, from its answers in `snapshot`.
IndicativeScore score_innovation(const Snapshot& snapshot, const IndicatorCatalogue& edition, const Record& innovation);

}  // namespace inovasi
