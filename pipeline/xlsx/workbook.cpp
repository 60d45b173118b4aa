#include "xlsx/workbook.h"

#include <fstream>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <ctime>

#include "model/text.h"
#include "output/atomic_file.h"
#include "xlsx/reader.h"

namespace inovasi::xlsx {
namespace {

// Excel shows about this many characters in a column of width 1; wide text wraps.
constexpr std::size_t kMaxWidth = 60;

std::size_t display_width(std::string_view text) {
  std::size_t longest = 0, current = 0;
  for (unsigned char c : text) {
    if (c == '\n') {
      longest = std::max(longest, current);
      current = 0;
    } else if ((c & 0xC0) != 0x80) {
      ++current;
    }
  }
  return std::max(longest, current);
}

void check(lxw_error error, std::string_view what) {
  if (error != LXW_NO_ERROR) throw XlsxError(std::string(what) + ": " + lxw_strerror(error));
}

// Excel's limits for a validation's prompt: 32 characters of title, 255 of message.
std::string clip_characters(const std::string& text, std::size_t limit) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++characters > limit) return text.substr(0, i);
  }
  return text;
}

lxw_datetime to_datetime(const Date& date) { return {date.year, date.month, date.day, 0, 0, 0}; }

// "A", "B", ... "AA": a column's letters in a formula.
std::string column_letters(std::size_t column) {
  std::string letters;
  for (std::size_t c = column + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), char('A' + (c - 1) % 26));
  return letters;
}

// A footer's text is a format string: "&" starts a code, "&&" prints one.
std::string footer_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '&') out += '&';
  }
  return out;
}

// Excel's paper codes: 9 is A4, 14 Folio (8.5 x 13 in, the F4 of Indonesian offices).
constexpr std::uint8_t kPaperA4 = 9;
constexpr std::uint8_t kPaperFolio = 14;

// libxlsxwriter refuses strings beyond Excel's cell limit; say which cell and why.
constexpr std::size_t kMaxCellCharacters = 32767;

}  // namespace

bool fits_inline_list(const std::vector<std::string>& values) {
  std::size_t length = 0;
  for (const auto& value : values) {
    if (value.find_first_of(",\"") != std::string::npos) return false;
    length += utf8_length(value) + 1;
  }
  return !values.empty() && length - 1 <= 255;
}

std::string sheet_name_problem(std::string_view name) {
  if (name.empty()) return "a sheet name cannot be empty";
  if (utf8_length(name) > 31) return "a sheet name has at most 31 characters";
  if (name.find_first_of("[]:*?/\\") != std::string_view::npos) return "a sheet name cannot contain [ ] : * ? / \\";
  if (name.front() == '\'' || name.back() == '\'') return "a sheet name cannot start or end with an apostrophe";
  return {};
}

void SheetWriter::note_width(int column, std::size_t width) {
  if (static_cast<std::size_t>(column) >= widths_.size()) widths_.resize(static_cast<std::size_t>(column) + 1, 0);
  widths_[static_cast<std::size_t>(column)] = std::max(widths_[static_cast<std::size_t>(column)], width);
}

void SheetWriter::header(const std::vector<std::string>& names, bool frozen) {
  for (std::size_t c = 0; c < names.size(); ++c) {
    check(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row_), static_cast<lxw_col_t>(c), names[c].c_str(),
                                 book_.header_),
          "writing a header");
    note_width(static_cast<int>(c), display_width(names[c]) + 2);  // room for the filter button
  }
  columns_ = static_cast<int>(names.size());
  header_row_ = row_;
  if (frozen && !names.empty()) {
    worksheet_freeze_panes(sheet_, static_cast<lxw_row_t>(row_ + 1), 0);
    // The filter is set while the header row is the one being written: a streamed sheet
    // refuses a range over rows already written out, which is every row by the end. Its
    // last row is filled in when the sheet is finished.
    check(worksheet_autofilter(sheet_, static_cast<lxw_row_t>(row_), 0, static_cast<lxw_row_t>(row_),
                               static_cast<lxw_col_t>(names.size() - 1)),
          "adding the filter");
  } else {
    unfiltered_ = true;  // a heading inside a guide, not the head of a table of records
  }
  ++row_;
}

