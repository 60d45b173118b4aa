// Workbooks written with libxlsxwriter, read back with our reader and compared with the
// store.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "exports/exports.h"
#include "store/store.h"
#include "test_support.h"
#include "xlsx/reader.h"
#include "xlsx/workbook.h"

namespace inovasi {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using namespace inovasi::testing;

TEST(Workbook, SheetNamesAreCheckedBeforeTheLibrarySeesThem) {
  EXPECT_EQ(xlsx::sheet_name_problem("Rekap"), "");
  EXPECT_EQ(xlsx::sheet_name_problem(std::string(32, 'a')), "a sheet name has at most 31 characters");
  EXPECT_EQ(xlsx::sheet_name_problem("Rekap/2026"), "a sheet name cannot contain [ ] : * ? / \\");
  EXPECT_EQ(xlsx::sheet_name_problem("Ringkasan Perjanjian Kinerja Inovasi"), "a sheet name has at most 31 characters");
  EXPECT_EQ(xlsx::sheet_name_problem("Évaluation"), "");
  ScratchDir dir;
  xlsx::WorkbookWriter book(dir.path() / "x.xlsx", {"t", "s", "a", "k", {2026, 1, 1}});
  EXPECT_THROW(book.add_sheet("a:b"), xlsx::XlsxError);
}

TEST(Workbook, WritesAndReadsBackCellsDatesAndProperties) {
  ScratchDir dir;
  auto path = dir.path() / "out" / "book.xlsx";
  {
    xlsx::WorkbookWriter book(path, {"Judul", "Subjek", "inovasi", "k", {2026, 2, 24}});
    auto& sheet = book.add_sheet("Data");
    sheet.header({"nama", "nip", "jumlah", "tanggal"});
    sheet.row({std::string("PU & Tata Ruang <b>"), std::string("196608011988031001"), 2.0, Date{2021, 7, 5}});
    sheet.row({std::string("Baris\nkedua"), xlsx::Cell{}, 0.0, xlsx::Cell{}});
    book.close();
  }
  ASSERT_TRUE(std::filesystem::exists(path));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(path.parent_path()), {}), 1);  // no temporary left
  auto data = xlsx::read_workbook(path);
  const auto* sheet = data.sheet("Data");
  ASSERT_NE(sheet, nullptr);
  ASSERT_EQ(sheet->rows.size(), 3u);
  EXPECT_EQ(sheet->rows[1][0], "PU & Tata Ruang <b>");
  EXPECT_EQ(sheet->rows[1][1], "196608011988031001");  // NIPs are text: never 1.96608E+17
  EXPECT_EQ(sheet->rows[1][2], "2");
  EXPECT_EQ(sheet->rows[1][3], "44382");  // 5 July 2021 as an Excel serial date
  EXPECT_EQ(sheet->rows[2][0], "Baris\nkedua");
  EXPECT_EQ(sheet->column("jumlah"), 2);
  EXPECT_EQ(data.properties["dc:title"], "Judul");
  EXPECT_EQ(data.properties["dcterms:created"], "2026-02-24T00:00:00Z");
}

TEST(Workbook, ThousandsOfRowsReadBackInOrderWithSharedOrInlineText) {
  // A national register has 37,000 rows; an agency's import workbook some thousands.
  // Both ways text is stored (a shared table, or in the cell when streamed).
  constexpr int kRows = 5000;
  for (auto memory : {xlsx::WorkbookWriter::Memory::Whole, xlsx::WorkbookWriter::Memory::Streaming}) {
    ScratchDir dir;
    auto path = dir.path() / "big.xlsx";
    {
      xlsx::WorkbookWriter book(path, {"t", "s", "a", "k", {2026, 1, 1}}, memory);
      auto& first = book.add_sheet("Satu");
      first.header({"kode", "nama", "nilai"});
      for (int i = 0; i < kRows; ++i) {
        first.row({"k-" + std::to_string(i), std::string(i % 7 == 0 ? "" : "Inovasi ke-" + std::to_string(i % 97)),
                   static_cast<double>(i)});
      }
      book.add_sheet("Dua").row({std::string("akhir")});
      book.close();
    }
    auto data = xlsx::read_workbook(path);
    const auto* sheet = data.sheet("Satu");
    ASSERT_NE(sheet, nullptr);
    ASSERT_EQ(sheet->rows.size(), static_cast<std::size_t>(kRows + 1));
    for (int i = 0; i < kRows; ++i) {
      const auto& row = sheet->rows[static_cast<std::size_t>(i + 1)];
      ASSERT_GE(row.size(), 3u) << i;
      ASSERT_EQ(row[0], "k-" + std::to_string(i));
      ASSERT_EQ(row[1], i % 7 == 0 ? "" : "Inovasi ke-" + std::to_string(i % 97));
      ASSERT_EQ(row[2], std::to_string(i));
    }
    ASSERT_NE(data.sheet("Dua"), nullptr);
    EXPECT_EQ(data.sheet("Dua")->rows.at(0).at(0), "akhir");
  }
}

