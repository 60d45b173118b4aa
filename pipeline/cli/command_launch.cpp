#include <iostream>

#include "cli/batch_options.h"
#include "cli/commands.h"
#include "batch/planning.h"
#include "batch/print_file.h"
#include "cli/readiness.h"
#include "cli/year_data.h"
#include "exports/exports.h"

namespace inovasi::cli {
namespace {

struct PlanRun {
  batch::BatchSummary summary;
  Date latest;  // the latest planned document's date
};

// Renders `plan` and writes the certificates' print file from it, listing both in
// `manifest` (the command's, read once).
PlanRun run_with_print_file(const batch::SlicedPlan& plan, YearData& loaded, const Args& args, const Environment& env,
                            Manifest& manifest) {
  render::TemplateSet templates(env.templates);
  auto fonts = pdf::FontManifest::load(env.fonts);
  batch::PrintFileContents print_file(loaded.store);
  auto options = batch_options(args, env);
  PlanRun run{{}, {loaded.year, 1, 1}};
  auto gather = print_file.keys();
  auto summary = batch::run_batch(
      plan, templates, fonts, env.output, manifest, manifest_path(env, loaded.year), loaded.store.database(), options,
      env.out, env.err, [&](std::size_t slice, const documents::PlannedDocument& doc, const std::string& key) {
        run.latest = std::max(run.latest, doc.date);
        gather(slice, doc, key);
      });
  run.summary = std::move(summary);
  if (options.dry_run || run.summary.disk_full) return run;
  print_file.drop_failed(run.summary.standing);
  auto file = batch::write_print_file(plan, print_file, templates, fonts, env.output, manifest_path(env, loaded.year),
                                      loaded.year, options.force, options.jobs, manifest);
  if (!file.empty()) env.out << "print file: " << file.string() << '\n';
  return run;
}

documents::Selection year_and_agency(const YearData& loaded, const Args& args) {
  return {loaded.year, args.value("agency").value_or(""), "", "", "", ""};
}

int run_launch(const Args& args, const Environment& env) {
  if (!args.positionals().empty()) throw UsageError("launch takes no arguments");
  // No innovation is held whole: the certificates and the validation read them a slice at
  // a time, the register and the recap as they write them, the contracts only those
  // their lines name.
  YearData loaded(args, env);
  auto lock = lock_year_folder(env, loaded.year, args);
  // Contracts are one per agency, planned whole; certificates a slice of innovations at a time.
  auto selection = year_and_agency(loaded, args);
  Snapshot contracted = loaded.source.with_contracted_innovations();
  auto contracts =
      batch::plan_kinds(loaded.store, contracted, loaded.catalog, {"contract"}, selection, args.flag("signed"));
  auto plan = batch::plan_by_innovation_slices(loaded.store, loaded.source, loaded.catalog, {"certificate"}, selection,
                                               args.flag("signed"), std::move(contracts));
  // Read once: the batch, the print file and the workbooks each list their files in it.
  auto manifest_file = manifest_path(env, loaded.year);
  Manifest manifest = Manifest::load(manifest_file);
  auto [summary, latest] = run_with_print_file(plan, loaded, args, env, manifest);
  if (args.flag("dry-run")) return kOk;
  if (summary.disk_full) return report_batch(args, summary, env);  // said once; nothing more can be written
  const auto& [catalog, store, source, year] = loaded;
  // The year validated once, with its scores: the recap charts them, the findings report
  // lists the findings, and the summary below names the agencies not ready.
  ValidationReport report = validate(source, catalog, true);
  exports::ExportContext context{source, catalog, latest, {}, &report};  // dated as the latest document
  // The register and the findings first, so the recap's list of files has them; the
  // manifest then lists all three.
  std::string year_text = std::to_string(year);
  std::string register_path = year_text + "/exports/register-sertifikat.xlsx";  // in the output folder
  std::string findings_path = year_text + "/exports/temuan.xlsx";
  std::string recap_path = year_text + "/exports/rekap.xlsx";
  NumberRegistry registry(loaded.store.database());
  exports::write_certificate_register(context, registry, read_engraving(env), env.output / register_path);
  manifest.put(
      file_entry(env.output, register_path, std::string(exports::kRegisterKind), "register sertifikat " + year_text));
  exports::write_findings_report(context, env.output / findings_path);
  manifest.put(file_entry(env.output, findings_path, std::string(exports::kFindingsKind), "temuan " + year_text));
  exports::write_recap(context, env.output / recap_path, &manifest);
  manifest.put(file_entry(env.output, recap_path, std::string(exports::kRecapKind), "rekap " + year_text));
  manifest.save_if_changed(manifest_file);
  env.out << "workbooks: " << (env.output / recap_path).string() << ", " << (env.output / register_path).string()
          << ", " << (env.output / findings_path).string() << '\n';
  print_not_ready(report, env.out);
  return report_batch(args, summary, env);
}

int run_certificates(const Args& args, const Environment& env) {
  if (!args.positionals().empty()) throw UsageError("certificates takes no arguments");
  // Certificates print no narrative, and read the innovations a slice at a time.
  YearData loaded(args, env);
  auto lock = lock_year_folder(env, loaded.year, args);
  auto plan = batch::plan_by_innovation_slices(loaded.store, loaded.source, loaded.catalog, {"certificate"},
                                               year_and_agency(loaded, args), args.flag("signed"));
  Manifest manifest = Manifest::load(manifest_path(env, loaded.year));
  return report_batch(args, run_with_print_file(plan, loaded, args, env, manifest).summary, env);
}

}  // namespace

Command launch_command() {
  return {"launch", "the Launching Inovasi pack: every contract and certificate, print file, recap, register, findings",
          "inovasi launch [--year Y] [--agency KODE] [--signed] [--jobs N] [--force] [--dry-run] [--quiet]\n\n"
          "Makes each agency's performance contract and a certificate for every award and every\n"
          "innovation at Penerapan submitted to the IGA, the certificates' print file, the recap,\n"
          "certificate-register and findings workbooks (reports to print, in Indonesian), and lists\n"
          "the agencies that are not ready and why.",
          with_batch_options({{"year", "Y", "the programme year (default: the latest in the store)"},
                              {"agency", "KODE", "only this agency"},
                              {"signed", "", "place scanned signatures and stamps"}}),
          run_launch};
}

Command certificates_command() {
  return {"certificates", "every certificate of the year, one PDF each, and one print file with all of them",
          "inovasi certificates [--year Y] [--agency KODE] [--signed] [--jobs N] [--force] [--dry-run] [--quiet]",
          with_batch_options({{"year", "Y", "the programme year (default: the latest in the store)"},
                              {"agency", "KODE", "only this agency"},
                              {"signed", "", "place scanned signatures and stamps"}}),
          run_certificates};
}

}  // namespace inovasi::cli
