#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/finding_json.h"
#include "cli/year_data.h"
#include "store/store.h"
#include "validation/validation.h"

namespace inovasi::cli {
namespace {

void print_text(const ValidationReport& report, const Catalog& catalog, std::ostream& out) {
  const auto& edition = catalog.indicators_for(report.year);
  out << "Validation for " << report.year << " (IGA indicator catalogue, " << edition.edition << " edition)\n";
  for (const auto& finding : report.findings) {
    std::string severity(severity_name(finding.severity));
    out << severity << std::string(9 - severity.size(), ' ') << finding.record << ": ";
    if (!finding.field.empty()) out << finding.field << ": ";
    out << finding.message << '\n';
  }
  if (!report.scores.empty()) {
    out << "\nIndicative IGA scores (computed here; the official index is scored by the ministry):\n";
    for (const auto& score : report.scores) {
      out << "  " << score.score << "/" << score.max_score << "  " << score.nama << " ("
          << (score.instansi.empty() ? "no agency" : score.instansi) << ", " << score.answered
          << " indicator(s) answered)\n";
    }
  }
  out << "\n" << report.count(Severity::Error) << " error(s), " << report.count(Severity::Warning) << " warning(s)\n";
}

void print_json(const ValidationReport& report, const Catalog& catalog, std::ostream& out) {
  Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("tahun", report.year);
  root.set("edisi_iga", catalog.indicators_for(report.year).edition);
  Poco::JSON::Array findings;
  for (const auto& finding : report.findings) {
    findings.add(finding_json(finding, catalog));
  }
  root.set("temuan", findings);
  Poco::JSON::Array scores;
  for (const auto& score : report.scores) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    item->set("inovasi", score.inovasi);
    item->set("nama", score.nama);
    item->set("instansi", score.instansi);
    item->set("skor_indikatif", score.score);
    item->set("skor_maksimal", score.max_score);
    item->set("indikator_dijawab", score.answered);
    scores.add(item);
  }
  root.set("skor", scores);
  root.set("jumlah_error", static_cast<int>(report.count(Severity::Error)));
  root.set("jumlah_peringatan", static_cast<int>(report.count(Severity::Warning)));
  root.stringify(out, 1);
  out << '\n';
}

int run_validate(const Args& args, const Environment& env) {
  if (!args.positionals().empty()) throw UsageError("validate takes no arguments");
  // The innovations are read a slice at a time: a national year is not held at once.
  YearData loaded(args, env);
  auto& [catalog, store, source, year] = loaded;
  ValidationReport report = validate(source, catalog);
  if (args.flag("json")) {
    print_json(report, catalog, env.out);
  } else {
    print_text(report, catalog, env.out);
  }
  return report.count(Severity::Error) > 0 ? kDataErrors : kOk;
}

}  // namespace

Command validate_command() {
  return {"validate",
          "check the store against the programme's and the IGA's rules",
          "inovasi validate [--year Y] [--json]\n\n"
          "Exit status 0 without errors (warnings alone do not fail), 1 with errors.",
          {{"year", "Y", "the programme year (default: the latest in the store)"},
           {"json", "", "findings and indicative scores as JSON"}},
          run_validate};
}

}  // namespace inovasi::cli
