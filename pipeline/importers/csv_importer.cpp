#include "importers/csv_importer.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "importers/csv_reader.h"
#include "model/ordered_batches.h"
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

namespace {

// The kind a file's name says it holds: its stem, or its stem before a '-' or '.'
// (fasilitator-2026.csv); the longest kind name wins (tim_inovasi over tim).
const RecordKind* kind_named(const std::string& file) {
  std::string stem = ascii_lower(std::filesystem::path(file).stem().string());
  const RecordKind* by_name = nullptr;
  for (const auto& kind : record_kinds()) {
    bool matches = stem == kind.name ||
                   (stem.starts_with(kind.name) && (stem[kind.name.size()] == '-' || stem[kind.name.size()] == '.'));
    if (matches && (!by_name || kind.name.size() > by_name->name.size())) by_name = &kind;
  }
  return by_name;
}

bool derivable(const RecordKind& kind, const FieldSpec& spec) {
  return (spec.name == "kode" && !kind.code_from.empty()) || (spec.name == "tahun" && !kind.year_from.empty());
}

}  // namespace

HeaderFit fit_header(const RecordKind& kind, const std::vector<std::string>& header) {
  HeaderFit fit{&kind, 0, 0, {}};
  auto columns = store_columns(kind);
  for (const auto& name : header) {
    if (name.empty()) continue;
    bool known = std::find(columns.begin(), columns.end(), name) != columns.end();
    (known ? fit.known : fit.unknown) += 1;
  }
  for (const auto& spec : kind.fields) {
    if (spec.key && !derivable(kind, spec) && std::find(header.begin(), header.end(), spec.name) == header.end()) {
      fit.missing_keys.emplace_back(spec.name);
    }
  }
  return fit;
}

KindChoice kind_for_csv(const std::string& file, const std::vector<std::string>& header) {
  // The kind the header fits best: every key column there, and most columns its own.
  // Without a name to go by, every column must be the kind's (a wrong guess is worse
  // than none: kegiatan.csv once passed for sesi_diskusi).
  const RecordKind* best = nullptr;
  const RecordKind* exact = nullptr;
  std::size_t best_known = 0, best_unknown = 0, exact_known = 0;
  for (const auto& kind : record_kinds()) {
    auto fit = fit_header(kind, header);
    if (!fit.fits()) continue;
    if (!best || fit.known > best_known || (fit.known == best_known && fit.unknown < best_unknown)) {
      best = &kind;
      best_known = fit.known;
      best_unknown = fit.unknown;
    }
    if (fit.unknown == 0 && (!exact || fit.known > exact_known)) {
      exact = &kind;
      exact_known = fit.known;
    }
  }
  const RecordKind* named = kind_named(file);
  if (!named) return {exact, {}};
  if (exact) best = exact;
  auto fit = fit_header(*named, header);
  if (fit.fits()) return {named, {}};
  // Named as one kind, headed as another (a facilitator list saved as instansi.csv):
  // taking it by its name would make records of people's names.
  std::string why = !fit.missing_keys.empty() ? "has no " + join(fit.missing_keys, ", ") + " column"
                                              : "has more columns that are not " + std::string(named->name) +
                                                    " fields (" + std::to_string(fit.unknown) + ") than columns that are (" +
                                                    std::to_string(fit.known) + ")";
  std::string looks = best ? "its header is that of " + std::string(best->name) + " records; rename the file (" +
                                 std::string(best->name) + ".csv) or fix the header"
                           : "its header fits no record kind; the first row must name the fields (see `inovasi import --help`)";
  return {nullptr, "named for " + std::string(named->name) + " records but its header " + why + "; " + looks};
}

