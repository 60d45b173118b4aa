// The verification service's parts: where its pages are, how it budgets a client's
// requests, and that its pages show names as text, whatever they hold.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "serve/pages.h"
#include "serve/rate_limiter.h"
#include "serve/server.h"
#include "test_support.h"

namespace inovasi::serve {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using namespace inovasi::testing;

TEST(Serve, ThePagesAreAtThePathOfTheAddressTheCodesPrint) {
  EXPECT_EQ(verification_prefix("https://inovasi.karokab.go.id/verifikasi/"), "/verifikasi");
  EXPECT_EQ(verification_prefix("https://x.go.id/v"), "/v");
  EXPECT_EQ(verification_prefix("https://x.go.id"), "/verifikasi");
  EXPECT_EQ(verification_prefix(""), "/verifikasi");
  EXPECT_EQ(verification_prefix("https://x.go.id/a/b//"), "/a/b");
}

TEST(Serve, AClientPastItsBudgetWaitsAndOthersDoNot) {
  RateLimiter limiter(60);  // one a second, sixty at once
  auto now = RateLimiter::Clock::now();
  for (int i = 0; i < 60; ++i) EXPECT_EQ(limiter.admit("10.0.0.1", now), 0) << i;
  EXPECT_EQ(limiter.admit("10.0.0.1", now), 1);
  EXPECT_EQ(limiter.admit("10.0.0.2", now), 0);                            // another client is not held up
  EXPECT_EQ(limiter.admit("10.0.0.1", now + std::chrono::seconds(2)), 0);  // refilled
  RateLimiter none(0);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(none.admit("x", now), 0);
}

TEST(Serve, NamesAreTextOnThePages) {
  Pages pages(source_dir() / "templates" / "web");
  Region region{"Kabupaten <b>Uji</b>", "Bappeda & Litbang", ""};
  Verification found;
  found.status = Verification::Status::Valid;
  found.code = "K7Q2M9X4TB";
  found.issued.number = "1/SERT/2026";
  found.issued.year = 2026;
  found.issued.date = "2026-02-24";
  found.issued.sha256 = std::string(64, 'a');
  found.title = "Sertifikat Penghargaan";
  found.agency = "<script>alert(1)</script>";
  std::string html = pages.verification(region, found, "/verifikasi/K7Q2M9X4TB", "k7q2 m9x4 tb");
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("Kabupaten &lt;b&gt;Uji&lt;/b&gt;"));
  EXPECT_THAT(html, HasSubstr("24 Februari 2026"));
  std::string unknown = pages.verification(region, Verification{}, "/verifikasi/x\"><img src=x>", "x\"><img src=x>");
  EXPECT_THAT(unknown, Not(HasSubstr("<img")));
  EXPECT_THAT(unknown, HasSubstr("TIDAK DIKENAL"));
  // The JSON names the same, escaped as JSON.
  std::string json = verification_json(region, found);
  EXPECT_THAT(json, HasSubstr("\"status\":\"valid\""));
  EXPECT_THAT(json, HasSubstr("\"nomor\":\"1/SERT/2026\""));
  EXPECT_THAT(json, HasSubstr("\"instansi\":\"<script>alert(1)</script>\""));  // served as application/json
}

}  // namespace
}  // namespace inovasi::serve
