#include <iostream>

#include "batch/desk_packet.h"
#include "batch/planning.h"
#include "cli/batch_options.h"
#include "cli/commands.h"
#include "cli/year_data.h"
#include "output/manifest.h"

namespace inovasi::cli {
namespace {

int run_desk_packet(const Args& args, const Environment& env) {
  if (!args.positionals().empty()) throw UsageError("desk-packet takes no arguments");
  // The packets print every narrative (a national year's are some 165 MB): they are read
  // a group of agencies at a time, and validation reads the year a slice at a time.
  YearData loaded(args, env);
  auto& [catalog, store, source, year] = loaded;
  auto lock = lock_year_folder(env, year, args);
  documents::Selection selection{year, args.value("agency").value_or(""), "", "", "", ""};
  // Once for the packets and every agency's workbook: the findings, sorted by agency.
  // Each row scores itself, so the report needs no scores.
  ValidationReport report = validate(source, catalog, false);
  batch::AgencyGroups groups(source, selection.agency);
  auto plan = batch::plan_by_agency_slices(store, groups, catalog, {"desk-packet"}, selection, &report);
  render::TemplateSet templates(env.templates);
  auto fonts = pdf::FontManifest::load(env.fonts);
  // Read once: the batch lists the packets' PDFs in it, then their workbooks and zips go in.
  auto manifest_file = manifest_path(env, year);
  Manifest manifest = Manifest::load(manifest_file);
  auto options = batch_options(args, env);
  auto summary = batch::run_batch(plan, templates, fonts, env.output, manifest, manifest_file, store.database(),
                                  options, env.out, env.err);
  if (options.dry_run) return kOk;
  if (summary.disk_full) return report_batch(args, summary, env);  // said once; nothing more can be written
  auto packets = batch::write_packet_workbooks_and_zips(store, groups, catalog, selection, report, summary,
                                                        options.force, options.jobs, env.output, manifest, env.err);
  summary.failed += packets.failed;
  manifest.save_if_changed(manifest_file);
  env.out << "workbooks and zips: made " << packets.made << ", unchanged " << packets.unchanged << '\n';
  return report_batch(args, summary, env);
}

}  // namespace

Command desk_packet_command() {
  return {"desk-packet", "per agency: the desk-review PDF (bookmarked), its workbook, and a zip of both",
          "inovasi desk-packet [--year Y] [--agency KODE] [--jobs N] [--force] [--dry-run] [--quiet]\n\n"
          "Files: <out>/<year>/desk/<agency>/packet.pdf, packet.xlsx, packet.zip.",
          with_batch_options({{"year", "Y", "the programme year (default: the latest in the store)"},
                              {"agency", "KODE", "only this agency"}}),
          run_desk_packet};
}

}  // namespace inovasi::cli
