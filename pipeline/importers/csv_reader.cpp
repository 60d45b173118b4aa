#include "importers/csv_reader.h"

namespace inovasi {

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

CsvTable read_csv(std::string_view content, const std::string& file, Diagnostics& diagnostics) {
  CsvTable table;
  table.separator = detect_separator(content);
  CsvRow row;
  std::string cell;
  int line = 1;
  row.line = 1;
  bool quoted = false;       // inside a quoted cell
  bool after_quote = false;  // the quoted part of the cell has ended
  int quote_line = 0;

  auto end_cell = [&] {
    row.cells.push_back(std::move(cell));
    cell.clear();
    after_quote = false;
  };
  auto end_row = [&] {
    end_cell();
    bool empty = true;
    for (const auto& c : row.cells) empty = empty && c.find_first_not_of(" \t") == std::string::npos;
    if (!empty) table.rows.push_back(std::move(row));
    row = CsvRow{};
    row.line = line;
  };

  for (std::size_t i = 0; i < content.size(); ++i) {
    char c = content[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < content.size() && content[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line;
        if (c != '\r' || i + 1 >= content.size() || content[i + 1] != '\n') cell += c;
      }
      continue;
    }
    if (c == table.separator) {
      end_cell();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < content.size() && content[i + 1] == '\n') ++i;
      ++line;
      end_row();
    } else if (c == '"' && cell.find_first_not_of(" \t") == std::string::npos && !after_quote) {
      cell.clear();
      quoted = true;
      quote_line = line;
    } else if (after_quote && c != ' ' && c != '\t') {
      diagnostics.error({file, line}, "", "text after a closing quote; write a quote inside a quoted cell as \"\"");
      after_quote = false;
      cell += c;
    } else if (c == '"') {
      diagnostics.error({file, line}, "", "a quote inside an unquoted cell; quote the whole cell");
      cell += c;
    } else if (!after_quote) {
      cell += c;
    }
  }
  if (quoted) {
    diagnostics.error({file, quote_line}, "", "quoted cell is never closed");
  } else if (!cell.empty() || !row.cells.empty()) {
    end_row();
  }
  return table;
}

}  // namespace inovasi
