#pragma once
// One CSV file per record kind, named after the kind (fasilitator.csv, inovasi-2025.csv)
// or recognised by its headers, which are the field names (schema.h).

#include <string>

#include "importers/import_context.h"

namespace inovasi {

void import_csv(std::string content, const std::string& file, const ImportContext& context);

// The kind a file is for, judged by its name and otherwise by its header.
const RecordKind* kind_for_csv(const std::string& file, const std::vector<std::string>& header);

// "Nama Inovasi " -> "nama_inovasi": headers as people type them, compared as keys.
std::string normalize_header(std::string_view header);

}  // namespace inovasi
