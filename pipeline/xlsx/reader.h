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

struct SheetData {
  std::string name;
  std::vector<std::vector<std::string>> rows;  // row-major, gaps filled with ""

  // The column whose header (first row) is `name`, or -1.
  int column(std::string_view header) const;
};

struct WorkbookData {
  std::vector<SheetData> sheets;
  std::map<std::string, std::string> properties;  // docProps/core.xml: title, creator, created, ...

  const SheetData* sheet(std::string_view name) const;
};

class XlsxReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

WorkbookData read_workbook(const std::filesystem::path& path);

}  // namespace inovasi::xlsx
