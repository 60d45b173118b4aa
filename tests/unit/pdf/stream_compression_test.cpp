// Deflating libharu's uncompressed output with libdeflate (pdf/stream_compression).

#include <gtest/gtest.h>

#include <cstdio>

#include "pdf/pdf_syntax.h"
#include "pdf/stream_compression.h"
#include "pdf_support.h"

namespace inovasi {
namespace {

using pdf::PdfFile;
using testing::hand_made_pdf;
using testing::inflate;

TEST(StreamCompression, DeflatesUnfilteredStreamsAndLeavesTheRestAsTheyWere) {
  std::string text;
  for (int i = 0; i < 200; ++i)
    text += "BT /F1 12 Tf 72 " + std::to_string(700 - i) + " Td (Sertifikat Penghargaan) Tj ET\n";
  std::string bytes = hand_made_pdf(
      {
          "<< /Type /Catalog /Pages 3 0 R >>", "<< /Title (a stream \\(not one\\)) >>",
          "<< /Type /Pages /Kids [ ] /Count 0 >>", "<< /Length 5 0 R >>\nstream\n" + text + "\nendstream",
          std::to_string(text.size()), "<< /Length 3 /Filter /CCITTFaxDecode >>\nstream\nabc\nendstream",
          "<< /Length 2 >>\nstream\nxy\nendstream",  // too short to gain: kept as it is
      },
      " /Info 2 0 R");
  std::string out = pdf::compress_streams(bytes, "test.pdf");
  EXPECT_LT(out.size(), bytes.size() / 3);
  PdfFile file(out, "out.pdf");
  EXPECT_EQ(file.size(), 8);
  auto content = file.object(4);
  ASSERT_TRUE(content.has_stream);
  EXPECT_TRUE(content.value.get("/Filter")->named("/FlateDecode"));
  EXPECT_EQ(inflate(content.stream, text.size() + 1), text);
  // The length object now holds the deflated length.
  EXPECT_EQ(file.object(5).value.text, std::to_string(content.stream.size()));
  auto fax = file.object(6);
  EXPECT_TRUE(fax.value.get("/Filter")->named("/CCITTFaxDecode"));
  EXPECT_EQ(fax.stream, "abc");
  auto tiny = file.object(7);
  EXPECT_EQ(tiny.value.get("/Filter"), nullptr);
  EXPECT_EQ(tiny.stream, "xy");
  // Objects without streams, and the header, are copied byte for byte; one that only
  // names the word is read and written again, the same.
  EXPECT_EQ(file.raw(3), PdfFile(bytes, "in.pdf").raw(3));
  EXPECT_EQ(file.object(2).value.get("/Title")->text, "(a stream \\(not one\\))");
  EXPECT_EQ(file.header(), "%PDF-1.3\n%\xB7\xBE\n");
  EXPECT_EQ(file.trailer().get("/Info")->object, 2);
}

TEST(StreamCompression, ALengthObjectSharedByTwoStreamsIsWrittenIntoEach) {
  std::string a(300, 'a');
  std::string bytes = hand_made_pdf({
      "<< /Type /Catalog /Pages 3 0 R >>",
      "300",
      "<< /Type /Pages /Kids [ ] /Count 0 >>",
      "<< /Length 2 0 R >>\nstream\n" + a + "\nendstream",
      "<< /Length 2 0 R /Extra 1 >>\nstream\n" + a + "\nendstream",
  });
  std::string out = pdf::compress_streams(bytes, "test.pdf");  // PdfFile reads it in place
  PdfFile file(out, "out.pdf");
  for (int n : {4, 5}) {
    auto object = file.object(n);
    EXPECT_TRUE(object.value.get("/Length")->is(pdf::PdfValue::Kind::Number)) << n;
    EXPECT_EQ(inflate(object.stream, 400), a) << n;
  }
  EXPECT_EQ(file.object(2).value.text, "300");
}

}  // namespace
}  // namespace inovasi
