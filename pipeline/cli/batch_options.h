#pragma once
// Options and reporting shared by the commands that run batches.

#include <thread>

#include "batch/batch_run.h"
#include "cli/args.h"
#include "cli/environment.h"
#include "cli/signing.h"
#include "output/folder_lock.h"

namespace inovasi::cli {

// The command's own options followed by those every batch takes.
inline std::vector<OptionSpec> with_batch_options(std::vector<OptionSpec> options) {
  options.push_back({"jobs", "N", "parallel workers (default: the number of cores)"});
  options.push_back({"force", "", "remake documents whose inputs did not change"});
  options.push_back({"dry-run", "", "print the plan (new, changed, unchanged) and make nothing"});
  options.push_back({"quiet", "", "no progress display"});
  options.push_back({"replace-missing-glyphs", "",
                     "print characters no font has as '?' (with a warning) instead of failing their documents"});
  for (auto& option : sign_option_specs()) options.push_back(option);
  options.push_back({"sign-as", "ROLE",
                     "with --p12: sign each document made in its signature field ROLE (kepala_daerah, "
                     "kepala_instansi)"});
  return options;
}

inline batch::BatchOptions batch_options(const Args& args, const Environment& env) {
  batch::BatchOptions options;
  int cores = static_cast<int>(std::thread::hardware_concurrency());
  options.jobs = args.integer("jobs").value_or(cores > 0 ? cores : 1);
  if (options.jobs < 1 || options.jobs > 256) throw UsageError("--jobs must be from 1 to 256");
  options.force = args.flag("force");
  options.dry_run = args.flag("dry-run");
  options.quiet = args.flag("quiet");
  options.replace_missing_glyphs = args.flag("replace-missing-glyphs");
  options.signing = batch_signing(args, env);
  return options;
}

inline std::filesystem::path manifest_path(const Environment& env, int year) {
  return env.output / std::to_string(year) / "exports" / "manifest.json";
}

// Held by a command that writes into the year's output folder, for the whole command;
// a dry run writes nothing and takes none.
inline FolderLock lock_year_folder(const Environment& env, int year, const Args& args) {
  if (args.flag("dry-run")) return FolderLock();
  return FolderLock(env.output / std::to_string(year), env.err);
}

// Renders planned documents as a batch, into the output folder, listing them in
// `manifest` (the year's, read by the command) and saving it.
inline batch::BatchSummary run_documents(const std::vector<documents::PlannedDocument>& planned,
                                         const render::TemplateSet& templates, const pdf::FontManifest& fonts,
                                         Database& db, const Args& args, const Environment& env, int year,
                                         Manifest& manifest) {
  return batch::run_batch(batch::SlicedPlan(planned), templates, fonts, env.output, manifest, manifest_path(env, year),
                          db, batch_options(args, env), env.out, env.err);
}

// The trophy engraving template (templates/ukiran-trofi.txt).
std::string read_engraving(const Environment& env);

// "made 3, unchanged 40, failed 1 (2.1 s)"; exit 1 when anything failed.
inline int report_batch(const Args& args, const batch::BatchSummary& summary, const Environment& env) {
  if (args.flag("dry-run")) return kOk;
  env.out << "made " << summary.made << ", unchanged " << summary.unchanged << ", failed " << summary.failed << " ("
          << summary.seconds << " s)\n";
  return summary.failed ? kDataErrors : kOk;
}

}  // namespace inovasi::cli