SheetWriter::SheetWriter(WorkbookWriter& book, lxw_worksheet* sheet, std::string name)
    : book_(book), sheet_(sheet), name_(std::move(name)), formats_(&book.plain_) {}

lxw_format* SheetWriter::format_for(int column, bool multi_line) const {
  ColumnStyle style = static_cast<std::size_t>(column) < styles_.size() ? styles_[static_cast<std::size_t>(column)]
                                                                        : ColumnStyle::General;
  switch (style) {
    case ColumnStyle::Text:
      return multi_line ? formats_->text_wrap : formats_->text;
    case ColumnStyle::Date:
      return formats_->date;
    case ColumnStyle::Wrapped:
      return formats_->wrap;
    case ColumnStyle::Count:
    case ColumnStyle::Amount:
      return formats_->count;
    case ColumnStyle::LongDate:
      return formats_->long_date;
    case ColumnStyle::General:
      break;
  }
  return multi_line ? formats_->wrap : formats_->general;
}

namespace {

// How many lines `text` takes in a column `width` characters wide, wrapped at words.
std::size_t wrapped_lines(std::string_view text, double width) {
  auto per_line = static_cast<std::size_t>(std::max(4.0, width - 1));
  std::size_t lines = 0;
  std::size_t start = 0;
  while (true) {
    auto end = text.find('\n', start);
    std::string_view paragraph = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
    // Wrapping at words leaves lines short of the width: a fifth of a line on average.
    lines += std::max<std::size_t>(1, (display_width(paragraph) * 6 / 5 + per_line - 1) / per_line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::size_t SheetWriter::row_lines(const std::vector<Cell>& cells) const {
  std::size_t lines = 1;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const auto* text = std::get_if<std::string>(&cells[c]);
    if (!text || text->empty()) continue;
    bool wraps = text->find('\n') != std::string::npos || (c < styles_.size() && styles_[c] == ColumnStyle::Wrapped);
    if (!wraps) continue;
    double width = c < fixed_widths_.size() && fixed_widths_[c] > 0 ? fixed_widths_[c] : double(kMaxWidth);
    lines = std::max(lines, wrapped_lines(*text, width));
  }
  return lines;
}

void SheetWriter::row(const std::vector<Cell>& cells) {
  auto r = static_cast<lxw_row_t>(row_);
  // A report's row is made as tall as its wrapped text: LibreOffice keeps the height a
  // workbook gives, so text left to the reader to fit would print over the next row.
  if (formats_ == &book_.boxed_) {
    if (std::size_t lines = std::min<std::size_t>(row_lines(cells), 27); lines > 1) {
      check(worksheet_set_row(sheet_, r, 15.0 * static_cast<double>(lines), nullptr), "sizing a row");
    }
  }
  for (std::size_t c = 0; c < cells.size(); ++c) {
    auto column = static_cast<lxw_col_t>(c);
    const Cell& cell = cells[c];
    if (const auto* text = std::get_if<std::string>(&cell)) {
      if (text->empty()) continue;
      if (std::size_t characters = utf8_length(*text); characters > kMaxCellCharacters) {
        throw XlsxError(book_.target_.string() + ": " + name_ + "!" + cell_reference(static_cast<std::size_t>(r), c) +
                        ": " + std::to_string(characters) + " characters; Excel keeps at most 32767 in a cell");
      }
      check(worksheet_write_string(sheet_, r, column, text->c_str(),
                                   format_for(static_cast<int>(c), text->find('\n') != std::string::npos)),
            "writing a cell");
      note_width(static_cast<int>(c), display_width(*text));
    } else if (const auto* number = std::get_if<double>(&cell)) {
      // A number in a text or date column is still a number: only a count's format, or the
      // report's borders, go with it.
      lxw_format* format = format_for(static_cast<int>(c), false);
      if (format != formats_->count) format = formats_->general;
      // An amount with sen shows them ("1.500.000,75"); a whole one shows none.
      bool amount = static_cast<std::size_t>(c) < styles_.size() && styles_[c] == ColumnStyle::Amount;
      if (amount && *number != std::floor(*number)) format = formats_->amount_sen;
      check(worksheet_write_number(sheet_, r, column, *number, format), "writing a cell");
      note_width(static_cast<int>(c), 12);
      if (c < totaled_.size() && totaled_[c]) sums_[c] += *number;
    } else if (const auto* date = std::get_if<Date>(&cell)) {
      lxw_datetime value = to_datetime(*date);
      bool long_date = format_for(static_cast<int>(c), false) == formats_->long_date;
      check(worksheet_write_datetime(sheet_, r, column, &value, long_date ? formats_->long_date : formats_->date),
            "writing a date");
      note_width(static_cast<int>(c), long_date ? 18 : 11);
    }
  }
  columns_ = std::max(columns_, static_cast<int>(cells.size()));
  ++row_;
}

void SheetWriter::title_block(const std::vector<std::string>& title) {
  // The title stands in the first column and runs over the empty cells beside it: it
  // takes no part in the columns' widths.
  for (std::size_t i = 0; i < title.size(); ++i) {
    lxw_format* format = i == 0 ? book_.title_ : i == 1 ? book_.bold_ : nullptr;
    check(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row_), 0, title[i].c_str(), format), "writing a title");
    ++row_;
  }
  ++row_;  // a blank row between the title and what follows
}

void SheetWriter::page_setup(const PageSetup& page, std::optional<std::size_t> labels) {
  worksheet_set_paper(sheet_, page.paper == PageSetup::Paper::F4 ? kPaperFolio : kPaperA4);
  if (page.landscape) {
    worksheet_set_landscape(sheet_);
  } else {
    worksheet_set_portrait(sheet_);
  }
  worksheet_set_margins(sheet_, 0.5, 0.5, 0.6, 0.7);
  worksheet_fit_to_pages(sheet_, 1, 0);  // one page wide, as many long as it takes
  if (labels) {
    check(worksheet_repeat_rows(sheet_, static_cast<lxw_row_t>(*labels), static_cast<lxw_row_t>(*labels)),
          "repeating the labels on every page");
  }
  std::string footer =
      "&L&8" + footer_text(page.name) + "&R&8" + footer_text(page.page) + " &P " + footer_text(page.of) + " &N";
  check(worksheet_set_footer(sheet_, footer.c_str()), "setting the footer");
}

void SheetWriter::report_header(const std::vector<std::string>& title, const std::vector<ReportColumn>& columns,
                                const PageSetup& page) {
  title_block(title);
  formats_ = &book_.boxed_;
  lxw_row_col_options hidden{};
  hidden.hidden = LXW_TRUE;
  check(worksheet_set_row_opt(sheet_, static_cast<lxw_row_t>(row_), LXW_DEF_ROW_HEIGHT, nullptr, &hidden),
        "hiding the keys' row");
  for (std::size_t c = 0; c < columns.size(); ++c) {
    check(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row_), static_cast<lxw_col_t>(c),
                                 columns[c].key.c_str(), nullptr),
          "writing a key");
  }
  ++row_;
  std::vector<std::string> labels;
  totaled_.assign(columns.size(), false);
  sums_.assign(columns.size(), 0);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    labels.push_back(columns[c].label);
    if (columns[c].style != ColumnStyle::General) style_column(static_cast<int>(c), columns[c].style);
    if (columns[c].width > 0) set_column_width(static_cast<int>(c), columns[c].width);
    totaled_[c] = columns[c].total;
  }
  // Labels wrap in narrow columns; the row is made tall enough for the longest, since a
  // reader that does not fit rows itself would cut them.
  std::size_t lines = 1;
  for (const auto& column : columns) {
    if (column.width <= 2) continue;
    auto per_line = static_cast<std::size_t>(column.width - 2);
    lines = std::max(lines, (display_width(column.label) + per_line - 1) / per_line);
  }
  check(worksheet_set_row(sheet_, static_cast<lxw_row_t>(row_), 15.0 * static_cast<double>(lines), nullptr),
        "sizing the labels' row");
  header(labels);
  page_setup(page, header_row_);
}

