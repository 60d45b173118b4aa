#pragma once
// What the public verification page says of a code: the document the code was issued
// to, as its own pages print it (kind, number, date, agency, innovation), whether it
// stands or was revoked, and the SHA-256 of the file issued. Nothing else of the store
// (no NIP, phone or address) is read for it.

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "store/number_registry.h"
#include "store/sqlite.h"

namespace inovasi::serve {

struct Verification {
  enum class Status { Valid, Revoked, Unknown };
  Status status = Status::Unknown;
  std::string code;  // as issued, when the typed text can be a code
  IssuedNumber issued;
  std::string title;       // the document's name ("Sertifikat Penghargaan")
  std::string agency;      // the agency's name
  std::string innovation;  // the innovation's name, for documents of one
};

// The region as the public pages name it.
struct Region {
  std::string name;              // nama_daerah
  std::string office;            // nama_bappeda
  std::string verification_url;  // url_verifikasi ("" when the region sets none)
};

// One read-only connection to the store with its statements, each prepared once: the
// service keeps a few and lends one to each request.
class StoreReader {
 public:
  explicit StoreReader(Database db) : db_(std::move(db)), registry_(db_) {}
  StoreReader(const StoreReader&) = delete;
  StoreReader& operator=(const StoreReader&) = delete;

  // The first row's column `column` of a query ("" when there is none).
  std::string text(const std::string& sql, std::initializer_list<std::string_view> values, int column = 0);
  const NumberRegistry& registry() const { return registry_; }

 private:
  Database db_;
  NumberRegistry registry_;
  std::map<std::string, Statement> statements_;
};

Region read_region(StoreReader& reader);
Verification look_up(StoreReader& reader, std::string_view typed_code);

std::string_view status_name(Verification::Status status);  // "valid", "revoked", "unknown"

}  // namespace inovasi::serve