TEST(Workbook, AnAbandonedWorkbookLeavesNoFile) {
  ScratchDir dir;
  {
    xlsx::WorkbookWriter book(dir.path() / "x.xlsx", {"t", "s", "a", "k", {2026, 1, 1}});
    book.add_sheet("A").row({std::string("x")});
  }  // not closed: an error happened somewhere
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(Workbook, AnUnchangedWorkbookIsLeftAsItWas) {
  ScratchDir dir;
  auto target = dir.path() / "x.xlsx";
  auto write = [&](const std::string& text, xlsx::WorkbookWriter::Replace replace) {
    xlsx::WorkbookWriter book(target, {"t", "s", "a", "k", {2026, 1, 1}});
    book.add_sheet("A").row({text});
    return book.close(replace);
  };
  EXPECT_TRUE(write("sama", xlsx::WorkbookWriter::Replace::WhenChanged));  // nothing there yet
  auto first = std::filesystem::last_write_time(target);
  std::filesystem::last_write_time(target, first - std::chrono::hours(1));  // a file of an earlier run
  auto earlier = std::filesystem::last_write_time(target);
  EXPECT_FALSE(write("sama", xlsx::WorkbookWriter::Replace::WhenChanged));
  EXPECT_EQ(std::filesystem::last_write_time(target), earlier) << "the same bytes: the file is not touched";
  EXPECT_TRUE(write("sama", xlsx::WorkbookWriter::Replace::Always));
  EXPECT_NE(std::filesystem::last_write_time(target), earlier);
  EXPECT_TRUE(write("lain", xlsx::WorkbookWriter::Replace::WhenChanged));
  EXPECT_EQ(xlsx::read_workbook(target).sheet("A")->rows.at(0).at(0), "lain");
  // Nothing but the workbook is left behind either way.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()), 1);
}

TEST(Workbook, ReaderRejectsWhatIsNotAWorkbook) {
  ScratchDir dir;
  EXPECT_THROW(xlsx::read_workbook(dir.write("x.xlsx", "not a zip")), xlsx::XlsxReadError);
}

class ExportsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ImportOptions options;
    options.agency = "bappedalitbang";
    options.year = 2026;
    ASSERT_TRUE(import_into_store(db(), {source_dir() / "inputs"}, options, catalog()).saved);
  }
  std::filesystem::path db() const { return dir_.path() / "s.db"; }
  ScratchDir dir_;
};

