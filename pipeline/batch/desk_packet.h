#pragma once
// Desk-review packets: per agency, packet.pdf (made by the batch from the desk-packet
// kind), its workbook (the agency's part of the IGA export) and packet.zip of both. The
// workbooks and zips are written after the batch, a group of agencies at a time as the
// packets were planned, beside PDFs the batch made or kept, and only when they change.

#include <cstddef>
#include <filesystem>
#include <iosfwd>

#include "batch/batch_run.h"
#include "batch/planning.h"
#include "output/manifest.h"

namespace inovasi::batch {

struct PacketCounts {
  std::size_t made = 0, unchanged = 0, failed = 0;
};

// The workbooks and zips of the packets `groups` planned, after the batch that made
// their PDFs (`summary`); listed in `manifest`, each failure reported on `err`.
PacketCounts write_packet_workbooks_and_zips(Store& store, const AgencyGroups& groups, const Catalog& catalog,
                                             const documents::Selection& selection, const ValidationReport& report,
                                             const BatchSummary& summary, bool force, int jobs,
                                             const std::filesystem::path& output, Manifest& manifest,
                                             std::ostream& err);

}  // namespace inovasi::batch
