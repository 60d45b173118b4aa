// --sign-time: a calendar time with its zone, or a usage error naming what is wrong.
#include <gtest/gtest.h>

#include "cli/signing.h"

namespace inovasi::cli {
namespace {

TEST(SignTime, TakesAnOffsetOrUtc) {
  auto [wib, offset] = parse_sign_time("2026-02-24T09:00:00+07:00");
  EXPECT_EQ(wib, 1771898400);
  EXPECT_EQ(offset, 420);
  auto [utc, zero] = parse_sign_time("2026-02-24T02:00:00Z");
  EXPECT_EQ(utc, 1771898400);
  EXPECT_EQ(zero, 0);
  auto [wit, nine] = parse_sign_time("2026-02-24T11:00:00+09:00");
  EXPECT_EQ(wit, 1771898400);
  EXPECT_EQ(nine, 540);
}

TEST(SignTime, RefusesWhatIsNotATimeOnACalendarDate) {
  for (const char* wrong : {"2026-02-31T09:00:00Z", "2026-13-01T09:00:00Z", "2026-02-24T24:00:00Z", "2026-02-24 09:00",
                            "2026-02-24T09:00:00+7", "kemarin"}) {
    EXPECT_THROW(parse_sign_time(wrong), UsageError) << wrong;
  }
}

}  // namespace
}  // namespace inovasi::cli
