#include "importers/profile_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/narrative.h"
#include "model/text.h"
#include "test_support.h"

namespace inovasi {
namespace {

using ::testing::HasSubstr;
using namespace inovasi::testing;

const Record& only_record(const ImportResult& result) {
  EXPECT_EQ(result.dataset.records.size(), 1u) << messages(result.diagnostics);
  return result.dataset.records.at(0);
}

TEST(ProfileParser, SeedProfileGivesEveryField) {
  auto result = read_inputs({INOVASI_SEED_PROFILE}, {}, catalog());
  ASSERT_FALSE(result.diagnostics.has_errors()) << messages(result.diagnostics);
  const Record& r = only_record(result);
  EXPECT_EQ(r.get("nama"), "LEARNING ORGANIZATIONS INNOVATION BASED");
  EXPECT_EQ(r.get("kode"), "learning-organizations-innovation-based");
  EXPECT_EQ(r.get("tahapan"), "Penerapan");
  EXPECT_EQ(r.get("jenis"), "Non Digital");
  EXPECT_EQ(r.get("inisiator"), "OPD");
  EXPECT_EQ(r.get("bentuk"), "Inovasi Daerah lainnya sesuai Urusan Pemerintahan");
  EXPECT_EQ(r.get("bentuk_asli"), "Inovasi Daerah lainnya sesuai Urusan Pemerintah");
  EXPECT_EQ(r.get("waktu_uji_coba"), "2021-07-05");
  EXPECT_EQ(r.get("waktu_penerapan"), "2021-07-05");
  EXPECT_EQ(r.get("tahun"), "2021");
  EXPECT_FALSE(r.has("instansi"));
  EXPECT_THAT(join(result.notes, "\n"), HasSubstr("not linked to an agency"));

  auto tujuan = narrative_from_json(r.get("tujuan"));
  ASSERT_EQ(tujuan.blocks.size(), 1u);
  EXPECT_EQ(tujuan.blocks[0].items.size(), 4u);
  EXPECT_THAT(tujuan.blocks[0].items[0].text, HasSubstr("Agar Instansi pemerintah"));
  EXPECT_EQ(narrative_from_json(r.get("manfaat")).blocks.at(0).items.size(), 5u);
  auto hasil = narrative_from_json(r.get("hasil"));
  ASSERT_EQ(hasil.blocks.size(), 1u);
  EXPECT_EQ(hasil.blocks[0].text, "Serangkaian aktivitas learning organization dan laboratorium inovasi");

  // Rancang bangun: three paragraphs, a list of 7, a paragraph, a list of 5 whose fifth
  // item holds the 12-step procedure, and the closing paragraph.
  auto rancang = narrative_from_json(r.get("rancang_bangun"));
  ASSERT_EQ(rancang.blocks.size(), 7u);
  EXPECT_EQ(rancang.blocks[3].items.size(), 7u);
  EXPECT_EQ(
      rancang.blocks[4].text,
      "Tahapan pelaksanaan \xE2\x80\x9CLearning Organizations Innovation Based\xE2\x80\x9D adalah sebagai berikut:");
  const auto& stages = rancang.blocks[5];
  ASSERT_EQ(stages.items.size(), 5u);
  ASSERT_EQ(stages.items[4].children.size(), 1u);
  EXPECT_EQ(stages.items[4].children[0].items.size(), 12u);
  EXPECT_THAT(stages.items[4].children[0].items[11].text, HasSubstr("membawa berita acara"));
  EXPECT_THAT(rancang.blocks[6].text, HasSubstr("Sampai saat ini, instansi masih memilih tatap muka."));
  EXPECT_GT(narrative_word_count(rancang), 1000u);
}

TEST(ProfileParser, AgencyAndYearFromOptions) {
  ImportOptions options;
  options.agency = "bappedalitbang";
  options.year = 2026;
  auto result = read_inputs({INOVASI_SEED_PROFILE}, options, catalog());
  const Record& r = only_record(result);
  EXPECT_EQ(r.get("instansi"), "bappedalitbang");
  EXPECT_EQ(r.get("tahun"), "2026");
  EXPECT_THAT(join(result.notes, "\n"), HasSubstr("linked to agency 'bappedalitbang', year 2026"));
}

TEST(ProfileParser, SinovdaVariantWithoutColonsAndEnglishMonths) {
  ScratchDir dir;
  auto result = import_text(dir, "sinovda.txt",
                            "Data Inovasi\n\nSome boilerplate.\n\nSIPADU ASET\n\n"
                            "Tahapan Inovasi Uji Coba\nInisiator Inovasi ASN\nJenis Inovasi Digital\n"
                            "Waktu Uji Coba 01 January 2020\nWaktu Penerapan 14 March 2021\n"
                            "Tujuan Inovasi\n1) Tertib aset\n2) Cepat\n"
                            "Hasil Inovasi\nAset terdata.\n");
  const Record& r = only_record(result);
  EXPECT_EQ(r.get("nama"), "SIPADU ASET");
  EXPECT_EQ(r.get("tahapan"), "Uji Coba");
  EXPECT_EQ(r.get("inisiator"), "ASN");
  EXPECT_EQ(r.get("jenis"), "Digital");
  EXPECT_EQ(r.get("waktu_uji_coba"), "2020-01-01");
  EXPECT_EQ(r.get("waktu_penerapan"), "2021-03-14");
  EXPECT_EQ(narrative_from_json(r.get("tujuan")).blocks.at(0).items.size(), 2u);
}

TEST(ProfileParser, ValueOnTheNextLineAndUnknownValuesKeptWithAWarning) {
  ScratchDir dir;
  auto result = import_text(dir, "p.txt",
                            "Data Inovasi\nNAMA X\nTahapan Inovasi :\n\n  Penerapan\n"
                            "Bentuk Inovasi : Inovasi Layanan Ajaib\nWaktu Implementasi : 5 Juli 2021\n");
  const Record& r = only_record(result);
  EXPECT_EQ(r.get("tahapan"), "Penerapan");
  EXPECT_EQ(r.get("bentuk"), "");
  EXPECT_EQ(r.get("bentuk_asli"), "Inovasi Layanan Ajaib");
  EXPECT_FALSE(result.diagnostics.has_errors());
  EXPECT_THAT(messages(result.diagnostics),
              HasSubstr("p.txt:6: bentuk: warning: unknown value 'Inovasi Layanan Ajaib'"));
}

TEST(ProfileParser, NarrativeSentencesThatStartLikeALabelStayNarrative) {
  ScratchDir dir;
  auto result = import_text(dir, "p.txt",
                            "Data Inovasi\nNAMA X\nTahapan Inovasi : Inisiatif\nTujuan Inovasi :\n"
                            "Tujuan inovasi ini adalah melayani.\nHasil Inovasi : Baik\nWaktu Uji Coba : 2021-01-04\n");
  const Record& r = only_record(result);
  EXPECT_EQ(narrative_to_text(narrative_from_json(r.get("tujuan"))), "Tujuan inovasi ini adalah melayani.");
}

TEST(ProfileParser, ReportsBadDatesWithLineAndField) {
  ScratchDir dir;
  auto result = import_text(
      dir, "p.txt",
      "Data Inovasi\nNAMA X\nWaktu Uji Coba : 2021-02-30\nTahapan Inovasi : Inisiatif\nHasil Inovasi : Baik\n");
  EXPECT_THAT(messages(result.diagnostics), HasSubstr("p.txt:3: waktu_uji_coba: no such date: '2021-02-30'"));
}

TEST(ProfileParser, TextWithoutLabelsIsAnError) {
  ScratchDir dir;
  auto result = import_text(dir, "p.txt", "Data Inovasi\nhanya teks\n");
  EXPECT_THAT(messages(result.diagnostics),
              HasSubstr("p.txt:1: does not look like a portal profile: 0 of its labels found"));
}

}  // namespace
}  // namespace inovasi

