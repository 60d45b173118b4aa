// Import never loses or silently changes a record: identity, exact values, short rows,
// files recognised for what they are, and a dry run that says what would change.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "exports/csv_folder.h"
#include "importers/import_job.h"
#include "store/migrations.h"
#include "store/store.h"
#include "test_support.h"
#include "xlsx_raw.h"

namespace inovasi {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using namespace inovasi::testing;

const std::string kAgencies = "kode,nama,jenis\ndinkes,Dinas Kesehatan,Perangkat Daerah\npkm-a,Puskesmas A,Puskesmas\n";

std::vector<Record> innovations(const std::filesystem::path& db) { return Store::open(db, false).load("inovasi"); }

const Record* innovation_of(const std::vector<Record>& all, std::string_view agency) {
  for (const auto& r : all) {
    if (r.get("instansi") == agency) return &r;
  }
  return nullptr;
}

// ---- identity ----

TEST(InnovationIdentity, TheSameNameInAnotherAgencyIsAnotherInnovation) {
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  dir.write("a/instansi.csv", kAgencies);
  dir.write("a/inovasi.csv", "nama,tahun,instansi,tahapan\nSi Cepat,2026,dinkes,Penerapan\n");
  dir.write("a/jawaban_indikator.csv", "inovasi,tahun,indikator,level\nsi-cepat,2026,1,3\n");
  ASSERT_TRUE(import_into_store(db, {dir.path() / "a"}, {}, catalog()).saved);
  // The same name, another agency: before, this moved dinkes's innovation (and its
  // answers) to the puskesmas.
  auto second = import_into_store(
      db, {dir.write("b/inovasi.csv", "nama,tahun,instansi,tahapan\nSi Cepat,2026,pkm-a,Uji Coba\n")}, {}, catalog());
  ASSERT_TRUE(second.saved) << messages(second.diagnostics);
  auto all = innovations(db);
  ASSERT_EQ(all.size(), 2u);
  ASSERT_NE(innovation_of(all, "dinkes"), nullptr);
  ASSERT_NE(innovation_of(all, "pkm-a"), nullptr);
  EXPECT_EQ(innovation_of(all, "dinkes")->get("kode"), "si-cepat");
  EXPECT_EQ(innovation_of(all, "dinkes")->get("tahapan"), "Penerapan");
  EXPECT_EQ(innovation_of(all, "pkm-a")->get("kode"), "si-cepat-pkm-a");
  auto answers = Store::open(db, false).load("jawaban_indikator");
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].get("inovasi"), "si-cepat");

  // Re-importing either changes nothing, and keeps both codes.
  auto again = import_into_store(db, {dir.path() / "a", dir.path() / "b"}, {}, catalog());
  ASSERT_TRUE(again.saved) << messages(again.diagnostics);
  EXPECT_EQ(again.saved->inserted, 0u);
  EXPECT_EQ(again.saved->updated, 0u);
}

TEST(InnovationIdentity, NamesThatDifferAfterTheSlugsCutAreTwoInnovations) {
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  std::string stem(90, 'a');
  dir.write("instansi.csv", kAgencies);
  dir.write("inovasi.csv", "nama,tahun,instansi\n" + stem + " satu,2026,dinkes\n" + stem + " dua,2026,dinkes\n");
  auto result = import_into_store(db, {dir.path()}, {}, catalog());
  ASSERT_TRUE(result.saved) << messages(result.diagnostics);
  auto all = innovations(db);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_NE(all[0].get("kode"), all[1].get("kode"));
}