void SheetWriter::totals_row(const std::string& label) {
  if (row_ <= header_row_ + 1) return;  // no rows to count
  auto r = static_cast<lxw_row_t>(row_);
  totals_at_ = row_;
  check(worksheet_write_string(sheet_, r, 0, label.c_str(), book_.total_), "writing the totals");
  std::string first = std::to_string(header_row_ + 2), last = std::to_string(row_);  // 1-based, the data rows
  for (std::size_t c = 1; c < totaled_.size(); ++c) {
    if (!totaled_[c]) {
      worksheet_write_blank(sheet_, r, static_cast<lxw_col_t>(c), book_.total_);  // the row's border
      continue;
    }
    std::string letters = column_letters(c);
    std::string formula = "=SUBTOTAL(109," + letters + first + ":" + letters + last + ")";
    check(worksheet_write_formula_num(sheet_, r, static_cast<lxw_col_t>(c), formula.c_str(), book_.total_, sums_[c]),
          "writing a total");
  }
  ++row_;
}

void SheetWriter::style_column(int column, ColumnStyle style) {
  if (static_cast<std::size_t>(column) >= styles_.size())
    styles_.resize(static_cast<std::size_t>(column) + 1, ColumnStyle::General);
  styles_[static_cast<std::size_t>(column)] = style;
}

