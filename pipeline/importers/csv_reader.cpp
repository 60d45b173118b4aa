#include "importers/csv_reader.h"

#include <algorithm>
#include <sstream>

namespace inovasi {
namespace {

constexpr std::size_t kChunkBytes = 1u << 20;

bool blank(const std::string& cell) { return cell.find_first_not_of(" \t") == std::string::npos; }

}  // namespace

char detect_separator(std::string_view content) {
  int commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (char c : content) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
  }
  if (semicolons > commas) return ';';
  if (commas == 0 && tabs > 0) return '\t';
  return ',';
}

CsvReader::CsvReader(std::istream& in, std::string file, Diagnostics& diagnostics)
    : in_(in), file_(std::move(file)), diagnostics_(diagnostics) {
  fill();
  if (std::string_view(buffer_).starts_with("\xEF\xBB\xBF")) at_ = 3;
  separator_ = detect_separator(std::string_view(buffer_).substr(at_));
}

bool CsvReader::fill() {
  if (ended_) return false;
  buffer_.erase(0, at_);
  at_ = 0;
  std::size_t kept = buffer_.size();
  buffer_.resize(kept + kChunkBytes);
  in_.read(buffer_.data() + kept, static_cast<std::streamsize>(kChunkBytes));
  buffer_.resize(kept + static_cast<std::size_t>(in_.gcount()));
  if (in_.gcount() == 0) ended_ = true;
  return buffer_.size() > kept;
}

int CsvReader::peek() {
  if (at_ >= buffer_.size() && !fill()) return -1;
  return static_cast<unsigned char>(buffer_[at_]);
}

int CsvReader::get() {
  int c = peek();
  if (c >= 0) ++at_;
  return c;
}

void CsvReader::stop(int line, const std::string& message) {
  diagnostics_.error({file_, line}, "", message + "; the rest of the file was not read");
  stopped_ = true;
}

bool CsvReader::next(CsvRow& row) {
  while (!stopped_) {
    row.cells.clear();
    row.line = line_;
    std::string cell;
    bool quoted = false;       // inside a quoted cell
    bool after_quote = false;  // the quoted part of the cell has ended
    int quote_line = 0;
    bool any = false;  // anything at all was read for this row
    auto end_cell = [&] {
      if (row.cells.size() >= kMaxCsvCells) {
        stop(row.line, "a row of more than " + std::to_string(kMaxCsvCells) + " cells: not a file of records");
        return;
      }
      row.cells.push_back(std::move(cell));
      cell.clear();
      after_quote = false;
    };
    bool row_ended = false;
    while (!row_ended && !stopped_) {
      // Inside quotes, the text up to the next quote is taken whole (a narrative is
      // most of a row): byte by byte only where a carriage return needs looking at.
      if (quoted && at_ < buffer_.size()) {
        std::string_view ahead = std::string_view(buffer_).substr(at_);
        std::size_t run = ahead.find_first_of("\"\r");
        if (run == std::string_view::npos) run = ahead.size();
        if (run > 0) {
          std::string_view part = ahead.substr(0, run);
          cell.append(part);
          line_ += static_cast<int>(std::count(part.begin(), part.end(), '\n'));
          at_ += run;
          any = true;
          if (cell.size() > kMaxCsvCellBytes) {
            stop(quote_line, "a cell of more than " + std::to_string(kMaxCsvCellBytes >> 20) +
                                 " MiB (a quote that is never closed?)");
            break;
          }
          continue;
        }
      }
      int c = get();
      if (c < 0) break;
      any = true;
      if (cell.size() > kMaxCsvCellBytes) {
        stop(quoted ? quote_line : line_, "a cell of more than " + std::to_string(kMaxCsvCellBytes >> 20) + " MiB" +
                                              (quoted ? " (a quote that is never closed?)" : ""));
        break;
      }
      if (quoted) {
        if (c == '"') {
          if (peek() == '"') {
            cell += '"';
            get();
          } else {
            quoted = false;
            after_quote = true;
          }
        } else {
          if (c == '\n') ++line_;
          if (c != '\r' || peek() != '\n') cell += static_cast<char>(c);
        }
        continue;
      }
      if (c == separator_) {
        end_cell();
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && peek() == '\n') get();
        ++line_;
        row_ended = true;
      } else if (c == '"' && blank(cell) && !after_quote) {
        cell.clear();
        quoted = true;
        quote_line = line_;
      } else if (after_quote && c != ' ' && c != '\t') {
        diagnostics_.error({file_, line_}, "",
                           "text after a closing quote; write a quote inside a quoted cell as \"\"");
        after_quote = false;
        cell += static_cast<char>(c);
      } else if (c == '"') {
        diagnostics_.error({file_, line_}, "", "a quote inside an unquoted cell; quote the whole cell");
        cell += static_cast<char>(c);
      } else if (!after_quote) {
        cell += static_cast<char>(c);
      }
    }
    if (stopped_) return false;
    if (quoted) {
      diagnostics_.error({file_, quote_line}, "", "quoted cell is never closed");
      stopped_ = true;
      return false;
    }
    if (!any) return false;  // the end of the file
    end_cell();
    if (stopped_) return false;
    bool empty = true;
    for (const auto& c : row.cells) empty = empty && blank(c);
    if (!empty) return true;
  }
  return false;
}

CsvTable read_csv(std::string_view content, const std::string& file, Diagnostics& diagnostics) {
  std::istringstream in{std::string(content)};
  CsvReader reader(in, file, diagnostics);
  CsvTable table;
  table.separator = reader.separator();
  CsvRow row;
  while (reader.next(row)) table.rows.push_back(row);
  return table;
}

}  // namespace inovasi