TEST(InnovationIdentity, AReferenceByANameTwoAgenciesShareIsAnErrorNamingBoth) {
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  dir.write("a/instansi.csv", kAgencies);
  dir.write("a/inovasi.csv", "nama,tahun,instansi\nSi Cepat,2026,dinkes\nSi Cepat,2026,pkm-a\n");
  ASSERT_TRUE(import_into_store(db, {dir.path() / "a"}, {}, catalog()).saved);
  // An award names the innovation by its name only.
  auto award = import_into_store(db, {dir.write("penghargaan.csv", "inovasi,tahun,jenis\nSi Cepat,2026,Terbaik\n")}, {},
                                 catalog());
  EXPECT_FALSE(award.saved);
  EXPECT_THAT(messages(award.diagnostics),
              HasSubstr("penghargaan.csv:2: inovasi: 'Si Cepat' names 2 inovasi records: si-cepat (instansi dinkes), "
                        "si-cepat-pkm-a (instansi pkm-a)"));
  // A contract line is an agency's: its agency chooses.
  auto line = import_into_store(
      db,
      {dir.write("perjanjian_kinerja.csv", "instansi,tahun,inovasi,target_tahapan\npkm-a,2026,Si Cepat,Penerapan\n")},
      {}, catalog());
  ASSERT_TRUE(line.saved) << messages(line.diagnostics);
  EXPECT_EQ(Store::open(db, false).load("perjanjian_kinerja").at(0).get("inovasi"), "si-cepat-pkm-a");
  // A profile without an agency cannot tell which one it is.
  ImportOptions year;
  year.year = 2026;
  auto profile = import_into_store(db,
                                   {dir.write("p.txt",
                                              "Data Inovasi\n\nSi Cepat\n\nTahapan Inovasi : Penerapan\n"
                                              "Inisiator Inovasi : OPD\nHasil Inovasi : Baik\n")},
                                   year, catalog());
  EXPECT_FALSE(profile.saved);
  EXPECT_THAT(messages(profile.diagnostics), HasSubstr("'Si Cepat' is the name of 2 innovations in 2026"));
}

TEST(InnovationIdentity, AnExplicitKodeKeepsTheInnovationThroughARename) {
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  dir.write("a/instansi.csv", kAgencies);
  dir.write("a/inovasi.csv", "nama,tahun,instansi\nSi Cepat,2026,dinkes\n");
  ASSERT_TRUE(import_into_store(db, {dir.path() / "a"}, {}, catalog()).saved);
  auto renamed = import_into_store(
      db, {dir.write("b/inovasi.csv", "kode,nama,tahun\nsi-cepat,Si Cepat Tanggap,2026\n")}, {}, catalog());
  ASSERT_TRUE(renamed.saved) << messages(renamed.diagnostics);
  auto all = innovations(db);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].get("nama"), "Si Cepat Tanggap");
  EXPECT_EQ(all[0].get("instansi"), "dinkes");
  // Next year's record of the renamed innovation, by name and agency, finds the same code.
  auto next_year = import_into_store(
      db, {dir.write("c/inovasi.csv", "nama,tahun,instansi\nSi Cepat Tanggap,2027,dinkes\n")}, {}, catalog());
  ASSERT_TRUE(next_year.saved) << messages(next_year.diagnostics);
  for (const auto& r : innovations(db)) EXPECT_EQ(r.get("kode"), "si-cepat");
}

TEST(InnovationIdentity, CodesThatWouldWriteTheSameFilesAreRefused) {
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  ASSERT_TRUE(
      import_into_store(db, {dir.write("a/instansi.csv", "kode,nama\ndinkes,Dinas Kesehatan\n")}, {}, catalog()).saved);
  auto upper =
      import_into_store(db, {dir.write("b/instansi.csv", "kode,nama\nDINKES,Dinas Kesehatan Hewan\n")}, {}, catalog());
  EXPECT_FALSE(upper.saved);
  EXPECT_THAT(messages(upper.diagnostics),
              HasSubstr("instansi.csv:2: kode: 'DINKES' and 'dinkes' (the store) would write the same files (dinkes)"));
  // Two codes in another script both become the same file name.
  auto script =
      import_into_store(db, {dir.write("c/instansi.csv", "kode,nama\nдинкес,A\nминздрав,B\n")}, {}, catalog());
  EXPECT_FALSE(script.saved);
  EXPECT_THAT(messages(script.diagnostics), HasSubstr("'минздрав' and 'динкес'"));
  EXPECT_EQ(Store::open(db, false).load("instansi").size(), 1u);
}

