#include "exports/input_workbook.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/text.h"
#include "store/store.h"
#include "test_support.h"
#include "xlsx/reader.h"
#include "xlsx_raw.h"

namespace inovasi {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using namespace inovasi::testing;

// The bundled inputs in a store of the scratch folder.
std::filesystem::path bundled_store(const ScratchDir& dir) {
  auto db = dir.path() / "asal.db";
  ImportOptions options;
  options.agency = "bappedalitbang";
  auto result = import_into_store(db, {source_dir() / "inputs"}, options, catalog());
  EXPECT_TRUE(result.saved) << messages(result.diagnostics);
  return db;
}

// Every record of every kind, as text, keyed so that order does not matter.
std::multiset<std::string> contents(const std::filesystem::path& db) {
  Store store = Store::open(db, false);
  std::multiset<std::string> rows;
  for (const auto& kind : record_kinds()) {
    for (const auto& record : store.load(kind)) {
      std::string row(kind.name);
      for (const auto& [field, value] : record.values) row += "|" + std::string(field) + "=" + std::string(value);
      rows.insert(row);
    }
  }
  return rows;
}

TEST(InputWorkbook, ExportThenImportGivesBackTheSameStore) {
  ScratchDir dir;
  auto original = bundled_store(dir);
  Snapshot snapshot = Snapshot::load(Store::open(original, false));
  auto book = dir.path() / "semua.xlsx";
  exports::write_input_workbook({snapshot, catalog(), "", true, 0, {2026, 3, 1}}, book);

  auto copy = dir.path() / "salinan.db";
  auto result = import_into_store(copy, {book}, {}, catalog());
  ASSERT_TRUE(result.saved) << messages(result.diagnostics);
  auto before = contents(original), after = contents(copy);
  EXPECT_GT(before.size(), 300u);
  EXPECT_EQ(before, after);
  // NIPs, dates and multi-line narratives are among what came back unchanged.
  std::string all = join(std::vector<std::string>(after.begin(), after.end()), "\n");
  EXPECT_THAT(all, HasSubstr("nip=19"));
  EXPECT_THAT(all, HasSubstr("waktu_penerapan=20"));
  EXPECT_THAT(all, HasSubstr("\"children\":[{\"list\":\"lower-alpha\""));
}

TEST(InputWorkbook, ABlankWorkbookHasTheSheetsDropdownsAndTextColumns) {
  ScratchDir dir;
  Snapshot empty;
  auto book = dir.path() / "kosong.xlsx";
  exports::write_input_workbook({empty, catalog(), "", false, 0, {2026, 1, 1}}, book);
  auto data = xlsx::read_workbook(book);
  std::vector<std::string> names;
  for (const auto& sheet : data.sheets) names.push_back(sheet.name);
  EXPECT_EQ(join(names, ","),
            "petunjuk,instansi,fasilitator,tim_inovasi,anggota_tim,inovasi,jawaban_indikator,perjanjian_kinerja,"
            "permohonan_diskusi,indikator_iga,daftar_pilihan");
  const auto* facilitators = data.sheet("fasilitator");
  ASSERT_TRUE(facilitators);
  EXPECT_EQ(join(facilitators->rows.at(0), ","), "instansi,nama,nip,pns,pangkat,golongan,jabatan,no_hp,email");
  EXPECT_EQ(facilitators->rows.size(), 1u);  // blank

  // Sheet 3 is fasilitator: NIP typed later stays text (@), pns, pangkat and golongan are
  // inline dropdowns.
  std::string xml = zip_entry(book, "xl/worksheets/sheet3.xml");
  EXPECT_THAT(xml, HasSubstr("<pane ySplit=\"1\""));
  EXPECT_THAT(xml, HasSubstr("sqref=\"D2:D1048576\"><formula1>\"ya,tidak\"</formula1>"));
  EXPECT_THAT(xml, HasSubstr("sqref=\"E2:E1048576\"><formula1>\"Juru Muda,"));
  EXPECT_THAT(xml, HasSubstr("sqref=\"F2:F1048576\"><formula1>\"I/a,I/b"));
  // Sheet 6 is inovasi: urusan has values with commas, so its list is a range of the
  // hidden sheet; dates are checked as dates.
  std::string innovations = zip_entry(book, "xl/worksheets/sheet6.xml");
  EXPECT_THAT(innovations, HasSubstr("sqref=\"I2:I1048576\"><formula1>daftar_pilihan!$"));
  EXPECT_THAT(innovations, HasSubstr("<dataValidation type=\"date\""));
  EXPECT_THAT(zip_entry(book, "xl/styles.xml"), HasSubstr("formatCode=\"@\""));
  EXPECT_THAT(zip_entry(book, "xl/workbook.xml"), HasSubstr("name=\"daftar_pilihan\" sheetId=\"11\" state=\"hidden\""));
  // Every column has a note on its header.
  EXPECT_THAT(zip_entry(book, "xl/comments2.xml"), HasSubstr("NIP fasilitator"));
  // The guide explains each column in Indonesian.
  std::string guide_text;
  for (const auto& row : data.sheet("petunjuk")->rows) guide_text += join(row, "|") + "\n";
  EXPECT_THAT(guide_text, HasSubstr("|nip|"));
  EXPECT_THAT(guide_text, HasSubstr("NIP 18 digit"));
}

TEST(InputWorkbook, AnAgencysWorkbookHoldsOnlyItsRecords) {
  ScratchDir dir;
  Snapshot snapshot = Snapshot::load(Store::open(bundled_store(dir), false));
  auto book = dir.path() / "dinkes.xlsx";
  exports::write_input_workbook({snapshot, catalog(), "dinkes", false, 0, {2026, 1, 1}}, book);
  auto data = xlsx::read_workbook(book);
  const auto* agencies = data.sheet("instansi");
  ASSERT_EQ(agencies->rows.size(), 2u);
  EXPECT_EQ(agencies->rows[1][0], "dinkes");
  const auto* facilitators = data.sheet("fasilitator");
  ASSERT_GT(facilitators->rows.size(), 1u);
  for (std::size_t r = 1; r < facilitators->rows.size(); ++r) EXPECT_EQ(facilitators->rows[r][0], "dinkes");
  // Indicator answers belong through their innovation.
  std::set<std::string> innovations;
  for (const auto* innovation : snapshot.where("inovasi", "instansi", "dinkes"))
    innovations.emplace(innovation->get("kode"));
  const auto* answers = data.sheet("jawaban_indikator");
  ASSERT_GT(answers->rows.size(), 1u);
  for (std::size_t r = 1; r < answers->rows.size(); ++r) EXPECT_TRUE(innovations.contains(answers->rows[r][0]));
  // The NIP cells are text: 18 digits, not 1.96608E+17.
  int nip = facilitators->column("nip");
  ASSERT_GE(nip, 0);
  EXPECT_EQ(facilitators->types[1][static_cast<std::size_t>(nip)], 's');
  EXPECT_EQ(facilitators->rows[1][static_cast<std::size_t>(nip)].size(), 18u);
}

TEST(InputWorkbook, ANarrativeBeyondExcelsCellLimitIsReportedWithItsCell) {
  ScratchDir dir;
  Dataset dataset;
  Record innovation;
  innovation.kind = find_record_kind("inovasi");
  innovation.set("kode", "panjang");
  innovation.set("tahun", "2026");
  innovation.set("nama", "Panjang");
  std::string words;
  while (words.size() < 40000) words += "kata ";
  innovation.set("tujuan", "[{\"p\":\"" + words + "\"}]");
  dataset.records.push_back(innovation);
  Snapshot snapshot = Snapshot::of(dataset);
  try {
    exports::write_input_workbook({snapshot, catalog(), "", true, 0, {2026, 1, 1}}, dir.path() / "x.xlsx");
    FAIL() << "expected an error";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("inovasi!"));
    EXPECT_THAT(e.what(), HasSubstr("Excel keeps at most 32767"));
  }
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "x.xlsx"));
}

}  // namespace
}  // namespace inovasi
