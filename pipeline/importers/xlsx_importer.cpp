#include "importers/xlsx_importer.h"

#include <algorithm>
#include <cmath>

#include "importers/csv_importer.h"
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
    problem = "the cell shows the spreadsheet error " + quote_value(value) + ", not a value; correct the formula or type the value";
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
      problem = "the NIP was typed as a number and lost digits (" + value + "); format the column as text and type it again";
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
  std::string error;  // no kind: why a sheet named for a kind is not taken as one
};

// The header is the row among the sheet's first few that names the most fields of the
// sheet's kind: a title row above it (often merged across the columns) is passed over,
// and of a two-row header (a group merged over its columns, the fields below) the row
// of field names is taken.
Header find_header(const xlsx::SheetData& sheet) {
  constexpr std::size_t kRowsLookedAt = 10;
  Header best;
  std::size_t best_matches = 0;
  for (std::size_t r = 0; r < sheet.rows.size() && r < kRowsLookedAt; ++r) {
    if (sheet.rows[r].empty()) continue;
    std::vector<std::string> names;
    for (const auto& cell : sheet.rows[r]) names.push_back(normalize_header(cell));
    auto choice = kind_for_csv(ascii_lower(sheet.name) + ".csv", names);
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
  xlsx::WorkbookData book;
  try {
    book = xlsx::read_workbook(file);
  } catch (const std::exception& e) {
    diagnostics.error({file, 0}, "", std::string("cannot read the workbook: ") + e.what());
    return;
  }
  auto converter = context.converter();
  bool any_kind = false;
  for (const auto& sheet : book.sheets) {
    auto found = find_header(sheet);
    if (!found.kind) {
      if (!found.error.empty()) {
        diagnostics.error({file + ":" + sheet.name, 0}, "", found.error);
        any_kind = true;
        continue;
      }
      if (!sheet.rows.empty()) context.notes.push_back(file + ": sheet '" + sheet.name + "' is not a record kind, ignored");
      any_kind |= find_record_kind(ascii_lower(sheet.name)) != nullptr;
      continue;
    }
    any_kind = true;
    const RecordKind* kind = found.kind;
    std::size_t header_row = found.row;
    const std::vector<std::string>& header = found.names;
    auto where = [&](std::size_t row, std::size_t column) {
      return SourceLocation{file + ":" + sheet.name + "!" + xlsx::cell_reference(row, column), 0};
    };
    auto columns = map_columns(*kind, header, sheet.rows[header_row], [&](std::size_t c) { return where(header_row, c); },
                               " in sheet '" + sheet.name + "'", diagnostics);
    for (std::size_t r = header_row + 1; r < sheet.rows.size(); ++r) {
      const auto& row = sheet.rows[r];
      bool empty = std::all_of(row.begin(), row.end(), [](const std::string& cell) { return trim(cell).empty(); });
      if (empty) continue;
      Record record;
      record.kind = kind;
      record.where = where(r, 0);
      for (std::size_t c = 0; c < columns.size(); ++c) {
        if (!columns[c]) continue;
        std::string value = c < row.size() ? row[c] : std::string();
        char type = c < sheet.types[r].size() ? sheet.types[r][c] : 0;
        std::string problem;
        auto text = cell_text(value, type, *columns[c], book.date1904, problem);
        if (!text) {
          diagnostics.error(where(r, c), std::string(columns[c]->name), problem);
          continue;
        }
        converter.assign(record, FieldInput{columns[c], std::move(*text), {}, where(r, c), type == 'n'});
      }
      converter.complete(record);
      context.emit(std::move(record));
    }
  }
  if (!any_kind) {
    diagnostics.error({file, 0}, "", "no sheet is named after a record kind (instansi, fasilitator, inovasi, ...); "
                                     "name each sheet after the records it holds, as `export input-workbook` does");
  }
}

}  // namespace inovasi
