#include <iostream>

#include "cli/commands.h"
#include "importers/import_job.h"
#include "model/text.h"
#include "store/store.h"

namespace inovasi::cli {
namespace {

// One line per record of a dry run, and for an update one line per changed field.
void print_change(std::ostream& out, const RecordChange& change) {
  const Record& record = *change.record;
  std::string what = record.key_label();
  std::string where = record.where.file + (record.where.line > 0 ? ":" + std::to_string(record.where.line) : "");
  switch (change.status) {
    case 'n':
      out << "new        " << what << "  (" << where << ")\n";
      break;
    case 's':
      out << "unchanged  " << what << '\n';
      break;
    default:
      out << "updated    " << what << "  (" << where << ")\n";
      for (const auto& field : change.fields) {
        out << "    " << field.name << ": " << (field.before.empty() ? "(empty)" : quote_value(field.before)) << " -> "
            << (field.after.empty() ? "(empty: cleared)" : quote_value(field.after)) << '\n';
      }
  }
}

std::string counts(const SaveSummary& summary) {
  std::string text = std::to_string(summary.inserted) + " new, " + std::to_string(summary.updated) + " updated, " +
                     std::to_string(summary.unchanged) + " unchanged";
  if (summary.cleared > 0) {
    text += "; the updates clear " + std::to_string(summary.cleared) + " field(s) that held a value";
  }
  return text;
}

int run_import(const Args& args, const Environment& env) {
  if (args.positionals().empty()) throw UsageError("import needs at least one file or folder");
  ImportOptions options;
  options.agency = args.value("agency").value_or("");
  options.year = args.integer("year");
  options.dry_run = args.flag("dry-run");
  Catalog catalog = env.load_catalog();

  std::vector<std::filesystem::path> paths(args.positionals().begin(), args.positionals().end());
  ChangeListener listing;  // a dry run lists each record; an import only counts them
  if (options.dry_run) listing = [&](const RecordChange& change) { print_change(env.out, change); };
  ImportResult result = import_into_store(env.database, paths, options, catalog, listing);
  result.diagnostics.print(env.err);
  for (const auto& note : result.notes) env.out << note << '\n';
  if (result.diagnostics.has_errors()) {
    env.err << "import failed: " << result.diagnostics.count(Severity::Error) << " error(s) in " << result.files.size()
            << " file(s); the store is unchanged\n";
    return kDataErrors;
  }
  std::string warnings;
  if (auto count = result.diagnostics.count(Severity::Warning)) warnings = "; " + std::to_string(count) + " warning(s)";
  if (result.previewed) {
    env.out << "dry run: " << result.records << " record(s) from " << result.files.size() << " file(s) would give "
            << counts(*result.previewed) << warnings << "; nothing was written\n";
    return kOk;
  }
  env.out << "imported " << result.records << " record(s) from " << result.files.size() << " file(s) into "
          << env.database.string() << ": " << counts(*result.saved) << warnings << '\n';
  return kOk;
}

}  // namespace

Command import_command() {
  return {"import",
          "read innovation records (portal .txt profiles, .csv, .json, .xlsx) into the store",
          "inovasi import PATH... [--agency KODE] [--year Y] [--dry-run]\n\n"
          "PATH is a file or a folder (read recursively). CSV files are named after the\n"
          "record kind they hold (instansi.csv, fasilitator.csv, inovasi.csv, ...) and\n"
          "their header must fit that kind. All files are one transaction: any error\n"
          "leaves the store unchanged. An innovation without a kode is found by its name\n"
          "and agency; the same name in another agency is another innovation.",
          {{"agency", "KODE", "agency that portal profiles (.txt) belong to"},
           {"year", "Y", "programme year of portal profiles (default: year of waktu_penerapan)"},
           {"dry-run", "",
            "list each record as new, updated (each field's old and new value) or unchanged; write nothing"}},
          run_import};
}

}  // namespace inovasi::cli
