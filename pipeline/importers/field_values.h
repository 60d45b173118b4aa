#pragma once
// Converting the text of one input field into the canonical stored form of its type
// (schema.h), shared by every importer so that CSV, JSON and portal profiles accept
// exactly the same spellings and report the same errors.

#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"
#include "model/diagnostics.h"
#include "model/record.h"

namespace inovasi {

// No field of an official document needs more; a larger value is a broken export.
inline constexpr std::size_t kMaxFieldBytes = 1u << 20;

struct FieldInput {
  const FieldSpec* spec = nullptr;
  std::string text;                // the value as written
  std::vector<std::string> lines;  // for narratives from line-oriented sources (keeps indentation)
  SourceLocation where;
  // A spreadsheet or JSON number: '.' is its decimal point, whatever the amount's
  // written form would mean by it.
  bool number_cell = false;
};

class FieldConverter {
 public:
  FieldConverter(const Catalog& catalog, Diagnostics& diagnostics) : catalog_(catalog), diagnostics_(diagnostics) {}

  // Stores the canonical value (and raw text for enumerations) in the record; reports
  // problems under the field's name. An empty value is stored as empty (NULL).
  void assign(Record& record, const FieldInput& input);

  // Fills derived fields (tahun from a date). A kode from a name is the import's to
  // give (innovation_identity.h): it depends on the other records.
  void complete(Record& record);

 private:
  // A finding with its code and parameters (import_codes.h) beside the English message.
  void report(Severity severity, const FieldInput& input, std::string_view code, FindingParams params,
              std::string message);
  void error(const FieldInput& input, std::string_view code, FindingParams params, std::string message) {
    report(Severity::Error, input, code, std::move(params), std::move(message));
  }
  std::string convert(const FieldInput& input, std::string_view text);

  const Catalog& catalog_;
  Diagnostics& diagnostics_;
};

// A file saved in another encoding has invalid UTF-8 on most lines: the first few of a
// file are reported, with this message naming the first bad byte.
inline constexpr int kInvalidUtf8Reported = 20;
std::string invalid_utf8_message(char byte);

// Reports invalid UTF-8 with its line and strips a byte-order mark; returns false when
// the text cannot be read further.
bool check_text_encoding(std::string& content, const std::string& file, Diagnostics& diagnostics);

// Every required field the record lacks, as an error naming the field.
void report_missing_required(const Record& record, Diagnostics& diagnostics);

}  // namespace inovasi
