#pragma once
// Writing workbooks with libxlsxwriter: RAII around lxw_workbook, written to a temporary
// name and renamed into place, with a fixed creation date so the same data gives the
// same file. Limits libxlsxwriter 1.1.4 does not check itself (sheet names) are
// checked here before the call, because it overflows buffers on them.

#include <xlsxwriter.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "model/date.h"

namespace inovasi::xlsx {

class XlsxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Empty, text, a number, or a date (written as a date cell).
using Cell = std::variant<std::monostate, std::string, double, Date>;

struct Properties {
  std::string title, subject, author, keywords;
  Date created;
};

// "" when the name can be a sheet name; otherwise why not (31 characters, no []:*?/\).
std::string sheet_name_problem(std::string_view name);

class WorkbookWriter;

class SheetWriter {
 public:
  // Writes the header row (bold, frozen, filtered when the sheet is finished).
  void header(const std::vector<std::string>& names);
  void row(const std::vector<Cell>& cells);
  // Cells of the column range equal to `value` get a red fill: gaps stand out.
  void highlight_equal(int first_column, int last_column, double value);
  void highlight_below(int column, double value);
  std::size_t rows() const { return row_; }

 private:
  friend class WorkbookWriter;
  SheetWriter(WorkbookWriter& book, lxw_worksheet* sheet) : book_(book), sheet_(sheet) {}
  void finish();
  void note_width(int column, std::size_t width);

  WorkbookWriter& book_;
  lxw_worksheet* sheet_;
  std::size_t row_ = 0;
  int columns_ = 0;
  std::vector<std::size_t> widths_;
  struct Rule {
    int first, last;
    double value;
    bool below;
  };
  std::vector<Rule> rules_;
};

class WorkbookWriter {
 public:
  WorkbookWriter(std::filesystem::path target, const Properties& properties);
  ~WorkbookWriter();
  WorkbookWriter(const WorkbookWriter&) = delete;
  WorkbookWriter& operator=(const WorkbookWriter&) = delete;

  SheetWriter& add_sheet(const std::string& name);
  // Finishes every sheet, closes the workbook and renames it into place.
  void close();

 private:
  friend class SheetWriter;

  std::filesystem::path target_;
  std::filesystem::path temporary_;
  lxw_workbook* book_ = nullptr;
  std::vector<std::unique_ptr<SheetWriter>> sheets_;
  lxw_format* header_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* wrap_ = nullptr;
  lxw_format* gap_ = nullptr;
  std::vector<std::string> property_strings_;  // alive until close: libxlsxwriter keeps pointers
  lxw_doc_properties properties_{};
};

}  // namespace inovasi::xlsx
