// The print file: parts filled and laid out on workers, drawn in order by one thread.

#include <gtest/gtest.h>

#include "layout/markup.h"
#include "render/print_file.h"
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

render::PrintPart part(const std::string& text) {
  render::RenderedMarkup markup{"<document size=\"A4\"><p>" + text + "</p></document>", "part.xml", {}, {}};
  return {markup, text};
}

TEST(PrintFile, PartsComeOutInOrderWithABookmarkEach) {
  auto fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  const std::size_t count = 300;  // several windows of laid-out parts
  auto pdf = render::render_print_file(count, [](std::size_t i) { return part("Sertifikat " + std::to_string(i)); }, ".",
                                       fonts, {"t", "", "", ""}, {}, 2);
  EXPECT_EQ(pdf.pages, static_cast<int>(count));
  EXPECT_EQ(pdf.encoding, pdf::TextEncoding::Cp1252);
  // One bookmark per part, each with its own title.
  for (std::size_t i : {0u, 1u, 150u, 299u}) {
    EXPECT_NE(pdf.bytes.find(pdf_title("Sertifikat " + std::to_string(i))), std::string::npos) << i;
  }
}

TEST(PrintFile, OnePartBeyondWindows1252MakesTheWholeFileUtf8) {
  auto fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  auto pdf = render::render_print_file(
      100, [](std::size_t i) { return part(i == 70 ? "Nama \xC5\x9E" "ahin" : "Nama " + std::to_string(i)); }, ".", fonts,
      {"t", "", "", ""}, {}, 2);
  EXPECT_EQ(pdf.pages, 100);
  EXPECT_EQ(pdf.encoding, pdf::TextEncoding::Utf8);
}

TEST(PrintFile, APartThatCannotBeLaidOutStopsTheFileWithItsError) {
  auto fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  auto source = [](std::size_t i) {
    if (i != 150) return part("Nama " + std::to_string(i));
    return render::PrintPart{{"<document><paragraf/></document>", "broken.xml", {}, {}}, "x"};
  };
  try {
    render::render_print_file(400, source, ".", fonts, {"t", "", "", ""}, {}, 2);
    FAIL() << "a broken part must fail the print file";
  } catch (const layout::MarkupError& e) {
    EXPECT_NE(std::string(e.what()).find("broken.xml"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace inovasi
