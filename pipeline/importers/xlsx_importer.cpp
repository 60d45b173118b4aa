#include "importers/xlsx_importer.h"

#include <algorithm>
#include <cmath>

#include "importers/csv_importer.h"
#include "support/ordered_batches.h"
#include "model/text.h"
#include "xlsx/reader.h"

namespace inovasi {
namespace {

Date from_days(long long days) {
  // Howard Hinnant's civil_from_days, days since 1970-01-01.
  days += 719468;
  long long era = (days >= 0 ? days : days - 146096) / 146097;
  long long doe = days - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int year = static_cast<int>(yoe + era * 400 + (month <= 2));
  return {year, month, day};
}

// The text an importer field expects, from a cell and its type.
std::optional<std::string> cell_text(const std::string& value, char type, const FieldSpec& spec, bool date1904,
                                     std::string& problem) {
  if (type == 'e') {
    problem = "the cell shows the spreadsheet error " + quote_value(value) +
              ", not a value; correct the formula or type the value";
    return std::nullopt;
  }
  if (type != 'n') return type == 'b' ? std::string(value == "1" ? "ya" : "tidak") : value;
  if (spec.type == FieldType::Amount) return value;  // read with '.' as the decimal point (FieldInput::number_cell)
  double number = 0;
  try {
    number = std::stod(value);
  } catch (const std::exception&) {
    return value;
  }
  if (spec.type == FieldType::Date) {
    auto date = date_from_serial(number, date1904);
    if (!date) {
      problem = quote_value(value) + " is not a date serial number";
      return std::nullopt;
    }
    return date->iso();
  }
  if (spec.type == FieldType::Nip || spec.type == FieldType::NipList) {
    // A NIP typed as a number keeps only 15 to 17 significant digits in the file.
    if (value.find_first_of("eE.") != std::string::npos || value.size() != 18) {
      problem =
          "the NIP was typed as a number and lost digits (" + value + "); format the column as text and type it again";
      return std::nullopt;
    }
    return value;
  }
  if (std::floor(number) == number && std::fabs(number) < 1e15) return std::to_string(static_cast<long long>(number));
  return value;
}

struct Header {
  const RecordKind* kind = nullptr;
  std::size_t row = 0;
  std::vector<std::string> names;  // normalised
  std::string error;               // no kind: why a sheet named for a kind is not taken as one
};

// The header is the row among the sheet's first few that names the most fields of the
// sheet's kind: a title row above it (often merged across the columns) is passed over,
// and of a two-row header (a group merged over its columns, the fields below) the row
// of field names is taken.
constexpr std::size_t kRowsLookedAt = 10;

Header find_header(const std::string& sheet_name, const std::vector<xlsx::SheetRow>& rows) {
  Header best;
  std::size_t best_matches = 0;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::string> names;
    for (const auto& cell : rows[r].values) names.push_back(normalize_header(cell));
    auto choice = kind_for_csv(ascii_lower(sheet_name) + ".csv", names);
    if (!choice.kind) {
      // The first row of several cells (a title above the header has one) is the one meant as the header.
      auto filled = std::count_if(names.begin(), names.end(), [](const std::string& n) { return !n.empty(); });
      if (best.error.empty() && filled > 1 && !choice.error.empty()) best.error = "sheet " + choice.error;
      continue;
    }
    const RecordKind* kind = choice.kind;
    std::size_t matches = 0;
    for (const auto& name : names) matches += kind->field(name) != nullptr;
    if (!best.kind || matches > best_matches) {
      best = {kind, r, std::move(names), {}};
      best_matches = matches;
    }
  }
  return best;
}

// One sheet, read a row at a time: its first rows are held until the header is found
// among them, and every row after the header becomes a record.
class SheetImport {
 public:
  SheetImport(const std::string& file, const std::string& sheet, bool date1904, const ImportContext& context)
      : file_(file), sheet_(sheet), date1904_(date1904), context_(context) {}

  // False once the sheet is known not to give records (no kind, or a header in error):
  // the rest of it is not read.
  bool take(const xlsx::SheetRow& row) {
    if (decided_) {
      import_row(row);
    } else {
      head_.push_back(row);
      if (head_.size() >= kRowsLookedAt) decide();
    }
    return !decided_ || rows_.has_value();
  }

  // After the last row: a sheet of fewer rows than are looked at for the header, and
  // the rows still being converted.
  void finish() {
    if (!decided_) decide();
    if (rows_) rows_->finish();
  }

  const Header& header() const { return found_; }
  // Whether a sheet without a kind held anything (its rows were all kept to look at).
  bool empty() const { return head_.empty(); }

 private:
  SourceLocation where(std::size_t row, std::size_t column) const {
    return {file_ + ":" + sheet_ + "!" + xlsx::cell_reference(row, column), 0};
  }

