// Reading back what libharu writes (pdf_syntax) and joining print file volumes into one
// PDF (pdf_joiner): pages in order, shared fonts written once, our own outline.

#include <gtest/gtest.h>

#include <cstdio>
#include <functional>
#include <set>

#include "layout/images.h"
#include "pdf/pdf_joiner.h"
#include "pdf/pdf_syntax.h"
#include "pdf/pdf_writer.h"
#include "render/render_pdf.h"
#include "pdf_support.h"
#include "test_support.h"

namespace inovasi {
namespace {

using pdf::PdfFile;
using pdf::PdfValue;
using testing::hand_made_pdf;
using testing::inflate;
using testing::source_dir;

TEST(PdfSyntax, ReadsStringsNamesNumbersAndReferences) {
  std::string bytes = hand_made_pdf({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
      "<</Type/Page/Parent 2 0 R/A (a (nested\\) one) \\( here)/B<FEFF0041>/C[1 0 R 2.5 -3 12 /N true null]/D 4 0 R>>",
      "<< /Length 5 0 R >>\nstream\r\nBT ( endstream ) ET\nendstream",
      "19",
  });
  PdfFile file(bytes, "test.pdf");
  ASSERT_EQ(file.pages(), std::vector<int>{3});
  PdfValue page = file.object(3).value;
  EXPECT_EQ(page.get("/A")->text, "(a (nested\\) one) \\( here)");
  EXPECT_EQ(page.get("/B")->text, "<FEFF0041>");
  const auto& items = page.get("/C")->items;
  ASSERT_EQ(items.size(), 7u);
  EXPECT_TRUE(items[0].is(PdfValue::Kind::Reference));
  EXPECT_EQ(items[0].object, 1);
  EXPECT_EQ(items[1].text, "2.5");
  EXPECT_EQ(items[2].text, "-3");
  EXPECT_EQ(items[3].text, "12");  // a number followed by a name is not a reference
  EXPECT_TRUE(items[4].named("/N"));
  EXPECT_TRUE(items[5].named("true"));
  EXPECT_TRUE(items[6].is(PdfValue::Kind::Null));
  EXPECT_EQ(page.get("/D")->object, 4);
  // The stream's length comes from the object its /Length refers to, and its data may
  // hold the word that ends it.
  auto stream = file.object(4);
  ASSERT_TRUE(stream.has_stream);
  EXPECT_EQ(stream.stream, "BT ( endstream ) ET");

  // Written out and read again, a value is the same.
  std::string written = "1 0 obj\n";
  pdf::write_value(page, written);
  std::string again = hand_made_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
                                     written.substr(8), "<< /Length 0 >>\nstream\n\nendstream", "0"});
  PdfValue reread = PdfFile(again, "again.pdf").object(3).value;
  std::string first, second;
  pdf::write_value(page, first);
  pdf::write_value(reread, second);
  EXPECT_EQ(first, second);
}

