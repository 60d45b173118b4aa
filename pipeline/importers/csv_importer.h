#pragma once
// One CSV file per record kind, named after the kind (fasilitator.csv, inovasi-2025.csv)
// or recognised by its headers, which are the field names (schema.h).

#include <filesystem>
#include <functional>
#include <string>

#include "importers/import_context.h"

namespace inovasi {

// Reads the file a row at a time.
void import_csv(const std::filesystem::path& path, const ImportContext& context);

// How a header row fits a record kind: a header fits when every key column the kind
// cannot derive is there and more of its columns are the kind's than not.
struct HeaderFit {
  const RecordKind* kind = nullptr;
  std::size_t known = 0;    // columns that are the kind's fields
  std::size_t unknown = 0;  // non-empty columns that are not
  std::vector<std::string> missing_keys;
  bool fits() const { return missing_keys.empty() && known > unknown; }
};
HeaderFit fit_header(const RecordKind& kind, const std::vector<std::string>& header);

// The kind a file holds: the one its name says when its header fits that kind, else
// the kind its header fits best. A file named for one kind whose header does not fit it
// gives no kind and an error saying which kind the header looks like.
struct KindChoice {
  const RecordKind* kind = nullptr;
  std::string error;  // set when the name and the header disagree
};
KindChoice kind_for_csv(const std::string& file, const std::vector<std::string>& header);

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
