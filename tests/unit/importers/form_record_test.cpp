// A web form's record is converted and checked as a CSV row is.

#include "importers/form_record.h"

#include <gtest/gtest.h>

#include <set>

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

}  // namespace
}  // namespace inovasi