namespace inovasi {
namespace {

// The corpus of portal layouts in tests/profiles/, written from the published pages of
// both portal families: the regional portal's `Label : value` and SINOVDA's label and
// value on one line without a colon.
std::filesystem::path corpus(const std::string& name) { return source_dir() / "tests" / "profiles" / name; }

ImportResult read_profile(const std::string& name, ImportOptions options = {}) {
  return read_inputs({corpus(name)}, options, catalog());
}

TEST(ProfileCorpus, SinovdaLabelsAndValuesOnOneLine) {
  auto result = read_profile("sinovda-lengkap.txt");
  ASSERT_FALSE(result.diagnostics.has_errors()) << messages(result.diagnostics);
  const Record& r = result.dataset.records.at(0);
  EXPECT_EQ(r.get("nama"), "Kompor Biogas Rumah Tangga");
  EXPECT_EQ(r.get("tahapan"), "Penerapan");
  EXPECT_EQ(r.get("inisiator"), "OPD");
  EXPECT_EQ(r.get("jenis"), "Non Digital");
  EXPECT_EQ(r.get("bentuk"), "Inovasi Pelayanan Publik");
  EXPECT_EQ(r.get("urusan"), "Energi dan Sumber Daya Mineral");
  EXPECT_EQ(r.get("instansi"), "Dinas Lingkungan Hidup");  // linked to the agency of that name on import
  EXPECT_EQ(r.get("waktu_penerapan"), "2020-01-01");       // "Inovasi Dimulai"
  EXPECT_EQ(r.get("waktu_uji_coba"), "2019-06-03");
  EXPECT_EQ(r.get("tahun"), "2020");
  auto design = narrative_to_text(narrative_from_json(r.get("rancang_bangun")));
  EXPECT_THAT(design, HasSubstr("Dasar hukum inovasi ini"));
  EXPECT_THAT(design, HasSubstr("Pembangunan reaktor biogas"));
  EXPECT_EQ(narrative_from_json(r.get("tujuan")).blocks.at(0).items.size(), 2u);
  EXPECT_EQ(narrative_to_text(narrative_from_json(r.get("hasil"))), "120 rumah tangga memakai kompor biogas.");
}

TEST(ProfileCorpus, SinovdaEmptyLabelsDoNotSwallowTheNextLabel) {
  auto result = read_profile("sinovda-label-kosong.txt");
  ASSERT_FALSE(result.diagnostics.has_errors()) << messages(result.diagnostics);
  const Record& r = result.dataset.records.at(0);
  EXPECT_EQ(r.get("nama"), "Sampah Jadi Emas");
  EXPECT_EQ(r.get("tahapan"), "");
  EXPECT_EQ(r.get("tahapan_asli"), "");
  EXPECT_EQ(r.get("inisiator"), "Masyarakat");
  EXPECT_EQ(r.get("jenis"), "");
  EXPECT_EQ(r.get("bentuk"), "");
  EXPECT_EQ(r.get("urusan"), "Lingkungan Hidup");
  EXPECT_EQ(r.get("instansi"), "");
  EXPECT_EQ(r.get("waktu_penerapan"), "2021-03-14");
  EXPECT_EQ(r.get("tujuan"), "");
  EXPECT_EQ(narrative_to_text(narrative_from_json(r.get("hasil"))), "Sampah berkurang.");
}

TEST(ProfileCorpus, PagesCopiedInPartImportWhatTheyHave) {
  auto cut = read_profile("sinovda-terpotong.txt");
  EXPECT_THAT(messages(cut.diagnostics),
              HasSubstr("sinovda-terpotong.txt:1: tahun: the profile gives no date to take the "
                        "year from (waktu_penerapan, waktu_uji_coba); pass --year Y"));
  ImportOptions year;
  year.year = 2026;
  auto with_year = read_profile("sinovda-terpotong.txt", year);
  ASSERT_FALSE(with_year.diagnostics.has_errors()) << messages(with_year.diagnostics);
  const Record& r = with_year.dataset.records.at(0);
  EXPECT_EQ(r.get("nama"), "Lapak Digital Desa");
  EXPECT_EQ(r.get("tahapan"), "Uji Coba");
  EXPECT_EQ(r.get("jenis"), "Digital");
  EXPECT_EQ(r.get("tahun"), "2026");

  auto portal = read_profile("portal-titik-dua-terpotong.txt", year);
  ASSERT_FALSE(portal.diagnostics.has_errors()) << messages(portal.diagnostics);
  EXPECT_EQ(portal.dataset.records.at(0).get("nama"), "POSYANDU CERIA");
  EXPECT_EQ(portal.dataset.records.at(0).get("inisiator"), "ASN");
  EXPECT_EQ(narrative_from_json(portal.dataset.records.at(0).get("tujuan")).blocks.at(0).items.size(), 2u);
}

TEST(ProfileCorpus, ThePortalsColonLayoutWithItsOddities) {
  auto result = read_profile("portal-titik-dua-lengkap.txt");
  ASSERT_FALSE(result.diagnostics.has_errors()) << messages(result.diagnostics);
  const Record& r = result.dataset.records.at(0);
  EXPECT_EQ(r.get("nama"), "SI PENA EMAS");
  EXPECT_EQ(r.get("tahapan"), "Penerapan");
  EXPECT_EQ(r.get("bentuk"), "Inovasi Tata Kelola Pemerintahan Daerah");
  EXPECT_EQ(r.get("waktu_uji_coba"), "2021-07-05");
  EXPECT_EQ(r.get("waktu_penerapan"), "2022-01-05");
  EXPECT_EQ(r.get("tahun"), "2022");
  EXPECT_EQ(r.get("anggaran"), "25000000");
}

}  // namespace
}  // namespace inovasi