  void decide() {
    decided_ = true;
    found_ = find_header(sheet_, head_);
    if (!found_.kind) return;
    const auto& header_row = head_[found_.row];
    auto& diagnostics = context_.diagnostics;
    std::size_t errors_before = diagnostics.count(Severity::Error);
    columns_ = map_columns(
        *found_.kind, found_.names, header_row.values, [&](std::size_t c) { return where(header_row.index, c); },
        " in sheet '" + sheet_ + "'", diagnostics);
    if (diagnostics.count(Severity::Error) > errors_before) return;  // the header's own errors: no rows
    // Rows are read on this thread and converted on others (narratives are most of the work).
    rows_.emplace(
        kRowsPerConversion, 2, [this](const xlsx::SheetRow& row) { return convert(row); },
        [this](ConvertedRecord&& converted) { context_.take(std::move(converted)); });
    for (std::size_t r = found_.row + 1; r < head_.size(); ++r) import_row(head_[r]);
    head_.clear();
  }

  void import_row(const xlsx::SheetRow& row) {
    if (!rows_) return;  // expat may hand over a row after it was told to stop
    bool empty =
        std::all_of(row.values.begin(), row.values.end(), [](const std::string& cell) { return trim(cell).empty(); });
    if (!empty) rows_->add(row);
  }

  // Runs on other threads: reads only what decide() set.
  ConvertedRecord convert(const xlsx::SheetRow& row) const {
    ConvertedRecord converted;
    FieldConverter converter(context_.catalog, converted.diagnostics);
    Record record;
    record.kind = found_.kind;
    record.where = where(row.index, 0);
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (!columns_[c]) continue;
      std::string value = c < row.values.size() ? row.values[c] : std::string();
      char type = c < row.types.size() ? row.types[c] : 0;
      std::string problem;
      auto text = cell_text(value, type, *columns_[c], date1904_, problem);
      if (!text) {
        converted.diagnostics.error(where(row.index, c), std::string(columns_[c]->name), problem);
        continue;
      }
      converter.assign(record, FieldInput{columns_[c], std::move(*text), {}, where(row.index, c), type == 'n'});
    }
    converter.complete(record);
    converted.record = std::move(record);
    return converted;
  }

  std::string file_, sheet_;
  bool date1904_;
  const ImportContext& context_;
  std::vector<xlsx::SheetRow> head_;
  bool decided_ = false;
  Header found_;
  std::vector<const FieldSpec*> columns_;
  // Last: destroyed first, waiting for conversions that read the members above.
  std::optional<OrderedBatches<xlsx::SheetRow, ConvertedRecord>> rows_;
};

}  // namespace

std::optional<Date> date_from_serial(double serial, bool date1904) {
  if (!(serial >= 1 && serial < 2958466)) return std::nullopt;  // 1900-01-01 .. 9999-12-31
  long long days = static_cast<long long>(std::floor(serial));
  // 1900 system: day 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was.
  // 1904 system: day 0 is 1904-01-01, 24107 days before 1970-01-01.
  long long since_epoch = date1904 ? days - 24107 : days - 25569 + (days < 60 ? 1 : 0);
  return from_days(since_epoch);
}

void import_xlsx(const std::string& file, const ImportContext& context) {
  auto& diagnostics = context.diagnostics;
  std::optional<xlsx::WorkbookReader> book;
  try {
    book.emplace(file);
  } catch (const std::exception& e) {
    diagnostics.error({file, 0}, "", std::string("cannot read the workbook: ") + e.what());
    return;
  }
  bool any_kind = false;
  for (std::size_t i = 0; i < book->sheet_names().size(); ++i) {
    const std::string& name = book->sheet_names()[i];
    SheetImport sheet(file, name, book->date1904(), context);
    try {
      book->read_rows(i, [&](const xlsx::SheetRow& row) { return sheet.take(row); });
      sheet.finish();
    } catch (const std::exception& e) {
      diagnostics.error({file + ":" + name, 0}, "", std::string("cannot read the sheet: ") + e.what());
      any_kind = true;
      continue;
    }
    const Header& found = sheet.header();
    if (!found.kind) {
      if (!found.error.empty()) {
        diagnostics.error({file + ":" + name, 0}, "", found.error);
        any_kind = true;
        continue;
      }
      if (!sheet.empty()) context.notes.push_back(file + ": sheet '" + name + "' is not a record kind, ignored");
      any_kind |= find_record_kind(ascii_lower(name)) != nullptr;
      continue;
    }
    any_kind = true;
  }
  if (!any_kind) {
    diagnostics.error({file, 0}, "",
                      "no sheet is named after a record kind (instansi, fasilitator, inovasi, ...); "
                      "name each sheet after the records it holds, as `export input-workbook` does");
  }
}

}  // namespace inovasi
