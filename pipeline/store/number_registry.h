#pragma once
// Document numbers and verification codes. A number is handed out once per document
// (kind + key) in sequence per kind and year, from the region's pattern, and the same
// number comes back on every later run. Each issued file's SHA-256 is recorded so that
// `inovasi verify` can tell an issued document from a modified copy.

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/date.h"
#include "model/number_pattern.h"
#include "store/sqlite.h"
#include "support/sha256.h"

namespace inovasi {

struct IssuedNumber {
  std::string kind;
  std::string key;
  int year = 0;
  int sequence = 0;
  std::string number;
  std::string verification_code;
  std::string sha256;  // of the last issued file; empty until written
  std::string file;
  std::string revoked_on;  // ISO date; empty while the document stands
  std::string revoke_reason;
  std::string date;  // ISO: the issued file's own date (its creation date); empty until written
};

// A verification code as people type it: any case, with spaces or hyphens between
// groups, and the letters Crockford's alphabet reads as digits (O as 0, I and L as 1).
// The code as issued, or nothing when the text cannot be one.
std::optional<std::string> normalize_verification_code(std::string_view typed);

// A number already issued to another document of the kind and year: that document fails
// (the other keeps its number).
struct NumberTaken : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class NumberRegistry {
 public:
  explicit NumberRegistry(Database& db) : db_(db) {}

  // The number already given to (kind, key), or the next of (kind, year) that no other
  // document holds (a number written by hand may be one the pattern gives). Call inside a transaction
  // so that two runs never hand out the same sequence.
  IssuedNumber issue(const std::string& kind, const std::string& key, int year, std::string_view pattern,
                     const Date& date, const std::map<std::string, std::string>& fields);
  // Records a number written in the data (a session's own nomor) so that its document
  // verifies too; throws NumberTaken when another document holds it, or when the key
  // was issued another number.
  IssuedNumber adopt(const std::string& kind, const std::string& key, int year, const std::string& number);
  // The file written for (kind, key): its SHA-256, its place in the output folder and its date.
  void record_file(const std::string& kind, const std::string& key, const std::string& sha256, const std::string& file,
                   const Date& date);

  std::optional<IssuedNumber> by_code(std::string_view code) const;
  std::optional<IssuedNumber> by_key(std::string_view kind, std::string_view key) const;
  std::optional<IssuedNumber> by_sha256(std::string_view sha256) const;
  // Marks the document revoked; false when no document has the code. A revoked number
  // stays taken, and revoking again keeps the first date and reason.
  bool revoke(std::string_view code, const Date& on, std::string_view reason);

 private:
  // Gives the number a verification code and stores it; throws NumberTaken.
  void insert(IssuedNumber& issued);
  std::optional<std::string> holder_of(const std::string& kind, int year, const std::string& number) const;
  std::optional<IssuedNumber> find(std::string_view where, std::string_view value) const;
  // Prepared once per registry and reset for each use: a batch asks for thousands of
  // numbers, and compiling the SQL again each time was half of planning.
  Statement& statement(const std::string& sql) const;
  Database& db_;
  mutable std::map<std::string, Statement> statements_;
};

}  // namespace inovasi
