#include "cli/batch_options.h"
#include "cli/commands.h"
#include "cli/year_data.h"
#include "documents/document_kind.h"
#include "exports/csv_folder.h"
#include "exports/exports.h"
#include "exports/input_workbook.h"
#include "model/file_text.h"
#include "model/text.h"
#include "store/store.h"

namespace inovasi::cli {
namespace {

// The latest date anywhere in the records: the input workbook's date.
Date latest_date(const Snapshot& snapshot) {
  Date latest{2000, 1, 1};
  for (const auto& kind : record_kinds()) {
    for (const auto& spec : kind.fields) {
      if (spec.type != FieldType::Date) continue;
      for (const auto& record : snapshot.all(kind.name)) {
        auto parsed = parse_date(record.get(spec.name));
        if (parsed.date && *parsed.date > latest) latest = *parsed.date;
      }
    }
  }
  return latest;
}

int run_input_workbook(const Args& args, const Environment& env) {
  Catalog catalog = env.load_catalog();
  std::string agency = args.value("agency").value_or("");
  bool everything = args.flag("all");
  if (everything && !agency.empty()) throw UsageError("--all and --agency do not go together");
  if (everything) {  // every record: read from the store as it is written, never held
    std::filesystem::path target = args.value("output").value_or((env.output / "buku-kerja-semua.xlsx").string());
    exports::write_input_workbook_from_store(Store::open(env.database, false), catalog,
                                             args.integer("year").value_or(0), target);
    env.out << target.string() << '\n';
    return kOk;
  }
  // A blank workbook needs no store: the team can hand it out before the first import.
  bool need_store = everything || !agency.empty() || std::filesystem::exists(env.database);
  Snapshot snapshot;
  if (need_store) snapshot = Snapshot::load(Store::open(env.database, false));
  if (!agency.empty() && snapshot.where("instansi", "kode", agency).empty()) {
    std::vector<std::string> known;
    for (const auto& record : snapshot.all("instansi")) known.emplace_back(record.get("kode"));
    throw UsageError("--agency: no agency with kode '" + agency + "' in the store" +
                     (known.empty() ? std::string(" (it holds none)") : " (known: " + join(known, ", ") + ")"));
  }
  std::string name = everything       ? "buku-kerja-semua.xlsx"
                     : agency.empty() ? "buku-kerja-isian.xlsx"
                                      : "buku-kerja-isian-" + slugify(agency) + ".xlsx";
  std::filesystem::path target = args.value("output").value_or((env.output / name).string());
  exports::InputWorkbookRequest request{
      snapshot, catalog, agency, everything, args.integer("year").value_or(0), latest_date(snapshot)};
  exports::write_input_workbook(request, target);
  env.out << target.string() << '\n';
  return kOk;
}

// Every record as a folder of CSV files that imports back to the same store.
int run_csv_folder(const Args& args, const Environment& env) {
  if (!std::filesystem::exists(env.database))
    throw DataError("no store at " + env.database.string() + ": import the inputs first");
  std::filesystem::path folder = args.value("output").value_or((env.output / "csv").string());
  Store store = Store::open(env.database, false);
  std::size_t records = exports::write_csv_folder(store, folder);
  env.out << folder.string() << " (" << records << " records)\n";
  return kOk;
}

int run_export(const Args& args, const Environment& env) {
  if (args.positionals().size() != 1)
    throw UsageError("export needs one of: iga, recap, certificates, findings, input-workbook, csv");
  const std::string& what = args.positionals().front();
  if (what == "input-workbook") return run_input_workbook(args, env);
  if (what == "csv") return run_csv_folder(args, env);
  if (what != "iga" && what != "recap" && what != "certificates" && what != "findings") {
    throw UsageError("unknown export '" + what + "' (iga, recap, certificates, findings, input-workbook, csv)");
  }
  // None of these workbooks holds the year's innovations: each reads them from the store
  // as it writes them (and the IGA export validates them a slice at a time).
  YearData loaded(args, env);
  auto& [catalog, store, year_source, year] = loaded;
  std::string name = what == "iga"        ? "iga-narratives.xlsx"
                     : what == "recap"    ? "rekap.xlsx"
                     : what == "findings" ? "temuan.xlsx"
                                          : "register-sertifikat.xlsx";
  std::string year_text = std::to_string(year);
  std::string relative = year_text + "/exports/" + name;  // in the output folder, unless -o says elsewhere
  bool in_year_folder = !args.value("output");
  std::filesystem::path target = in_year_folder ? env.output / relative : std::filesystem::path(*args.value("output"));
  // A workbook in the year's folder is one of its files: written in turn with batches,
  // and listed in the manifest.
  FolderLock lock = in_year_folder ? FolderLock(env.output / year_text, env.err) : FolderLock();
  // Dated as of the year's data, so re-exports match.
  exports::ExportContext context{year_source, catalog, documents::latest_year_date(year_source.base(), year)};
  // The files made for the year so far (none before a batch has run): the recap's Berkas
  // sheet, and where a workbook in the year's folder is listed.
  auto manifest_file = manifest_path(env, year);
  Manifest files = Manifest::load(manifest_file);
  std::string_view kind;
  std::string source;
  if (what == "iga") {
    exports::write_iga_export(context, target);
    kind = exports::kIgaKind, source = "ekspor IGA " + year_text;
  } else if (what == "findings") {
    exports::write_findings_report(context, target);
    kind = exports::kFindingsKind, source = "temuan " + year_text;
  } else if (what == "recap") {
    exports::write_recap(context, target, &files);
    kind = exports::kRecapKind, source = "rekap " + year_text;
  } else {
    NumberRegistry registry(store.database());
    exports::write_certificate_register(context, registry, read_engraving(env), target);
    kind = exports::kRegisterKind, source = "register sertifikat " + year_text;
  }
  if (in_year_folder) {
    files.put(file_entry(env.output, relative, std::string(kind), std::move(source)));
    files.save_if_changed(manifest_file);
  }
  env.out << target.string() << '\n';
  return kOk;
}

}  // namespace

std::string read_engraving(const Environment& env) {
  auto engraving = read_file_text(env.templates / "ukiran-trofi.txt");
  if (!engraving)
    throw LocatedError(ErrorKind::Template, {(env.templates / "ukiran-trofi.txt").string(), 0, 0, {}, {}},
                       "engraving template not found");
  return *engraving;
}

Command export_command() {
  return {"export",
          "write the IGA export, the recap, the certificate register, the findings or the input workbook as XLSX",
          "inovasi export iga|recap|certificates|findings [--year Y] [-o FILE]\n"
          "inovasi export input-workbook [--agency KODE | --all] [-o FILE]\n"
          "inovasi export csv [-o FOLDER]\n\n"
          "Default file: <out>/<year>/exports/iga-narratives.xlsx, rekap.xlsx, register-sertifikat.xlsx or\n"
          "temuan.xlsx. The recap, the register and the findings are reports for people: a title,\n"
          "Indonesian column labels (the keys in a hidden row above them), page setup for printing;\n"
          "the IGA export keeps its keys for other programs.\n"
          "The input workbook is what agencies fill in and send back for `inovasi import FILE.xlsx`:\n"
          "one sheet per record kind with the CSV headers, a guide sheet, dropdowns, date and text\n"
          "columns. Blank by default (<out>/buku-kerja-isian.xlsx); --agency fills it with what the\n"
          "store holds for that agency; --all holds every record of every kind (a full copy).\n"
          "csv writes every record as one CSV file per record kind (<out>/csv/), which `inovasi\n"
          "import FOLDER` reads back to the same store.",
          {{"year", "Y",
            "the programme year (default: the latest in the store); for input-workbook, the IGA edition of its "
            "indicator sheet"},
           {"output", "FILE", "where to write the workbook (also -o)"},
           {"agency", "KODE", "input-workbook: prefilled with this agency's records"},
           {"all", "", "input-workbook: every kind and every record in the store"}},
          run_export};
}

}  // namespace inovasi::cli
