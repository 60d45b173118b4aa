// The console's accounts: Argon2id hashes (never the password), checks that do not tell
// names apart, login sessions kept as hashes that expire and end with a new password.

#include "store/accounts.h"

#include <gtest/gtest.h>

#include "model/clock.h"
#include "model/diagnostics.h"
#include "store/store.h"
#include "test_support.h"

namespace inovasi {
namespace {

using namespace inovasi::testing;

class Accounts : public ::testing::Test {
 protected:
  void SetUp() override { store_.emplace(Store::open(dir_.path() / "s.db", true)); }
  Database& db() { return store_->database(); }
  ScratchDir dir_;
  std::optional<Store> store_;
};

TEST_F(Accounts, KeepsOnlyAnArgon2idHash) {
  add_user(db(), "ana", Role::Admin, "sandi-rahasia-ana", "cli");
  auto select = db().prepare("SELECT hash_sandi FROM pengguna WHERE nama = 'ana'");
  ASSERT_TRUE(select.step());
  std::string hash = select.column_text(0);
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_EQ(hash.find("sandi-rahasia-ana"), std::string::npos);
  EXPECT_EQ(check_password(db(), "ana", "sandi-rahasia-ana"), Role::Admin);
  EXPECT_EQ(check_password(db(), "ana", "sandi-rahasia-anA"), std::nullopt);
  EXPECT_EQ(check_password(db(), "nobody", "sandi-rahasia-ana"), std::nullopt);
}

TEST_F(Accounts, RefusesShortPasswordsOddNamesAndTakenNames) {
  EXPECT_THROW(add_user(db(), "ana", Role::Staff, "pendek", "cli"), DataError);
  EXPECT_THROW(add_user(db(), "../ana", Role::Staff, "sandi-rahasia-ana", "cli"), DataError);
  EXPECT_THROW(add_user(db(), "<script>", Role::Staff, "sandi-rahasia-ana", "cli"), DataError);
  add_user(db(), "ana", Role::Staff, "sandi-rahasia-ana", "cli");
  EXPECT_THROW(add_user(db(), "ana", Role::Admin, "sandi-rahasia-lain", "cli"), DataError);
}

TEST_F(Accounts, SessionsAreHashedExpireAndEndWithANewPassword) {
  add_user(db(), "budi", Role::Staff, "sandi-rahasia-budi", "cli");
  auto session = open_login_session(db(), "budi", Role::Staff, 10);
  EXPECT_EQ(session.token.size(), 43u);
  EXPECT_EQ(session.who.csrf.size(), 43u);
  EXPECT_NE(session.token, session.who.csrf);
  auto stored = db().prepare("SELECT count(*) FROM sesi_masuk WHERE hash_token = ?");
  stored.bind_text_or_null(1, session.token);
  stored.step();
  EXPECT_EQ(stored.column_int(0), 0) << "the token itself is never stored";
  auto who = signed_in(db(), session.token, utc_now());
  ASSERT_TRUE(who);
  EXPECT_EQ(who->user, "budi");
  EXPECT_EQ(who->csrf, session.who.csrf);
  EXPECT_FALSE(signed_in(db(), session.token, utc_timestamp(std::time(nullptr) + 11 * 3600))) << "expired";
  EXPECT_FALSE(signed_in(db(), session.token + "x", utc_now()));
  set_password(db(), "budi", "sandi-baru-budi-2", "cli");
  EXPECT_FALSE(signed_in(db(), session.token, utc_now())) << "a new password ends the logins";
  auto again = open_login_session(db(), "budi", Role::Staff, 10);
  close_login_session(db(), again.token);
  EXPECT_FALSE(signed_in(db(), again.token, utc_now()));
}

}  // namespace
}  // namespace inovasi
