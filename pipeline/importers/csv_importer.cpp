#include "importers/csv_importer.h"

#include <algorithm>
#include <optional>
#include <filesystem>
#include <fstream>

#include "importers/csv_reader.h"
#include "support/ordered_batches.h"
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
                                                    " fields (" + std::to_string(fit.unknown) +
                                                    ") than columns that are (" + std::to_string(fit.known) + ")";
  std::string looks =
      best ? "its header is that of " + std::string(best->name) + " records; rename the file (" +
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
    bool derivable =
        (spec.name == "kode" && !kind.code_from.empty()) || (spec.name == "tahun" && !kind.year_from.empty());
    if (spec.key && !derivable && std::find(columns.begin(), columns.end(), &spec) == columns.end()) {
      diagnostics.error(header_at(0), std::string(spec.name), "key column is missing" + std::string(context));
    }
  }
  return columns;
}

namespace {

// The first byte of a row that is not UTF-8, if any.
std::optional<char> invalid_utf8(const CsvRow& row) {
  for (const auto& cell : row.cells) {
    if (auto bad = find_invalid_utf8(cell); bad != std::string_view::npos) return cell[bad];
  }
  return std::nullopt;
}

// A row converted on a worker, and whether it was refused for its encoding (of which a
// file reports only the first few).
struct ConvertedRow {
  ConvertedRecord converted;
  bool invalid_utf8 = false;
};

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
  if (!reader.next(header_row)) {
    if (!reader.stopped()) diagnostics.error({file, 1}, "", "the file is empty; the first row must be the header");
    return;
  }
  if (auto bad = invalid_utf8(header_row)) {
    diagnostics.error({file, header_row.line}, "", invalid_utf8_message(*bad));
    return;
  }
  std::vector<std::string> header;
  for (const auto& cell : header_row.cells) header.push_back(normalize_header(cell));
  auto choice = kind_for_csv(file, header);
  if (!choice.kind) {
    diagnostics.error({file, 1}, "",
                      !choice.error.empty() ? "file " + choice.error
                                            : "cannot tell which records this file holds: name it after a "
                                              "record kind (instansi.csv, fasilitator.csv, inovasi.csv, ...) "
                                              "and make its first row the field names");
    return;
  }
  const RecordKind* kind = choice.kind;

  std::size_t errors_before = diagnostics.count(Severity::Error);
  auto columns = map_columns(
      *kind, header, header_row.cells,
      [&](std::size_t) {
        return SourceLocation{file, 1};
      },
      "", diagnostics);
  if (diagnostics.count(Severity::Error) > errors_before) return;  // this file's header; other files still count

  // Rows are read here and converted on other threads (narratives are most of the work).
  auto convert = [&](const CsvRow& row) {
    ConvertedRow result;
    Diagnostics& found = result.converted.diagnostics;
    if (auto bad = invalid_utf8(row)) {
      found.error({file, row.line}, "", invalid_utf8_message(*bad));
      result.invalid_utf8 = true;
      return result;
    }
    std::size_t used = row.cells.size();
    while (used > header.size() && trim(row.cells[used - 1]).empty()) --used;
    if (used > header.size()) {
      found.error({file, row.line}, "",
                  "row has " + std::to_string(used) + " cells but the header has " + std::to_string(header.size()) +
                      " (an unquoted separator?)");
      return result;
    }
    // A short row (a truncated last line, a row cut by a stray line break) would blank
    // the fields it lacks, and a blank overwrites what the store holds.
    if (row.cells.size() < header.size()) {
      found.error({file, row.line}, "",
                  "row has " + std::to_string(row.cells.size()) + " cells but the header has " +
                      std::to_string(header.size()) + " (from " + quote_value(header[row.cells.size()]) +
                      " on the row is missing: a line cut short, or a line break "
                      "outside quotes?); the row was not imported");
      return result;
    }
    FieldConverter converter(context.catalog, found);
    Record record;
    record.kind = kind;
    record.where = {file, row.line};
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i]) converter.assign(record, FieldInput{columns[i], row.cells[i], {}, {file, row.line}});
    }
    converter.complete(record);
    result.converted.record = std::move(record);
    return result;
  };
  int invalid_rows = 0;
  auto take = [&](ConvertedRow&& row) {
    if (row.invalid_utf8 && ++invalid_rows > kInvalidUtf8Reported) return;
    context.take(std::move(row.converted));
  };
  OrderedBatches<CsvRow, ConvertedRow> rows(kRowsPerConversion, 2, convert, take);
  CsvRow row;
  while (reader.next(row)) rows.add(std::move(row));
  rows.finish();
}

}  // namespace inovasi