TEST(InnovationIdentity, AgenciesWithoutAKodeColumnTakeItFromTheirName) {
  // Agencies have no instansi field of their own; a file of them without kode once
  // stopped the import with an internal error (found by the CSV fuzzer).
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  auto result = import_into_store(db, {dir.write("a/instansi.csv", "nama,jenis\nDinas Kesehatan,Perangkat Daerah\n")},
                                  {}, catalog());
  ASSERT_TRUE(result.saved) << messages(result.diagnostics);
  auto agencies = Store::open(db, false).load("instansi");
  ASSERT_EQ(agencies.size(), 1u);
  EXPECT_EQ(agencies[0].get("kode"), "dinas-kesehatan");
}

// ---- values ----

TEST(ExactValues, AmountsKeepTheirSenAndWholeNumbersStayWhole) {
  ScratchDir dir;
  auto result =
      import_text(dir, "inovasi.csv",
                  "nama,tahun,anggaran\nA,2026,1500000.75\nB,2026,1.5\nC,2026,\"Rp 1.500.000,50\"\nD,2026.5,1\n");
  ASSERT_GE(result.dataset.records.size(), 3u);
  EXPECT_EQ(result.dataset.records[0].get("anggaran"), "1500000.75");
  EXPECT_EQ(result.dataset.records[1].get("anggaran"), "1.50");
  EXPECT_EQ(result.dataset.records[2].get("anggaran"), "1500000.50");
  EXPECT_THAT(messages(result.diagnostics), HasSubstr("inovasi.csv:5: tahun: '2026.5' is not a whole number"));
  auto indicator =
      import_text(dir, "jawaban_indikator.csv", "inovasi,tahun,indikator,level\nx,2026,1.0,2\nx,2026,2,1.5\n");
  EXPECT_THAT(messages(indicator.diagnostics),
              HasSubstr("jawaban_indikator.csv:2: indikator: '1.0' is not a whole number"));
  EXPECT_THAT(messages(indicator.diagnostics),
              HasSubstr("jawaban_indikator.csv:3: level: '1.5' is not a whole number"));
}

TEST(ExactValues, AmountsWithSenAreStoredAndPrintedExactly) {
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  dir.write("instansi.csv", kAgencies);
  dir.write("inovasi.csv", "kode,nama,tahun,instansi,anggaran\nx,X,2026,dinkes,1500000.75\n");
  auto result = import_into_store(db, {dir.path()}, {}, catalog());
  ASSERT_TRUE(result.saved) << messages(result.diagnostics);
  EXPECT_EQ(innovations(db).at(0).get("anggaran"), "1500000.75");
  auto again = import_into_store(db, {dir.path()}, {}, catalog());
  EXPECT_EQ(again.saved->unchanged, again.records);
}

TEST(ExactValues, SpreadsheetNumberAndErrorCells) {
  ScratchDir dir;
  auto path = dir.path() / "data.xlsx";
  write_raw_xlsx(
      path, {{"inovasi", "<sheetData><row r=\"1\">" + text_cell("A1", "nama") + text_cell("B1", "tahun") +
                             text_cell("C1", "anggaran") + text_cell("D1", "tujuan") + "</row><row r=\"2\">" +
                             text_cell("A2", "A") + "<c r=\"B2\"><v>2026</v></c><c r=\"C2\"><v>150000000.5</v></c>" +
                             "</row><row r=\"3\">" + text_cell("A3", "B") +
                             "<c r=\"B3\"><v>2026</v></c><c r=\"C3\" t=\"e\"><v>#REF!</v></c>" +
                             "<c r=\"D3\" t=\"str\"><f>X1</f><v>#N/A</v></c></row></sheetData>"}});
  auto result = read_inputs({path}, {}, catalog());
  EXPECT_EQ(result.dataset.records.at(0).get("anggaran"), "150000000.50");
  auto text = messages(result.diagnostics);
  EXPECT_THAT(text, HasSubstr("data.xlsx:inovasi!C3: anggaran: the cell shows the spreadsheet error '#REF!'"));
  EXPECT_THAT(text, HasSubstr("data.xlsx:inovasi!D3: tujuan: is the spreadsheet error '#N/A'"));
  auto csv = import_text(dir, "inovasi.csv", "nama,tahun,tujuan\nA,2026,#DIV/0!\n");
  EXPECT_THAT(messages(csv.diagnostics), HasSubstr("inovasi.csv:2: tujuan: is the spreadsheet error '#DIV/0!'"));
}

