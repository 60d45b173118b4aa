#pragma once
// Writing workbooks with libxlsxwriter: RAII around lxw_workbook, written to a temporary
// name and renamed into place, with a fixed creation date so the same data gives the
// same file. Limits libxlsxwriter 1.1.4 does not check itself (sheet names) are
// checked here before the call, because it overflows buffers on them.

#include <xlsxwriter.h>

#include <filesystem>
#include <memory>
#include <optional>
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
// Count and Amount are whole numbers grouped as Indonesians write them (1.500.000) and
// LongDate a date written out (24 Februari 2026): the formats carry the Indonesian
// locale, so LibreOffice and an Indonesian Excel show them so whatever the reader's own.
enum class ColumnStyle { General, Text, Date, Wrapped, Count, Amount, LongDate };

// A column of a report: its data key (kept in a hidden row above the labels, so what
// reads the workbook by key still finds it), the label people read, how its cells show.
struct ReportColumn {
  std::string key, label;
  ColumnStyle style = ColumnStyle::General;
  bool total = false;  // summed in the totals row
  double width = 0;    // 0: from the content
};

// How a report prints: on A4 (or F4, a region's option), across or along the page, one
// page wide, the column labels on every page, the report's name and "Halaman N dari M"
// in the footer.
struct PageSetup {
  enum class Paper { A4, F4 } paper = Paper::A4;
  bool landscape = false;
  std::string name;                           // the footer's left
  std::string page = "Halaman", of = "dari";  // the footer's right: "Halaman 2 dari 5"
};

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

// The formats a sheet's cells take, by column style: plain, or boxed for a report (thin
// borders around the table's cells only, not gridlines over its title).
struct CellFormats {
  lxw_format *general = nullptr, *text = nullptr, *text_wrap = nullptr, *date = nullptr, *wrap = nullptr,
             *count = nullptr, *long_date = nullptr, *amount_sen = nullptr;
};

class SheetWriter {
 public:
  // Writes the header row (bold; frozen and filtered unless `frozen` is false).
  void header(const std::vector<std::string>& names, bool frozen = true);
  // A report's head: the title block (its first line larger, the second bold), a blank
  // row, the hidden row of keys, then the labels, which are frozen, filtered and
  // repeated on every printed page. Sets the columns' styles and the page setup.
  void report_header(const std::vector<std::string>& title, const std::vector<ReportColumn>& columns,
                     const PageSetup& page);
  // The title block alone (a sheet of charts), then a blank row.
  void title_block(const std::vector<std::string>& title);
  // Paper, orientation, one page wide, the footer; with `labels`, that row repeats on
  // every printed page.
  void page_setup(const PageSetup& page, std::optional<std::size_t> labels = std::nullopt);
  // After the last row: `label` and, under each column marked `total`, the sum of the
  // rows above (a live SUBTOTAL formula, which leaves out rows a filter hides, with its
  // value already computed for readers that do not recalculate).
  void totals_row(const std::string& label);
  // The row index of the labels (0 for header()), and the first row of data.
  std::size_t header_row() const { return header_row_; }
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
  lxw_worksheet* handle() { return sheet_; }  // for charts: the range they plot

 private:
  friend class WorkbookWriter;
  SheetWriter(WorkbookWriter& book, lxw_worksheet* sheet, std::string name);
  void finish();
  void note_width(int column, std::size_t width);
  std::size_t row_lines(const std::vector<Cell>& cells) const;  // the lines its wrapped cells take

  WorkbookWriter& book_;
  lxw_worksheet* sheet_;
  std::string name_;
  std::size_t row_ = 0;
  int columns_ = 0;
  std::vector<std::size_t> widths_;
  std::vector<double> fixed_widths_;  // 0: from the content
  std::vector<ColumnStyle> styles_;
  bool unfiltered_ = false;
  std::size_t header_row_ = 0;
  const CellFormats* formats_;
  std::optional<std::size_t> totals_at_;  // the totals row, kept out of the filter
  std::vector<bool> totaled_;
  std::vector<double> sums_;
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
  lxw_workbook* handle() { return book_; }  // for charts
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
  CellFormats plain_, boxed_;
  lxw_format* gap_ = nullptr;
  lxw_format* title_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* total_ = nullptr;
  std::vector<std::string> property_strings_;  // alive until close: libxlsxwriter keeps pointers
  lxw_doc_properties properties_{};
};

}  // namespace inovasi::xlsx
