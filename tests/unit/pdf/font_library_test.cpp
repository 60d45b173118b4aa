#include <gmock/gmock.h>
// The font library: faces read once and shared, and the workaround for libharu's failure
// to save fonts that lack hinting tables (truetype_check.h).

#include <gtest/gtest.h>

#include "layout/images.h"
#include "layout/markup.h"
#include "layout/paginate.h"
#include "model/file_text.h"
#include "pdf/pdf_writer.h"
#include "pdf/font_subset.h"
#include "pdf/truetype_check.h"
#include "test_support.h"

namespace inovasi {
namespace {

using testing::source_dir;

std::filesystem::path cut_serif() { return source_dir() / "fonts" / "cut" / "LiberationSerif-Regular-latin.ttf"; }

std::map<std::string, std::string> tables_of(const std::string& font) {
  auto be = [&](std::size_t at, int bytes) {
    std::uint32_t value = 0;
    for (int i = 0; i < bytes; ++i)
      value = value << 8 | static_cast<unsigned char>(font[at + static_cast<std::size_t>(i)]);
    return value;
  };
  std::map<std::string, std::string> tables;
  for (std::uint32_t i = 0; i < be(4, 2); ++i) {
    std::size_t entry = 12 + 16 * i;
    tables[font.substr(entry, 4)] = font.substr(be(entry + 8, 4), be(entry + 12, 4));
  }
  return tables;
}

TEST(FontLibrary, AddsTheHintingTablesAFontLacksAndKeepsEveryOtherTable) {
  auto original = read_file_text(cut_serif());
  ASSERT_TRUE(original) << cut_serif() << ": run scripts/setup.sh";
  auto before = tables_of(*original);
  ASSERT_FALSE(before.contains("prep")) << "the cut is made without hinting";
  std::string patched = pdf::with_hinting_tables(*original);
  EXPECT_EQ(pdf::truetype_problem(patched), "");
  auto after = tables_of(patched);
  for (const auto& [tag, data] : before) EXPECT_EQ(after.at(tag), data) << tag;
  EXPECT_EQ(after.at("prep"), std::string("\xB0\0\x21", 3));
  EXPECT_EQ(after.at("fpgm"), std::string("\xB0\0\x21", 3));
  EXPECT_EQ(after.at("cvt "), std::string("\0\0", 2));
  // A font that has them is left alone.
  EXPECT_EQ(pdf::with_hinting_tables(patched), patched);
}

TEST(FontLibrary, LoadsEachFileOnceAndSharesItsFace) {
  auto manifest = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  pdf::FontSet first(manifest), second(manifest);
  layout::FaceKey serif{"serif", false, false};
  int a = first.face_for(serif, U'a');
  EXPECT_EQ(second.face_for(serif, U'a'), a);
  EXPECT_EQ(&manifest.library->face(a), &manifest.library->face(second.face_for(serif, U'b')));
  EXPECT_GT(first.advance(a, U'm'), first.advance(a, U'i'));
  // Outside the cut: the full font, then the fallback family.
  int full = first.face_for(serif, U'\u011F');  // ğ
  EXPECT_NE(full, a);
  EXPECT_EQ(first.face_for(serif, U'\u4E2D'), layout::kNoFace);  // no bundled font has CJK
}

// The manifest's "cadangan" list is the order fallbacks are tried in; a region adds a font
// for its scripts there. An empty list means none.
TEST(FontLibrary, FallbackFamiliesAreTriedInTheManifestsOrder) {
  testing::ScratchDir dir;
  auto manifest_with = [&](const std::string& name, const std::string& list) {
    return pdf::FontManifest::load(dir.write(name, R"({"cadangan": )" + list + R"(,
      "serif": {"regular": "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"},
      "sans": {"regular": "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"},
      "dejavu": {"regular": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"}})"));
  };
  layout::FaceKey serif{"serif", false, false};
  const char32_t braille = U'\u2801';  // in DejaVu Sans, in neither Liberation font
  auto none = manifest_with("none.json", "[]");
  EXPECT_EQ(pdf::FontSet(none).face_for(serif, braille), layout::kNoFace);
  auto dejavu_last = manifest_with("last.json", R"(["sans", "dejavu"])");
  pdf::FontSet fonts(dejavu_last);
  int face = fonts.face_for(serif, braille);
  ASSERT_NE(face, layout::kNoFace);
  EXPECT_THAT(fonts.face_name(face), ::testing::HasSubstr("DejaVu"));
  EXPECT_THROW(manifest_with("unknown.json", R"(["cjk"])"), pdf::FontError);
}

TEST(FontLibrary, SubsetsKeepOnlyTheDocumentsCharacters) {
  auto manifest = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  pdf::FontSet fonts(manifest);
  const auto& face = manifest.library->face(fonts.face_for({"serif", true, false}, U'A'));
  std::string cut = pdf::subset_font(face, {U'A', U'b', U'\u201C'});
  EXPECT_EQ(pdf::truetype_problem(cut), "");
  EXPECT_LT(cut.size(), face.bytes.size() / 4);
  auto tables = tables_of(cut);
  ASSERT_TRUE(tables.contains("maxp"));
  int glyphs = static_cast<unsigned char>(tables["maxp"][4]) << 8 | static_cast<unsigned char>(tables["maxp"][5]);
  EXPECT_EQ(glyphs, 4);                  // .notdef and the three
  EXPECT_TRUE(tables.contains("prep"));  // libharu's workaround applies to subsets too
  // libharu reads it, under the face's own name.
  pdf::HpdfDocument document;
  EXPECT_EQ(document.load_truetype(cut, "test"), "LiberationSerif-Bold-Latin,Bold");
}

// Without the hinting tables, some of these documents failed to save, depending on the
// glyphs each one used (about one in six hundred certificates).
TEST(FontLibrary, EveryGlyphSetSavesWithFontsCutWithoutHinting) {
  auto manifest = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  const std::string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::uint32_t state = 12345;
  int failures = 0;
  for (int doc = 0; doc < 2500; ++doc) {
    std::string words[3];
    for (auto& word : words) {
      int length = 1 + static_cast<int>((state = state * 1103515245u + 12345u) >> 16) % 40;
      for (int i = 0; i < length; ++i) word += letters[((state = state * 1103515245u + 12345u) >> 16) % letters.size()];
    }
    std::string markup = "<document size=\"A4\" font=\"serif\"><p>" + words[0] + " <b>" + words[1] + "</b> <i>" +
                         words[2] + "</i></p></document>";
    auto spec = layout::build_document(layout::parse_markup(markup, "t"), "t", ".");
    pdf::FontSet fonts(manifest);
    layout::ImageInfoCache images;
    layout::FlowContext context{fonts, nullptr, &images, "t"};
    auto laid_out = layout::paginate(spec, context);
    pdf::HpdfDocument document;
    try {
      auto pdf = pdf::write_pdf(laid_out, document, fonts, {});
      EXPECT_EQ(pdf.bytes.substr(0, 5), "%PDF-");
    } catch (const std::exception& e) {
      ADD_FAILURE() << "document " << doc << " (" << markup << "): " << e.what();
      if (++failures > 3) return;
    }
  }
}

}  // namespace
}  // namespace inovasi
