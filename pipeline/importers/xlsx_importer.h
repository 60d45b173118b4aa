#pragma once
// Workbooks whose sheets are named after record kinds (instansi, fasilitator, ...) and
// whose first row holds the same headers as the CSV files, whatever tool saved them.
// Errors name the sheet and cell: `data.xlsx:fasilitator!C7: nip: ...`.

#include <string>

#include "importers/import_context.h"
#include "model/date.h"

namespace inovasi {

void import_xlsx(const std::string& file, const ImportContext& context);

// An Excel serial date (days since 1899-12-30, or since 1904-01-01) as a date.
std::optional<Date> date_from_serial(double serial, bool date1904);

}  // namespace inovasi
