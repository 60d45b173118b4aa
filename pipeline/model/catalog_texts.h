#pragma once
// The words people read, kept as data in the catalogue: each validation finding's text
// in English (the command line) and Indonesian (documents, reports, pages), from
// temuan.json; and the reports' own words (column labels, severities, titles), from
// laporan.json. A rule names a finding by its stable code and gives its parameters; the
// sentence is the catalogue's, so a region can reword it without recompiling.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/diagnostics.h"

namespace inovasi {

enum class Language { English, Indonesian };

struct FindingText {
  std::string english, indonesian;
  std::string summary;  // Indonesian, without parameters: the heading findings of one code are grouped under
  std::vector<std::string> parameters;  // the names the texts may use, {name} or {name|tanggal}
};

class FindingTexts {
 public:
  // Checks every text: both languages present, placeholders well formed and declared.
  static FindingTexts load(const std::filesystem::path& path);

  const FindingText* find(std::string_view code) const;
  // The code's text with its parameters filled in. {name|tanggal} writes an ISO date as
  // "24 Februari 2026" (in either language's text). An unknown code, or a parameter the
  // text uses but the rule did not give, is a mistake in the code: std::logic_error.
  std::string render(std::string_view code, const FindingParams& params, Language language) const;
  const std::map<std::string, FindingText, std::less<>>& all() const { return texts_; }

 private:
  std::map<std::string, FindingText, std::less<>> texts_;
};

class ReportWords {
 public:
  static ReportWords load(const std::filesystem::path& path);

  // A report column's label. A report asking for a key the catalogue has no label for
  // throws CatalogError naming laporan.json and the key: a report never prints a key.
  const std::string& column(std::string_view key) const;
  // A field named by a finding: its label, or the field itself when it has none.
  std::string field(std::string_view key) const;
  // A finding's record ("fasilitator dinsos/Sarah") with its kind's label
  // ("Fasilitator Inovasi dinsos/Sarah").
  std::string record(std::string_view record) const;
  const std::string& title(std::string_view key) const;  // "rekap" -> "Rekapitulasi ..."
  const std::string& word(std::string_view key) const;   // "halaman" -> "Halaman"
  std::string severity(Severity severity) const;         // "Kesalahan"

 private:
  const std::string& lookup(const std::map<std::string, std::string, std::less<>>& table, std::string_view section,
                            std::string_view key) const;
  std::string file_;
  std::map<std::string, std::string, std::less<>> columns_, severities_, titles_, words_;
};

}  // namespace inovasi
