// Frames: content that does not fit is shrunk (down to the frame's limit) or fails the
// document naming the template line; frames never overlap or leave the page; sizes
// libharu would refuse are refused where the template set them.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "layout/frames.h"
#include "layout_support.h"

namespace inovasi::layout {
namespace {

using ::testing::HasSubstr;
using namespace inovasi::testing;

std::string certificate(const std::string& name, const std::string& frame_attributes) {
  // A landscape A4 page; the frame is 40mm tall, 100mm wide, 10pt text on 12pt lines.
  return "<document size=\"A4\" orientation=\"landscape\" margin=\"10mm\" font-size=\"10pt\" line-height=\"1.2\">\n"
         "<frame x=\"20mm\" y=\"20mm\" width=\"100mm\" height=\"40mm\"" +
         frame_attributes +
         ">\n"
         "<p space-after=\"0\">SERTIFIKAT</p>\n"
         "<p space-after=\"0\">" +
         name +
         "</p>\n"
         "</frame>\n"
         "<frame x=\"20mm\" y=\"70mm\" width=\"100mm\" height=\"20mm\"><p>Tanda tangan</p></frame>\n"
         "</document>";
}

std::string name_of(std::size_t characters) {
  std::string text;
  while (text.size() < characters) text += "Inovasi ";
  return text.substr(0, characters);
}

double lowest_baseline(const LaidOutDocument& d, double below_y) {
  double lowest = 0;
  for (const auto& t : texts(d.pages.front())) {
    if (t.baseline < below_y) lowest = std::max(lowest, t.baseline);
  }
  return lowest;
}

std::string overflow_message(const std::string& markup) {
  try {
    lay_out(markup);
  } catch (const FrameOverflow& e) {
    return e.what();
  }
  return "no error";
}

TEST(LayoutFrames, ContentThatFitsIsLaidOutAtItsSize) {
  auto d = lay_out(certificate(name_of(100), ""));
  for (const auto& t : texts(d.pages.front())) EXPECT_DOUBLE_EQ(t.size, 10);
}

TEST(LayoutFrames, TooMuchTextFailsNamingTheLineAndTheFrame) {
  // 100mm holds about 56 characters a line at 10pt; 40mm about 9 lines: 1,000 characters do not fit.
  std::string message = overflow_message(certificate(name_of(1000), ""));
  EXPECT_THAT(message, HasSubstr("test.xml:4: the text 'Inovasi Inovasi"));
  EXPECT_THAT(message, HasSubstr("does not fit its frame (test.xml:2)"));
  EXPECT_THAT(message, HasSubstr("overflow=\"shrink\""));
}

TEST(LayoutFrames, ShrinkScalesTheTextDownUntilItFitsAndNoFurther) {
  auto d = lay_out(certificate(name_of(1000), " overflow=\"shrink\""));
  double frame_bottom = 60 * kPointsPerMm;
  double size = 0;
  for (const auto& t : texts(d.pages.front())) {
    if (t.baseline < frame_bottom) size = t.size;
  }
  EXPECT_LT(size, 10);
  EXPECT_GE(size, 5);  // the default limit: half the size written
  EXPECT_LE(lowest_baseline(d, frame_bottom + 1), frame_bottom);
  EXPECT_THAT(all_text(d), HasSubstr("Tanda tangan"));
  // Every word is printed: nothing cut off.
  std::string printed = all_text(d);
  std::size_t words = 0;
  for (auto at = printed.find("Inovasi"); at != std::string::npos; at = printed.find("Inovasi", at + 1)) ++words;
  EXPECT_EQ(words, 125u);
  // Past the limit, it fails, saying so.
  EXPECT_THAT(overflow_message(certificate(name_of(5000), " overflow=\"shrink\" shrink-limit=\"80%\"")),
              HasSubstr("even with the frame's text shrunk to 80%"));
}

TEST(LayoutFrames, AFrameTooNarrowFailsInsteadOfPrintingALetterALine) {
  std::string markup = certificate("Pelayanan", "");
  markup.replace(markup.find("width=\"100mm\""), 13, "width=\"2mm\"");
  EXPECT_THAT(overflow_message(markup), HasSubstr("does not fit its frame"));
}

TEST(LayoutFrames, FramesThatOverlapOrLeaveThePageAreTemplateErrors) {
  std::string overlapping = certificate("Nama", "");
  overlapping.replace(overlapping.find("y=\"70mm\""), 8, "y=\"50mm\"");
  EXPECT_THROW(
      {
        try {
          lay_out(overlapping);
        } catch (const MarkupError& e) {
          EXPECT_THAT(e.what(), HasSubstr("test.xml:6: this frame overlaps the one at test.xml:2"));
          throw;
        }
      },
      MarkupError);
  std::string off_page = certificate("Nama", "");
  off_page.replace(off_page.find("y=\"70mm\""), 8, "y=\"200mm\"");
  EXPECT_THROW(lay_out(off_page), MarkupError);
  EXPECT_THROW(lay_out(certificate("Nama", " overflow=\"cut\"")), MarkupError);
  EXPECT_THROW(lay_out(certificate("Nama", " shrink-limit=\"5%\"")), MarkupError);
}

TEST(LayoutFrames, FontSizesPdfCannotPrintAreRefusedWhereTheyAreWritten) {
  try {
    lay_out("<document>\n<p>ok</p>\n<p><span font-size=\"2000pt\">besar</span></p>\n</document>");
    FAIL() << "a 2000pt size must be refused";
  } catch (const MarkupError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_THAT(e.message(), HasSubstr("font-size: '2000pt' is not a text size"));
  }
  EXPECT_THROW(lay_out("<document font-size=\"0pt\"><p>x</p></document>"), MarkupError);
}

TEST(LayoutFrames, NothingRunsOffThePageOrUnderTheHeader) {
  // A block that cannot be split and is taller than a page.
  EXPECT_THAT(overflow_message("<document><p>x</p><qr data=\"a\" size=\"400mm\"/></document>"),
              HasSubstr("taller than a page"));
  // A header taller than the room between its distance and the body.
  std::string header =
      "<document margin=\"20mm\"><header distance=\"10mm\">" + name_of(2000) + "</header><p>isi</p></document>";
  EXPECT_THAT(overflow_message(header), HasSubstr("the header is"));
  EXPECT_EQ(overflow_message("<document margin=\"20mm\"><header distance=\"10mm\">Kop</header><p>isi</p></document>"),
            "no error");
}

}  // namespace
}  // namespace inovasi::layout
