// Hostile inputs: each ends in a clear error naming where, or in a correct result —
// never a crash, a hang, or text silently dropped. (Paths from names, `{{`, `<` and
// fonts or images that are not what they claim are in the end-to-end scripts.)

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "layout/markup.h"
#include "model/narrative.h"
#include "render/render_pdf.h"
#include "store/store.h"
#include "test_support.h"

namespace inovasi {
namespace {

using ::testing::HasSubstr;
using namespace inovasi::testing;

std::string csv_field(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

TEST(HostileInput, DirectionControlsInANameAreRefusedByPosition) {
  ScratchDir dir;
  // "Budi" + RIGHT-TO-LEFT OVERRIDE + "fdp.exe" shows as "Budiexe.pdf".
  auto result = import_text(dir, "instansi.csv",
                            "kode,nama\ndinkes,Budi\xE2\x80\xAE"
                            "fdp.exe\nx,Ani\xE2\x80\x8F\n");
  auto text = messages(result.diagnostics);
  EXPECT_THAT(text, HasSubstr("instansi.csv:2: nama: contains invisible direction control U+202E at byte 5"));
  EXPECT_THAT(text, HasSubstr("instansi.csv:3: nama: contains invisible direction control U+200F at byte 4"));
}

TEST(HostileInput, ATenMegabyteNarrativeIsRefusedAndTheStoreKept) {
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  ASSERT_TRUE(
      import_into_store(db, {dir.write("instansi.csv", "kode,nama\ndinkes,Dinas Kesehatan\n")}, {}, catalog()).saved);
  std::string words;
  words.reserve(10u << 20);
  while (words.size() < (10u << 20)) words += "pelayanan kesehatan ";
  auto big =
      dir.write("inovasi.csv", "kode,tahun,nama,instansi,tujuan\nbesar,2026,Besar,dinkes," + csv_field(words) + "\n");
  auto result = import_into_store(db, {big}, {}, catalog());
  EXPECT_FALSE(result.saved);
  EXPECT_THAT(messages(result.diagnostics),
              HasSubstr("inovasi.csv:2: tujuan: value is 10485760 bytes; the limit is 1048576"));
  EXPECT_TRUE(Store::open(db, false).load("inovasi").empty());
}

TEST(HostileInput, ANarrativeJustUnderTheLimitKeepsEveryWord) {
  ScratchDir dir;
  std::string words;
  std::size_t count = 0;
  while (words.size() < 1'000'000) {
    words += "kata" + std::to_string(count++) + " ";
    if (count % 200 == 0) words += "\n\n";  // paragraphs
  }
  auto result =
      import_text(dir, "inovasi.csv", "kode,tahun,nama,tujuan\npanjang,2026,Panjang," + csv_field(words) + "\n");
  ASSERT_FALSE(result.diagnostics.has_errors()) << messages(result.diagnostics);
  auto narrative = narrative_from_json(result.dataset.records.at(0).get("tujuan"));
  EXPECT_EQ(narrative_word_count(narrative), count);
  EXPECT_THAT(narrative_to_text(narrative), HasSubstr("kata" + std::to_string(count - 1)));
}

TEST(HostileInput, AHundredThousandRowCsvImportsInOneTransaction) {
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  std::string csv = "instansi,tahun,nama,jabatan\n";
  for (int i = 0; i < 100'000; ++i) csv += "dinkes,2026,Anggota " + std::to_string(i) + ",Staf\n";
  auto members = dir.write("anggota_tim.csv", csv);
  auto agency = dir.write("instansi.csv", "kode,nama\ndinkes,Dinas Kesehatan\n");
  auto start = std::chrono::steady_clock::now();
  auto result = import_into_store(db, {agency, members}, {}, catalog());
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(result.saved) << messages(result.diagnostics);
  EXPECT_EQ(result.saved->inserted, 100'001u);
  EXPECT_EQ(Store::open(db, false).load("anggota_tim").size(), 100'000u);
  std::cout << "100,000 rows imported in " << seconds << " s\n";  // a figure, not a timed assertion
}

TEST(HostileInput, ListsNestedAThousandDeepAreRefusedNotStoredUnreadable) {
  ScratchDir dir;
  std::string text = "Pengantar.\n";
  for (int depth = 0; depth < 1000; ++depth)
    text += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "1. tingkat\n";
  auto result = import_text(dir, "inovasi.csv", "kode,tahun,nama,tujuan\ndalam,2026,Dalam," + csv_field(text) + "\n");
  EXPECT_THAT(messages(result.diagnostics),
              HasSubstr("inovasi.csv:2: tujuan: lists nest 1000 levels deep; at most 16"));

  // Sixteen levels are kept, and read back.
  std::string allowed = "Pengantar.\n";
  for (int depth = 0; depth < kMaxListDepth; ++depth)
    allowed += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "1. tingkat\n";
  auto ok = import_text(dir, "inovasi.csv", "kode,tahun,nama,tujuan\ndalam,2026,Dalam," + csv_field(allowed) + "\n");
  ASSERT_FALSE(ok.diagnostics.has_errors()) << messages(ok.diagnostics);
  EXPECT_EQ(list_depth(narrative_from_json(ok.dataset.records.at(0).get("tujuan"))), kMaxListDepth);
}

TEST(HostileInput, JsonNestedAThousandDeepIsReported) {
  ScratchDir dir;
  auto result =
      import_text(dir, "data.json", "{\"instansi\": [" + std::string(1000, '[') + std::string(1000, ']') + "]}");
  EXPECT_THAT(messages(result.diagnostics), HasSubstr("data.json"));
  EXPECT_TRUE(result.diagnostics.has_errors());
}

TEST(HostileInput, MarkupNestedDeeperThanLayoutAllowsIsAnErrorNotAStackOverflow) {
  for (int levels : {1000, 100'000}) {
    std::string markup = "<document>";
    for (int i = 0; i < levels; ++i) markup += "<ol><li>t";
    for (int i = 0; i < levels; ++i) markup += "</li></ol>";
    markup += "</document>";
    try {
      layout::parse_markup(markup, "dalam.xml");
      FAIL() << levels << " levels were accepted";
    } catch (const layout::MarkupError& e) {
      EXPECT_THAT(e.what(), HasSubstr("dalam.xml:1:"));
      EXPECT_THAT(e.what(), HasSubstr("elements nest more than 64 deep"));
    }
  }
}

TEST(HostileInput, ATableCellLongerThanAPageIsPrintedWhole) {
  ScratchDir dir;
  std::string words;
  for (int i = 0; i < 3000; ++i) words += "kata" + std::to_string(i) + " ";
  auto file = dir.write("sel.xml",
                        "<document><table widths=\"30%,*\"><tr><th>No</th><th>Uraian</th></tr>"
                        "<tr><td>1</td><td>{{isi}}</td></tr></table></document>");
  render::TemplateSet templates(source_dir() / "templates");
  render::Data data;
  data.set("isi", words);
  auto fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  auto pdf = render::render_pdf(templates, file, data, fonts, {false, Date{2026, 1, 1}});
  EXPECT_GT(pdf.pages, 3);
  auto out = dir.path() / "sel.pdf";
  std::ofstream(out, std::ios::binary) << pdf.bytes;
  ASSERT_EQ(std::system(("pdftotext " + out.string() + " " + (dir.path() / "sel.txt").string()).c_str()), 0);
  std::string text = read_file(dir.path() / "sel.txt");
  for (int i : {0, 1500, 2999}) EXPECT_THAT(text, HasSubstr("kata" + std::to_string(i))) << "word " << i << " was lost";
}

}  // namespace
}  // namespace inovasi
