#include <fstream>
#include "model/file_text.h"
#include <iostream>
#include <sstream>

#include "cli/batch_options.h"
#include "cli/commands.h"
#include "cli/year_data.h"
#include "exports/exports.h"
#include "store/store.h"

namespace inovasi::cli {
namespace {

// The workbook's date: the latest date in the year's data, so re-exports match.
Date data_date(const Snapshot& snapshot, int year) {
  Date latest{year, 1, 1};
  for (const auto& [kind, field] : {std::pair{"penghargaan", "tanggal"}, {"sesi_diskusi", "tanggal"},
                                    {"perjanjian_kinerja", "tanggal_tanda_tangan"}, {"permohonan_diskusi", "tanggal_permohonan"}}) {
    for (const auto& record : snapshot.all(kind)) {
      auto parsed = parse_date(record.get(field));
      if (parsed.date && parsed.date->year == year && *parsed.date > latest) latest = *parsed.date;
    }
  }
  return latest;
}

int run_export(const Args& args, const Environment& env) {
  if (args.positionals().size() != 1) throw UsageError("export needs one of: iga, recap, certificates");
  const std::string& what = args.positionals().front();
  if (what != "iga" && what != "recap" && what != "certificates") {
    throw UsageError("unknown export '" + what + "' (iga, recap, certificates)");
  }
  auto [catalog, store, snapshot, year] = load_year(args, env);
  std::string name = what == "iga" ? "iga-narratives.xlsx" : what == "recap" ? "rekap.xlsx" : "register-sertifikat.xlsx";
  std::filesystem::path target = args.value("output").value_or((env.output / std::to_string(year) / "exports" / name).string());
  exports::ExportContext context{snapshot, catalog, year, data_date(snapshot, year)};
  if (what == "iga") {
    exports::write_iga_export(context, target);
  } else if (what == "recap") {
    exports::write_recap(context, target);
  } else {
    documents::NumberRegistry registry(store.database());
    exports::write_certificate_register(context, registry, read_engraving(env), target);
  }
  env.out << target.string() << '\n';
  return kOk;
}

}  // namespace

std::string read_engraving(const Environment& env) {
  auto engraving = read_file_text(env.templates / "ukiran-trofi.txt");
  if (!engraving) throw UsageError((env.templates / "ukiran-trofi.txt").string() + ": engraving template not found");
  return *engraving;
}

Command export_command() {
  return {"export",
          "write the IGA export, the recap or the certificate register as XLSX",
          "inovasi export iga|recap|certificates [--year Y] [-o FILE]\n\n"
          "Default file: <out>/<year>/exports/iga-narratives.xlsx, rekap.xlsx or register-sertifikat.xlsx.",
          {{"year", "Y", "the programme year (default: the latest in the store)"},
           {"output", "FILE", "where to write the workbook (also -o)"}},
          run_export};
}

}  // namespace inovasi::cli
