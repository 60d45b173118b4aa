#include "model/indonesian.h"

#include <gtest/gtest.h>

namespace inovasi::indonesian {
namespace {

TEST(Indonesian, NumbersInWords) {
  EXPECT_EQ(in_words(0), "nol");
  EXPECT_EQ(in_words(1), "satu");
  EXPECT_EQ(in_words(10), "sepuluh");
  EXPECT_EQ(in_words(11), "sebelas");
  EXPECT_EQ(in_words(12), "dua belas");
  EXPECT_EQ(in_words(20), "dua puluh");
  EXPECT_EQ(in_words(99), "sembilan puluh sembilan");
  EXPECT_EQ(in_words(100), "seratus");
  EXPECT_EQ(in_words(111), "seratus sebelas");
  EXPECT_EQ(in_words(200), "dua ratus");
  EXPECT_EQ(in_words(1000), "seribu");
  EXPECT_EQ(in_words(1100), "seribu seratus");
  EXPECT_EQ(in_words(2021), "dua ribu dua puluh satu");
  EXPECT_EQ(in_words(11000), "sebelas ribu");
  EXPECT_EQ(in_words(100000), "seratus ribu");
  EXPECT_EQ(in_words(1000000), "satu juta");
  EXPECT_EQ(in_words(2500000), "dua juta lima ratus ribu");
  EXPECT_EQ(in_words(1000000000), "satu miliar");
  EXPECT_EQ(in_words(7250000000LL), "tujuh miliar dua ratus lima puluh juta");
  EXPECT_EQ(in_words(3000000000000LL), "tiga triliun");
  EXPECT_EQ(in_words(-5), "minus lima");
}

TEST(Indonesian, CountsAndAmounts) {
  EXPECT_EQ(count_with_words(2), "2 (dua)");
  EXPECT_EQ(count_with_words(12), "12 (dua belas)");
  EXPECT_EQ(rupiah(2000000), "Rp 2.000.000");
  EXPECT_EQ(rupiah(0), "Rp 0");
  EXPECT_EQ(rupiah(999), "Rp 999");
  EXPECT_EQ(thousands(1000000), "1.000.000");
  EXPECT_EQ(thousands(-12345), "-12.345");
}

TEST(Indonesian, Dates) {
  EXPECT_EQ(date_long({2021, 7, 5}), "5 Juli 2021");
  EXPECT_EQ(date_with_day({2021, 7, 5}), "Senin, 5 Juli 2021");
  EXPECT_EQ(date_with_day({2023, 12, 31}), "Minggu, 31 Desember 2023");
  EXPECT_EQ(date_with_day({2024, 2, 29}), "Kamis, 29 Februari 2024");
  EXPECT_EQ(date_with_day({2026, 11, 27}), "Jumat, 27 November 2026");
  EXPECT_EQ(month_roman(7), "VII");
  EXPECT_EQ(month_roman(12), "XII");
  EXPECT_EQ(month_roman(4), "IV");
}

}  // namespace
}  // namespace inovasi::indonesian
