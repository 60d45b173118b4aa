// The agencies' private links: random, kept only as hashes, opening one agency's records
// only, until they expire or are revoked.

#include "store/agency_links.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "store/secret_tokens.h"
#include "store/store.h"
#include "test_support.h"

namespace inovasi {
namespace {

using namespace inovasi::testing;

class AgencyLinks : public ::testing::Test {
 protected:
  void SetUp() override {
    store_.emplace(Store::open(dir_.path() / "s.db", true));
    store_->database().execute(
        "INSERT INTO instansi (kode, nama) VALUES ('dinkes', 'Dinas Kesehatan'), "
        "('dinsos', 'Dinas Sosial')");
  }
  Database& db() { return store_->database(); }
  ScratchDir dir_;
  std::optional<Store> store_;
  const Date today_{2026, 3, 1};
};

TEST_F(AgencyLinks, ALinkOpensItsOwnAgencyOnlyAndIsKeptOnlyAsAHash) {
  auto dinkes = grant_agency_link(db(), "dinkes", today_, {2026, 6, 30}, "test");
  auto dinsos = grant_agency_link(db(), "dinsos", today_, {2026, 6, 30}, "test");
  EXPECT_EQ(dinkes.token.size(), 43u);  // 256 bits in base64url
  EXPECT_EQ(dinkes.token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_TRUE(has_secret_token_shape(dinkes.token));
  EXPECT_FALSE(has_secret_token_shape(dinkes.token.substr(1)));
  EXPECT_FALSE(has_secret_token_shape(dinkes.token.substr(1) + "/"));
  EXPECT_NE(dinkes.token, dinsos.token);
  EXPECT_EQ(agency_for_token(db(), dinkes.token, today_), "dinkes");
  EXPECT_EQ(agency_for_token(db(), dinsos.token, today_), "dinsos");
  EXPECT_EQ(agency_for_token(db(), dinkes.token.substr(1), today_), std::nullopt);
  EXPECT_EQ(agency_for_token(db(), "", today_), std::nullopt);
  // Nothing in the store is the token.
  auto all = db().prepare("SELECT hash_token || instansi || dibuat || berlaku_sampai FROM tautan_instansi");
  while (all.step()) EXPECT_EQ(all.column_text(0).find(dinkes.token), std::string::npos);
  std::set<std::string> tokens;
  for (int i = 0; i < 200; ++i) tokens.insert(new_secret_token());
  EXPECT_EQ(tokens.size(), 200u);
}

TEST_F(AgencyLinks, ALinkEndsAfterItsLastDayOrWhenRevokedAndEitherIsAudited) {
  auto link = grant_agency_link(db(), "dinkes", today_, {2026, 6, 30}, "tim");
  EXPECT_EQ(agency_for_token(db(), link.token, {2026, 6, 30}), "dinkes");  // its last day
  EXPECT_EQ(agency_for_token(db(), link.token, {2026, 7, 1}), std::nullopt);
  EXPECT_EQ(revoke_agency_links(db(), "dinkes", today_, "tim"), 1);
  EXPECT_EQ(agency_for_token(db(), link.token, today_), std::nullopt);
  EXPECT_EQ(revoke_agency_links(db(), "dinkes", today_, "tim"), 0);  // nothing left standing
  auto links = agency_links(db());
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].revoked, "2026-03-01");
  auto audit = db().prepare("SELECT pelaku, tindakan, data FROM log_audit ORDER BY id");
  std::vector<std::string> entries;
  while (audit.step())
    entries.push_back(audit.column_text(0) + " " + audit.column_text(1) + " " + audit.column_text(2));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0], "tim beri_tautan tautan_instansi dinkes/" + links[0].fingerprint);
  EXPECT_EQ(entries[1], "tim cabut_tautan tautan_instansi dinkes/" + links[0].fingerprint);
}

TEST_F(AgencyLinks, ALinkForAnUnknownAgencyOrAlreadyExpiredIsRefused) {
  EXPECT_THROW(grant_agency_link(db(), "tidak-ada", today_, {2026, 6, 30}, "tim"), DataError);
  EXPECT_THROW(grant_agency_link(db(), "dinkes", today_, {2026, 2, 28}, "tim"), DataError);
  EXPECT_TRUE(agency_links(db()).empty());
}

TEST_F(AgencyLinks, AnAttendanceLinkOpensItsSessionUntilItEndsOrIsClosed) {
  db().execute(
      "INSERT INTO permohonan_diskusi (kode, tahun, instansi, tanggal_permohonan, permasalahan) "
      "VALUES ('RDRI-2026-001', 2026, 'dinkes', '2026-03-01', '[\"a\"]');"
      "INSERT INTO sesi_diskusi (kode, permohonan, tanggal) VALUES ('RDRI-2026-001-S1', 'RDRI-2026-001', "
      "'2026-03-02')");
  const std::string end = "2099-03-02T09:00:00Z";
  auto first = open_attendance_link(db(), "RDRI-2026-001-S1", end, "tim");
  auto second = open_attendance_link(db(), "RDRI-2026-001-S1", end, "tim");
  EXPECT_NE(first.token, second.token);
  EXPECT_EQ(session_for_attendance_token(db(), first.token, "2099-03-02T08:59:59Z"), "RDRI-2026-001-S1");
  EXPECT_EQ(session_for_attendance_token(db(), first.token, end), std::nullopt);  // the session's end
  EXPECT_THROW(open_attendance_link(db(), "RDRI-2026-009-S1", end, "tim"), DataError);
  EXPECT_THROW(open_attendance_link(db(), "RDRI-2026-001-S1", "2020-01-01T00:00:00Z", "tim"), DataError);

  const std::string now = "2099-03-02T08:00:00Z";
  EXPECT_EQ(standing_attendance_links(db(), "RDRI-2026-001-S1", now), 2);
  EXPECT_EQ(close_attendance_links(db(), "RDRI-2026-001-S1", now, "ana"), 2);
  EXPECT_EQ(standing_attendance_links(db(), "RDRI-2026-001-S1", now), 0);
  EXPECT_EQ(session_for_attendance_token(db(), first.token, now), std::nullopt);
  EXPECT_EQ(session_for_attendance_token(db(), second.token, now), std::nullopt);
  EXPECT_EQ(close_attendance_links(db(), "RDRI-2026-001-S1", now, "ana"), 0);
  auto audit = db().prepare("SELECT count(*) FROM log_audit WHERE pelaku = 'ana' AND tindakan = 'tutup_tautan_hadir'");
  audit.step();
  EXPECT_EQ(audit.column_int(0), 2);
}

}  // namespace
}  // namespace inovasi
