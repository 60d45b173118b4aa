#include "serve/verification.h"

#include "documents/document_kind.h"

namespace inovasi::serve {
namespace {

// One text column of the first row a query gives ("" when none).
std::string text_of(Database& db, const char* sql, std::initializer_list<std::string_view> values, int column = 0) {
  Statement query = db.prepare(sql);
  int at = 1;
  for (auto value : values) query.bind_text_or_null(at++, value);
  return query.step() ? query.column_text(column) : std::string();
}

std::string agency_name(Database& db, std::string_view code) {
  return text_of(db, "SELECT nama FROM instansi WHERE kode = ?", {code});
}

// Whom the document was issued to, from its registry key: a certificate's is
// "penghargaan <innovation>/<year>", a contract's "<agency>/<year>", minutes' the
// session's kode.
void add_subject(Database& db, Verification& found) {
  const std::string& key = found.issued.key;
  auto slash = key.rfind('/');
  std::string year = std::to_string(found.issued.year);
  if (found.issued.kind == "sertifikat" && key.starts_with("penghargaan ") && slash != std::string::npos) {
    std::string innovation = key.substr(12, slash - 12);
    found.innovation = text_of(db, "SELECT nama FROM inovasi WHERE kode = ? AND tahun = ?", {innovation, year});
    found.agency =
        agency_name(db, text_of(db, "SELECT instansi FROM inovasi WHERE kode = ? AND tahun = ?", {innovation, year}));
  } else if (found.issued.kind == "perjanjian" && slash != std::string::npos) {
    found.agency = agency_name(db, key.substr(0, slash));
  } else if (found.issued.kind == "berita-acara") {
    std::string request = text_of(db, "SELECT permohonan FROM sesi_diskusi WHERE kode = ?", {key});
    found.agency = agency_name(db, text_of(db, "SELECT instansi FROM permohonan_diskusi WHERE kode = ?", {request}));
    std::string innovation = text_of(db, "SELECT inovasi FROM permohonan_diskusi WHERE kode = ?", {request});
    if (!innovation.empty()) found.innovation = text_of(db, "SELECT nama FROM inovasi WHERE kode = ?", {innovation});
  }
}

}  // namespace

Region read_region(Database& db) {
  Statement query = db.prepare("SELECT nama_daerah, nama_bappeda, url_verifikasi FROM daerah LIMIT 1");
  if (!query.step()) return {};
  return {query.column_text(0), query.column_text(1), query.column_text(2)};
}

Verification look_up(Database& db, std::string_view typed_code) {
  Verification found;
  auto code = normalize_verification_code(typed_code);
  if (!code) return found;
  found.code = *code;
  NumberRegistry registry(db);
  auto issued = registry.by_code(*code);
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