void SheetWriter::comment_header(int column, const std::string& text) {
  lxw_comment_options options{};
  options.width = 320;
  options.height = 120;
  check(worksheet_write_comment_opt(sheet_, 0, static_cast<lxw_col_t>(column), text.c_str(), &options),
        "writing a comment");
}

void SheetWriter::validate(int column, const Validation& validation) {
  lxw_data_validation rule{};
  std::vector<std::string> clipped{clip_characters(validation.title, 32), clip_characters(validation.message, 255)};
  std::vector<char*> list;
  std::string range = validation.range;  // libxlsxwriter takes a char*; it copies before returning
  switch (validation.type) {
    case Validation::Type::List:
      rule.validate = LXW_VALIDATION_TYPE_LIST;
      if (fits_inline_list(validation.values)) {
        for (const auto& value : validation.values) list.push_back(const_cast<char*>(value.c_str()));
        list.push_back(nullptr);
        rule.value_list = list.data();
      } else if (!range.empty()) {
        rule.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        rule.value_formula = range.data();
      } else {
        throw XlsxError("a dropdown list longer than 255 characters needs a range");
      }
      break;
    case Validation::Type::WholeNumber:
      rule.validate = LXW_VALIDATION_TYPE_INTEGER;
      rule.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      rule.minimum_number = static_cast<double>(validation.minimum);
      rule.maximum_number = static_cast<double>(validation.maximum);
      break;
    case Validation::Type::Date:
      rule.validate = LXW_VALIDATION_TYPE_DATE;
      rule.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      rule.minimum_datetime = to_datetime(validation.first);
      rule.maximum_datetime = to_datetime(validation.last);
      break;
  }
  rule.error_type = validation.strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
  if (!clipped[0].empty()) rule.input_title = clipped[0].data();
  if (!clipped[1].empty()) rule.input_message = clipped[1].data();
  check(worksheet_data_validation_range(sheet_, 1, static_cast<lxw_col_t>(column), LXW_ROW_MAX - 1,
                                        static_cast<lxw_col_t>(column), &rule),
        "adding a dropdown or check");
}

void SheetWriter::set_column_width(int column, double width) {
  if (static_cast<std::size_t>(column) >= fixed_widths_.size())
    fixed_widths_.resize(static_cast<std::size_t>(column) + 1, 0);
  fixed_widths_[static_cast<std::size_t>(column)] = width;
}

void SheetWriter::hide() { worksheet_hide(sheet_); }

void SheetWriter::highlight_equal(int first, int last, double value) { rules_.push_back({first, last, value, false}); }
void SheetWriter::highlight_below(int column, double value) { rules_.push_back({column, column, value, true}); }

