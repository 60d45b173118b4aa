// Times as the store keeps them (UTC) and as sessions write them (local "HH:MM").
#include "model/clock.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace inovasi {
namespace {

TEST(Clock, ATimeOfDayIsTwoDigitsEachWithAColonOrAPoint) {
  EXPECT_EQ(minutes_of_day("09:05"), 9 * 60 + 5);
  EXPECT_EQ(minutes_of_day("23.59"), 23 * 60 + 59);
  EXPECT_EQ(minutes_of_day("00:00"), 0);
  for (const char* wrong : {"9:05", "24:00", "12:60", "12-30", "12:3a", "", "12:300"}) {
    EXPECT_EQ(minutes_of_day(wrong), -1) << wrong;
  }
}

TEST(Clock, ALocalTimeBecomesUtcAndBack) {
  // UTC+7 without daylight saving, as Asia/Jakarta; a POSIX rule needs no tzdata.
  const char* saved = std::getenv("TZ");
  std::string before = saved ? saved : "";
  setenv("TZ", "WIB-7", 1);
  tzset();
  std::string utc = utc_of_local(Date{2026, 12, 8}, 16 * 60 + 30);
  EXPECT_EQ(utc, "2026-12-08T09:30:00Z");
  EXPECT_EQ(local_readable(utc), "8 Desember 2026 pukul 16.30");
  EXPECT_EQ(local_readable("not a time"), "not a time");
  if (saved) {
    setenv("TZ", before.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
}

}  // namespace
}  // namespace inovasi
