#pragma once
// Findings collected while reading or checking records. Importers and rules report
// every problem they see (not just the first) and the caller decides what to do.

#include <iosfwd>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "support/located_error.h"

namespace inovasi {

// Data that stops a whole run before it writes anything (a region's numbering pattern
// that would give every document one number): the user's to fix, exit status 1.
class DataError : public LocatedError {
 public:
  explicit DataError(const std::string& message) : LocatedError(ErrorKind::Data, message) {}
  DataError(ErrorPlace place, const std::string& message) : LocatedError(ErrorKind::Data, std::move(place), message) {}
};

enum class Severity { Info, Warning, Error };

std::string_view severity_name(Severity severity);

// Where a value came from: a file and a 1-based line (0 when the format has no lines).
struct SourceLocation {
  std::string file;
  int line = 0;
};

// A finding's parameters by name, in the order the rule gives them.
using FindingParams = std::vector<std::pair<std::string, std::string>>;

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLocation where;
  std::string record;  // natural key of the record concerned, when known
  std::string field;   // the field as the input names it
  std::string message;
  // The agency (instansi kode) the record concerns, when a rule knows it: an
  // innovation's answers and awards concern its agency, which only the rule has at hand.
  std::string agency = {};
  // A validation finding's stable code (e.g. "nip.jenis_kelamin") and parameters: its
  // texts in either language are the catalogue's (temuan.json). Empty for an import's
  // findings, which are the command line's only.
  std::string code = {};
  FindingParams params = {};
};

// Formats as `file:line: field: message` (warnings say so after the field).
std::string format_diagnostic(const Diagnostic& diagnostic);

class Diagnostics {
 public:
  void add(Diagnostic diagnostic);
  void error(const SourceLocation& where, std::string field, std::string message);
  void warning(const SourceLocation& where, std::string field, std::string message);
  // A finding with a stable code and parameters (the catalogue words it for pages) beside
  // the command line's English message.
  void coded(Severity severity, const SourceLocation& where, std::string field, std::string_view code,
             FindingParams params, std::string message);
  void append(const Diagnostics& other);

  // Keeps at most `items` findings; later ones are only counted (count() and
  // has_errors() include them, print() says how many were left out). An import of a
  // garbage file finds millions, which neither a terminal nor memory should hold.
  void keep_at_most(std::size_t items) { limit_ = items; }

  const std::vector<Diagnostic>& all() const { return items_; }
  bool has_errors() const;
  std::size_t count(Severity severity) const;
  // Findings counted but not kept.
  std::size_t left_out() const { return left_out_errors_ + left_out_others_; }
  void print(std::ostream& out) const;

 private:
  std::vector<Diagnostic> items_;
  std::size_t limit_ = static_cast<std::size_t>(-1);
  std::size_t left_out_errors_ = 0;
  std::size_t left_out_others_ = 0;
};

}  // namespace inovasi