void SheetWriter::finish() {
  std::size_t columns = std::max({widths_.size(), styles_.size(), fixed_widths_.size()});
  for (std::size_t c = 0; c < columns; ++c) {
    std::size_t content = c < widths_.size() ? widths_[c] : 0;
    double width = static_cast<double>(std::min(kMaxWidth, std::max<std::size_t>(content, 6))) + 1;
    if (c < fixed_widths_.size() && fixed_widths_[c] > 0) width = fixed_widths_[c];
    // A column's own format is for cells typed in later (the input workbook); a report's
    // cells carry theirs, and its title rows must not take a column's borders.
    lxw_format* format = nullptr;
    bool boxed = formats_ == &book_.boxed_;
    if (!boxed && c < styles_.size() && styles_[c] != ColumnStyle::General)
      format = format_for(static_cast<int>(c), false);
    worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, format);
  }
  std::size_t last_data = (totals_at_ ? *totals_at_ : row_) - 1;
  if (!unfiltered_ && last_data > header_row_) {
    // libxlsxwriter keeps the range in the sheet until it is closed; there is no call that
    // widens it without the check above.
    sheet_->autofilter.last_row = static_cast<lxw_row_t>(last_data);
    sheet_->autofilter.last_col = static_cast<lxw_col_t>(std::max(columns_, 1) - 1);
  }
  for (const auto& rule : rules_) {
    if (last_data <= header_row_) break;
    lxw_conditional_format format{};
    format.type = LXW_CONDITIONAL_TYPE_CELL;
    format.criteria = rule.below ? LXW_CONDITIONAL_CRITERIA_LESS_THAN : LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    format.value = rule.value;
    format.format = book_.gap_;
    check(worksheet_conditional_format_range(sheet_, static_cast<lxw_row_t>(header_row_ + 1),
                                             static_cast<lxw_col_t>(rule.first), static_cast<lxw_row_t>(last_data),
                                             static_cast<lxw_col_t>(rule.last), &format),
          "adding a conditional format");
  }
}

WorkbookWriter::WorkbookWriter(std::filesystem::path target, const Properties& properties, Memory memory)
    : target_(std::move(target)) {
  // Made in the system's temporary folder, not beside the target: a workbook that comes
  // out the same as the one there is then never written into the output folder at all
  // (a re-run into a read-only folder succeeds), and libxlsxwriter, which reports its
  // own failures on stderr, only ever writes where there is room to.
  std::error_code error;
  std::filesystem::path scratch = std::filesystem::temp_directory_path(error);
  if (error) scratch = "/tmp";
  temporary_ = temporary_name(scratch / target_.filename());
  lxw_workbook_options options{};
  options.constant_memory = memory == Memory::Streaming ? LXW_TRUE : LXW_FALSE;
  scratch_folder_ = scratch.string();
  options.tmpdir = scratch_folder_.data();
  book_ = workbook_new_opt(temporary_.c_str(), &options);
  if (!book_) throw XlsxError(target_.string() + ": cannot create the workbook");
  header_ = workbook_add_format(book_);
  format_set_bold(header_);
  format_set_bg_color(header_, 0xD9E1F2);
  format_set_text_wrap(header_);
  format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(header_, LXW_BORDER_THIN);
  // Cell formats by column style, plain and boxed (a report's table).
  for (CellFormats* set : {&plain_, &boxed_}) {
    bool boxed = set == &boxed_;
    auto add = [&] {
      lxw_format* format = workbook_add_format(book_);
      if (boxed) {
        format_set_border(format, LXW_BORDER_THIN);
        format_set_align(format, LXW_ALIGN_VERTICAL_TOP);  // a row's cells read from its top
      }
      return format;
    };
    set->general = boxed ? add() : nullptr;
    set->date = add();
    format_set_num_format(set->date, "dd/mm/yyyy");
    set->wrap = add();
    format_set_text_wrap(set->wrap);
    format_set_align(set->wrap, LXW_ALIGN_VERTICAL_TOP);
    set->text = add();
    format_set_num_format(set->text, "@");
    set->text_wrap = add();
    format_set_num_format(set->text_wrap, "@");
    format_set_text_wrap(set->text_wrap);
    format_set_align(set->text_wrap, LXW_ALIGN_VERTICAL_TOP);
    set->count = add();
    format_set_num_format(set->count, "[$-421]#,##0");
    set->amount_sen = add();
    format_set_num_format(set->amount_sen, "[$-421]#,##0.00");
    set->long_date = add();
    format_set_num_format(set->long_date, "[$-421]d mmmm yyyy");
  }
  title_ = workbook_add_format(book_);
  format_set_bold(title_);
  format_set_font_size(title_, 13);
  bold_ = workbook_add_format(book_);
  format_set_bold(bold_);
  total_ = workbook_add_format(book_);
  format_set_bold(total_);
  format_set_num_format(total_, "[$-421]#,##0");
  format_set_border(total_, LXW_BORDER_THIN);
  gap_ = workbook_add_format(book_);
  format_set_bg_color(gap_, 0xFFC7CE);
  format_set_font_color(gap_, 0x9C0006);

  property_strings_ = {properties.title, properties.subject, properties.author, properties.keywords, "inovasi"};
  properties_.title = property_strings_[0].data();
  properties_.subject = property_strings_[1].data();
  properties_.author = property_strings_[2].data();
  properties_.keywords = property_strings_[3].data();
  properties_.comments = property_strings_[4].data();
  std::tm created{};
  created.tm_year = properties.created.year - 1900;
  created.tm_mon = properties.created.month - 1;
  created.tm_mday = properties.created.day;
  properties_.created = timegm(&created);  // the data's own date, never the wall clock
  check(workbook_set_properties(book_, &properties_), "setting document properties");
}

