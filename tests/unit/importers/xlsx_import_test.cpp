#include "importers/xlsx_importer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/narrative.h"
#include "model/text.h"
#include "store/store.h"
#include "test_support.h"
#include "xlsx/workbook.h"
#include "xlsx_raw.h"

namespace inovasi {
namespace {

using ::testing::HasSubstr;
using namespace inovasi::testing;

TEST(XlsxImport, SerialDatesInBothSystems) {
  EXPECT_EQ(date_from_serial(44382, false)->iso(), "2021-07-05");
  EXPECT_EQ(date_from_serial(44382 - 1462, true)->iso(), "2021-07-05");
  EXPECT_EQ(date_from_serial(1, false)->iso(), "1900-01-01");
  EXPECT_EQ(date_from_serial(59, false)->iso(), "1900-02-28");
  EXPECT_EQ(date_from_serial(61, false)->iso(), "1900-03-01");        // Excel's phantom 29 Feb 1900 is day 60
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
    facilitators.row(
        {std::string("dinkes"), std::string("Budi"), std::string("199001012015011001"), std::string("ya")});
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
  EXPECT_THAT(
      text,
      HasSubstr("bad.xlsx:tim_inovasi: sheet named for tim_inovasi records but its header has no instansi column"));
}

TEST(XlsxImport, WhatIsNotAWorkbookIsReported) {
  ScratchDir dir;
  auto result = read_inputs({dir.write("x.xlsx", "this is not a zip file")}, {}, catalog());
  EXPECT_THAT(messages(result.diagnostics), HasSubstr("x.xlsx: cannot read the workbook:"));
  auto zip = dir.path() / "other.xlsx";
  ASSERT_EQ(std::system(("cd " + dir.path().string() +
                         " && printf x > a.txt && zip -q other.xlsx a.txt 2>/dev/null || "
                         "python3 -c \"import zipfile; zipfile.ZipFile('other.xlsx','w').writestr('a.txt','x')\"")
                            .c_str()),
            0);
  auto other = read_inputs({zip}, {}, catalog());
  EXPECT_THAT(messages(other.diagnostics), HasSubstr("not an XLSX workbook"));
}

TEST(XlsxImport, ATitleRowAndMergedHeaderCellsArePassedOver) {
  // As people shape sheets by hand: a title merged across the top, a group header merged
  // over two columns with the field names below it, and the agency merged down its rows.
  ScratchDir dir;
  auto path = dir.path() / "tangan.xlsx";
  write_raw_xlsx(path,
                 {{"Fasilitator",
                   "<sheetData>"
                   "<row r=\"1\">" +
                       text_cell("A1", "DATA FASILITATOR INOVASI 2026") +
                       "</row>"
                       "<row r=\"2\">" +
                       text_cell("A2", "instansi") + text_cell("B2", "Identitas") + text_cell("D2", "pns") +
                       "</row>"
                       "<row r=\"3\">" +
                       text_cell("B3", "Nama") + text_cell("C3", "NIP") +
                       "</row>"
                       "<row r=\"4\">" +
                       text_cell("A4", "dinkes") + text_cell("B4", "Ani") + text_cell("C4", "199001012015012001") +
                       text_cell("D4", "ya") +
                       "</row>"
                       "<row r=\"5\">" +
                       text_cell("B5", "Budi") + text_cell("C5", "199102022016011002") + text_cell("D5", "ya") +
                       "</row>"
                       "</sheetData><mergeCells count=\"5\"><mergeCell ref=\"A1:D1\"/><mergeCell ref=\"A2:A3\"/>"
                       "<mergeCell ref=\"B2:C2\"/><mergeCell ref=\"D2:D3\"/><mergeCell ref=\"A4:A5\"/></mergeCells>"}});
  auto result = read_inputs({path}, {}, catalog());
  ASSERT_FALSE(result.diagnostics.has_errors()) << messages(result.diagnostics);
  ASSERT_EQ(result.dataset.records.size(), 2u);
  EXPECT_EQ(result.dataset.records[1].get("instansi"), "dinkes");  // merged down
  EXPECT_EQ(result.dataset.records[1].get("nip"), "199102022016011002");
  EXPECT_EQ(result.dataset.records[1].where.file, path.string() + ":Fasilitator!A5");
}

TEST(XlsxImport, ADateThatIsTextIsReadOrReported) {
  ScratchDir dir;
  auto path = dir.path() / "tanggal.xlsx";
  {
    xlsx::WorkbookWriter book(path, {"t", "s", "a", "k", {2026, 1, 1}});
    auto& teams = book.add_sheet("tim_inovasi");
    teams.header({"instansi", "tahun", "nomor_sk", "tanggal_sk"});
    teams.row({std::string("dinkes"), 2026.0, std::string("1/2026"), std::string("12/03/2026")});
    teams.row({std::string("disdik"), 2026.0, std::string("2/2026"), std::string("31/02/2026")});
    teams.row({std::string("dinsos"), 2026.0, std::string("3/2026"), std::string("minggu depan")});
    book.close();
  }
  auto result = read_inputs({path}, {}, catalog());
  auto text = messages(result.diagnostics);
  EXPECT_EQ(result.dataset.records.at(0).get("tanggal_sk"), "2026-03-12");
  EXPECT_THAT(text, HasSubstr("tanggal.xlsx:tim_inovasi!D3: tanggal_sk:"));
  EXPECT_THAT(text, HasSubstr("tanggal.xlsx:tim_inovasi!D4: tanggal_sk:"));
}

TEST(XlsxImport, ATenMegabyteCellIsRefusedAndTheStoreKept) {
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  auto seed = dir.write("instansi.csv", "kode,nama\ndinkes,Dinas Kesehatan\n");
  ASSERT_TRUE(import_into_store(db, {seed}, {}, catalog()).saved);
  auto path = dir.path() / "besar.xlsx";
  write_raw_xlsx(path, {{"inovasi", "<sheetData><row r=\"1\">" + text_cell("A1", "nama") + text_cell("B1", "tahun") +
                                        text_cell("C1", "tujuan") + "</row><row r=\"2\">" + text_cell("A2", "Besar") +
                                        "<c r=\"B2\"><v>2026</v></c>" + text_cell("C2", std::string(10u << 20, 'x')) +
                                        "</row></sheetData>"}});
  auto result = import_into_store(db, {path}, {}, catalog());
  EXPECT_FALSE(result.saved);
  EXPECT_THAT(messages(result.diagnostics),
              HasSubstr("besar.xlsx:inovasi!C2: tujuan: value is 10485760 bytes; the limit is"));
  EXPECT_TRUE(Store::open(db, false).load("inovasi").empty());
  EXPECT_EQ(Store::open(db, false).load("instansi").size(), 1u);
}

TEST(XlsxImport, AWorkbookWithoutRecordSheetsIsReported) {
  ScratchDir dir;
  auto path = dir.path() / "lain.xlsx";
  write_raw_xlsx(path, {{"Sheet1", "<sheetData><row>" + text_cell("", "Nomor Urut") + text_cell("", "Catatan Rapat") +
                                       "</row></sheetData>"}});
  auto result = read_inputs({path}, {}, catalog());
  EXPECT_THAT(messages(result.diagnostics), HasSubstr("lain.xlsx: no sheet is named after a record kind"));
}

TEST(XlsxImport, BrokenPartsAreReportedNotThrownAsLibraryErrors) {
  ScratchDir dir;
  auto missing_string = dir.path() / "s.xlsx";
  write_raw_xlsx(missing_string,
                 {{"instansi", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row></sheetData>"}});
  EXPECT_THAT(messages(read_inputs({missing_string}, {}, catalog()).diagnostics),
              HasSubstr("cell A1 names shared string '7', which the workbook does not have"));
  auto bad_row = dir.path() / "r.xlsx";
  write_raw_xlsx(bad_row, {{"instansi", "<sheetData><row r=\"-4\"/></sheetData>"}});
  EXPECT_THAT(messages(read_inputs({bad_row}, {}, catalog()).diagnostics), HasSubstr("bad row number '-4'"));
  auto bad_merge = dir.path() / "m.xlsx";
  write_raw_xlsx(bad_merge, {{"instansi", "<sheetData/><mergeCells><mergeCell ref=\"B2:A1\"/></mergeCells>"}});
  EXPECT_THAT(messages(read_inputs({bad_merge}, {}, catalog()).diagnostics), HasSubstr("bad merged range 'B2:A1'"));
}

}  // namespace
}  // namespace inovasi