TEST_F(ExportsTest, IgaExportHasEveryInnovationItsAnswersAndTheFindings) {
  Store store = Store::open(db(), false);
  Snapshot snapshot = Snapshot::load(store);
  YearSource year(snapshot, 2026);
  auto path = dir_.path() / "iga.xlsx";
  exports::write_iga_export({year, catalog(), {2026, 8, 17}}, path);
  auto data = xlsx::read_workbook(path);
  const auto* innovations = data.sheet("Inovasi");
  ASSERT_NE(innovations, nullptr);
  EXPECT_EQ(innovations->rows.size(), 1u + 14u);
  int name = innovations->column("nama"), score = innovations->column("skor_indikatif"),
      words = innovations->column("jumlah_kata_rancang_bangun");
  std::map<std::string, std::vector<std::string>> by_name;
  for (std::size_t r = 1; r < innovations->rows.size(); ++r)
    by_name[innovations->rows[r].at(static_cast<std::size_t>(name))] = innovations->rows[r];
  EXPECT_EQ(by_name.at("KARO ERLAJAR").at(static_cast<std::size_t>(score)), "98");
  EXPECT_EQ(by_name.at("KELAS IBU HAMIL DIGITAL (KEMILAU)").at(static_cast<std::size_t>(words)), "30");
  // Every stored innovation of the year appears, with its stored name.
  for (const auto& r : store.load("inovasi")) EXPECT_TRUE(by_name.count(std::string(r.get("nama")))) << r.get("nama");
  EXPECT_EQ(data.sheet("Indikator")->rows.size(), 1u + store.load("jawaban_indikator").size());
  const auto* findings = data.sheet("Temuan");
  ASSERT_NE(findings, nullptr);
  bool found = false;
  for (const auto& row : findings->rows) {  // tingkat, data, kolom, kode, pesan
    found = found || (row.size() > 4 && row[3] == "fasilitator.kurang" &&
                      row[4].find("1 facilitator(s) named") != std::string::npos);
  }
  EXPECT_TRUE(found);
}

TEST_F(ExportsTest, IgaExportReadFromTheStoreAsItWritesIsTheSame) {
  // `inovasi export iga` holds no innovation: it reads them from the store as it writes
  // their rows, and validates the year a slice at a time. The workbook must be the one
  // a full snapshot makes.
  Store store = Store::open(db(), false);
  store.database().execute("UPDATE inovasi SET rancang_bangun = NULL WHERE rowid = 2");  // a finding, an empty cell
  Snapshot full = Snapshot::load(store);
  auto held = dir_.path() / "held.xlsx", streamed = dir_.path() / "streamed.xlsx";
  YearSource whole(full, 2026);
  exports::write_iga_export({whole, catalog(), {2026, 8, 17}}, held);
  for (std::size_t per_slice : {std::size_t{1}, std::size_t{4}, kInnovationsPerYearSlice}) {
    YearSource sliced(store, 2026, per_slice);
    exports::write_iga_export({sliced, catalog(), {2026, 8, 17}}, streamed);
    EXPECT_EQ(testing::read_file(streamed), testing::read_file(held)) << per_slice;
  }
  EXPECT_EQ(testing::read_file(streamed), testing::read_file(held));
  auto b = xlsx::read_workbook(streamed);
  for (const char* sheet : {"Inovasi", "Indikator", "Temuan"}) ASSERT_NE(b.sheet(sheet), nullptr) << sheet;
  EXPECT_EQ(b.sheet("Inovasi")->rows.size(), 1u + 14u);
}

TEST_F(ExportsTest, ValidatingInSlicesGivesTheWholeYearsReport) {
  // `inovasi validate` and the IGA export read the innovations a slice at a time; the
  // rules that look across them (an agency's innovations, the innovation a contract
  // line or an award names) read what was gathered from every slice.
  Store store = Store::open(db(), false);
  auto& database = store.database();
  database.execute(
      "INSERT INTO instansi (kode, nama) VALUES ('dinas-baru', 'Dinas Baru'), ('dinas-kosong', 'Dinas Kosong')");
  database.execute("UPDATE inovasi SET instansi = 'dinas-baru' WHERE rowid = 3");
  database.execute(
      "INSERT INTO perjanjian_kinerja (instansi, tahun, inovasi) SELECT 'bappedalitbang', tahun, kode FROM inovasi "
      "WHERE rowid = 3");  // another agency's innovation
  database.execute("UPDATE inovasi SET tahapan = 'Uji Coba' WHERE rowid = 5");
  database.execute("INSERT INTO penghargaan (inovasi, tahun) SELECT kode, tahun FROM inovasi WHERE rowid = 5");
  database.execute("UPDATE inovasi SET rancang_bangun = '{' WHERE rowid = 7");  // not a narrative
  ValidationReport whole = validate(Snapshot::load(store), catalog(), 2026);
  auto described = [](const ValidationReport& report) {
    std::vector<std::string> lines;
    for (const auto& f : report.findings) {
      lines.push_back(std::string(severity_name(f.severity)) + "|" + f.agency + "|" + f.record + "|" + f.field + "|" +
                      f.message);
    }
    for (const auto& s : report.scores) {
      lines.push_back(s.inovasi + "|" + s.instansi + "|" + std::to_string(s.score) + "/" + std::to_string(s.max_score) +
                      "|" + std::to_string(s.answered));
    }
    return lines;
  };
  auto expected = described(whole);
  std::string text;
  for (const auto& line : expected) text += line + "\n";
  EXPECT_THAT(text, HasSubstr("error|bappedalitbang|perjanjian_kinerja"));
  EXPECT_THAT(text, HasSubstr("the innovation belongs to another agency ('dinas-baru')"));
  EXPECT_THAT(text, HasSubstr("awarded, but the innovation is not both at stage Penerapan"));
  EXPECT_THAT(text, HasSubstr("error|dinas-kosong|instansi dinas-kosong|inovasi|no innovation designed"));
  EXPECT_THAT(text, Not(HasSubstr("error|dinas-baru|instansi dinas-baru|inovasi|")));
  EXPECT_THAT(text, HasSubstr("rancang_bangun|"));
  for (std::size_t per_slice : {std::size_t{1}, std::size_t{4}, kInnovationsPerYearSlice}) {
    EXPECT_EQ(described(validate(YearSource(store, 2026, per_slice), catalog())), expected) << per_slice;
  }
  auto unscored = validate(YearSource(store, 2026, 4), catalog(), false);
  EXPECT_TRUE(unscored.scores.empty());
  EXPECT_EQ(unscored.findings.size(), whole.findings.size());
}

