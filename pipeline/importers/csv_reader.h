#pragma once
// RFC 4180 CSV as spreadsheets write it: comma or semicolon separated (Indonesian Excel
// writes semicolons), quoted fields that may hold separators, quotes ("") and line
// breaks, CRLF or LF. Each row knows the line it starts on. Read a chunk at a time: a
// national inovasi.csv is some 180 MB, and none of it need be held but the row at hand.

#include <istream>
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

// No cell of a file of records is larger (a field's limit is 1 MiB) and no row wider:
// past these the file is not a CSV of records (an unclosed quote, a binary file), and
// reading it stops rather than holding it whole.
inline constexpr std::size_t kMaxCsvCellBytes = 16u << 20;
inline constexpr std::size_t kMaxCsvCells = 1024;

class CsvReader {
 public:
  // Malformed quoting is reported under `file` and the line; a byte-order mark is skipped.
  CsvReader(std::istream& in, std::string file, Diagnostics& diagnostics);

  // The next row that is not entirely empty; false at the end of the file, or when the
  // file cannot be read further (stopped() says so, with an error reported).
  bool next(CsvRow& row);
  char separator() const { return separator_; }
  bool stopped() const { return stopped_; }

 private:
  int get();   // the next byte, or -1 at the end
  int peek();  // the same without taking it
  bool fill();
  void stop(int line, const std::string& message);

  std::istream& in_;
  std::string file_;
  Diagnostics& diagnostics_;
  std::string buffer_;
  std::size_t at_ = 0;
  char separator_ = ',';
  int line_ = 1;
  bool stopped_ = false;
  bool ended_ = false;
};

// A whole text at once (tests, small inputs).
CsvTable read_csv(std::string_view content, const std::string& file, Diagnostics& diagnostics);

}  // namespace inovasi
