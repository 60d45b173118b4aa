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
#include "support/located_error.h"

namespace inovasi::xlsx {

// A workbook cannot be made.
class XlsxError : public LocatedError {
 public:
  explicit XlsxError(const std::string& message) : LocatedError(ErrorKind::Output, message) {}
  XlsxError(ErrorPlace place, const std::string& message)
      : LocatedError(ErrorKind::Output, std::move(place), message) {}
};

// Empty, text, a number, or a date (written as a date cell).
using Cell = std::variant<std::monostate, std::string, double, Date>;

// How a column's cells are kept when a user types into them: as text (NIPs, which Excel
// would otherwise turn into 1.96608E+17), as dates, or wrapped (narratives).
enum class ColumnStyle { General, Text, Date, Wrapped };

// A check Excel applies while a user types (data validation). `values` and `range`
// make a dropdown: the values inline when they fit Excel's 255-character list, else the
// range formula (a column of a hidden sheet) — give both and the writer chooses.
struct Validation {
  enum class Type { List, WholeNumber, Date } type = Type::List;
  std::vector<std::string> values;
  std::string range;                   // e.g. "=daftar_pilihan!$A$2:$A$40"
  long long minimum = 0, maximum = 0;  // WholeNumber
  Date first, last;                    // Date
  bool strict = true;                  // false: a value off the list warns but is allowed
  std::string title, message;          // shown when the cell is selected
};

// True when the values can be an inline dropdown list: Excel joins them with commas into
// at most 255 characters, so a value with a comma or a quote cannot be listed inline.
bool fits_inline_list(const std::vector<std::string>& values);

struct Properties {
  std::string title, subject, author, keywords;
  Date created;
};

// "" when the name can be a sheet name; otherwise why not (31 characters, no []:*?/\).
std::string sheet_name_problem(std::string_view name);

class WorkbookWriter;

class SheetWriter {
 public:
  // Writes the header row (bold; frozen and filtered unless `frozen` is false).
  void header(const std::vector<std::string>& names, bool frozen = true);
  void row(const std::vector<Cell>& cells);
  // Cells of the column range equal to `value` get a red fill: gaps stand out.
  void highlight_equal(int first_column, int last_column, double value);
  void highlight_below(int column, double value);
  std::size_t rows() const { return row_; }

  // Set before the rows are written: the cells of the column take the style's format.
  void style_column(int column, ColumnStyle style);
  // A note on the column's header cell (the small red triangle in Excel).
  void comment_header(int column, const std::string& text);
  // Applies to the column below the header, to the sheet's last row.
  void validate(int column, const Validation& validation);
  void set_column_width(int column, double width);
  void hide();

 private:
  friend class WorkbookWriter;
  SheetWriter(WorkbookWriter& book, lxw_worksheet* sheet, std::string name)
      : book_(book), sheet_(sheet), name_(std::move(name)) {}
  void finish();
  void note_width(int column, std::size_t width);

  WorkbookWriter& book_;
  lxw_worksheet* sheet_;
  std::string name_;
  std::size_t row_ = 0;
  int columns_ = 0;
  std::vector<std::size_t> widths_;
  std::vector<double> fixed_widths_;  // 0: from the content
  std::vector<ColumnStyle> styles_;
  bool unfiltered_ = false;
  lxw_format* format_for(int column, bool multi_line) const;
  struct Rule {
    int first, last;
    double value;
    bool below;
  };
  std::vector<Rule> rules_;
};

class WorkbookWriter {
 public:
  // Streaming: each row goes to a temporary file as soon as the next one starts, and
  // text is written in the cell instead of a shared table, so memory stays flat for a
  // workbook of any size; rows must then be written in order (SheetWriter does).
  enum class Memory { Whole, Streaming };
  WorkbookWriter(std::filesystem::path target, const Properties& properties, Memory memory = Memory::Whole);
  ~WorkbookWriter();
  WorkbookWriter(const WorkbookWriter&) = delete;
  WorkbookWriter& operator=(const WorkbookWriter&) = delete;

  SheetWriter& add_sheet(const std::string& name);
  // Finishes every sheet, closes the workbook and renames it into place. With
  // WhenChanged, a file already there with the same bytes is left as it was (a re-run
  // that changed nothing touches nothing). Returns whether the file was written.
  enum class Replace { Always, WhenChanged };
  bool close(Replace replace = Replace::WhenChanged);

 private:
  friend class SheetWriter;

  std::filesystem::path target_;
  std::filesystem::path temporary_;
  std::string scratch_folder_;  // where the workbook is made, and libxlsxwriter's own temporary files
  lxw_workbook* book_ = nullptr;
  std::vector<std::unique_ptr<SheetWriter>> sheets_;
  lxw_format* header_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* wrap_ = nullptr;
  lxw_format* gap_ = nullptr;
  lxw_format* text_ = nullptr;
  lxw_format* text_wrap_ = nullptr;
  std::vector<std::string> property_strings_;  // alive until close: libxlsxwriter keeps pointers
  lxw_doc_properties properties_{};
};

}  // namespace inovasi::xlsx
