#include "importers/csv_importer.h"

#include <algorithm>
#include <filesystem>

#include "importers/csv_reader.h"
#include "store/store.h"
#include "model/text.h"

namespace inovasi {

std::string normalize_header(std::string_view header) {
  std::string key = collapse_spaces(header);
  for (char& c : key) {
    if (c == ' ' || c == '-') c = '_';
  }
  return ascii_lower(key);
}

const RecordKind* kind_for_csv(const std::string& file, const std::vector<std::string>& header) {
  std::string stem = ascii_lower(std::filesystem::path(file).stem().string());
  const RecordKind* by_name = nullptr;
  for (const auto& kind : record_kinds()) {
    bool matches = stem == kind.name ||
                   (stem.starts_with(kind.name) && (stem[kind.name.size()] == '-' || stem[kind.name.size()] == '.'));
    if (matches && (!by_name || kind.name.size() > by_name->name.size())) by_name = &kind;
  }
  if (by_name) return by_name;

  // Otherwise: the kind every header belongs to and whose key fields are all present;
  // a file with a column the kind lacks is not guessed (a wrong guess is worse).
  const RecordKind* best = nullptr;
  std::size_t best_hits = 0;
  for (const auto& kind : record_kinds()) {
    auto columns = store_columns(kind);
    bool all_known = std::all_of(header.begin(), header.end(), [&](const std::string& name) {
      return name.empty() || std::find(columns.begin(), columns.end(), name) != columns.end();
    });
    bool has_keys = std::all_of(kind.fields.begin(), kind.fields.end(), [&](const FieldSpec& spec) {
      return !spec.key || spec.name == "kode" || spec.name == "tahun" ||
             std::find(header.begin(), header.end(), spec.name) != header.end();
    });
    if (all_known && has_keys && header.size() > best_hits) {
      best = &kind;
      best_hits = header.size();
    }
  }
  return best;
}

std::vector<const FieldSpec*> map_columns(const RecordKind& kind, const std::vector<std::string>& header,
                                          const std::vector<std::string>& written,
                                          const std::function<SourceLocation(std::size_t)>& header_at,
                                          std::string_view context, Diagnostics& diagnostics) {
  std::vector<const FieldSpec*> columns;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const FieldSpec* spec = kind.field(header[i]);
    if (!spec && !header[i].empty()) {
      diagnostics.warning(header_at(i), i < written.size() ? written[i] : header[i],
                          "unknown column for " + std::string(kind.name) + ", ignored");
    }
    for (std::size_t j = 0; j < i && spec; ++j) {
      if (columns[j] == spec) diagnostics.error(header_at(i), header[i], "column appears twice");
    }
    columns.push_back(spec);
  }
  for (const auto& spec : kind.fields) {
    bool derivable = (spec.name == "kode" && !kind.code_from.empty()) || (spec.name == "tahun" && !kind.year_from.empty());
    if (spec.key && !derivable && std::find(columns.begin(), columns.end(), &spec) == columns.end()) {
      diagnostics.error(header_at(0), std::string(spec.name), "key column is missing" + std::string(context));
    }
  }
  return columns;
}

void import_csv(std::string content, const std::string& file, const ImportContext& context) {
  auto& diagnostics = context.diagnostics;
  if (!check_text_encoding(content, file, diagnostics)) return;
  auto table = read_csv(content, file, diagnostics);
  if (table.rows.empty()) {
    diagnostics.error({file, 1}, "", "the file is empty; the first row must be the header");
    return;
  }
  std::vector<std::string> header;
  for (const auto& cell : table.rows[0].cells) header.push_back(normalize_header(cell));
  const RecordKind* kind = kind_for_csv(file, header);
  if (!kind) {
    diagnostics.error({file, 1}, "", "cannot tell which records this file holds: name it after a record kind "
                                     "(instansi.csv, fasilitator.csv, inovasi.csv, ...) or use its headers");
    return;
  }

  auto columns = map_columns(*kind, header, table.rows[0].cells, [&](std::size_t) { return SourceLocation{file, 1}; }, "",
                             diagnostics);
  if (diagnostics.has_errors()) return;

  auto converter = context.converter();
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    std::size_t used = row.cells.size();
    while (used > header.size() && trim(row.cells[used - 1]).empty()) --used;
    if (used > header.size()) {
      diagnostics.error({file, row.line}, "", "row has " + std::to_string(used) + " cells but the header has " +
                                                  std::to_string(header.size()) + " (an unquoted separator?)");
      continue;
    }
    Record record;
    record.kind = kind;
    record.where = {file, row.line};
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (!columns[i]) continue;
      std::string text = i < row.cells.size() ? row.cells[i] : std::string{};
      converter.assign(record, FieldInput{columns[i], std::move(text), {}, {file, row.line}});
    }
    converter.complete(record);
    context.dataset.records.push_back(std::move(record));
  }
}

}  // namespace inovasi
