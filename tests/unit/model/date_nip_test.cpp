#include <gtest/gtest.h>

#include "model/date.h"
#include "model/nip.h"

namespace inovasi {
namespace {

std::string iso(std::string_view text) {
  auto result = parse_date(text);
  return result.date ? result.date->iso() : "error: " + result.error;
}

TEST(Date, ParsesTheFormsThePortalsUse) {
  EXPECT_EQ(iso("2021-07-05"), "2021-07-05");
  EXPECT_EQ(iso("5 Juli 2021"), "2021-07-05");
  EXPECT_EQ(iso("05/07/2021"), "2021-07-05");  // day first
  EXPECT_EQ(iso("01 January 2020"), "2020-01-01");
  EXPECT_EQ(iso("Senin, 5 Juli 2021"), "2021-07-05");
  EXPECT_EQ(iso("17 Agustus 1845"), "error: year out of range in '17 Agustus 1845'");
  EXPECT_EQ(iso("5\xC2\xA0"
                "Des\xC2\xA0"
                "2022"),
            "2022-12-05");
}

TEST(Date, RejectsImpossibleDates) {
  EXPECT_EQ(iso("2021-02-29"), "error: no such date: '2021-02-29'");
  EXPECT_EQ(iso("2024-02-29"), "2024-02-29");  // leap year
  EXPECT_EQ(iso("2100-02-29"), "error: no such date: '2100-02-29'");
  EXPECT_EQ(iso("31 April 2023"), "error: no such date: '31 April 2023'");
  EXPECT_EQ(iso("13/13/2021"), "error: no such date: '13/13/2021'");
  EXPECT_EQ(iso("5 Juni"), "error: not a date: '5 Juni'");
  EXPECT_EQ(iso("5 Foo 2021"), "error: unknown month 'Foo' in '5 Foo 2021'");
}

TEST(Date, Weekday) {
  EXPECT_EQ((Date{2021, 7, 5}).weekday(), 0);    // Senin
  EXPECT_EQ((Date{2026, 11, 28}).weekday(), 5);  // Sabtu
  EXPECT_EQ((Date{2000, 1, 1}).weekday(), 5);
}

TEST(Nip, NormalizesWhatPeopleType) {
  EXPECT_EQ(normalize_nip("19660801 198803 1 001"), "196608011988031001");
  EXPECT_EQ(normalize_nip("19660801.198803.1.001"), "196608011988031001");
  EXPECT_EQ(normalize_nip("196608011988031001"), "196608011988031001");
  EXPECT_FALSE(normalize_nip("19660801 198803 1 00"));  // 17 digits
  EXPECT_FALSE(normalize_nip("1966080119880310O1"));    // letter O
  EXPECT_EQ(format_nip("196608011988031001"), "19660801 198803 1 001");
}

TEST(Nip, ReportsStructuralProblems) {
  EXPECT_TRUE(nip_problems("196608011988031001").empty());
  auto gender = nip_problems("196608011988033001");
  ASSERT_EQ(gender.size(), 1u);
  EXPECT_EQ(gender[0], "digit 15 (gender) must be 1 or 2, not 3");
  EXPECT_EQ(nip_problems("196602301988031001").front(), "digits 1-8 are not a birth date (19660230)");
  EXPECT_EQ(nip_problems("196608011988131001").front(), "digits 9-14 are not an appointment month (198813)");
  EXPECT_EQ(nip_problems("199008012000031001").front(), "appointment 200003 is too soon after birth 19900801");
}

}  // namespace
}  // namespace inovasi