TEST_F(ExportsTest, AnAgencysWorkbookHoldsTheYearsRowsOfThatAgency) {
  // Desk packets write one workbook per agency, through the snapshot's indexes and the
  // findings sorted once: each must hold exactly its agency's rows of the whole year's.
  Store store = Store::open(db(), false);
  Snapshot snapshot = Snapshot::load(store);
  auto whole_path = dir_.path() / "whole.xlsx";
  YearSource year(snapshot, 2026);
  exports::write_iga_export({year, catalog(), {2026, 8, 17}}, whole_path);
  auto whole = xlsx::read_workbook(whole_path);
  ValidationReport report = validate(snapshot, catalog(), 2026);
  FindingsByAgency findings = findings_by_agency(report);
  using Rows = std::vector<std::vector<std::string>>;
  auto rows_where = [&](const char* sheet, auto keep) {
    const auto& all = whole.sheet(sheet)->rows;
    Rows kept{all.front()};
    for (std::size_t r = 1; r < all.size(); ++r) {
      if (keep(all[r])) kept.push_back(all[r]);
    }
    return kept;
  };
  std::size_t agencies_with_rows = 0, innovation_rows = 0, finding_rows = 0;
  for (const auto& agency : snapshot.all("instansi")) {
    std::string code(agency.get("kode"));
    int instansi = whole.sheet("Inovasi")->column("instansi"), kode = whole.sheet("Inovasi")->column("kode");
    std::set<std::string> codes;
    Rows innovations =
        rows_where("Inovasi", [&](const auto& row) { return row.at(static_cast<std::size_t>(instansi)) == code; });
    for (std::size_t r = 1; r < innovations.size(); ++r)
      codes.insert(innovations[r].at(static_cast<std::size_t>(kode)));
    Rows answers = rows_where("Indikator", [&](const auto& row) { return codes.contains(row.at(0)); });
    // The whole workbook's findings are the report's, in its order.
    const auto& all_findings = whole.sheet("Temuan")->rows;
    ASSERT_EQ(all_findings.size(), report.findings.size() + 1);
    Rows temuan{all_findings.front()};
    for (std::size_t r = 1; r < all_findings.size(); ++r) {
      if (report.findings[r - 1].agency == code) temuan.push_back(all_findings[r]);
    }
    agencies_with_rows += innovations.size() > 1;
    innovation_rows += innovations.size() - 1;
    finding_rows += temuan.size() - 1;
    for (bool sorted_once : {false, true}) {
      auto path = dir_.path() / (code + (sorted_once ? "-sorted.xlsx" : ".xlsx"));
      exports::ExportContext context{year, catalog(), {2026, 8, 17}, code};
      if (sorted_once) {
        context.report = &report;
        context.findings_by_agency = &findings;
      }
      exports::write_iga_export(context, path);
      auto book = xlsx::read_workbook(path);
      // An agency's copy is a report: read by its keys, its rows are the whole export's.
      EXPECT_EQ(book.sheet("Inovasi")->report_table().rows, innovations) << code;
      EXPECT_EQ(book.sheet("Indikator")->report_table().rows, answers) << code;
      // Its findings are in Indonesian; the codes are the same, in the same order.
      auto own = book.sheet("Temuan")->report_table();
      ASSERT_EQ(own.rows.size(), temuan.size()) << code;
      auto code_column = static_cast<std::size_t>(own.column("kode"));
      for (std::size_t r = 1; r < temuan.size(); ++r) {
        EXPECT_EQ(own.rows[r].at(code_column), temuan[r].at(3)) << code;
        EXPECT_THAT(own.rows[r].at(0), ::testing::AnyOf("Kesalahan", "Peringatan"));
      }
    }
  }
  EXPECT_GE(agencies_with_rows, 5u);
  EXPECT_GT(finding_rows, 0u);
  EXPECT_EQ(innovation_rows, whole.sheet("Inovasi")->rows.size() - 1);  // every innovation has its agency's workbook
}

