#pragma once
// The input workbook the agencies fill in and send back (`export input-workbook`): one
// sheet per record kind with the CSV headers, so `import FILE.xlsx` reads it back; a
// guide sheet, notes on each header, dropdowns, date and text columns. Its wording lives
// in templates/catalog/buku-kerja-isian.json (Catalog::workbook_guide).

#include <filesystem>
#include <string>

#include "model/catalog.h"
#include "model/date.h"
#include "store/store.h"
#include "store/snapshot.h"

namespace inovasi::exports {

struct InputWorkbookRequest {
  const Snapshot& snapshot;
  const Catalog& catalog;
  std::string agency;       // prefill the agency sheets with this agency's records
  bool everything = false;  // every kind and every record: the team's own copy, and the round trip
  int year = 0;             // the IGA edition for the indicator sheet (0: the newest)
  Date created;             // the workbook's date: the data's, never the wall clock
};

// Throws std::runtime_error when the catalogue has no guide, or naming the cell that
// cannot be written.
void write_input_workbook(const InputWorkbookRequest& request, const std::filesystem::path& target);

// The full copy (`--all`) read from the store a record at a time and written a row at a
// time (libxlsxwriter's constant-memory mode): a national store's workbook without its
// records in memory. `year` chooses the indicator sheet's edition (0: the store's latest).
void write_input_workbook_from_store(const Store& store, const Catalog& catalog, int year,
                                     const std::filesystem::path& target);

}  // namespace inovasi::exports
