#include "xlsx/workbook.h"

#include <fstream>

#include <algorithm>
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
  if (frozen) {
    worksheet_freeze_panes(sheet_, static_cast<lxw_row_t>(row_ + 1), 0);
  } else {
    unfiltered_ = true;  // a heading inside a guide, not the head of a table of records
  }
  ++row_;
}

lxw_format* SheetWriter::format_for(int column, bool multi_line) const {
  ColumnStyle style = static_cast<std::size_t>(column) < styles_.size() ? styles_[static_cast<std::size_t>(column)]
                                                                        : ColumnStyle::General;
  switch (style) {
    case ColumnStyle::Text:
      return multi_line ? book_.text_wrap_ : book_.text_;
    case ColumnStyle::Date:
      return book_.date_;
    case ColumnStyle::Wrapped:
      return book_.wrap_;
    case ColumnStyle::General:
      break;
  }
  return multi_line ? book_.wrap_ : nullptr;
}

void SheetWriter::row(const std::vector<Cell>& cells) {
  auto r = static_cast<lxw_row_t>(row_);
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
      check(worksheet_write_number(sheet_, r, column, *number, nullptr), "writing a cell");
      note_width(static_cast<int>(c), 12);
    } else if (const auto* date = std::get_if<Date>(&cell)) {
      lxw_datetime value = to_datetime(*date);
      check(worksheet_write_datetime(sheet_, r, column, &value, book_.date_), "writing a date");
      note_width(static_cast<int>(c), 11);
    }
  }
  columns_ = std::max(columns_, static_cast<int>(cells.size()));
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
    lxw_format* format = nullptr;
    if (c < styles_.size() && styles_[c] != ColumnStyle::General) format = format_for(static_cast<int>(c), false);
    worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, format);
  }
  if (!unfiltered_ && row_ > 1 && columns_ > 0) {
    worksheet_autofilter(sheet_, 0, 0, static_cast<lxw_row_t>(row_ - 1), static_cast<lxw_col_t>(columns_ - 1));
  }
  for (const auto& rule : rules_) {
    if (row_ < 2) break;
    lxw_conditional_format format{};
    format.type = LXW_CONDITIONAL_TYPE_CELL;
    format.criteria = rule.below ? LXW_CONDITIONAL_CRITERIA_LESS_THAN : LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    format.value = rule.value;
    format.format = book_.gap_;
    check(worksheet_conditional_format_range(sheet_, 1, static_cast<lxw_col_t>(rule.first),
                                             static_cast<lxw_row_t>(row_ - 1), static_cast<lxw_col_t>(rule.last),
                                             &format),
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
  date_ = workbook_add_format(book_);
  format_set_num_format(date_, "dd/mm/yyyy");
  wrap_ = workbook_add_format(book_);
  format_set_text_wrap(wrap_);
  format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
  text_ = workbook_add_format(book_);
  format_set_num_format(text_, "@");
  text_wrap_ = workbook_add_format(book_);
  format_set_num_format(text_wrap_, "@");
  format_set_text_wrap(text_wrap_);
  format_set_align(text_wrap_, LXW_ALIGN_VERTICAL_TOP);
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

bool WorkbookWriter::close(Replace replace) {
  for (auto& sheet : sheets_) sheet->finish();
  lxw_error error = workbook_close(book_);
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