TEST_F(ExportsTest, RecapShowsEachAgencysMilestones) {
  Store store = Store::open(db(), false);
  Snapshot snapshot = Snapshot::load(store);
  YearSource year(snapshot, 2026);
  auto path = dir_.path() / "rekap.xlsx";
  exports::write_recap({year, catalog(), {2026, 8, 17}}, path);
  auto data = xlsx::read_workbook(path);
  ASSERT_NE(data.sheet("Rekap"), nullptr);
  // A report: read by the keys in its hidden row; the totals row last.
  const auto table = data.sheet("Rekap")->report_table();
  const auto* recap = &table;
  ASSERT_EQ(recap->rows.size(), 1u + 15u + 1u);
  EXPECT_EQ(recap->rows.back().at(0), "Jumlah");
  EXPECT_EQ(recap->rows.back().at(static_cast<std::size_t>(recap->column("fasilitator_ditunjuk"))), "29");
  const auto& sheet_rows = data.sheet("Rekap")->rows;
  EXPECT_EQ(sheet_rows[0][0], "PEMERINTAH KABUPATEN KARO");
  EXPECT_EQ(sheet_rows[1][0], "Rekapitulasi Program Inovasi Daerah");
  EXPECT_EQ(sheet_rows[3][0], "Dibuat: 17 Agustus 2026");
  EXPECT_EQ(sheet_rows[*data.sheet("Rekap")->keys_row + 1][2], "Fasilitator Ditunjuk");
  auto cell = [&](const std::string& agency, const std::string& column) {
    for (const auto& row : recap->rows) {
      if (!row.empty() && row[0] == agency) return row.at(static_cast<std::size_t>(recap->column(column)));
    }
    return std::string("?");
  };
  // As `launch` and `inovasi export recap` write it: the innovations read from the store
  // as they are counted, none held. The same workbook.
  YearSource from_store(store, 2026, 4);
  exports::write_recap({from_store, catalog(), {2026, 8, 17}}, dir_.path() / "rekap-streamed.xlsx");
  EXPECT_EQ(testing::read_file(dir_.path() / "rekap-streamed.xlsx"), testing::read_file(path));
  EXPECT_EQ(cell("kec-kabanjahe", "fasilitator_ditunjuk"), "1");
  EXPECT_EQ(cell("kec-kabanjahe", "inovasi_dirancang"), "0");
  EXPECT_EQ(cell("dpmptsp", "fasilitator_pns"), "1");
  EXPECT_EQ(cell("distan", "fasilitator_dalam_tim"), "1");
  EXPECT_EQ(cell("bpkad", "sk_tim"), "0");
  EXPECT_EQ(cell("dinkes", "sertifikat_diterbitkan"), "1");
  EXPECT_EQ(cell("disdik", "masalah_dieskalasi"), "1");
  EXPECT_EQ(cell("pkm-berastagi", "perjanjian_ditandatangani"), "0");
  // Gaps are highlighted by conditional formats in the sheet itself.
  ScratchDir unzip;
  ASSERT_EQ(std::system(("cd " + unzip.path().string() + " && unzip -q " + path.string()).c_str()), 0);
  EXPECT_THAT(read_file(unzip.path() / "xl" / "worksheets" / "sheet1.xml"), HasSubstr("conditionalFormatting"));
}

