#include "batch/desk_packet.h"

#include <Poco/DateTime.h>
#include <Poco/Zip/Compress.h>

#include <atomic>
#include <fstream>
#include <ostream>
#include <sstream>

#include "exports/exports.h"
#include "output/atomic_file.h"
#include "support/parallel_for.h"

namespace inovasi::batch {
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
                               const exports::ExportContext& year_context, const BatchSummary& summary, bool force,
                               int jobs, const std::filesystem::path& output, ZipCounts& zips) {
  PacketFiles files{std::vector<std::string>(planned.size()), std::vector<std::vector<ManifestEntry>>(planned.size())};
  parallel_for(planned.size(), jobs, [&](std::size_t i) {
    const auto& doc = planned[i];
    std::size_t at = first + i;
    auto folder = output / std::filesystem::path(doc.path).parent_path();
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
      files.entries[i] = {file_entry(output, relative + "/packet.xlsx", "desk-packet-workbook", doc.label),
                          file_entry(output, relative + "/packet.zip", "desk-packet-zip", doc.label)};
    } catch (const std::exception& e) {
      files.errors[i] = e.what();
    }
  });
  return files;
}

}  // namespace

PacketCounts write_packet_workbooks_and_zips(Store& store, const AgencyGroups& groups, const Catalog& catalog,
                                             const documents::Selection& selection, const ValidationReport& report,
                                             const BatchSummary& summary, bool force, int jobs,
                                             const std::filesystem::path& output, Manifest& manifest,
                                             std::ostream& err) {
  FindingsByAgency findings = findings_by_agency(report);
  int year = selection.year.value_or(0);
  // A group of agencies at a time, as the packets were: each group's innovations read
  // again, and its packets planned again for their paths and dates.
  ZipCounts zips;
  PacketCounts counts;
  std::size_t first = 0;
  for (std::size_t s = 0; s < groups.size(); ++s) {
    Snapshot held = groups.snapshot(s);
    auto planned = plan_kinds(store, held, catalog, {"desk-packet"}, selection, false, &report);
    YearSource group(held, year);
    exports::ExportContext context{group, catalog, {year, 1, 1}, "", &report, &findings};
    auto files = write_packet_files(planned, first, context, summary, force, jobs, output, zips);
    for (std::size_t i = 0; i < planned.size(); ++i) {
      for (const auto& entry : files.entries[i]) manifest.put(entry);
      if (files.errors[i].empty()) continue;
      err << "desk-packet: " << planned[i].label << ": " << files.errors[i] << '\n';
      ++counts.failed;
    }
    first += planned.size();
  }
  if (zips.made > 0) sync_filesystem(output);  // the zips are on disk before they are listed
  counts.made = zips.made;
  counts.unchanged = zips.unchanged;
  return counts;
}

}  // namespace inovasi::batch
