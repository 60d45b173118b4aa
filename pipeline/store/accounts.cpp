#include "store/accounts.h"

#include <sodium.h>

#include <algorithm>
#include <ctime>

#include "model/clock.h"
#include "model/diagnostics.h"
#include "store/audit_log.h"
#include "store/secret_tokens.h"

namespace inovasi {
namespace {

void ensure_sodium() {
  // Thread-safe and idempotent; fails only when the system has no random source.
  if (sodium_init() < 0) throw StoreError("cannot start libsodium");
}

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char hash[crypto_pwhash_STRBYTES];
  // Interactive limits: 64 MiB and two passes, some 0.1 s on an office PC, per login.
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw StoreError("cannot hash the password: out of memory");
  }
  return hash;
}

void check_new_password(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    throw DataError("password: at least " + std::to_string(kMinPasswordLength) + " characters");
  }
  if (password.size() > 1024) throw DataError("password: at most 1024 characters");
}

bool sound_name(std::string_view name) {
  return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
}

}  // namespace

std::string_view role_name(Role role) { return role == Role::Admin ? "admin" : "staff"; }

std::optional<Role> parse_role(std::string_view text) {
  if (text == "staff") return Role::Staff;
  if (text == "admin") return Role::Admin;
  return std::nullopt;
}

void add_user(Database& db, std::string_view name, Role role, std::string_view password, std::string_view actor) {
  if (!sound_name(name)) {
    throw DataError("name: '" + std::string(name) + "' must be 1-64 letters, digits, '.', '_' or '-'");
  }
  check_new_password(password);
  auto taken = db.prepare("SELECT 1 FROM pengguna WHERE nama = ?");
  taken.bind_text_or_null(1, name);
  if (taken.step()) throw DataError("name: there is already a user '" + std::string(name) + "'");
  auto insert = db.prepare("INSERT INTO pengguna (nama, peran, hash_sandi, dibuat) VALUES (?, ?, ?, ?)");
  insert.bind_text_or_null(1, name);
  insert.bind_text_or_null(2, role_name(role));
  insert.bind_text_or_null(3, hash_password(password));
  insert.bind_text_or_null(4, utc_now());
  insert.step();
  write_audit(db, actor, "tambah_pengguna", "pengguna " + std::string(name), "",
              "peran=" + std::string(role_name(role)));
}

void set_password(Database& db, std::string_view name, std::string_view password, std::string_view actor) {
  check_new_password(password);
  auto update = db.prepare("UPDATE pengguna SET hash_sandi = ? WHERE nama = ?");
  update.bind_text_or_null(1, hash_password(password));
  update.bind_text_or_null(2, name);
  update.step();
  if (sqlite3_changes(db.handle()) == 0) throw DataError("name: no user '" + std::string(name) + "'");
  auto sessions = db.prepare("DELETE FROM sesi_masuk WHERE pengguna = ?");
  sessions.bind_text_or_null(1, name);
  sessions.step();
  write_audit(db, actor, "ganti_sandi", "pengguna " + std::string(name), "", "");
}

std::optional<StoredAccount> stored_account(Database& db, std::string_view name) {
  auto select = db.prepare("SELECT peran, hash_sandi FROM pengguna WHERE nama = ?");
  select.bind_text_or_null(1, name);
  if (!select.step()) return std::nullopt;
  auto role = parse_role(select.column_text(0));
  if (!role) return std::nullopt;
  return StoredAccount{*role, select.column_text(1)};
}

std::optional<Role> password_matches(const std::optional<StoredAccount>& account, std::string_view password) {
  ensure_sodium();
  if (!account) {
    // The same work as a real check, so that timing does not say which names exist.
    static const std::string kDecoy = hash_password("not a password of anyone's");
    [[maybe_unused]] int ignored = crypto_pwhash_str_verify(kDecoy.c_str(), password.data(), password.size());
    return std::nullopt;
  }
  if (crypto_pwhash_str_verify(account->hash.c_str(), password.data(), password.size()) != 0) return std::nullopt;
  return account->role;
}

std::optional<Role> check_password(Database& db, std::string_view name, std::string_view password) {
  return password_matches(stored_account(db, name), password);
}

LoginSession open_login_session(Database& db, std::string_view user, Role role, int hours) {
  LoginSession session{new_secret_token(), {std::string(user), role, new_secret_token()}};
  std::time_t now = std::time(nullptr);
  // Expired sessions go as new ones come: the table holds only live ones and recent.
  auto sweep = db.prepare("DELETE FROM sesi_masuk WHERE berlaku_sampai <= ?");
  sweep.bind_text_or_null(1, utc_timestamp(now));
  sweep.step();
  auto insert = db.prepare(
      "INSERT INTO sesi_masuk (hash_token, pengguna, token_csrf, dibuat, berlaku_sampai) VALUES (?, ?, ?, ?, ?)");
  insert.bind_text_or_null(1, secret_token_hash(session.token));
  insert.bind_text_or_null(2, user);
  insert.bind_text_or_null(3, session.who.csrf);
  insert.bind_text_or_null(4, utc_timestamp(now));
  insert.bind_text_or_null(5, utc_timestamp(now + static_cast<std::time_t>(hours) * 3600));
  insert.step();
  return session;
}

std::optional<SignedIn> signed_in(Database& db, std::string_view token, const std::string& now) {
  if (token.empty()) return std::nullopt;
  auto select = db.prepare(
      "SELECT s.pengguna, p.peran, s.token_csrf FROM sesi_masuk s JOIN pengguna p ON p.nama = s.pengguna "
      "WHERE s.hash_token = ? AND s.berlaku_sampai > ?");
  select.bind_text_or_null(1, secret_token_hash(token));
  select.bind_text_or_null(2, now);
  if (!select.step()) return std::nullopt;
  auto role = parse_role(select.column_text(1));
  if (!role) return std::nullopt;
  return SignedIn{select.column_text(0), *role, select.column_text(2)};
}

void close_login_session(Database& db, std::string_view token) {
  auto remove = db.prepare("DELETE FROM sesi_masuk WHERE hash_token = ?");
  remove.bind_text_or_null(1, secret_token_hash(token));
  remove.step();
}

}  // namespace inovasi
