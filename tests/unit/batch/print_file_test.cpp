// The print file: parts filled and laid out on workers, drawn in order by one thread.

#include <gtest/gtest.h>

#include <cstdlib>

#include "layout/markup.h"
#include "render/print_file.h"
#include "render/render_pdf.h"
#include "test_support.h"

namespace inovasi {
namespace {

using testing::source_dir;

// A bookmark title as libharu writes it: UTF-16BE in hex.
std::string pdf_title(const std::string& ascii) {
  std::string hex = "<FEFF";
  char digits[8];
  for (char c : ascii) {
    std::snprintf(digits, sizeof digits, "00%02X", static_cast<unsigned char>(c));
    hex += digits;
  }
  return hex + ">";
}

pdf::PdfJoiner::Sink into(std::string& bytes) {
  return [&bytes](std::string_view piece) { bytes += piece; };
}

render::PrintPart part(const std::string& text) {
  render::RenderedMarkup markup{"<document size=\"A4\"><p>" + text + "</p></document>", "part.xml", {}, {}, {}, {}};
  return {markup, text};
}

TEST(PrintFile, PartsComeOutInOrderWithABookmarkEach) {
  auto fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  const std::size_t count = 300;  // several windows of laid-out parts
  std::string bytes;
  auto pdf = render::render_print_file(
      count, [](std::size_t i) { return part("Sertifikat " + std::to_string(i)); }, ".", fonts, {"t", "", "", ""}, {},
      2, into(bytes));
  EXPECT_EQ(pdf.pages, static_cast<int>(count));
  EXPECT_EQ(pdf.encoding, pdf::TextEncoding::Cp1252);
  // One bookmark per part, each with its own title.
  for (std::size_t i : {0u, 1u, 150u, 299u}) {
    EXPECT_NE(bytes.find(pdf_title("Sertifikat " + std::to_string(i))), std::string::npos) << i;
  }
}

TEST(PrintFile, OnePartBeyondWindows1252MakesOnlyItsVolumeUtf8) {
  auto fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  std::string bytes;
  // Parts 0-127 are the first volume; part 270 is in the third.
  auto pdf = render::render_print_file(
      300,
      [](std::size_t i) {
        return part(i == 270 ? "Nama \xC5\x9E"
                               "ahin"
                             : "Nama " + std::to_string(i));
      },
      ".", fonts, {"t", "", "", ""}, {}, 2, into(bytes));
  EXPECT_EQ(pdf.pages, 300);
  EXPECT_EQ(pdf.encoding, pdf::TextEncoding::Utf8);
  EXPECT_NE(bytes.find("/Subtype /TrueType"), std::string::npos) << "the first volume stays CP1252";
  EXPECT_NE(bytes.find("/Subtype /Type0"), std::string::npos);
}

TEST(PrintFile, TheSamePartsMakeTheSameBytesWithAnyNumberOfWorkers) {
  auto fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  auto source = [](std::size_t i) { return part("Sertifikat " + std::to_string(i)); };
  std::string one, three;
  render::render_print_file(600, source, ".", fonts, {"t", "", "", ""}, {}, 1, into(one));
  render::render_print_file(600, source, ".", fonts, {"t", "", "", ""}, {}, 3, into(three));
  EXPECT_EQ(one, three);
}

TEST(PrintFile, APageReadsAsTheSingleDocumentOfItsPart) {
  // A volume embeds whole faces and is deflated by the joiner, a single document cut
  // faces deflated by the stream compressor: what a reader gets must be the same,
  // characters PDF strings escape and the Windows-1252 ones above ASCII included.
  auto fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  std::string text =
      "Nama (Kemilau) \\ 50% #1 [a] {b} &lt;c&gt; \xE2\x80\x9C"
      "Karo\xE2\x80\x9D caf\xC3\xA9 \xE2\x80\x93 "
      "<b>tebal</b> <i>miring</i>";
  auto source = [&](std::size_t) { return part(text); };
  std::string volume;
  auto made = render::render_print_file(1, source, ".", fonts, {"t", "", "", ""}, {}, 1, into(volume));
  ASSERT_EQ(made.encoding, pdf::TextEncoding::Cp1252);
  auto single = render::render_markup(part(text).markup, ".", fonts, {false, Date{2026, 2, 24}});
  testing::ScratchDir dir;
  auto read = [&](const std::string& name, const std::string& bytes) {
    auto pdf = dir.write(name + ".pdf", bytes);
    auto txt = dir.path() / (name + ".txt");
    EXPECT_EQ(std::system(("pdftotext -enc UTF-8 " + pdf.string() + " " + txt.string()).c_str()), 0);
    return testing::read_file(txt);
  };
  std::string from_volume = read("volume", volume), from_single = read("single", single.bytes);
  EXPECT_EQ(from_volume, from_single);
  EXPECT_NE(from_volume.find("Nama (Kemilau) \\ 50% #1 [a] {b} <c> \xE2\x80\x9C"
                             "Karo\xE2\x80\x9D caf\xC3\xA9 \xE2\x80\x93 tebal miring"),
            std::string::npos)
      << from_volume;
}

TEST(PrintFile, APartThatCannotBeLaidOutStopsTheFileWithItsError) {
  auto fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  auto source = [](std::size_t i) {
    if (i != 150) return part("Nama " + std::to_string(i));
    return render::PrintPart{{"<document><paragraf/></document>", "broken.xml", {}, {}, {}, {}}, "x"};
  };
  try {
    std::string bytes;
    render::render_print_file(400, source, ".", fonts, {"t", "", "", ""}, {}, 2, into(bytes));
    FAIL() << "a broken part must fail the print file";
  } catch (const layout::MarkupError& e) {
    EXPECT_NE(std::string(e.what()).find("broken.xml"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace inovasi
