#pragma once
// Reading workbooks back: sheet names and cell values as text. Sheets are streamed a row
// at a time through expat straight from the zip entry, so a national workbook (a sheet
// of 740,000 rows, 200 MB of XML) is read in bounded memory; the small parts (the
// workbook, its relations, properties) are read whole. Every part is inflated within
// limits on its real, uncompressed size and its ratio to the compressed size, so a zip
// bomb is refused, not inflated. Understands shared strings, inline strings, numbers,
// booleans and error cells.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/located_error.h"

namespace inovasi::xlsx {

// An input workbook cannot be read (its messages name the sheet and cell).
class XlsxReadError : public LocatedError {
 public:
  explicit XlsxReadError(const std::string& message) : LocatedError(ErrorKind::Data, message) {}
  XlsxReadError(ErrorPlace place, const std::string& message)
      : LocatedError(ErrorKind::Data, std::move(place), message) {}
};

// How much a workbook may inflate to. A sheet of a million rows is some hundreds of MB
// of XML; a real sheet compresses ten to thirty times, and one of repeated cells not
// much more than a hundred.
struct ReadLimits {
  std::uint64_t part_bytes = 1ull << 30;      // one part, uncompressed
  std::uint64_t workbook_bytes = 2ull << 30;  // all parts read, uncompressed
  std::uint64_t ratio = 200;                  // uncompressed / compressed, for parts over ratio_from
  std::uint64_t ratio_from = 16ull << 20;
  std::uint64_t small_part_bytes = 32ull << 20;  // parts read whole (the workbook, relations, properties)
  std::size_t cell_bytes = 16u << 20;            // one cell's text
};

// One row as the sheet gives it: cells by column, gaps filled with "", and per cell
// 's' text, 'n' number, 'b' boolean, 'e' an error (#REF!, ...), 0 empty.
struct SheetRow {
  std::size_t index = 0;  // 0-based row number
  std::vector<std::string> values;
  std::vector<char> types;
  bool hidden = false;  // a report's row of keys is hidden
};

class WorkbookReader {
 public:
  explicit WorkbookReader(const std::filesystem::path& path, ReadLimits limits = {});
  ~WorkbookReader();
  WorkbookReader(const WorkbookReader&) = delete;
  WorkbookReader& operator=(const WorkbookReader&) = delete;

  const std::vector<std::string>& sheet_names() const;
  bool date1904() const;                            // serial dates count from 1904 (old Mac Excel) instead of 1900
  std::map<std::string, std::string> properties();  // docProps/core.xml: title, creator, ...

  // The rows of sheet `sheet` that hold anything, in order. Merged ranges (A4:A8) have
  // their first column filled down from the top-left cell, so a value merged over several
  // rows (one agency for five people) counts for each; the other columns of a range stay
  // empty, as Excel shows them. `each` returns false to stop reading the sheet.
  void read_rows(std::size_t sheet, const std::function<bool(const SheetRow&)>& each);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One sheet's cells, whole (tests and small workbooks).
struct SheetData {
  std::string name;
  std::vector<std::vector<std::string>> rows;  // row-major, gaps filled with ""
  std::vector<std::vector<char>> types;        // as SheetRow's

  // Sets a cell, growing the row as needed.
  void put(std::size_t row, std::size_t column, std::string value, char type);

  // The column whose header (first row) is `name`, or -1.
  int column(std::string_view header) const;

  // The first hidden row: a report's keys (xlsx::SheetWriter::report_header).
  std::optional<std::size_t> keys_row = std::nullopt;
  // A report sheet read by key: its keys as the header, then the rows under its labels
  // (the totals row, when it has one, last). The sheet itself when it has no keys row.
  SheetData report_table() const;
};

struct WorkbookData {
  std::vector<SheetData> sheets;
  std::map<std::string, std::string> properties;
  bool date1904 = false;

  const SheetData* sheet(std::string_view name) const;
};

WorkbookData read_workbook(const std::filesystem::path& path);

// "C7" from 0-based row and column.
std::string cell_reference(std::size_t row, std::size_t column);

}  // namespace inovasi::xlsx
