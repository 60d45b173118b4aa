#include "model/amount.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace inovasi {
namespace {

using ::testing::HasSubstr;

std::string amount(std::string_view text) {
  return parse_amount(text).canonical.value_or("ERROR: " + parse_amount(text).error);
}
std::string number(std::string_view text) {
  return parse_amount_number(text).canonical.value_or("ERROR: " + parse_amount_number(text).error);
}

TEST(Amount, AsIndonesianUsersWriteIt) {
  EXPECT_EQ(amount("2000000"), "2000000");
  EXPECT_EQ(amount("Rp 1.500.000"), "1500000");
  EXPECT_EQ(amount("Rp. 1.500.000,-"), "1500000");
  EXPECT_EQ(amount("Rp 1.500.000, -"), "1500000");
  EXPECT_EQ(amount("1.500.000,50"), "1500000.50");
  EXPECT_EQ(amount("Rp 1.500.000,00"), "1500000");
  EXPECT_EQ(amount("1500000.75"), "1500000.75");  // from a spreadsheet
  EXPECT_EQ(amount("1500000,5"), "1500000.50");
  EXPECT_EQ(amount("1.5"), "1.50");
  EXPECT_EQ(amount("1.500"), "1500");  // fifteen hundred, as Indonesians write it
  EXPECT_EQ(amount("1,500,000"), "1500000");
  EXPECT_EQ(amount("1,500,000.25"), "1500000.25");
  EXPECT_EQ(amount("0"), "0");
  EXPECT_EQ(amount("007"), "7");
}

TEST(Amount, NeverDropsADecimalPointOrADigit) {
  EXPECT_THAT(amount("1,500"), HasSubstr("could be read two ways"));
  EXPECT_THAT(amount("1500000.755"), HasSubstr("more than two decimals"));
  EXPECT_THAT(amount("1.50.000"), HasSubstr("not of three digits"));
  EXPECT_THAT(amount("1.500,000.5"), HasSubstr("mixes its separators"));
  EXPECT_THAT(amount("-5"), HasSubstr("negative"));
  EXPECT_THAT(amount("lima juta"), HasSubstr("not an amount"));
  EXPECT_THAT(amount("1e6"), HasSubstr("not an amount"));
  EXPECT_THAT(amount("1234567890123456"), HasSubstr("too large"));
}

TEST(Amount, SpreadsheetNumbersUseAPointForDecimals) {
  EXPECT_EQ(number("150000000.5"), "150000000.50");
  EXPECT_EQ(number("1500.125"), "ERROR: '1500.125' has more than two decimals (sen); round the cell");
  EXPECT_EQ(number("1.5E8"), "150000000");
  EXPECT_EQ(number("0.30000000000000004"), "0.30");  // a formula's float noise
  EXPECT_EQ(number("2000000"), "2000000");
  EXPECT_EQ(number("2000000.10"), "2000000.10");
  EXPECT_THAT(number("-1"), HasSubstr("negative"));
}

TEST(Amount, PrintedAsRupiah) {
  EXPECT_EQ(rupiah_text("1500000"), "Rp 1.500.000");
  EXPECT_EQ(rupiah_text("1500000.75"), "Rp 1.500.000,75");
  EXPECT_EQ(rupiah_text("999"), "Rp 999");
  EXPECT_EQ(rupiah_text("1.5"), std::nullopt);
  EXPECT_EQ(rupiah_text("abc"), std::nullopt);
}

TEST(WholeNumber, OnlyDigits) {
  EXPECT_EQ(parse_whole_number("2026"), 2026);
  EXPECT_EQ(parse_whole_number(" 7 "), 7);
  EXPECT_EQ(parse_whole_number("-3"), -3);
  EXPECT_EQ(parse_whole_number("1.0"), std::nullopt);
  EXPECT_EQ(parse_whole_number("2026.5"), std::nullopt);
  EXPECT_EQ(parse_whole_number("1.000"), std::nullopt);
  EXPECT_EQ(parse_whole_number(""), std::nullopt);
}

}  // namespace
}  // namespace inovasi
