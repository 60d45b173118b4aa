#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/finding_json.h"
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

// A dry run (or an import) as one JSON object, for the console's import page: each new
// or updated record with its changed fields, and each finding with its code and its
// Indonesian text. Unchanged records are only counted.
class JsonReport {
 public:
  static constexpr std::size_t kChangesListed = 2000;

  void add(const RecordChange& change) {
    if (change.status == 's') return;
    if (changes_.size() >= kChangesListed) {
      ++left_out_;
      return;
    }
    const Record& record = *change.record;
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    item->set("status", change.status == 'n' ? "baru" : "diubah");
    item->set("jenis", std::string(record.kind->name));
    item->set("data", record.key_label());
    item->set("berkas", record.where.file);
    item->set("baris", record.where.line);
    Poco::JSON::Array fields;
    for (const auto& field : change.fields) {
      Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      entry->set("kolom", field.name);
      entry->set("sebelum", field.before);
      entry->set("sesudah", field.after);
      fields.add(entry);
    }
    item->set("isian", fields);
    changes_.add(item);
  }

  void print(const ImportResult& result, const Catalog& catalog, std::ostream& out) const {
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    bool failed = result.diagnostics.has_errors();
    root.set("berhasil", !failed);
    root.set("uji_coba", !result.saved.has_value());
    root.set("berkas_dibaca", static_cast<int>(result.files.size()));
    root.set("rekaman", static_cast<int>(result.records));
    const auto& summary = result.saved ? result.saved : result.previewed;
    if (summary) {
      Poco::JSON::Object::Ptr counts = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      counts->set("baru", static_cast<int>(summary->inserted));
      counts->set("diubah", static_cast<int>(summary->updated));
      counts->set("tetap", static_cast<int>(summary->unchanged));
      counts->set("isian_dikosongkan", static_cast<int>(summary->cleared));
      root.set("jumlah", counts);
    }
    root.set("perubahan", changes_);
    root.set("perubahan_tidak_dicantumkan", static_cast<int>(left_out_));
    Poco::JSON::Array findings;
    for (const auto& finding : result.diagnostics.all()) {
      findings.add(finding_json(finding, catalog));
    }
    root.set("temuan", findings);
    root.set("temuan_tidak_dicantumkan", static_cast<int>(result.diagnostics.left_out()));
    Poco::JSON::Array notes;
    for (const auto& note : result.notes) notes.add(note);
    root.set("catatan", notes);
    root.stringify(out, 1);
    out << '\n';
  }

 private:
  Poco::JSON::Array changes_;
  std::size_t left_out_ = 0;
};

int run_import(const Args& args, const Environment& env) {
  if (args.positionals().empty()) throw UsageError("import needs at least one file or folder");
  ImportOptions options;
  options.agency = args.value("agency").value_or("");
  options.year = args.integer("year");
  options.dry_run = args.flag("dry-run");
  Catalog catalog = env.load_catalog();

  std::vector<std::filesystem::path> paths(args.positionals().begin(), args.positionals().end());
  ChangeListener listing;  // a dry run lists each record; an import only counts them
  JsonReport json;
  if (options.dry_run) {
    listing = args.flag("json") ? ChangeListener([&](const RecordChange& change) { json.add(change); })
                                : ChangeListener([&](const RecordChange& change) { print_change(env.out, change); });
  }
  ImportResult result = import_into_store(env.database, paths, options, catalog, listing);
  if (args.flag("json")) {
    json.print(result, catalog, env.out);
    return result.diagnostics.has_errors() ? kDataErrors : kOk;
  }
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
  return {
      "import",
      "read innovation records (portal .txt profiles, .csv, .json, .xlsx) into the store",
      "inovasi import PATH... [--agency KODE] [--year Y] [--dry-run] [--json]\n\n"
      "PATH is a file or a folder (read recursively). CSV files are named after the\n"
      "record kind they hold (instansi.csv, fasilitator.csv, inovasi.csv, ...) and\n"
      "their header must fit that kind. All files are one transaction: any error\n"
      "leaves the store unchanged. An innovation without a kode is found by its name\n"
      "and agency; the same name in another agency is another innovation.",
      {{"agency", "KODE", "agency that portal profiles (.txt) belong to"},
       {"year", "Y", "programme year of portal profiles (default: year of waktu_penerapan)"},
       {"dry-run", "", "list each record as new, updated (each field's old and new value) or unchanged; write nothing"},
       {"json", "",
        "the outcome as one JSON object: new and updated records (with --dry-run) and each finding with its "
        "code and Indonesian text"}},
      run_import};
}

}  // namespace inovasi::cli
