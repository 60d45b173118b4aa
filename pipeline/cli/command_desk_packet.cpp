#include <Poco/DateTime.h>
#include <Poco/Zip/Compress.h>

#include <atomic>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/batch_options.h"
#include "cli/commands.h"
#include "cli/year_data.h"
#include "cli/launch_support.h"
#include "exports/exports.h"
#include "support/parallel_for.h"
#include "output/atomic_file.h"
#include "output/manifest.h"

namespace inovasi::cli {
namespace {

// packet.zip beside packet.pdf and packet.xlsx, made in memory (a packet is some
// hundred KB) and written whole, as every output file is. Its entries carry the packet's
// date, not the files' times: the same packet gives the same bytes.
void write_zip(const std::filesystem::path& folder, const Date& date) {
  std::ostringstream out(std::ios::binary);
  Poco::Zip::Compress zip(out, true);
  for (auto name : {"packet.pdf", "packet.xlsx"}) {
    std::ifstream in(folder / name, std::ios::binary);
    if (!in) throw OutputError((folder / name).string() + ": cannot read");
    // zlib's fastest level, as for every file this program zips (cli/deflate_level.cpp):
    // Poco's default, the slowest, took most of a national run's 1,850 packets' time.
    zip.addFile(in, Poco::DateTime(date.year, date.month, date.day), Poco::Path(name), Poco::Zip::ZipCommon::CM_DEFLATE,
                Poco::Zip::ZipCommon::CL_SUPERFAST);
  }
  zip.close();
  write_file_atomically(folder / "packet.zip", out.str(), false);  // flushed once for the run, below
}

// packet.zip is there and was written after both its files (a run killed between a
// workbook and its zip leaves the zip older than the workbook).
bool zip_is_current(const std::filesystem::path& folder) {
  std::error_code error;
  auto zip = std::filesystem::last_write_time(folder / "packet.zip", error);
  if (error) return false;
  for (auto name : {"packet.pdf", "packet.xlsx"}) {
    auto made = std::filesystem::last_write_time(folder / name, error);
    if (error || made > zip) return false;
  }
  return true;
}

// One slice's workbooks and zips, on the batch's workers; their errors and manifest
// entries are kept in plan order. Like the PDFs, they are written only when they change:
// a workbook is made and kept only when its bytes differ from the one there; the zip when
// either of its files was written by this run (times alone can tie on a filesystem that
// keeps whole seconds), or is newer (written by a run killed before its zip).
struct PacketFiles {
  std::vector<std::string> errors;                  // per packet of the slice
  std::vector<std::vector<ManifestEntry>> entries;  // each packet's workbook and zip
};
struct ZipCounts {
  std::atomic<std::size_t> made{0}, unchanged{0};
};

// `first`: the slice's first packet's place in the whole plan.
PacketFiles write_packet_files(const std::vector<documents::PlannedDocument>& planned, std::size_t first,
                               const exports::ExportContext& year_context, const batch::BatchSummary& summary,
                               bool force, int jobs, const Environment& env, ZipCounts& zips) {
  PacketFiles files{std::vector<std::string>(planned.size()), std::vector<std::vector<ManifestEntry>>(planned.size())};
  parallel_for(planned.size(), jobs, [&](std::size_t i) {
    const auto& doc = planned[i];
    std::size_t at = first + i;
    auto folder = env.output / std::filesystem::path(doc.path).parent_path();
    // Its PDF failed (reported above): a folder another agency's packet holds is not this one's.
    if (at >= summary.standing.size() || !summary.standing[at]) return;
    try {
      exports::ExportContext context = year_context;
      context.date = doc.date;
      context.agency = doc.agency;
      bool workbook_changed = exports::write_iga_export(context, folder / "packet.xlsx", !force);
      bool pdf_made = at < summary.made_now.size() && summary.made_now[at];
      if (force || pdf_made || workbook_changed || !zip_is_current(folder)) {
        write_zip(folder, doc.date);
        ++zips.made;
      } else {
        ++zips.unchanged;
      }
      // Both are made whole from their inputs and the same inputs give the same bytes, so
      // each is its own key.
      auto relative = std::filesystem::path(doc.path).parent_path().generic_string();
      files.entries[i] = {file_entry(env.output, relative + "/packet.xlsx", "desk-packet-workbook", doc.label),
                          file_entry(env.output, relative + "/packet.zip", "desk-packet-zip", doc.label)};
    } catch (const std::exception& e) {
      files.errors[i] = e.what();
    }
  });
  return files;
}

int run_desk_packet(const Args& args, const Environment& env) {
  if (!args.positionals().empty()) throw UsageError("desk-packet takes no arguments");
  // The packets print every narrative (a national year's are some 165 MB): they are read
  // a group of agencies at a time, and validation reads the year a slice at a time.
  auto [catalog, store, snapshot, year] = load_year(args, env, Snapshot::Contents::WithoutInnovations);
  auto lock = lock_year_folder(env, year, args);
  documents::Selection selection{year, args.value("agency").value_or(""), "", "", "", ""};
  // Once for the packets and every agency's workbook: the findings, sorted by agency.
  // Each row scores itself, so the report needs no scores.
  ValidationReport report = validate_in_slices(snapshot, store, catalog, year, false);
  AgencyGroups slices(store, snapshot, selection.agency);
  auto plan = plan_by_agency_slices(store, slices, catalog, {"desk-packet"}, selection, &report);
  render::TemplateSet templates(env.templates);
  auto fonts = pdf::FontManifest::load(env.fonts);
  // Read once: the batch lists the packets' PDFs in it, then their workbooks and zips go in.
  auto manifest_file = manifest_path(env, year);
  Manifest manifest = Manifest::load(manifest_file);
  auto options = batch_options(args);
  auto summary = batch::run_batch(plan, templates, fonts, env.output, manifest, manifest_file, store.database(), options,
                                  env.out, env.err);
  if (options.dry_run) return kOk;
  if (summary.disk_full) return report_batch(args, summary, env);  // said once; nothing more can be written
  FindingsByAgency findings = findings_by_agency(report);
  // The workbooks a group of agencies at a time, as the packets were: each group's
  // innovations read again, and its packets planned again for their paths and dates.
  ZipCounts zips;
  std::size_t first = 0;
  for (std::size_t s = 0; s < slices.size(); ++s) {
    Snapshot held = slices.snapshot(s);
    auto planned = plan_kinds(store, held, catalog, {"desk-packet"}, selection, false, &report);
    exports::ExportContext context{held, catalog, year, {year, 1, 1}, "", &report, &findings};
    auto files = write_packet_files(planned, first, context, summary, options.force, options.jobs, env, zips);
    for (std::size_t i = 0; i < planned.size(); ++i) {
      for (const auto& entry : files.entries[i]) manifest.put(entry);
      if (files.errors[i].empty()) continue;
      env.err << "desk-packet: " << planned[i].label << ": " << files.errors[i] << '\n';
      ++summary.failed;
    }
    first += planned.size();
  }
  if (zips.made > 0) sync_filesystem(env.output);  // the zips are on disk before they are listed
  manifest.save_if_changed(manifest_file);
  env.out << "workbooks and zips: made " << zips.made << ", unchanged " << zips.unchanged << '\n';
  return report_batch(args, summary, env);
}

}  // namespace

Command desk_packet_command() {
  return {"desk-packet",
          "per agency: the desk-review PDF (bookmarked), its workbook, and a zip of both",
          "inovasi desk-packet [--year Y] [--agency KODE] [--jobs N] [--force] [--dry-run] [--quiet]\n\n"
          "Files: <out>/<year>/desk/<agency>/packet.pdf, packet.xlsx, packet.zip.",
          with_batch_options({{"year", "Y", "the programme year (default: the latest in the store)"},
                              {"agency", "KODE", "only this agency"}}),
          run_desk_packet};
}

}  // namespace inovasi::cli
