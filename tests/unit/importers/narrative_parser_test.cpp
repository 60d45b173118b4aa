#include "importers/narrative_parser.h"

#include <gtest/gtest.h>

namespace inovasi {
namespace {

TEST(NarrativeParser, ParagraphsAndANumberedList) {
  auto n = parse_narrative_text("Pengantar yang\nterbungkus.\n\n  1. Satu\n  2. Dua\n\nPenutup.");
  ASSERT_EQ(n.blocks.size(), 3u);
  EXPECT_EQ(n.blocks[0].text, "Pengantar yang terbungkus.");
  ASSERT_EQ(n.blocks[1].kind, Block::Kind::List);
  EXPECT_EQ(n.blocks[1].items.size(), 2u);
  EXPECT_EQ(n.blocks[1].items[1].text, "Dua");
  EXPECT_EQ(n.blocks[2].text, "Penutup.");
}

TEST(NarrativeParser, NestsByIndentation) {
  auto n = parse_narrative_text("  1. A\n  2. B:\n    1. B1\n    2. B2\n  3. C");
  ASSERT_EQ(n.blocks.size(), 1u);
  const auto& list = n.blocks[0];
  ASSERT_EQ(list.items.size(), 3u);
  ASSERT_EQ(list.items[1].children.size(), 1u);
  EXPECT_EQ(list.items[1].children[0].items.size(), 2u);
  EXPECT_EQ(list.items[2].text, "C");
}

TEST(NarrativeParser, NestsAnotherMarkerStyleAtTheSameIndentation) {
  auto n = parse_narrative_text("1. Satu\na. sub a\nb. sub b\n2. Dua");
  const auto& list = n.blocks.at(0);
  ASSERT_EQ(list.items.size(), 2u);
  ASSERT_EQ(list.items[0].children.size(), 1u);
  EXPECT_EQ(list.items[0].children[0].style, ListStyle::LowerAlpha);
  EXPECT_EQ(list.items[0].children[0].items.size(), 2u);
}

TEST(NarrativeParser, RecognisesEveryMarkerStyle) {
  EXPECT_EQ(parse_narrative_text("1) a\n2) b").blocks.at(0).style, ListStyle::DecimalParen);
  EXPECT_EQ(parse_narrative_text("\xC2\xB7\tsatu\n\xC2\xB7\tdua").blocks.at(0).items.size(), 2u);
  EXPECT_EQ(parse_narrative_text("\xE2\x80\xA2 satu").blocks.at(0).style, ListStyle::Bullet);
  EXPECT_EQ(parse_narrative_text("- satu\n- dua").blocks.at(0).style, ListStyle::Bullet);
  EXPECT_EQ(parse_narrative_text("i. satu\nii. dua").blocks.at(0).style, ListStyle::LowerRoman);
  EXPECT_EQ(parse_narrative_text("A. satu\nB. dua").blocks.at(0).style, ListStyle::UpperAlpha);
}

TEST(NarrativeParser, LetterIAfterHStaysALetter) {
  auto n = parse_narrative_text("g. tujuh\nh. delapan\ni. sembilan");
  ASSERT_EQ(n.blocks.size(), 1u);
  EXPECT_EQ(n.blocks[0].style, ListStyle::LowerAlpha);
  EXPECT_EQ(n.blocks[0].start, 7);
  EXPECT_EQ(n.blocks[0].items.size(), 3u);
}

TEST(NarrativeParser, ContinuationLinesAndHyphenatedWordsJoin) {
  auto n = parse_narrative_text("1. Pelaksa-\n   naan inovasi\n   berjalan.\n2. Dua");
  ASSERT_EQ(n.blocks.at(0).items.size(), 2u);
  EXPECT_EQ(n.blocks[0].items[0].text, "Pelaksanaan inovasi berjalan.");
}

TEST(NarrativeParser, BlankLinesOfOneSpaceAndNonBreakingSpacesAreBlank) {
  auto n = parse_narrative_text("Satu.\n \n\xC2\xA0\nDua.");
  ASSERT_EQ(n.blocks.size(), 2u);
}

TEST(NarrativeParser, NumbersInsideTextAreNotMarkers) {
  auto n = parse_narrative_text("2021 adalah tahun uji coba.\n1.5 juta penerima.");
  ASSERT_EQ(n.blocks.size(), 1u);
  EXPECT_EQ(n.blocks[0].kind, Block::Kind::Paragraph);
}

TEST(NarrativeParser, JsonRoundTripKeepsStructure) {
  auto n = parse_narrative_text("Intro\n  1. A\n    a. A1\n  2. B");
  auto back = narrative_from_json(narrative_to_json(n));
  EXPECT_EQ(narrative_to_text(back), narrative_to_text(n));
  EXPECT_EQ(narrative_to_text(back), "Intro\n1. A\n   a. A1\n2. B");
  EXPECT_EQ(narrative_word_count(back), 4u);
}

TEST(NarrativeParser, TextRoundTripKeepsParagraphsApart) {
  // What an export writes into a cell must read back as the same structure.
  auto n = parse_narrative_text("Dasar hukum.\n\nPermasalahan.\n\nTahapan:\n1. Satu\n   a. Satu a\n2. Dua\n\nPenutup.");
  ASSERT_EQ(n.blocks.size(), 5u);
  std::string text = narrative_to_text(n);
  EXPECT_EQ(text, "Dasar hukum.\n\nPermasalahan.\n\nTahapan:\n1. Satu\n   a. Satu a\n2. Dua\n\nPenutup.");
  EXPECT_EQ(narrative_to_json(parse_narrative_text(text)), narrative_to_json(n));
}

}  // namespace
}  // namespace inovasi
