#pragma once
// The team's accounts for the console: created on the command line (`inovasi user add`),
// passwords hashed with libsodium's Argon2id (memory-hard, salted, its parameters kept
// in the hash), and login sessions kept only as their token's SHA-256 with a CSRF token
// of their own and an expiry.

#include <optional>
#include <string>
#include <string_view>

#include "store/sqlite.h"

namespace inovasi {

enum class Role { Staff, Admin };
std::string_view role_name(Role role);  // "staff", "admin"
std::optional<Role> parse_role(std::string_view text);

inline constexpr std::size_t kMinPasswordLength = 10;

// Throws DataError when the name is not 1-64 letters, digits, '.', '_' or '-', when it is
// taken, or when the password is shorter than kMinPasswordLength (or longer than 1024).
void add_user(Database& db, std::string_view name, Role role, std::string_view password, std::string_view actor);
// Replaces a user's password (throws DataError for an unknown user or a short password);
// ends the user's login sessions.
void set_password(Database& db, std::string_view name, std::string_view password, std::string_view actor);

struct SignedIn {
  std::string user;
  Role role = Role::Staff;
  std::string csrf;  // the token every form of this login session carries
};

// The user's role if this is the user's password, or nothing. The time taken does not
// tell a wrong name from a wrong password: an unknown name is checked against a hash all
// the same.
std::optional<Role> check_password(Database& db, std::string_view name, std::string_view password);

// The same in two steps, for a caller that reads the store under a lock and should not
// hold it for the check (some 0.1 s and 64 MB): the account as stored, then the check.
struct StoredAccount {
  Role role = Role::Staff;
  std::string hash;
};
std::optional<StoredAccount> stored_account(Database& db, std::string_view name);
std::optional<Role> password_matches(const std::optional<StoredAccount>& account, std::string_view password);

struct LoginSession {
  std::string token;  // the cookie's value; the store keeps only its hash
  SignedIn who;
};
LoginSession open_login_session(Database& db, std::string_view user, Role role, int hours);
std::optional<SignedIn> signed_in(Database& db, std::string_view token, const std::string& now);
void close_login_session(Database& db, std::string_view token);

}  // namespace inovasi
