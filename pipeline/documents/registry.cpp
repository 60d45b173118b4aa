#include "documents/registry.h"

#include <random>
#include <stdexcept>

#include "model/indonesian.h"

namespace inovasi::documents {
namespace {

// Crockford's base32: no I, L, O, U, so a code read aloud or typed is unambiguous.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

std::string new_verification_code() {
  std::random_device random;
  std::string code;
  for (int i = 0; i < 10; ++i) code += kAlphabet[random() % 32];
  return code;
}

IssuedNumber row_of(Statement& s) {
  return {s.column_text(0), s.column_text(1), static_cast<int>(s.column_int(2)), static_cast<int>(s.column_int(3)),
          s.column_text(4), s.column_text(5), s.column_text(6), s.column_text(7), s.column_text(8), s.column_text(9)};
}

// Reset at once: a cached statement left on a row would keep its read open.
std::optional<IssuedNumber> first_row(Statement& s) {
  std::optional<IssuedNumber> row;
  if (s.step()) row = row_of(s);
  s.reset();
  return row;
}

constexpr std::string_view kColumns =
    "jenis, kunci, tahun, urut, nomor, kode_verifikasi, sha256, berkas, dicabut, alasan_pencabutan";
constexpr std::size_t kCodeLength = 10;

}  // namespace

std::string format_number(std::string_view pattern, int sequence, const Date& date,
                          const std::map<std::string, std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    auto close = pattern.find('}', i);
    if (close == std::string_view::npos) throw std::runtime_error("number pattern '" + std::string(pattern) + "' has an unclosed {");
    std::string name(pattern.substr(i + 1, close - i - 1));
    if (name == "urut") out += std::to_string(sequence);
    else if (name == "tahun") out += std::to_string(date.year);
    else if (name == "bulan") out += std::to_string(date.month);
    else if (name == "bulan_romawi") out += indonesian::month_roman(date.month);
    else if (auto it = fields.find(name); it != fields.end()) out += it->second;
    else throw std::runtime_error("number pattern '" + std::string(pattern) + "': unknown placeholder {" + name + "}");
    i = close;
  }
  return out;
}

IssuedNumber NumberRegistry::issue(const std::string& kind, const std::string& key, int year, std::string_view pattern,
                                   const Date& date, const std::map<std::string, std::string>& fields) {
  auto& existing = statement("SELECT " + std::string(kColumns) + " FROM nomor_dokumen WHERE jenis = ? AND kunci = ?");
  existing.bind_text_or_null(1, kind);
  existing.bind_text_or_null(2, key);
  if (auto found = first_row(existing)) return *found;

  auto& last = statement("SELECT COALESCE(MAX(urut), 0) FROM nomor_dokumen WHERE jenis = ? AND tahun = ?");
  last.bind_text_or_null(1, kind);
  last.bind_int(2, year);
  last.step();
  IssuedNumber issued{kind, key, year, static_cast<int>(last.column_int(0)) + 1, "", "", "", "", "", ""};
  last.reset();
  issued.number = format_number(pattern, issued.sequence, date, fields);
  for (int attempt = 0;; ++attempt) {
    issued.verification_code = new_verification_code();
    if (!by_code(issued.verification_code)) break;
    if (attempt > 20) throw std::runtime_error("cannot find a free verification code");
  }
  auto& insert = statement("INSERT INTO nomor_dokumen (jenis, kunci, tahun, urut, nomor, kode_verifikasi) VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind_text_or_null(1, kind);
  insert.bind_text_or_null(2, key);
  insert.bind_int(3, year);
  insert.bind_int(4, issued.sequence);
  insert.bind_text_or_null(5, issued.number);
  insert.bind_text_or_null(6, issued.verification_code);
  insert.step();
  return issued;
}

void NumberRegistry::record_file(const std::string& kind, const std::string& key, const std::string& sha256,
                                 const std::string& file) {
  auto& update = statement("UPDATE nomor_dokumen SET sha256 = ?, berkas = ? WHERE jenis = ? AND kunci = ?");
  update.bind_text_or_null(1, sha256);
  update.bind_text_or_null(2, file);
  update.bind_text_or_null(3, kind);
  update.bind_text_or_null(4, key);
  update.step();
}

Statement& NumberRegistry::statement(const std::string& sql) const {
  auto it = statements_.find(sql);
  if (it == statements_.end()) it = statements_.emplace(sql, db_.prepare(sql)).first;
  it->second.reset();
  return it->second;
}

std::optional<IssuedNumber> NumberRegistry::find(std::string_view where, std::string_view value) const {
  auto& query = statement("SELECT " + std::string(kColumns) + " FROM nomor_dokumen WHERE " + std::string(where) + " = ?");
  query.bind_text_or_null(1, value);
  return first_row(query);
}

std::optional<IssuedNumber> NumberRegistry::by_key(std::string_view kind, std::string_view key) const {
  auto& query = statement("SELECT " + std::string(kColumns) + " FROM nomor_dokumen WHERE jenis = ? AND kunci = ?");
  query.bind_text_or_null(1, kind);
  query.bind_text_or_null(2, key);
  return first_row(query);
}

std::optional<IssuedNumber> NumberRegistry::by_code(std::string_view code) const { return find("kode_verifikasi", code); }

bool NumberRegistry::revoke(std::string_view code, const Date& on, std::string_view reason) {
  auto& update = statement("UPDATE nomor_dokumen SET dicabut = ?, alasan_pencabutan = ? WHERE kode_verifikasi = ? AND dicabut IS NULL");
  update.bind_text_or_null(1, on.iso());
  update.bind_text_or_null(2, reason);
  update.bind_text_or_null(3, code);
  update.step();
  return by_code(code).has_value();
}

std::optional<std::string> normalize_verification_code(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    if (kAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    code += c;
  }
  if (code.size() != kCodeLength) return std::nullopt;
  return code;
}
std::optional<IssuedNumber> NumberRegistry::by_sha256(std::string_view sha) const { return find("sha256", sha); }

// OpenSSL's SHA-256 uses the CPU's SHA extensions: every document and every re-run key
// is hashed, and Poco's portable one was a twentieth of a certificate's time.

}  // namespace inovasi::documents
