#include "importers/xlsx_importer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/narrative.h"
#include "model/text.h"
#include "store/store.h"
#include "test_support.h"
#include "xlsx/workbook.h"

namespace inovasi {
namespace {

using ::testing::HasSubstr;
using namespace inovasi::testing;

TEST(XlsxImport, SerialDatesInBothSystems) {
  EXPECT_EQ(date_from_serial(44382, false)->iso(), "2021-07-05");
  EXPECT_EQ(date_from_serial(44382 - 1462, true)->iso(), "2021-07-05");
  EXPECT_EQ(date_from_serial(1, false)->iso(), "1900-01-01");
  EXPECT_EQ(date_from_serial(59, false)->iso(), "1900-02-28");
  EXPECT_EQ(date_from_serial(61, false)->iso(), "1900-03-01");  // Excel's phantom 29 Feb 1900 is day 60
  EXPECT_EQ(date_from_serial(45351.75, false)->iso(), "2024-02-29");  // a time of day is dropped
  EXPECT_FALSE(date_from_serial(0, false));
  EXPECT_FALSE(date_from_serial(-3, false));
}

TEST(XlsxImport, AWorkbookWithTheCsvHeadersImports) {
  ScratchDir dir;
  auto path = dir.path() / "data.xlsx";
  {
    xlsx::WorkbookWriter book(path, {"t", "s", "a", "k", {2026, 1, 1}});
    auto& agencies = book.add_sheet("instansi");
    agencies.header({"kode", "nama", "kepala_nip"});
    agencies.row({std::string("dinkes"), std::string("Dinas Kesehatan"), std::string("19720805 200012 2 001")});
    auto& facilitators = book.add_sheet("Fasilitator");
    facilitators.header({"instansi", "nama", "nip", "pns"});
    facilitators.row({std::string("dinkes"), std::string("Budi"), std::string("199001012015011001"), std::string("ya")});
    auto& innovations = book.add_sheet("inovasi");
    innovations.header({"nama", "instansi", "tahun", "waktu_uji_coba", "rancang_bangun", "anggaran"});
    innovations.row({std::string("SIGAP"), std::string("dinkes"), 2026.0, Date{2025, 3, 3},
                     std::string("Pengantar.\n1. Satu\n2. Dua"), 185000000.0});
    book.add_sheet("Catatan").row({std::string("bukan data")});
    book.close();
  }
  auto result = import_into_store(dir.path() / "s.db", {path}, {}, catalog());
  ASSERT_TRUE(result.saved) << messages(result.diagnostics);
  EXPECT_EQ(result.saved->inserted, 3u);
  EXPECT_THAT(join(result.notes, "\n"), HasSubstr("sheet 'Catatan' is not a record kind, ignored"));
  Store store = Store::open(dir.path() / "s.db", false);
  auto innovation = store.load("inovasi").at(0);
  EXPECT_EQ(innovation.get("tahun"), "2026");
  EXPECT_EQ(innovation.get("waktu_uji_coba"), "2025-03-03");
  EXPECT_EQ(innovation.get("anggaran"), "185000000");
  EXPECT_EQ(narrative_from_json(innovation.get("rancang_bangun")).blocks.size(), 2u);
  EXPECT_EQ(store.load("fasilitator").at(0).get("nip"), "199001012015011001");
  EXPECT_EQ(store.load("instansi").at(0).get("kepala_nip"), "197208052000122001");
}

TEST(XlsxImport, ErrorsNameTheSheetAndCell) {
  ScratchDir dir;
  auto path = dir.path() / "bad.xlsx";
  {
    xlsx::WorkbookWriter book(path, {"t", "s", "a", "k", {2026, 1, 1}});
    auto& facilitators = book.add_sheet("fasilitator");
    facilitators.header({"instansi", "nama", "nip", "pns"});
    facilitators.row({std::string("dinkes"), std::string("A"), 196608011988031001.0, std::string("ya")});
    facilitators.row({std::string("dinkes"), std::string("B"), xlsx::Cell{}, std::string("mungkin")});
    auto& teams = book.add_sheet("tim_inovasi");
    teams.header({"tahun", "nomor_sk"});
    teams.row({2026.0, std::string("1/2026")});
    book.close();
  }
  auto result = read_inputs({path}, {}, catalog());
  auto text = messages(result.diagnostics);
  EXPECT_THAT(text, HasSubstr("bad.xlsx:fasilitator!C2: nip: the NIP was typed as a number and lost digits"));
  EXPECT_THAT(text, HasSubstr("bad.xlsx:fasilitator!D3: pns: 'mungkin' is not yes or no"));
  EXPECT_THAT(text, HasSubstr("bad.xlsx:tim_inovasi!A1: instansi: key column is missing in sheet 'tim_inovasi'"));
}

TEST(XlsxImport, WhatIsNotAWorkbookIsReported) {
  ScratchDir dir;
  auto result = read_inputs({dir.write("x.xlsx", "this is not a zip file")}, {}, catalog());
  EXPECT_THAT(messages(result.diagnostics), HasSubstr("x.xlsx: cannot read the workbook:"));
  auto zip = dir.path() / "other.xlsx";
  ASSERT_EQ(std::system(("cd " + dir.path().string() + " && printf x > a.txt && zip -q other.xlsx a.txt 2>/dev/null || "
                         "python3 -c \"import zipfile; zipfile.ZipFile('other.xlsx','w').writestr('a.txt','x')\"").c_str()), 0);
  auto other = read_inputs({zip}, {}, catalog());
  EXPECT_THAT(messages(other.diagnostics), HasSubstr("not an XLSX workbook"));
}

}  // namespace
}  // namespace inovasi
