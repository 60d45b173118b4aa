#pragma once
// Reading workbooks back: sheet names and cell values as text, from the zip and the
// sheet XML (Poco::Zip, Poco XML). Tests read what we wrote with it; it understands
// shared strings, inline strings, numbers and booleans.

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace inovasi::xlsx {

// One sheet's cells as text. Merged ranges (A4:A8) have their first column filled down
// from the top-left cell, so a value merged over several rows (one agency for five
// people) counts for each; the other columns of a range stay empty, as Excel shows them.
struct SheetData {
  std::string name;
  std::vector<std::vector<std::string>> rows;  // row-major, gaps filled with ""
  // Per cell: 's' text, 'n' number, 'b' boolean, 'e' an error (#REF!, ...), 0 for an
  // empty cell.
  std::vector<std::vector<char>> types;

  // Sets a cell, growing the row as needed.
  void put(std::size_t row, std::size_t column, std::string value, char type);

  // The column whose header (first row) is `name`, or -1.
  int column(std::string_view header) const;
};

struct WorkbookData {
  std::vector<SheetData> sheets;
  std::map<std::string, std::string> properties;  // docProps/core.xml: title, creator, created, ...
  bool date1904 = false;  // serial dates count from 1904 (old Mac Excel) instead of 1900

  const SheetData* sheet(std::string_view name) const;
};

class XlsxReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

WorkbookData read_workbook(const std::filesystem::path& path);

// "C7" from 0-based row and column.
std::string cell_reference(std::size_t row, std::size_t column);

}  // namespace inovasi::xlsx
