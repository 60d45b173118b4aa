// A web form's record is converted and checked as a CSV row is.

#include "importers/form_record.h"

#include <gtest/gtest.h>

#include <set>

#include "importers/field_values.h"
#include "test_support.h"

namespace inovasi {
namespace {

using namespace inovasi::testing;

TEST(FormRecord, ConvertsAsAnImportDoes) {
  const Catalog& catalog = inovasi::testing::catalog();
  Diagnostics problems;
  auto record =
      record_from_form(*find_record_kind("kehadiran"),
                       {{"sesi", "S1"}, {"nama", "Ana"}, {"nip", "19800101 200501 1 001"}, {"golongan", "III/a"}},
                       "formulir daftar hadir", catalog, problems);
  ASSERT_TRUE(record) << problems.all().front().message;
  EXPECT_EQ(record->get("nip"), "198001012005011001");
}

TEST(FormRecord, RefusesWhatAFileWouldNamingTheField) {
  const Catalog& catalog = inovasi::testing::catalog();
  Diagnostics problems;
  auto record = record_from_form(*find_record_kind("permohonan_diskusi"),
                                 {{"kode", "R1"},
                                  {"instansi", "dinkes"},
                                  {"tanggal_permohonan", "31-02-2026"},
                                  {"permasalahan", "x"},
                                  {"mode", "Telepati"},
                                  {"rahasia", "1"},
                                  {"kontak_nama", "bad\x01name"},
                                  {"kontak_hp", std::string("\xff\xfe", 2)}},
                                 "formulir permohonan", catalog, problems);
  EXPECT_FALSE(record);
  std::set<std::string> fields;
  for (const auto& d : problems.all()) fields.insert(d.field);
  for (const char* field : {"tanggal_permohonan", "mode", "rahasia", "kontak_nama", "kontak_hp"}) {
    EXPECT_TRUE(fields.count(field)) << field;
  }
}

TEST(FormRecord, APartialRecordNeedsOnlyItsKey) {
  const Catalog& catalog = inovasi::testing::catalog();
  Diagnostics problems;
  EXPECT_FALSE(record_from_form(*find_record_kind("permohonan_diskusi"), {{"kode", "R1"}, {"petugas", "x"}}, "f",
                                catalog, problems));
  Diagnostics none;
  auto partial = record_from_form(*find_record_kind("permohonan_diskusi"),
                                  {{"kode", "R1"}, {"petugas", "197804122003121004; 198609172010012011"}}, "f", catalog,
                                  none, FormScope::Partial);
  ASSERT_TRUE(partial);
  EXPECT_EQ(partial->get("petugas"), R"(["197804122003121004","198609172010012011"])");
}

// Each conversion problem carries its code: the pages print the catalogue's Indonesian
// text, the command line the converter's English message, which the catalogue's English
// text must equal word for word.
TEST(FormRecord, EachProblemReadsInIndonesianOnPagesAndAsBeforeOnTheCommandLine) {
  const Catalog& catalog = inovasi::testing::catalog();
  const FindingTexts& texts = catalog.finding_texts();
  Diagnostics problems;
  auto form = [&](const char* kind, const FormFields& fields) {
    EXPECT_FALSE(record_from_form(*find_record_kind(kind), fields, "formulir", catalog, problems));
  };
  form("permohonan_diskusi", {{"kode", "R1"},
                              {"instansi", "dinkes"},
                              {"tanggal_permohonan", "31-02-2026"},
                              {"mode", "Telepati"},
                              {"kontak_nama", "bad\x01name"},
                              {"petugas", "12345"},
                              {"tahun", "1999"}});
  form("fasilitator", {{"instansi", "dinkes"}, {"nama", "Ana"}, {"nip", "abc"}, {"pns", "mungkin"}});
  form("jawaban_indikator", {{"inovasi", "I1"}, {"tahun", "2026"}, {"indikator", "satu"}, {"level", "#N/A"}});
  form("inovasi", {{"kode", "I1"},
                   {"tahun", "2026"},
                   {"anggaran", "Rp 1,2,3"},
                   {"rancang_bangun", std::string(kMaxFieldBytes + 1, 'a')}});
  std::set<std::string> codes;
  for (const auto& finding : problems.all()) {
    if (finding.code.empty()) continue;  // a field the kind does not have: a tampered form
    codes.insert(finding.code);
    SCOPED_TRACE(finding.code);
    EXPECT_EQ(texts.render(finding.code, finding.params, Language::English), finding.message);
    std::string indonesian = catalog.finding_message(finding, Language::Indonesian);
    EXPECT_NE(indonesian, finding.message);
    EXPECT_EQ(indonesian.find("{"), std::string::npos) << indonesian;
  }
  for (const char* code :
       {"impor.bukan_tanggal", "impor.pilihan_tidak_dikenal", "impor.karakter_kendali", "impor.daftar_bukan_nip",
        "impor.di_luar_rentang", "impor.bukan_nip", "impor.bukan_ya_tidak", "impor.bukan_bilangan_bulat",
        "impor.galat_lembar_kerja", "impor.bukan_jumlah", "impor.terlalu_panjang", "impor.wajib"}) {
    EXPECT_TRUE(codes.contains(code)) << code << " was not given";
  }
}

}  // namespace
}  // namespace inovasi