TEST(ExactValues, AShortRowIsAnErrorAndBlanksNothing) {
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  ASSERT_TRUE(import_into_store(
                  db, {dir.write("a/instansi.csv", "kode,nama,alamat,telepon\ndinkes,Dinas Kesehatan,Jl. A,0628\n")},
                  {}, catalog())
                  .saved);
  auto cut = import_into_store(db, {dir.write("b/instansi.csv", "kode,nama,alamat,telepon\ndinkes,Dinas Kesehatan\n")},
                               {}, catalog());
  EXPECT_FALSE(cut.saved);
  EXPECT_THAT(messages(cut.diagnostics),
              HasSubstr("instansi.csv:2: row has 2 cells but the header has 4 (from 'alamat'"));
  EXPECT_EQ(Store::open(db, false).load("instansi").at(0).get("telepon"), "0628");
}

TEST(ExactValues, AVersionThreeStoreKeepsItsAmounts) {
  ScratchDir dir;
  auto path = dir.path() / "old.db";
  {
    auto db = Database::open(path, true);
    for (int version = 1; version <= 3; ++version) db.execute(migration_sql(version));
    db.execute("PRAGMA user_version = 3");
    db.execute("INSERT INTO instansi (kode, nama) VALUES ('dinkes', 'Dinas Kesehatan')");
    db.execute(
        "INSERT INTO inovasi (kode, tahun, nama, instansi, anggaran) VALUES ('x', 2026, 'X', 'dinkes', 25000000)");
    db.execute("INSERT INTO perjanjian_kinerja (instansi, tahun, inovasi, anggaran) VALUES ('dinkes', 2026, 'x', 7)");
  }
  Store store = Store::open(path, false);
  EXPECT_EQ(store.load("inovasi").at(0).get("anggaran"), "25000000");
  EXPECT_EQ(store.load("perjanjian_kinerja").at(0).get("anggaran"), "7");
  // Codes made by the old release are kept: the same name and agency finds them.
  auto result = import_into_store(
      path, {dir.write("inovasi.csv", "nama,tahun,instansi,anggaran\nX,2026,dinkes,\"25.000.000,50\"\n")}, {},
      catalog());
  ASSERT_TRUE(result.saved) << messages(result.diagnostics);
  auto all = Store::open(path, false).load("inovasi");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].get("anggaran"), "25000000.50");
}

// ---- files ----

TEST(InputFiles, AFileWhoseHeaderIsAnotherKindIsRefusedSayingWhich) {
  ScratchDir dir;
  auto result =
      import_text(dir, "instansi.csv", "instansi,nama,nip,pns\ndinkes,Budi,196608011988031001,ya\ndinkes,Sari,,ya\n");
  EXPECT_TRUE(result.dataset.records.empty());
  EXPECT_THAT(messages(result.diagnostics),
              HasSubstr("instansi.csv:1: file named for instansi records but its header has more columns that are not "
                        "instansi fields (3) than columns that are (1); its header is that of fasilitator records"));
}

TEST(InputFiles, TextThatIsNotAProfileIsNotAnInnovation) {
  ScratchDir dir;
  auto note = import_text(dir, "notulen.txt", "Notulen rapat\n\nTujuan: membahas anggaran.\nHadir 12 orang.\n");
  EXPECT_TRUE(note.dataset.records.empty());
  EXPECT_THAT(messages(note.diagnostics),
              HasSubstr("notulen.txt:3: does not look like a portal profile: 1 of its labels"));
}

