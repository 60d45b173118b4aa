#pragma once
// Data that changes by region or by year and therefore lives in editable JSON files
// (templates/catalog/), never in code: enumerations and their aliases, ranks, the
// portal's labels, programme rules and the versioned IGA indicator catalogue.

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalog_texts.h"
#include "support/located_error.h"

namespace inovasi {

// A rule file of the catalogue is missing or wrong.
class CatalogError : public LocatedError {
 public:
  explicit CatalogError(const std::string& message) : LocatedError(ErrorKind::Catalogue, message) {}
  CatalogError(ErrorPlace place, const std::string& message)
      : LocatedError(ErrorKind::Catalogue, std::move(place), message) {}
};

struct EnumMatch {
  std::string canonical;  // empty when the text means "not set" or is unknown
  bool known = false;     // false: unknown spelling, warn and keep the raw text
};

struct Enumeration {
  std::string name;
  std::vector<std::string> values;
  std::map<std::string, std::string> aliases;  // match_key(alias) -> canonical ("" = not set)

  EnumMatch match(std::string_view raw) const;
};

struct Rank {
  std::string pangkat;
  std::string golongan;
};

struct Indicator {
  int number = 0;
  std::string label;
  int weight = 0;
  std::vector<std::string> levels;  // level 1..3 descriptions
  std::string evidence;             // typical supporting documents
};

struct IndexBand {
  std::string label;
  double threshold = 0;
  bool exclusive = false;  // true: score > threshold ("di_atas"); false: score >= threshold ("mulai")
};

struct IndicatorCatalogue {
  int edition = 0;
  std::string source;
  std::vector<Indicator> indicators;
  std::vector<IndexBand> bands;              // highest first
  std::map<std::string, int> minimum_words;  // narrative field -> minimum word count

  int max_score() const;
  const Indicator* indicator(int number) const;
  std::string band_for(double score) const;
};

struct ProgrammeRules {
  int facilitators_per_agency = 0;
  bool facilitators_must_be_pns = true;
  bool facilitators_in_team = true;
  int innovations_per_agency_per_year = 0;
};

// The input workbook's wording (buku-kerja-isian.json): its title and instructions, the
// sheets an agency fills in, how each kind of entry is described, and each column's help.
struct WorkbookGuide {
  std::string title;
  std::vector<std::string> instructions;
  std::vector<std::string> agency_sheets;                             // record kinds
  std::map<std::string, std::string> type_names;                      // FieldType name -> words
  std::map<std::string, std::string> sheet_titles;                    // kind -> title
  std::map<std::string, std::map<std::string, std::string>> columns;  // kind -> field -> help
};

class Catalog {
 public:
  // Reads every file of the catalogue folder; throws CatalogError naming the file.
  static Catalog load(const std::filesystem::path& folder);

  const Enumeration* enumeration(std::string_view name) const;
  const std::vector<Rank>& ranks() const { return ranks_; }
  const Rank* rank_by_golongan(std::string_view golongan) const;
  const Rank* rank_by_pangkat(std::string_view pangkat) const;
  // Portal label (match_key) -> field name; e.g. "waktu implementasi" -> waktu_penerapan.
  const std::map<std::string, std::string>& profile_labels() const { return profile_labels_; }
  const ProgrammeRules& rules() const { return rules_; }
  // The newest edition not newer than the year (the oldest when all are newer).
  const IndicatorCatalogue& indicators_for(int year) const;
  const std::vector<IndicatorCatalogue>& indicator_editions() const { return editions_; }
  // Empty (no agency sheets) when the catalogue folder has no buku-kerja-isian.json.
  const WorkbookGuide& workbook_guide() const { return workbook_guide_; }
  // Each finding's texts (temuan.json) and the reports' words (laporan.json).
  const FindingTexts& finding_texts() const { return finding_texts_; }
  const ReportWords& report_words() const { return report_words_; }
  // A finding's text in `language`: the catalogue's for a coded finding, else (an
  // import's) its own English message.
  std::string finding_message(const Diagnostic& finding, Language language) const;
  // A finding as a report or document prints it for people: severity, record and field
  // by their labels, and the Indonesian text.
  struct ReadableFinding {
    std::string severity, record, field, message;
  };
  ReadableFinding readable(const Diagnostic& finding) const;

 private:
  std::map<std::string, Enumeration, std::less<>> enumerations_;
  std::vector<Rank> ranks_;
  std::map<std::string, std::string> profile_labels_;
  ProgrammeRules rules_;
  std::vector<IndicatorCatalogue> editions_;  // oldest first
  WorkbookGuide workbook_guide_;
  FindingTexts finding_texts_;
  ReportWords report_words_;
};

}  // namespace inovasi
