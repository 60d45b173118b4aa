#include <iostream>

#include "cli/commands.h"
#include "importers/import_job.h"
#include "store/store.h"

namespace inovasi::cli {
namespace {

int run_import(const Args& args, const Environment& env) {
  if (args.positionals().empty()) throw UsageError("import needs at least one file or folder");
  ImportOptions options;
  options.agency = args.value("agency").value_or("");
  options.year = args.integer("year");
  Catalog catalog = env.load_catalog();

  std::vector<std::filesystem::path> paths(args.positionals().begin(), args.positionals().end());
  ImportResult result = import_into_store(env.database, paths, options, catalog);
  result.diagnostics.print(env.err);
  for (const auto& note : result.notes) env.out << note << '\n';
  if (!result.saved) {
    env.err << "import failed: " << result.diagnostics.count(Severity::Error) << " error(s) in "
            << result.files.size() << " file(s); the store is unchanged\n";
    return kDataErrors;
  }
  const SaveSummary& summary = *result.saved;
  env.out << "imported " << result.dataset.records.size() << " record(s) from " << result.files.size()
          << " file(s) into " << env.database.string() << ": " << summary.inserted << " new, " << summary.updated
          << " updated, " << summary.unchanged << " unchanged";
  if (auto warnings = result.diagnostics.count(Severity::Warning)) env.out << "; " << warnings << " warning(s)";
  env.out << '\n';
  return kOk;
}

}  // namespace

Command import_command() {
  return {"import",
          "read innovation records (portal .txt profiles, .csv, .json) into the store",
          "inovasi import PATH... [--agency KODE] [--year Y]\n\n"
          "PATH is a file or a folder (read recursively). CSV files are named after the\n"
          "record kind they hold (instansi.csv, fasilitator.csv, inovasi.csv, ...).\n"
          "All files are one transaction: any error leaves the store unchanged.",
          {{"agency", "KODE", "agency that portal profiles (.txt) belong to"},
           {"year", "Y", "programme year of portal profiles (default: year of waktu_penerapan)"}},
          run_import};
}

}  // namespace inovasi::cli
