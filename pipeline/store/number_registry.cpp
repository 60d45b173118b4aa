#include "store/number_registry.h"

#include <algorithm>
#include <random>
#include <stdexcept>

namespace inovasi {
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
  return {s.column_text(0),
          s.column_text(1),
          static_cast<int>(s.column_int(2)),
          static_cast<int>(s.column_int(3)),
          s.column_text(4),
          s.column_text(5),
          s.column_text(6),
          s.column_text(7),
          s.column_text(8),
          s.column_text(9),
          s.column_text(10)};
}

// Reset at once: a cached statement left on a row would keep its read open.
std::optional<IssuedNumber> first_row(Statement& s) {
  std::optional<IssuedNumber> row;
  if (s.step()) row = row_of(s);
  s.reset();
  return row;
}

constexpr std::string_view kColumns =
    "jenis, kunci, tahun, urut, nomor, kode_verifikasi, sha256, berkas, dicabut, alasan_pencabutan, tanggal";
constexpr std::size_t kCodeLength = 10;
constexpr int kMostSkipped = 1000;

}  // namespace

IssuedNumber NumberRegistry::issue(const std::string& kind, const std::string& key, int year, std::string_view pattern,
                                   const Date& date, const std::map<std::string, std::string>& fields) {
  auto& existing = statement("SELECT " + std::string(kColumns) + " FROM nomor_dokumen WHERE jenis = ? AND kunci = ?");
  existing.bind_text_or_null(1, kind);
  existing.bind_text_or_null(2, key);
  if (auto found = first_row(existing)) return *found;

  auto& last = statement("SELECT COALESCE(MAX(urut), 0) FROM nomor_dokumen WHERE jenis = ? AND tahun = ? AND urut > 0");
  last.bind_text_or_null(1, kind);
  last.bind_int(2, year);
  last.step();
  IssuedNumber issued{kind, key, year, static_cast<int>(last.column_int(0)) + 1, "", "", "", "", "", "", ""};
  last.reset();
  // A number written by hand, or given by an earlier pattern, may be one this pattern
  // gives too: the sequence goes on to the next number nobody holds.
  for (int skipped = 0;; ++skipped, ++issued.sequence) {
    issued.number = format_number(pattern, issued.sequence, date, fields);
    if (!holder_of(issued.kind, issued.year, issued.number)) break;
    if (skipped == kMostSkipped) {
      throw NumberTaken("the pattern's next " + std::to_string(kMostSkipped) + " numbers, up to " + issued.number +
                        ", are already issued to other documents");
    }
  }
  insert(issued);
  return issued;
}

std::optional<std::string> NumberRegistry::holder_of(const std::string& kind, int year,
                                                     const std::string& number) const {
  auto& holder = statement("SELECT kunci FROM nomor_dokumen WHERE jenis = ? AND tahun = ? AND nomor = ?");
  holder.bind_text_or_null(1, kind);
  holder.bind_int(2, year);
  holder.bind_text_or_null(3, number);
  std::optional<std::string> key;
  if (holder.step()) key = holder.column_text(0);
  holder.reset();
  return key;
}

IssuedNumber NumberRegistry::adopt(const std::string& kind, const std::string& key, int year,
                                   const std::string& number) {
  if (auto found = by_key(kind, key)) {
    if (found->number != number) {
      throw NumberTaken(number + " is not the number already issued to this document (" + found->number +
                        "), and an issued number is never changed: write " + found->number + ", or leave it out");
    }
    return *found;
  }
  // Numbers written by hand take no place in the pattern's sequence (which would then
  // skip one): they are counted down from -1 instead.
  auto& first = statement("SELECT COALESCE(MIN(urut), 0) FROM nomor_dokumen WHERE jenis = ? AND tahun = ?");
  first.bind_text_or_null(1, kind);
  first.bind_int(2, year);
  first.step();
  IssuedNumber issued{kind,   key, year, static_cast<int>(std::min<long long>(first.column_int(0), 0)) - 1,
                      number, "",  "",   "",
                      "",     "",  ""};
  first.reset();
  insert(issued);
  return issued;
}

void NumberRegistry::insert(IssuedNumber& issued) {
  if (auto other = holder_of(issued.kind, issued.year, issued.number)) {
    throw NumberTaken("number " + issued.number + " was already issued to " + issued.kind + " " + *other +
                      " (a number is issued once per kind and year)");
  }
  for (int attempt = 0;; ++attempt) {
    issued.verification_code = new_verification_code();
    if (!by_code(issued.verification_code)) break;
    if (attempt > 20) throw std::runtime_error("cannot find a free verification code");
  }
  auto& insert = statement(
      "INSERT INTO nomor_dokumen (jenis, kunci, tahun, urut, nomor, kode_verifikasi) VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind_text_or_null(1, issued.kind);
  insert.bind_text_or_null(2, issued.key);
  insert.bind_int(3, issued.year);
  insert.bind_int(4, issued.sequence);
  insert.bind_text_or_null(5, issued.number);
  insert.bind_text_or_null(6, issued.verification_code);
  insert.step();
}

void NumberRegistry::record_file(const std::string& kind, const std::string& key, const std::string& sha256,
                                 const std::string& file, const Date& date) {
  auto& update =
      statement("UPDATE nomor_dokumen SET sha256 = ?, berkas = ?, tanggal = ? WHERE jenis = ? AND kunci = ?");
  update.bind_text_or_null(1, sha256);
  update.bind_text_or_null(2, file);
  update.bind_text_or_null(3, date.iso());
  update.bind_text_or_null(4, kind);
  update.bind_text_or_null(5, key);
  update.step();
}

Statement& NumberRegistry::statement(const std::string& sql) const {
  auto it = statements_.find(sql);
  if (it == statements_.end()) it = statements_.emplace(sql, db_.prepare(sql)).first;
  it->second.reset();
  return it->second;
}

std::optional<IssuedNumber> NumberRegistry::find(std::string_view where, std::string_view value) const {
  auto& query =
      statement("SELECT " + std::string(kColumns) + " FROM nomor_dokumen WHERE " + std::string(where) + " = ?");
  query.bind_text_or_null(1, value);
  return first_row(query);
}

std::optional<IssuedNumber> NumberRegistry::by_key(std::string_view kind, std::string_view key) const {
  auto& query = statement("SELECT " + std::string(kColumns) + " FROM nomor_dokumen WHERE jenis = ? AND kunci = ?");
  query.bind_text_or_null(1, kind);
  query.bind_text_or_null(2, key);
  return first_row(query);
}

std::optional<IssuedNumber> NumberRegistry::by_code(std::string_view code) const {
  return find("kode_verifikasi", code);
}

bool NumberRegistry::revoke(std::string_view code, const Date& on, std::string_view reason) {
  auto& update = statement(
      "UPDATE nomor_dokumen SET dicabut = ?, alasan_pencabutan = ? WHERE kode_verifikasi = ? AND dicabut IS NULL");
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

}  // namespace inovasi
