#pragma once
// The one base of the errors that stop a command: what kind of problem it is (which
// decides the exit status, cli/main.cpp) and where it is, as far as the code that found
// it knows: a file, a line and column or a workbook cell, and the field as the input
// names it. Parse, markup, template, import, font, image, PDF, workbook, store and
// output errors all derive from it.

#include <stdexcept>
#include <string>

namespace inovasi {

enum class ErrorKind {
  Data,       // the records, an input file or the regional profile: the user's data to fix
  Template,   // a template, partial, font or image the user edits
  Output,     // a file that cannot be written (a full disk included)
  Store,      // the SQLite store itself
  Catalogue,  // the programme's rule files (catalogue/)
  Usage,      // the command line
};

struct ErrorPlace {
  std::string file;
  int line = 0;      // 1-based; 0 when not known
  int column = 0;    // 1-based; 0 when not known
  std::string cell;  // a workbook cell ("Inovasi!C4"), for workbooks
  std::string field;

  // "file:line:column: field", with only what is known ("" when nothing is).
  std::string describe() const;
};

class LocatedError : public std::runtime_error {
 public:
  // what() is the place, then the message: "file:3:7: nama: too long".
  LocatedError(ErrorKind kind, ErrorPlace place, const std::string& message);
  // A message that already names its place in its own words.
  LocatedError(ErrorKind kind, const std::string& message) : LocatedError(kind, ErrorPlace{}, message) {}

  ErrorKind kind() const { return kind_; }
  const ErrorPlace& place() const { return place_; }
  const std::string& message() const { return message_; }

 private:
  ErrorKind kind_;
  ErrorPlace place_;
  std::string message_;
};

}  // namespace inovasi
