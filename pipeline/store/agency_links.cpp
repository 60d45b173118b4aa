#include "store/agency_links.h"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "model/diagnostics.h"
#include "support/sha256.h"

namespace inovasi {
namespace {

std::string hash_of(std::string_view token) { return sha256_hex(token); }

void audit(Database& db, std::string_view actor, std::string_view action, std::string_view record,
           std::string_view before, std::string_view after, const Date& today) {
  auto insert = db.prepare(
      "INSERT INTO log_audit (waktu, pelaku, tindakan, data, nilai_lama, nilai_baru) VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind_text_or_null(1, today.iso());
  insert.bind_text_or_null(2, actor);
  insert.bind_text_or_null(3, action);
  insert.bind_text_or_null(4, record);
  insert.bind_text_or_null(5, before);
  insert.bind_text_or_null(6, after);
  insert.step();
}

}  // namespace

std::string new_link_token() {
  std::array<unsigned char, 32> bytes{};
  std::size_t filled = 0;
  while (filled < bytes.size()) {
    ssize_t got = getrandom(bytes.data() + filled, bytes.size() - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw StoreError(std::string("cannot read the system's random source: ") + std::strerror(errno));
    }
    filled += static_cast<std::size_t>(got);
  }
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string token;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      token += kAlphabet[(buffer >> bits) & 0x3F];
    }
  }
  if (bits > 0) token += kAlphabet[(buffer << (6 - bits)) & 0x3F];
  return token;
}

GrantedLink grant_agency_link(Database& db, std::string_view agency, const Date& today, const Date& expires,
                              std::string_view actor) {
  auto known = db.prepare("SELECT 1 FROM instansi WHERE kode = ?");
  known.bind_text_or_null(1, agency);
  if (!known.step()) throw DataError("--agency: no agency with kode '" + std::string(agency) + "' in the store");
  if (expires < today) {
    throw DataError("--expires: " + expires.iso() + " is before today (" + today.iso() + ")");
  }
  GrantedLink link{new_link_token(), std::string(agency), expires};
  auto insert = db.prepare(
      "INSERT INTO tautan_instansi (hash_token, instansi, dibuat, berlaku_sampai) VALUES (?, ?, ?, ?)");
  std::string hash = hash_of(link.token);
  insert.bind_text_or_null(1, hash);
  insert.bind_text_or_null(2, agency);
  insert.bind_text_or_null(3, today.iso());
  insert.bind_text_or_null(4, expires.iso());
  insert.step();
  audit(db, actor, "beri_tautan", "tautan_instansi " + std::string(agency) + "/" + hash.substr(0, 8), "",
        "berlaku_sampai=" + expires.iso(), today);
  return link;
}

std::optional<std::string> agency_for_token(Database& db, std::string_view token, const Date& today) {
  auto lookup = db.prepare(
      "SELECT instansi FROM tautan_instansi WHERE hash_token = ? AND dicabut IS NULL AND berlaku_sampai >= ?");
  lookup.bind_text_or_null(1, hash_of(token));
  lookup.bind_text_or_null(2, today.iso());
  if (!lookup.step()) return std::nullopt;
  return lookup.column_text(0);
}

int revoke_agency_links(Database& db, std::string_view agency, const Date& today, std::string_view actor) {
  auto standing = db.prepare("SELECT hash_token FROM tautan_instansi WHERE instansi = ? AND dicabut IS NULL");
  standing.bind_text_or_null(1, agency);
  std::vector<std::string> hashes;
  while (standing.step()) hashes.push_back(standing.column_text(0));
  for (const auto& hash : hashes) {
    auto revoke = db.prepare("UPDATE tautan_instansi SET dicabut = ? WHERE hash_token = ?");
    revoke.bind_text_or_null(1, today.iso());
    revoke.bind_text_or_null(2, hash);
    revoke.step();
    audit(db, actor, "cabut_tautan", "tautan_instansi " + std::string(agency) + "/" + hash.substr(0, 8), "",
          "dicabut=" + today.iso(), today);
  }
  return static_cast<int>(hashes.size());
}

std::vector<AgencyLink> agency_links(Database& db) {
  auto all = db.prepare(
      "SELECT instansi, hash_token, dibuat, berlaku_sampai, dicabut FROM tautan_instansi ORDER BY instansi, dibuat");
  std::vector<AgencyLink> links;
  while (all.step()) {
    AgencyLink link;
    link.agency = all.column_text(0);
    link.fingerprint = all.column_text(1).substr(0, 8);
    link.granted = parse_date(all.column_text(2)).date.value_or(Date{});
    link.expires = parse_date(all.column_text(3)).date.value_or(Date{});
    link.revoked = all.column_is_null(4) ? std::string() : all.column_text(4);
    links.push_back(std::move(link));
  }
  return links;
}

}  // namespace inovasi
