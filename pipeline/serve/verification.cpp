#include "serve/verification.h"

#include "documents/document_kind.h"

namespace inovasi::serve {
namespace {

std::string agency_name(StoreReader& db, std::string_view code) {
  return db.text("SELECT nama FROM instansi WHERE kode = ?", {code});
}

// Whom the document was issued to, from its registry key: a certificate's is
// "penghargaan <innovation>/<year>", a contract's "<agency>/<year>", minutes' the
// session's kode.
void add_subject(StoreReader& db, Verification& found) {
  const std::string& key = found.issued.key;
  auto slash = key.rfind('/');
  std::string year = std::to_string(found.issued.year);
  if (found.issued.kind == "sertifikat" && key.starts_with("penghargaan ") && slash != std::string::npos) {
    std::string innovation = key.substr(12, slash - 12);
    found.innovation = db.text("SELECT nama FROM inovasi WHERE kode = ? AND tahun = ?", {innovation, year});
    found.agency =
        agency_name(db, db.text("SELECT instansi FROM inovasi WHERE kode = ? AND tahun = ?", {innovation, year}));
  } else if (found.issued.kind == "perjanjian" && slash != std::string::npos) {
    found.agency = agency_name(db, key.substr(0, slash));
  } else if (found.issued.kind == "berita-acara") {
    std::string request = db.text("SELECT permohonan FROM sesi_diskusi WHERE kode = ?", {key});
    found.agency = agency_name(db, db.text("SELECT instansi FROM permohonan_diskusi WHERE kode = ?", {request}));
    std::string innovation = db.text("SELECT inovasi FROM permohonan_diskusi WHERE kode = ?", {request});
    if (!innovation.empty()) found.innovation = db.text("SELECT nama FROM inovasi WHERE kode = ?", {innovation});
  }
}

}  // namespace

std::string StoreReader::text(const std::string& sql, std::initializer_list<std::string_view> values, int column) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) it = statements_.emplace(sql, db_.prepare(sql)).first;
  Statement& query = it->second;
  query.reset();
  int at = 1;
  for (auto value : values) query.bind_text_or_null(at++, value);
  std::string found = query.step() ? query.column_text(column) : std::string();
  query.reset();  // a statement left on a row would keep its read open
  return found;
}

Region read_region(StoreReader& reader) {
  const char* sql = "SELECT nama_daerah, nama_bappeda, url_verifikasi FROM daerah LIMIT 1";
  return {reader.text(sql, {}, 0), reader.text(sql, {}, 1), reader.text(sql, {}, 2)};
}

Verification look_up(StoreReader& db, std::string_view typed_code) {
  Verification found;
  auto code = normalize_verification_code(typed_code);
  if (!code) return found;
  found.code = *code;
  auto issued = db.registry().by_code(*code);
  if (!issued) return found;
  found.issued = std::move(*issued);
  found.status = found.issued.revoked_on.empty() ? Verification::Status::Valid : Verification::Status::Revoked;
  const auto* kind = documents::find_numbered_kind(found.issued.kind);
  found.title = kind ? std::string(kind->title) : found.issued.kind;
  add_subject(db, found);
  return found;
}

std::string_view status_name(Verification::Status status) {
  switch (status) {
    case Verification::Status::Valid:
      return "valid";
    case Verification::Status::Revoked:
      return "revoked";
    case Verification::Status::Unknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace inovasi::serve
