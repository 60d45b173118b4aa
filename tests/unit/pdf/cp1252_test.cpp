// Windows-1252: what decides whether a document is drawn single-byte, and the bytes it
// is drawn with.

#include <gtest/gtest.h>

#include "pdf/cp1252.h"

namespace inovasi::pdf {
namespace {

TEST(Cp1252, AsciiIsItsOwnEncoding) {
  std::string ascii = "Inovasi Pelayanan Terpadu No. 12/2026 {{x}} <b>";
  EXPECT_TRUE(fits_cp1252(ascii));
  EXPECT_EQ(to_cp1252(ascii), ascii);
  EXPECT_TRUE(fits_cp1252(""));
  EXPECT_EQ(to_cp1252(""), std::string());
}

TEST(Cp1252, LatinAndPunctuationBecomeTheirSingleBytes) {
  // é (Latin-1 range), – and “ ” (the 0x80..0x9F block), € and Š.
  std::string text =
      "Caf\xC3\xA9 \xE2\x80\x93 \xE2\x80\x9C"
      "Karo\xE2\x80\x9D \xE2\x82\xAC \xC5\xA0";
  EXPECT_TRUE(fits_cp1252(text));
  EXPECT_EQ(to_cp1252(text), std::string("Caf\xE9 \x96 \x93Karo\x94 \x80 \x8A"));
}

TEST(Cp1252, ACharacterWithoutAByteFailsTheWholeText) {
  for (std::string text : {"Kab. Karo \xE4\xB8\xAD", "\xC5\x90", "ok \xF0\x9F\x98\x80"}) {  // 中, Ő, 😀
    EXPECT_FALSE(fits_cp1252(text)) << text;
    EXPECT_FALSE(to_cp1252(text).has_value()) << text;
  }
  EXPECT_EQ(to_cp1252_lossy("Kab. Karo \xE4\xB8\xAD \xC3\xA9"), "Kab. Karo ? \xE9");
}

}  // namespace
}  // namespace inovasi::pdf
