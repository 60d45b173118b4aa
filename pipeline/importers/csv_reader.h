#pragma once
// RFC 4180 CSV as spreadsheets write it: comma or semicolon separated (Indonesian Excel
// writes semicolons), quoted fields that may hold separators, quotes ("") and line
// breaks, CRLF or LF. Each row knows the line it starts on.

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"

namespace inovasi {

struct CsvRow {
  int line = 0;
  std::vector<std::string> cells;
};

struct CsvTable {
  char separator = ',';
  std::vector<CsvRow> rows;  // the header is rows[0]
};

// Picks the separator from the header line: the one of ',', ';' that occurs more often
// outside quotes (a tab when neither occurs and tabs do).
char detect_separator(std::string_view content);

// Reports malformed quoting under the file and line; rows that are entirely empty are
// skipped.
CsvTable read_csv(std::string_view content, const std::string& file, Diagnostics& diagnostics);

}  // namespace inovasi