TEST(InputFiles, OneFilesErrorsDoNotHideAnothers) {
  ScratchDir dir;
  dir.write("in/instansi.csv", kAgencies);
  dir.write("in/fasilitator.csv", "instansi,nama,pns\ndinkes,Budi,ya\n");
  dir.write("in/aaa-inovasi.csv", "nama,tahun,instansi\nA,2026,dinkes\nB,20x6,dinkes\n");  // read first
  dir.write("in/kegiatan.csv", "kode,tahun,nama_kegiatan,tanggal,tempat\nk1,2026,Workshop,31/02/2026,Kabanjahe\n");
  auto result = import_into_store(dir.path() / "s.db", {dir.path() / "in"}, {}, catalog());
  auto text = messages(result.diagnostics);
  EXPECT_THAT(text, HasSubstr("aaa-inovasi.csv:3: tahun: '20x6' is not a whole number"));
  EXPECT_THAT(text, HasSubstr("kegiatan.csv:2: tanggal: no such date"));
  EXPECT_THAT(text, Not(HasSubstr("no instansi")));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "s.db"));
}

TEST(InputFiles, FindingsBeyondTheLimitAreCountedNotKept) {
  ScratchDir dir;
  std::string rows = "kode,nama,jenis\n";
  for (int i = 0; i < 1000; ++i) rows += "k" + std::to_string(i) + ",\"Nama\x01\",x\n";
  auto result = import_text(dir, "instansi.csv", rows);
  EXPECT_EQ(result.diagnostics.all().size(), 300u);
  EXPECT_GE(result.diagnostics.count(Severity::Error), 1000u);
  std::ostringstream out;
  result.diagnostics.print(out);
  EXPECT_THAT(out.str(), HasSubstr("not shown (the first 300 are above)"));
}

TEST(InputFiles, MessagesQuoteAShortPrefixOfAHugeValue) {
  ScratchDir dir;
  auto result = import_text(dir, "fasilitator.csv", "instansi,nama,pns\ndinkes,A," + std::string(100000, 'y') + "\n");
  auto text = messages(result.diagnostics);
  EXPECT_THAT(text, HasSubstr("...' (100000 bytes) is not yes or no"));
  EXPECT_LT(text.size(), 400u);
  auto header = import_text(dir, "instansi.csv", "kode,nama," + std::string(200000, 'k') + "\nx,X,y\n");
  EXPECT_THAT(messages(header.diagnostics), HasSubstr("...' (200000 bytes): warning: unknown column"));
  EXPECT_LT(messages(header.diagnostics).size(), 400u);
}

TEST(InputFiles, AJsonDatasetIsReadWholeOnlyUpToItsLimit) {
  ScratchDir dir;
  auto big = dir.write("data.json", "{\"instansi\": [" + std::string(17u << 20, ' ') + "]}");
  auto result = read_inputs({big}, {}, catalog());
  EXPECT_THAT(messages(result.diagnostics),
              HasSubstr("data.json: a JSON dataset is read whole and is limited to 16 MiB"));
}

TEST(InputFiles, ANarrativeLongerThanACellIsAFinding) {
  ScratchDir dir;
  std::string words;
  while (words.size() < 40000) words += "kata ";
  auto result = import_text(dir, "inovasi.csv", "nama,tahun,tujuan\nA,2026,\"" + words + "\"\n");
  EXPECT_THAT(messages(result.diagnostics),
              HasSubstr("inovasi.csv:2: tujuan: warning: 39999 characters; a spreadsheet cell"));
}

// ---- dry run ----