TEST_F(ExportsTest, ReportsPrintOnTheRegionsPaperOneWideWithTheirLabelsOnEveryPage) {
  Store store = Store::open(db(), false);
  auto unzipped = [&](const std::filesystem::path& book, const std::string& part) {
    ScratchDir unzip;
    EXPECT_EQ(std::system(("cd " + unzip.path().string() + " && unzip -q " + book.string()).c_str()), 0);
    return std::filesystem::exists(unzip.path() / part) ? read_file(unzip.path() / part) : std::string("(none)");
  };
  auto path = dir_.path() / "rekap.xlsx";
  {
    Snapshot snapshot = Snapshot::load(store);
    YearSource year(snapshot, 2026);
    exports::write_recap({year, catalog(), {2026, 8, 17}}, path);
  }
  std::string sheet = unzipped(path, "xl/worksheets/sheet1.xml");
  EXPECT_THAT(sheet, HasSubstr("paperSize=\"9\""));  // A4
  EXPECT_THAT(sheet, HasSubstr("orientation=\"landscape\""));
  EXPECT_THAT(sheet, HasSubstr("fitToHeight=\"0\""));  // one page wide, as long as it takes
  EXPECT_THAT(sheet, HasSubstr("<pageSetUpPr fitToPage=\"1\"/>"));
  EXPECT_THAT(sheet, HasSubstr("Halaman &amp;P dari &amp;N"));
  EXPECT_THAT(sheet, HasSubstr("Rekapitulasi Program Inovasi Daerah 2026"));
  EXPECT_THAT(sheet, HasSubstr("<row r=\"6\" hidden=\"1\">"));                      // the keys
  EXPECT_THAT(sheet, HasSubstr("<autoFilter ref=\"A7:L22\"/>"));                    // the labels to the last agency
  EXPECT_THAT(sheet, HasSubstr("SUBTOTAL(109,C8:C22)"));                            // the totals, live
  EXPECT_THAT(sheet, HasSubstr("ySplit=\"7\""));                                    // frozen under the labels
  EXPECT_THAT(unzipped(path, "xl/workbook.xml"), HasSubstr("_xlnm.Print_Titles"));  // the labels on every page
  EXPECT_THAT(unzipped(path, "xl/styles.xml"), HasSubstr("[$-421]#,##0"));          // 1.500.000
  // The charts are the workbook's own, live on their data sheets.
  for (const char* chart : {"xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml"}) {
    EXPECT_NE(unzipped(path, chart), "(none)") << chart;
  }
  EXPECT_THAT(unzipped(path, "xl/charts/chart3.xml"), HasSubstr("'Data Skor'!$D$8:$D$21"));
  // F4 when the region says so; a paper the reports cannot print on is refused.
  store.database().execute("UPDATE daerah SET kertas_laporan = 'F4'");
  {
    Snapshot snapshot = Snapshot::load(store);
    YearSource year(snapshot, 2026);
    exports::write_recap({year, catalog(), {2026, 8, 17}}, path);
    EXPECT_THAT(unzipped(path, "xl/worksheets/sheet1.xml"), HasSubstr("paperSize=\"14\""));
  }
  store.database().execute("UPDATE daerah SET kertas_laporan = 'Legal'");
  Snapshot snapshot = Snapshot::load(store);
  YearSource year(snapshot, 2026);
  EXPECT_THROW(exports::write_recap({year, catalog(), {2026, 8, 17}}, path), DataError);
  auto findings = validate(snapshot, catalog(), 2026);
  bool reported = false;
  for (const auto& f : findings.findings) reported |= f.code == "daerah.kertas_laporan" && f.field == "kertas_laporan";
  EXPECT_TRUE(reported);
}