std::vector<const FieldSpec*> map_columns(const RecordKind& kind, const std::vector<std::string>& header,
                                          const std::vector<std::string>& written,
                                          const std::function<SourceLocation(std::size_t)>& header_at,
                                          std::string_view context, Diagnostics& diagnostics) {
  std::vector<const FieldSpec*> columns;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const FieldSpec* spec = kind.field(header[i]);
    if (!spec && !header[i].empty()) {
      // The column as written, but never more of it than a message quotes.
      std::string name = i < written.size() ? written[i] : header[i];
      if (name.size() > 60) name = quote_value(name);
      diagnostics.warning(header_at(i), name, "unknown column for " + std::string(kind.name) + ", ignored");
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

namespace {

// Invalid UTF-8 in a row, reported with its line; a file saved in another encoding has
// it on many rows, so only the first few of a file are reported.
bool row_is_utf8(const CsvRow& row, const std::string& file, int& reported, Diagnostics& diagnostics) {
  for (const auto& cell : row.cells) {
    auto bad = find_invalid_utf8(cell);
    if (bad == std::string_view::npos) continue;
    if (++reported <= 20) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(cell[bad]));
      diagnostics.error({file, row.line}, "", std::string("invalid UTF-8 (byte 0x") + hex + "); save the file as UTF-8");
    }
    return false;
  }
  return true;
}

}  // namespace

void import_csv(const std::filesystem::path& path, const ImportContext& context) {
  auto& diagnostics = context.diagnostics;
  std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error({file, 0}, "", "cannot read the file");
    return;
  }
  CsvReader reader(in, file, diagnostics);
  CsvRow header_row;
  int invalid_rows = 0;
  if (!reader.next(header_row)) {
    if (!reader.stopped()) diagnostics.error({file, 1}, "", "the file is empty; the first row must be the header");
    return;
  }
  if (!row_is_utf8(header_row, file, invalid_rows, diagnostics)) return;
  std::vector<std::string> header;
  for (const auto& cell : header_row.cells) header.push_back(normalize_header(cell));
  auto choice = kind_for_csv(file, header);
  if (!choice.kind) {
    diagnostics.error({file, 1}, "", !choice.error.empty() ? "file " + choice.error
                                                           : "cannot tell which records this file holds: name it after a "
                                                             "record kind (instansi.csv, fasilitator.csv, inovasi.csv, ...) "
                                                             "and make its first row the field names");
    return;
  }
  const RecordKind* kind = choice.kind;

  std::size_t errors_before = diagnostics.count(Severity::Error);
  auto columns = map_columns(*kind, header, header_row.cells, [&](std::size_t) { return SourceLocation{file, 1}; }, "",
                             diagnostics);
  if (diagnostics.count(Severity::Error) > errors_before) return;  // this file's header; other files still count

  // Rows are read here and converted on other threads (narratives are most of the work).
  auto convert = [&](const CsvRow& row) {
    ConvertedRecord converted;
    Diagnostics& found = converted.diagnostics;
    int ignored = 0;
    if (!row_is_utf8(row, file, ignored, found)) return converted;
    std::size_t used = row.cells.size();
    while (used > header.size() && trim(row.cells[used - 1]).empty()) --used;
    if (used > header.size()) {
      found.error({file, row.line}, "", "row has " + std::to_string(used) + " cells but the header has " +
                                            std::to_string(header.size()) + " (an unquoted separator?)");
      return converted;
    }
    // A short row (a truncated last line, a row cut by a stray line break) would blank
    // the fields it lacks, and a blank overwrites what the store holds.
    if (row.cells.size() < header.size()) {
      found.error({file, row.line}, "", "row has " + std::to_string(row.cells.size()) + " cells but the header has " +
                                            std::to_string(header.size()) + " (from '" + header[row.cells.size()] +
                                            "' on the row is missing: a line cut short, or a line break "
                                            "outside quotes?); the row was not imported");
      return converted;
    }
    FieldConverter converter(context.catalog, found);
    Record record;
    record.kind = kind;
    record.where = {file, row.line};
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i]) converter.assign(record, FieldInput{columns[i], row.cells[i], {}, {file, row.line}});
    }
    converter.complete(record);
    converted.record = std::move(record);
    return converted;
  };
  // A file saved in another encoding has invalid UTF-8 on most rows: the first few say so.
  auto take = [&](ConvertedRecord&& converted) {
    bool utf8_problem = !converted.record && !converted.diagnostics.all().empty() &&
                        converted.diagnostics.all().front().message.starts_with("invalid UTF-8");
    if (utf8_problem && ++invalid_rows > 20) return;
    context.take(std::move(converted));
  };
  OrderedBatches<CsvRow, ConvertedRecord> rows(kRowsPerConversion, 2, convert, take);
  CsvRow row;
  while (reader.next(row)) rows.add(std::move(row));
  rows.finish();
}

}  // namespace inovasi
