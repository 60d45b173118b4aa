#include "model/text.h"

#include <gtest/gtest.h>

namespace inovasi {
namespace {

TEST(Text, CollapseSpacesFoldsNonBreakingSpacesAndTabs) {
  EXPECT_EQ(collapse_spaces("  Tahapan\xC2\xA0Inovasi \t :  Penerapan  "), "Tahapan Inovasi : Penerapan");
  EXPECT_EQ(collapse_spaces("\xE2\x80\xAF x"), "x");
}

TEST(Text, FindsInvalidUtf8) {
  EXPECT_EQ(find_invalid_utf8("Rp 2.000 — “baik” é"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("ab\xFF"), 2u);
  EXPECT_EQ(find_invalid_utf8("a\xC0\xAF"), 1u);                             // overlong '/'
  EXPECT_EQ(find_invalid_utf8("a\xE0\x80\xAF"), 1u);                         // overlong 3-byte
  EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0u);                          // surrogate
  EXPECT_EQ(find_invalid_utf8("ok\xE2\x80"), 2u);                            // truncated
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);                      // beyond U+10FFFF
  EXPECT_EQ(find_invalid_utf8("\xF0\x9F\x98\x80"), std::string_view::npos);  // emoji is valid
}

TEST(Text, FindsControlCharactersButAllowsLineBreaksAndTabs) {
  EXPECT_EQ(find_control_character("a\tb\r\nc"), std::string_view::npos);
  EXPECT_EQ(find_control_character(std::string("ab\0c", 4)), 2u);
  EXPECT_EQ(find_control_character("a\x1B[31m"), 1u);
  EXPECT_EQ(find_control_character("a\xC2\x85"), 1u);  // C1 NEL
}

TEST(Text, SlugsAreSafeFileNames) {
  EXPECT_EQ(slugify("Dinas Kesehatan"), "dinas-kesehatan");
  EXPECT_EQ(slugify("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(slugify("/absolute"), "absolute");
  EXPECT_EQ(slugify("Café Señor"), "cafe-senor");
  EXPECT_EQ(slugify("{{x}} <b>"), "x-b");
  EXPECT_EQ(slugify("\xE2\x80\x9C\xE2\x80\x9D"), "x");  // nothing usable left
  EXPECT_EQ(slugify(std::string(500, 'a')).size(), 80u);
}

TEST(Text, CountsWordsAfterStrippingMarkup) {
  EXPECT_EQ(count_words("<p>Satu dua</p> <b>tiga</b>"), 3u);
  EXPECT_EQ(count_words("masing-masing “kata” – lima"), 3u);
  EXPECT_EQ(count_words("  "), 0u);
  EXPECT_EQ(count_words("2 (dua) orang"), 3u);
}

TEST(Text, MatchKeyIgnoresCaseAndPunctuation) {
  EXPECT_EQ(match_key("Non-Digital"), match_key("non digital"));
  EXPECT_EQ(match_key("  Uji   Coba "), "uji coba");
}

}  // namespace
}  // namespace inovasi
