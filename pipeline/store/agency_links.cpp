#include "store/agency_links.h"

#include <utility>

#include "model/clock.h"
#include "model/diagnostics.h"
#include "store/audit_log.h"
#include "store/secret_tokens.h"

namespace inovasi {

GrantedLink grant_agency_link(Database& db, std::string_view agency, const Date& today, const Date& expires,
                              std::string_view actor) {
  auto known = db.prepare("SELECT 1 FROM instansi WHERE kode = ?");
  known.bind_text_or_null(1, agency);
  if (!known.step()) throw DataError("--agency: no agency with kode '" + std::string(agency) + "' in the store");
  if (expires < today) {
    throw DataError("--expires: " + expires.iso() + " is before today (" + today.iso() + ")");
  }
  GrantedLink link{new_secret_token(), std::string(agency), expires};
  auto insert =
      db.prepare("INSERT INTO tautan_instansi (hash_token, instansi, dibuat, berlaku_sampai) VALUES (?, ?, ?, ?)");
  std::string hash = secret_token_hash(link.token);
  insert.bind_text_or_null(1, hash);
  insert.bind_text_or_null(2, agency);
  insert.bind_text_or_null(3, today.iso());
  insert.bind_text_or_null(4, expires.iso());
  insert.step();
  write_audit(db, actor, "beri_tautan", "tautan_instansi " + std::string(agency) + "/" + hash.substr(0, 8), "",
              "berlaku_sampai=" + expires.iso());
  return link;
}

std::optional<std::string> agency_for_token(Database& db, std::string_view token, const Date& today) {
  auto lookup = db.prepare(
      "SELECT instansi FROM tautan_instansi WHERE hash_token = ? AND dicabut IS NULL AND berlaku_sampai >= ?");
  lookup.bind_text_or_null(1, secret_token_hash(token));
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
    write_audit(db, actor, "cabut_tautan", "tautan_instansi " + std::string(agency) + "/" + hash.substr(0, 8), "",
                "dicabut=" + today.iso());
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

AttendanceLink open_attendance_link(Database& db, std::string_view session, const std::string& expires,
                                    std::string_view actor) {
  auto known = db.prepare("SELECT 1 FROM sesi_diskusi WHERE kode = ?");
  known.bind_text_or_null(1, session);
  if (!known.step()) throw DataError("sesi: no discussion session with kode '" + std::string(session) + "'");
  std::string now = utc_now();
  if (expires <= now) throw DataError("sesi " + std::string(session) + ": the session ended at " + expires);
  AttendanceLink link{new_secret_token(), std::string(session), expires};
  auto insert =
      db.prepare("INSERT INTO tautan_hadir (hash_token, sesi, dibuat, berlaku_sampai, oleh) VALUES (?, ?, ?, ?, ?)");
  std::string hash = secret_token_hash(link.token);
  insert.bind_text_or_null(1, hash);
  insert.bind_text_or_null(2, session);
  insert.bind_text_or_null(3, now);
  insert.bind_text_or_null(4, expires);
  insert.bind_text_or_null(5, actor);
  insert.step();
  write_audit(db, actor, "buka_tautan_hadir", "tautan_hadir " + std::string(session) + "/" + hash.substr(0, 8), "",
              "berlaku_sampai=" + expires);
  return link;
}

std::optional<std::string> session_for_attendance_token(Database& db, std::string_view token, const std::string& now) {
  auto lookup = db.prepare("SELECT sesi FROM tautan_hadir WHERE hash_token = ? AND berlaku_sampai > ?");
  lookup.bind_text_or_null(1, secret_token_hash(token));
  lookup.bind_text_or_null(2, now);
  if (!lookup.step()) return std::nullopt;
  return lookup.column_text(0);
}

int standing_attendance_links(Database& db, std::string_view session, const std::string& now) {
  auto count = db.prepare("SELECT count(*) FROM tautan_hadir WHERE sesi = ? AND berlaku_sampai > ?");
  count.bind_text_or_null(1, session);
  count.bind_text_or_null(2, now);
  count.step();
  return static_cast<int>(count.column_int(0));
}

int close_attendance_links(Database& db, std::string_view session, const std::string& now, std::string_view actor) {
  auto standing =
      db.prepare("SELECT hash_token, berlaku_sampai FROM tautan_hadir WHERE sesi = ? AND berlaku_sampai > ?");
  standing.bind_text_or_null(1, session);
  standing.bind_text_or_null(2, now);
  std::vector<std::pair<std::string, std::string>> links;
  while (standing.step()) links.emplace_back(standing.column_text(0), standing.column_text(1));
  for (const auto& [hash, expires] : links) {
    auto close = db.prepare("UPDATE tautan_hadir SET berlaku_sampai = ? WHERE hash_token = ?");
    close.bind_text_or_null(1, now);
    close.bind_text_or_null(2, hash);
    close.step();
    write_audit(db, actor, "tutup_tautan_hadir", "tautan_hadir " + std::string(session) + "/" + hash.substr(0, 8),
                "berlaku_sampai=" + expires, "berlaku_sampai=" + now);
  }
  return static_cast<int>(links.size());
}

}  // namespace inovasi