TEST(PdfSyntax, DamagedFilesFailNamingTheFileAndTheByte) {
  std::string good = hand_made_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [ ] /Count 0 >>"});
  auto fails = [](const std::string& bytes, const std::string& expected) {
    try {
      PdfFile file(bytes, "volume.pdf");
      file.pages();
      ADD_FAILURE() << "no error for " << expected;
    } catch (const pdf::PdfError& e) {
      std::string message = e.what();
      EXPECT_NE(message.find("volume.pdf: byte "), std::string::npos) << message;
      EXPECT_NE(message.find(expected), std::string::npos) << message;
    }
  };
  fails(good.substr(0, good.size() / 2), "startxref");
  fails(good.substr(0, good.find("trailer")) + "startxref\n999999\n%%EOF\n", "outside the file");
  std::string moved = good;
  moved.replace(moved.find("2 0 obj"), 1, "7");
  fails(moved, "not where the table says");
  fails(hand_made_pdf(
            {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>", "<< /Foo 1 >>"}),
        "page tree node 3 has no /Kids");
  fails(hand_made_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [ 2 0 R ] /Count 1 >>"}),
        "too deep");
  fails(hand_made_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [ (x ] /Count 1 >>"}),
        "unterminated");
  // A stream longer than the file.
  std::string short_stream =
      hand_made_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Length 5000 >>\nstream\nshort\nendstream"});
  PdfFile file(short_stream, "s.pdf");
  EXPECT_THROW(file.object(2), pdf::PdfError);
  // A stream whose /Length refers to itself (a fuzzer's find: it recursed until the
  // stack ran out).
  std::string self =
      hand_made_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Length 2 0 R >>\nstream\nabc\nendstream"});
  PdfFile looped(self, "self.pdf");
  EXPECT_THROW(looped.object(2), pdf::PdfError);
}

TEST(PdfJoinerInput, AChainOfReferencesTooDeepIsRefused) {
  // Page -> 4 -> 5 -> ... -> 203: no volume libharu writes is like this.
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>",
                                      "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
                                      "<< /Type /Page /Contents 4 0 R >>"};
  for (int n = 4; n < 204; ++n) objects.push_back("<< /Next " + std::to_string(n + 1) + " 0 R >>");
  objects.push_back("<< >>");
  std::string bytes = hand_made_pdf(objects);
  pdf::PdfJoiner joiner([](std::string_view) {});
  try {
    joiner.append(bytes, {});
    ADD_FAILURE() << "a chain of 200 references was joined";
  } catch (const pdf::PdfError& e) {
    EXPECT_NE(std::string(e.what()).find("references deep"), std::string::npos) << e.what();
  }
}

struct Volumes : ::testing::Test {
  pdf::FontManifest fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");

  // A print file volume: one page per text, in the given face, bookmarked with the text.
  pdf::PdfResult volume(const std::vector<std::string>& texts, pdf::TextEncoding encoding = pdf::TextEncoding::Cp1252) {
    pdf::HpdfDocument document;
    pdf::FontSet set(fonts);
    layout::ImageInfoCache images;
    pdf::StreamingPdfWriter writer(document, set, encoding);
    for (const auto& text : texts) {
      render::RenderedMarkup markup{"<document size=\"A4\"><p>" + text + "</p></document>", "part.xml", {}, {}, {}, {}};
      writer.add(render::lay_out(markup, ".", {set, nullptr, &images, markup.file}), text);
    }
    return writer.finish({"Judul", "", "", ""}, {});
  }

  static std::string join(const std::vector<pdf::PdfResult>& volumes, int* pages = nullptr) {
    std::string bytes;
    pdf::PdfJoiner joiner([&](std::string_view piece) { bytes += piece; });
    for (const auto& v : volumes) joiner.append(v.bytes, v.outline);
    int count = joiner.finish();
    if (pages) *pages = count;
    EXPECT_EQ(joiner.size(), bytes.size());
    return bytes;
  }

  // Font objects the pages use, by number.
  static std::set<int> fonts_used(const PdfFile& file) {
    std::set<int> used;
    for (int page : file.pages()) {
      PdfValue resources = file.resolve(*file.object(page).value.get("/Resources"));
      for (const auto& [name, font] : file.resolve(*resources.get("/Font")).entries) used.insert(font.object);
    }
    return used;
  }
};

TEST_F(Volumes, JoinedPagesKeepTheirOrderAndShareOneEmbeddingOfEachFont) {
  // Different text in each volume: libharu would embed different glyphs, were the
  // volumes not made to embed every glyph.
  auto first = volume({"Satu", "Dua"});
  auto second = volume({"<b>Tiga</b> xyz", "Empat QWERTY", "Lima"});
  int pages = 0;
  std::string bytes = join({first, second}, &pages);
  EXPECT_EQ(pages, 5);
  PdfFile joined(bytes, "joined.pdf");
  ASSERT_EQ(joined.pages().size(), 5u);
  std::set<int> used = fonts_used(joined);
  std::set<std::string> names;
  for (int font : used) names.insert(joined.object(font).value.get("/BaseFont")->text);
  EXPECT_EQ(used.size(), names.size()) << "a face embedded more than once";
  EXPECT_EQ(names.size(), 2u);  // regular and bold
  std::size_t files = 0;
  for (std::size_t at = 0; (at = bytes.find("/FontFile2", at)) != std::string::npos; ++at) ++files;
  EXPECT_EQ(files, names.size());

  // The outline: one entry per part, in order, each to its own page.
  PdfValue catalog = joined.object(joined.trailer().get("/Root")->object).value;
  PdfValue outline = joined.resolve(*catalog.get("/Outlines"));
  EXPECT_EQ(outline.get("/Count")->text, "5");
  std::vector<int> pages_in_order = joined.pages();
  int item = outline.get("/First")->object;
  const char* titles[] = {"Satu", "Dua", "<b>Tiga</b> xyz", "Empat QWERTY", "Lima"};
  for (int i = 0; i < 5; ++i) {
    PdfValue entry = joined.object(item).value;
    std::string expected = "<FEFF";
    char unit[8];
    for (const char* c = titles[i]; *c; ++c) {
      std::snprintf(unit, sizeof unit, "00%02X", static_cast<unsigned char>(*c));
      expected += unit;
    }
    EXPECT_EQ(entry.get("/Title")->text, expected + ">");
    EXPECT_EQ(entry.get("/Dest")->items.at(0).object, pages_in_order[static_cast<std::size_t>(i)]);
    if (i < 4) item = entry.get("/Next")->object;
  }
  // The document information is the first volume's.
  EXPECT_EQ(joined.object(joined.trailer().get("/Info")->object).value.get("/Title")->text, "(Judul)");
}

TEST_F(Volumes, StreamsTheVolumesLeftUnfilteredAreDeflatedAsTheyAreCopied) {
  // Volumes come from libharu undeflated; the joiner deflates each stream once (where
  // that makes it smaller: a page of several lines).
  std::string text;
  for (int i = 0; i < 60; ++i) text += "Inovasi pelayanan daerah nomor " + std::to_string(i) + ". ";
  auto first = volume({text});
  auto second = volume({"Dua " + text});
  PdfFile source(first.bytes, "volume.pdf");
  std::string bytes = join({first, second});
  PdfFile joined(bytes, "joined.pdf");
  std::vector<int> volume_pages = source.pages(), pages = joined.pages();
  ASSERT_EQ(pages.size(), 2u);
  auto content = [](const PdfFile& file, int page) {
    return file.object(file.object(page).value.get("/Contents")->object);
  };
  auto raw = content(source, volume_pages[0]);
  ASSERT_EQ(raw.value.get("/Filter"), nullptr) << "volumes are expected undeflated";
  auto copied = content(joined, pages[0]);
  ASSERT_NE(copied.value.get("/Filter"), nullptr);
  EXPECT_TRUE(copied.value.get("/Filter")->named("/FlateDecode"));
  EXPECT_LT(copied.stream.size(), raw.stream.size());
  EXPECT_EQ(copied.value.get("/Length")->text, std::to_string(copied.stream.size()));
  EXPECT_EQ(inflate(copied.stream, raw.stream.size() + 1), raw.stream);
  // Every stream of the joined file is filtered, and each font file is there once.
  std::size_t font_files = 0;
  for (int n = 1; n < joined.size(); ++n) {
    if (!joined.in_use(n)) continue;
    auto object = joined.object(n);
    if (!object.has_stream) continue;
    if (object.stream.size() > 200) {
      EXPECT_NE(object.value.get("/Filter"), nullptr) << "object " << n;
    }
    if (object.value.get("/Length1")) ++font_files;
  }
  EXPECT_EQ(font_files, 1u);
}

TEST_F(Volumes, VolumesInDifferentEncodingsJoinWithFontsOfEach) {
  auto latin = volume({"Nama"});
  auto wide = volume({"Nama \xC5\x9E"
                      "ahin"},
                     pdf::TextEncoding::Utf8);
  std::string bytes = join({latin, wide, latin});
  PdfFile joined(bytes, "joined.pdf");
  EXPECT_EQ(joined.pages().size(), 3u);
  std::set<std::string> subtypes;
  for (int font : fonts_used(joined)) subtypes.insert(joined.object(font).value.get("/Subtype")->text);
  EXPECT_EQ(subtypes, (std::set<std::string>{"/TrueType", "/Type0"}));
  // The third volume reuses the first's fonts.
  std::string two = join({latin, wide});
  EXPECT_EQ(fonts_used(joined), fonts_used(PdfFile(two, "two.pdf")));
}

TEST_F(Volumes, NestedOutlineEntriesCountTheirChildren) {
  auto v = volume({"A", "B"});
  v.outline = {{"Bab 1", 0, 0, 800}, {"1.1", 1, 0, 700}, {"1.1.1", 2, 1, 600}, {"Bab 2", 0, 1, 800}};
  std::string bytes = join({v});
  PdfFile joined(bytes, "joined.pdf");
  PdfValue catalog = joined.object(joined.trailer().get("/Root")->object).value;
  PdfValue root = joined.resolve(*catalog.get("/Outlines"));
  EXPECT_EQ(root.get("/Count")->text, "4");
  PdfValue chapter = joined.object(root.get("/First")->object).value;
  EXPECT_EQ(chapter.get("/Count")->text, "2");
  PdfValue section = joined.object(chapter.get("/First")->object).value;
  EXPECT_EQ(section.get("/Parent")->object, root.get("/First")->object);
  EXPECT_EQ(joined.object(section.get("/First")->object).value.get("/Dest")->items.at(3).text, "600");
  PdfValue last = joined.object(root.get("/Last")->object).value;
  EXPECT_EQ(last.get("/Prev")->object, root.get("/First")->object);
  EXPECT_EQ(last.get("/First"), nullptr);
}

// The outline is written as its entries come: read back from the file, it is the tree
// the entries' levels make (a level that skips ahead is one deeper than its parent),
// with every link and count a reader follows.
TEST_F(Volumes, AnOutlineOverSeveralVolumesReadsBackAsItsEntries) {
  auto a = volume({"A", "B"});
  a.outline = {{"1", 0, 0, 800}, {"1.1", 1, 0, 700}, {"1.2", 1, 1, 600}, {"1.2.1", 3, 1, 500}};
  auto b = volume({"C"});
  b.outline = {{"1.3", 1, 0, 800}, {"2", 0, 0, 700}, {"3", 0, 0, 600}, {"3.1", 1, 0, 500}, {"3.1.1", 2, 0, 400}};
  auto c = volume({"D"});
  c.outline = {{"4", 0, 0, 800}};
  std::string bytes = join({a, b, c});
  PdfFile joined(bytes, "joined.pdf");
  PdfValue catalog = joined.object(joined.trailer().get("/Root")->object).value;
  int root_number = catalog.get("/Outlines")->object;
  PdfValue root = joined.object(root_number).value;
  EXPECT_EQ(root.get("/Count")->text, "10");
  std::vector<std::string> read;  // "depth title", in reading order
  // Walks the children of `parent`, checking each link; returns how many descendants.
  std::function<int(int, const PdfValue&, int)> walk = [&](int parent, const PdfValue& node, int depth) {
    if (!node.get("/First")) return 0;
    int descendants = 0, previous = 0;
    for (int child = node.get("/First")->object; child;) {
      PdfValue item = joined.object(child).value;
      EXPECT_EQ(item.get("/Parent")->object, parent);
      EXPECT_EQ(item.get("/Prev") ? item.get("/Prev")->object : 0, previous);
      read.push_back(std::to_string(depth) + " " + item.get("/Title")->text);
      int below = walk(child, item, depth + 1);
      EXPECT_EQ(item.get("/Count") ? std::stoi(item.get("/Count")->text) : 0, below);
      descendants += 1 + below;
      previous = child;
      child = item.get("/Next") ? item.get("/Next")->object : 0;
    }
    EXPECT_EQ(node.get("/Last")->object, previous);
    return descendants;
  };
  EXPECT_EQ(walk(root_number, root, 0), 10);
  auto title = [](int depth, const std::string& ascii) {  // as the file writes it: UTF-16BE in hex
    std::string hex = std::to_string(depth) + " <FEFF";
    char digits[8];
    for (char c : ascii) {
      std::snprintf(digits, sizeof digits, "00%02X", static_cast<unsigned char>(c));
      hex += digits;
    }
    return hex + ">";
  };
  EXPECT_EQ(read, (std::vector<std::string>{title(0, "1"), title(1, "1.1"), title(1, "1.2"), title(2, "1.2.1"),
                                            title(1, "1.3"), title(0, "2"), title(0, "3"), title(1, "3.1"),
                                            title(2, "3.1.1"), title(0, "4")}));
}

TEST_F(Volumes, ABookmarkOffItsVolumeIsRefused) {
  auto v = volume({"A"});
  v.outline = {{"lost", 0, 3, 800}};
  std::string bytes;
  pdf::PdfJoiner joiner([&](std::string_view piece) { bytes += piece; });
  EXPECT_THROW(joiner.append(v.bytes, v.outline), pdf::PdfError);
}

}  // namespace
}  // namespace inovasi
