#include <iostream>

#include "cli/batch_options.h"
#include "cli/commands.h"
#include "cli/launch_support.h"
#include "cli/year_data.h"
#include "exports/exports.h"

namespace inovasi::cli {
namespace {

// Plans the kinds for the year (and agency), renders them, and writes the
// certificates' print file; returns the plan and the batch's summary.
struct CertificateRun {
  std::vector<documents::PlannedDocument> planned;
  batch::BatchSummary summary;
};

CertificateRun run_with_print_file(YearData& loaded, const std::vector<std::string_view>& kinds, const Args& args,
                                   const Environment& env) {
  documents::Selection selection{loaded.year, args.value("agency").value_or(""), "", "", "", ""};
  CertificateRun run;
  run.planned = plan_kinds(loaded.store, loaded.snapshot, loaded.catalog, kinds, selection, args.flag("signed"));
  render::TemplateSet templates(env.templates);
  auto fonts = pdf::FontManifest::load(env.fonts);
  run.summary = run_documents(run.planned, templates, fonts, loaded.store.database(), args, env, loaded.year);
  if (args.flag("dry-run")) return run;
  auto print_file =
      write_print_file(run.planned, run.summary.keys, templates, fonts, env, loaded.year, args.flag("force"),
                       batch_options(args).jobs);
  if (!print_file.empty()) env.out << "print file: " << print_file.string() << '\n';
  return run;
}

int run_launch(const Args& args, const Environment& env) {
  if (!args.positionals().empty()) throw UsageError("launch takes no arguments");
  // Validated (the agencies not ready) but prints no innovation's narrative.
  YearData loaded = load_year(args, env, Snapshot::Contents::NarrativeWordCounts);
  auto lock = lock_year_folder(env, loaded.year, args);
  auto [planned, summary] = run_with_print_file(loaded, {"contract", "certificate"}, args, env);
  if (args.flag("dry-run")) return kOk;
  const auto& [catalog, store, snapshot, year] = loaded;
  exports::ExportContext context{snapshot, catalog, year, {year, 1, 1}};
  for (const auto& doc : planned) context.date = std::max(context.date, doc.date);
  // The register first, so the recap's list of files has it; the manifest then lists both.
  std::string year_text = std::to_string(year);
  std::string register_path = year_text + "/exports/register-sertifikat.xlsx";  // in the output folder
  std::string recap_path = year_text + "/exports/rekap.xlsx";
  documents::NumberRegistry registry(loaded.store.database());
  exports::write_certificate_register(context, registry, read_engraving(env), env.output / register_path);
  auto manifest_file = manifest_path(env, year);
  Manifest manifest = Manifest::load(manifest_file);
  manifest.put(file_entry(env.output, register_path, std::string(exports::kRegisterKind), "register sertifikat " + year_text));
  exports::write_recap(context, env.output / recap_path, &manifest);
  manifest.put(file_entry(env.output, recap_path, std::string(exports::kRecapKind), "rekap " + year_text));
  manifest.save_if_changed(manifest_file);
  env.out << "workbooks: " << (env.output / recap_path).string() << ", " << (env.output / register_path).string() << '\n';
  print_not_ready(snapshot, catalog, year, env.out);
  return report_batch(args, summary, env);
}

int run_certificates(const Args& args, const Environment& env) {
  if (!args.positionals().empty()) throw UsageError("certificates takes no arguments");
  YearData loaded = load_year(args, env, Snapshot::Contents::WithoutNarratives);  // certificates print none
  auto lock = lock_year_folder(env, loaded.year, args);
  auto run = run_with_print_file(loaded, {"certificate"}, args, env);
  return report_batch(args, run.summary, env);
}

}  // namespace

Command launch_command() {
  return {"launch",
          "the Launching Inovasi pack: every contract and certificate, print file, recap, register",
          "inovasi launch [--year Y] [--agency KODE] [--signed] [--jobs N] [--force] [--dry-run] [--quiet]\n\n"
          "Makes each agency's performance contract and a certificate for every award and every\n"
          "innovation at Penerapan submitted to the IGA, the certificates' print file, the recap\n"
          "and certificate-register workbooks, and lists the agencies that are not ready and why.",
          with_batch_options({{"year", "Y", "the programme year (default: the latest in the store)"},
                              {"agency", "KODE", "only this agency"},
                              {"signed", "", "place scanned signatures and stamps"}}),
          run_launch};
}

Command certificates_command() {
  return {"certificates",
          "every certificate of the year, one PDF each, and one print file with all of them",
          "inovasi certificates [--year Y] [--agency KODE] [--signed] [--jobs N] [--force] [--dry-run] [--quiet]",
          with_batch_options({{"year", "Y", "the programme year (default: the latest in the store)"},
                              {"agency", "KODE", "only this agency"},
                              {"signed", "", "place scanned signatures and stamps"}}),
          run_certificates};
}

}  // namespace inovasi::cli