TEST_F(ExportsTest, RecapListsTheYearsFilesButItself) {
  Store store = Store::open(db(), false);
  Snapshot snapshot = Snapshot::load(store);
  Manifest files;
  files.put({"2026/certificates/b.pdf", "bb", "kb", "certificate", "penghargaan b/2026", 17000});
  files.put({"2026/certificates/a.pdf", "aa", "ka", "certificate", "penghargaan a/2026", 16000});
  files.put(
      {"2026/exports/rekap.xlsx", "cc", "cc", std::string(exports::kRecapKind), "rekap 2026", 9000});  // last run's
  auto path = dir_.path() / "rekap.xlsx";
  YearSource year(snapshot, 2026);
  exports::write_recap({year, catalog(), {2026, 8, 17}}, path, &files);
  auto data = xlsx::read_workbook(path);
  ASSERT_NE(data.sheet("Rekap"), nullptr);
  ASSERT_NE(data.sheet("Berkas"), nullptr);
  const auto table = data.sheet("Berkas")->report_table();  // read by its keys
  const auto* sheet = &table;
  ASSERT_EQ(sheet->rows.size(), 3u);  // the keys, then by path; not the recap itself
  EXPECT_EQ(sheet->rows[0], (std::vector<std::string>{"jalur", "sha256", "ukuran", "jenis", "sumber", "kunci"}));
  EXPECT_EQ(sheet->rows[1], (std::vector<std::string>{"2026/certificates/a.pdf", "aa", "16000", "certificate",
                                                      "penghargaan a/2026", "ka"}));
  EXPECT_EQ(sheet->rows[2].at(0), "2026/certificates/b.pdf");
  // Without a manifest (no batch has run), the recap is the one sheet.
  exports::write_recap({year, catalog(), {2026, 8, 17}}, path);
  EXPECT_EQ(xlsx::read_workbook(path).sheet("Berkas"), nullptr);
}

TEST_F(ExportsTest, CertificateRegisterListsIssuedNumbersAndEngravings) {
  Store store = Store::open(db(), false);
  Snapshot snapshot = Snapshot::load(store);
  NumberRegistry registry(store.database());
  auto award_key = std::string("penghargaan karo-erlajar/2026");
  auto issued = registry.issue("sertifikat", award_key, 2026, "{urut}/SERT/{tahun}", {2026, 2, 24}, {});
  auto path = dir_.path() / "register.xlsx";
  YearSource year(snapshot, 2026);
  exports::write_certificate_register({year, catalog(), {2026, 2, 24}}, registry,
                                      "{{nama_daerah_kapital}} {{tahun}}\n{{instansi_kapital}}\n“{{inovasi}}”", path);
  auto data = xlsx::read_workbook(path);
  ASSERT_NE(data.sheet("Register Sertifikat"), nullptr);
  const auto table = data.sheet("Register Sertifikat")->report_table();  // read by its keys
  const auto* sheet = &table;
  EXPECT_EQ(sheet->rows.size(), 1u + 7u + 1u);  // six awards and GEMA TB, which qualifies; the totals
  EXPECT_EQ(sheet->rows.back().at(0), "Jumlah");
  // Streamed from the store (launch, export certificates): the same workbook.
  YearSource from_store(store, 2026, 4);
  exports::ExportContext streamed{from_store, catalog(), {2026, 2, 24}};
  auto streamed_path = dir_.path() / "register-streamed.xlsx";
  exports::write_certificate_register(
      streamed, registry, "{{nama_daerah_kapital}} {{tahun}}\n{{instansi_kapital}}\n“{{inovasi}}”", streamed_path);
  EXPECT_EQ(testing::read_file(streamed_path), testing::read_file(path));
  bool found = false;
  for (const auto& row : sheet->rows) {
    if (row.size() > 8 && row[0] == issued.number) {
      found = true;
      EXPECT_EQ(row[static_cast<std::size_t>(sheet->column("kode_verifikasi"))], issued.verification_code);
      EXPECT_EQ(row[static_cast<std::size_t>(sheet->column("anggaran"))], "250000000");
      EXPECT_EQ(row[static_cast<std::size_t>(sheet->column("teks_ukiran_trofi"))],
                "KABUPATEN KARO 2026\nDINAS KOMUNIKASI DAN INFORMATIKA\n“KARO ERLAJAR”");
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace inovasi