WorkbookWriter::~WorkbookWriter() {
  if (book_) {
    workbook_close(book_);
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
  }
}

SheetWriter& WorkbookWriter::add_sheet(const std::string& name) {
  if (auto problem = sheet_name_problem(name); !problem.empty()) throw XlsxError("sheet '" + name + "': " + problem);
  lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
  if (!sheet) throw XlsxError("sheet '" + name + "': cannot add it (a duplicate name?)");
  sheets_.push_back(std::unique_ptr<SheetWriter>(new SheetWriter(*this, sheet, name)));
  return *sheets_.back();
}

namespace {

// The finished workbook into its place in the output folder, whole or not at all.
void copy_into_place(const std::filesystem::path& made, const std::filesystem::path& target) {
  std::ifstream in(made, std::ios::binary);
  if (!in) throw XlsxError(made.string() + ": cannot read the workbook just made");
  std::error_code error;
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), error);
  AtomicFileWriter out(target);
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (in.gcount() > 0) out.write({buffer.data(), static_cast<std::size_t>(in.gcount())});
  }
  if (in.bad()) throw XlsxError(made.string() + ": cannot read the workbook just made");
  out.commit();
}

}  // namespace

namespace {

// libxlsxwriter writes a workbook's creation date with gmtime(), whose result lives in
// one buffer for the whole process: two workbooks closed at once (desk packets are
// written in parallel) could each be dated with the other's date, so a re-run found a
// packet changed that was not. Closing is serialized; this guards the C library's
// state, not ours.
std::mutex& close_lock() {
  static std::mutex lock;
  return lock;
}

}  // namespace

bool WorkbookWriter::close(Replace replace) {
  for (auto& sheet : sheets_) sheet->finish();
  lxw_error error = LXW_NO_ERROR;
  {
    std::lock_guard<std::mutex> closing(close_lock());
    error = workbook_close(book_);
  }
  book_ = nullptr;
  if (error != LXW_NO_ERROR) {
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
    throw XlsxError(target_.string() + ": " + lxw_strerror(error));
  }
  struct RemoveScratch {
    const std::filesystem::path& path;
    ~RemoveScratch() {
      std::error_code ignored;
      std::filesystem::remove(path, ignored);
    }
  } remove_scratch{temporary_};
  if (replace == Replace::WhenChanged && same_contents(temporary_, target_)) return false;
  // Renamed into place when the temporary folder shares the target's filesystem (one
  // write of the workbook, not two); copied whole and renamed otherwise.
  std::error_code renamed;
  std::filesystem::rename(temporary_, target_, renamed);
  if (renamed) copy_into_place(temporary_, target_);
  return true;
}

}  // namespace inovasi::xlsx