TEST(DryRun, SaysWhatWouldChangeAndWritesNothing) {
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  ASSERT_TRUE(import_into_store(db, {dir.write("a/instansi.csv", "kode,nama,alamat\ndinkes,Dinas Kesehatan,Jl. A\n")},
                                {}, catalog())
                  .saved);
  auto before = read_file(db);
  ImportOptions dry;
  dry.dry_run = true;
  std::vector<std::string> lines;
  auto result = import_into_store(
      db, {dir.write("b/instansi.csv", "kode,nama,alamat\ndinkes,Dinas Kesehatan,\nbaru,Baru,Jl. B\n")}, dry, catalog(),
      [&](const RecordChange& change) {
        std::string line(1, change.status);
        line += " " + change.record->key_label();
        for (const auto& f : change.fields) line += " " + f.name + ":" + f.before + ">" + f.after;
        lines.push_back(line);
      });
  ASSERT_TRUE(result.previewed);
  EXPECT_FALSE(result.saved);
  EXPECT_EQ(result.previewed->inserted, 1u);
  EXPECT_EQ(result.previewed->updated, 1u);
  EXPECT_EQ(result.previewed->cleared, 1u);
  EXPECT_THAT(lines, ::testing::ElementsAre("n instansi baru kode:>baru nama:>Baru alamat:>Jl. B",
                                            "u instansi dinkes alamat:Jl. A>"));
  EXPECT_EQ(read_file(db), before);
}

// ---- a store written out and read back ----

TEST(CsvFolder, ExportThenImportGivesBackTheSameStore) {
  ScratchDir dir;
  ImportOptions seed;
  seed.agency = "bappedalitbang";
  seed.year = 2026;
  ASSERT_TRUE(import_into_store(dir.path() / "a.db", {source_dir() / "inputs"}, seed, catalog()).saved);
  Store original = Store::open(dir.path() / "a.db", false);
  std::size_t written = exports::write_csv_folder(original, dir.path() / "csv");
  auto result = import_into_store(dir.path() / "b.db", {dir.path() / "csv"}, {}, catalog());
  ASSERT_TRUE(result.saved) << messages(result.diagnostics);
  EXPECT_EQ(result.records, written);
  Store copy = Store::open(dir.path() / "b.db", false);
  for (const auto& kind : record_kinds()) {
    auto before = original.load(kind), after = copy.load(kind);
    ASSERT_EQ(before.size(), after.size()) << kind.name;
    for (std::size_t i = 0; i < before.size(); ++i) {
      for (const auto& column : store_columns(kind)) {
        EXPECT_EQ(before[i].get(column), after[i].get(column))
            << kind.name << " " << before[i].key_label() << " " << column;
      }
    }
  }
  auto again = import_into_store(dir.path() / "b.db", {dir.path() / "csv"}, {}, catalog());
  ASSERT_TRUE(again.saved);
  EXPECT_EQ(again.saved->unchanged, written);
}

// ---- the programme's rules ----

TEST(RuleFiles, CountsAreCheckedLikeInputs) {
  ScratchDir dir;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "templates" / "catalog")) {
    std::filesystem::copy(entry.path(), dir.path() / entry.path().filename());
  }
  for (std::string bad : {"-1", "\"dua\"", "null", "1.5", "true"}) {
    dir.write("rules.json", "{\"fasilitator_per_instansi\": " + bad + "}");
    try {
      Catalog::load(dir.path());
      ADD_FAILURE() << bad << " was accepted";
    } catch (const CatalogError& e) {
      EXPECT_THAT(e.what(), HasSubstr("rules.json: fasilitator_per_instansi: expected a whole number from 0 to 100"))
          << bad;
    }
  }
  dir.write("rules.json", "{\"fasilitator_per_instansi\": 3, \"fasilitator_wajib_pns\": \"ya\"}");
  EXPECT_THROW(Catalog::load(dir.path()), CatalogError);
  dir.write("rules.json", "{\"fasilitator_per_instanси\": 3}");
  EXPECT_THROW(Catalog::load(dir.path()), CatalogError);
  dir.write("rules.json", "{\"fasilitator_per_instansi\": 3}");
  EXPECT_EQ(Catalog::load(dir.path()).rules().facilitators_per_agency, 3);
}

}  // namespace
}  // namespace inovasi
