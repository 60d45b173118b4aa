#pragma once
// One CSV file per record kind, named after the kind (fasilitator.csv, inovasi-2025.csv)
// or recognised by its headers, which are the field names (schema.h).

#include <functional>
#include <string>

#include "importers/import_context.h"

namespace inovasi {

void import_csv(std::string content, const std::string& file, const ImportContext& context);

// The kind a file is for, judged by its name and otherwise by its header.
const RecordKind* kind_for_csv(const std::string& file, const std::vector<std::string>& header);

// The field each header names (nullptr for unknown columns, warned about). Reports
// columns that appear twice and missing key columns (a row cannot be matched to a
// record without them; other required fields may come from another file).
// `header_at(column)` locates a header cell; `context` ends the missing-key message.
std::vector<const FieldSpec*> map_columns(const RecordKind& kind, const std::vector<std::string>& header,
                                          const std::vector<std::string>& written,
                                          const std::function<SourceLocation(std::size_t)>& header_at,
                                          std::string_view context, Diagnostics& diagnostics);

// "Nama Inovasi " -> "nama_inovasi": headers as people type them, compared as keys.
std::string normalize_header(std::string_view header);

}  // namespace inovasi
