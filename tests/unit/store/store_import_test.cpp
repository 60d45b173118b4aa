// The import as a whole: idempotence, all-or-nothing, references, duplicates, and the
// store's schema against the record descriptions.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "store/migrations.h"
#include "store/store.h"
#include "test_support.h"

namespace inovasi {
namespace {

using ::testing::HasSubstr;
using namespace inovasi::testing;

// Every row of every table as text, to compare stores.
std::string dump(const std::filesystem::path& database) {
  Store store = Store::open(database, false);
  std::string text;
  for (const auto& kind : record_kinds()) {
    for (const auto& record : store.load(kind)) {
      text += record.key_label() + ":";
      for (const auto& [field, value] : record.values) text += " " + std::string(field) + "=" + std::string(value);
      text += "\n";
    }
  }
  return text;
}

ImportOptions seed_options() {
  ImportOptions options;
  options.agency = "bappedalitbang";
  options.year = 2026;
  return options;
}

TEST(Import, BundledInputsTwiceLeaveTheStoreIdentical) {
  ScratchDir dir;
  auto db = dir.path() / "store.db";
  auto first = import_into_store(db, {source_dir() / "inputs"}, seed_options(), catalog());
  ASSERT_TRUE(first.saved) << messages(first.diagnostics);
  EXPECT_GT(first.saved->inserted, 300u);
  std::string before = dump(db);
  auto second = import_into_store(db, {source_dir() / "inputs"}, seed_options(), catalog());
  ASSERT_TRUE(second.saved);
  EXPECT_EQ(second.saved->inserted, 0u);
  EXPECT_EQ(second.saved->updated, 0u);
  EXPECT_EQ(second.saved->unchanged, first.saved->inserted);
  EXPECT_EQ(dump(db), before);
}

TEST(Import, BundledInputsCoverEveryRecordKind) {
  ScratchDir dir;
  auto result = import_into_store(dir.path() / "s.db", {source_dir() / "inputs"}, seed_options(), catalog());
  ASSERT_TRUE(result.saved);
  Store store = Store::open(dir.path() / "s.db", false);
  for (const auto& kind : record_kinds()) EXPECT_GT(store.load(kind).size(), 0u) << kind.name;
  EXPECT_GE(store.load("instansi").size(), 12u);
}

TEST(Import, OneBadFileLeavesTheStoreUnchanged) {
  ScratchDir dir;
  auto db = dir.path() / "store.db";
  ASSERT_TRUE(import_into_store(db, {source_dir() / "inputs"}, seed_options(), catalog()).saved);
  std::string before = dump(db);
  auto good = dir.write("batch/instansi.csv", "kode,nama\nbaru,Dinas Baru\n");
  auto bad = dir.write("batch/fasilitator.csv", "instansi,nama,pns\nbaru,A,ya\nbaru,B,barangkali\n");
  auto result = import_into_store(db, {good.parent_path()}, {}, catalog());
  EXPECT_FALSE(result.saved);
  EXPECT_THAT(messages(result.diagnostics), HasSubstr("fasilitator.csv:3: pns: 'barangkali' is not yes or no"));
  EXPECT_EQ(dump(db), before);
}

TEST(Import, AFailedFirstImportCreatesNoStore) {
  ScratchDir dir;
  auto db = dir.path() / "store.db";
  auto result = import_into_store(db, {dir.write("instansi.csv", "kode\nx\n")}, {}, catalog());
  EXPECT_FALSE(result.saved);
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST(Import, UnknownAgencyIsNamedWithFileLineAndField) {
  ScratchDir dir;
  auto result = import_into_store(
      dir.path() / "s.db", {dir.write("fasilitator.csv", "instansi,nama,pns\nDinas Entah,A,ya\n")}, {}, catalog());
  EXPECT_THAT(messages(result.diagnostics),
              HasSubstr("fasilitator.csv:2: instansi: no instansi 'Dinas Entah' in this import or in the store"));
  // The console shows the catalogue's Indonesian text; its English is the message's.
  ASSERT_EQ(result.diagnostics.all().size(), 1u);
  const Diagnostic& unknown = result.diagnostics.all().front();
  EXPECT_EQ(catalog().finding_texts().render(unknown.code, unknown.params, Language::English), unknown.message);
  EXPECT_EQ(catalog().finding_message(unknown, Language::Indonesian),
            "Tidak ada instansi 'Dinas Entah' dalam impor ini maupun di basis data; periksa ejaannya atau impor "
            "instansi itu lebih dahulu");
}

TEST(Import, ReferencesMayNameAnAgencyByNameOrAbbreviation) {
  ScratchDir dir;
  dir.write("in/instansi.csv", "kode,nama,singkatan\ndinkes,Dinas Kesehatan,Dinkes\n");
  dir.write("in/fasilitator.csv", "instansi,nama,pns\nDINAS KESEHATAN,A,ya\ndinkes,B,ya\nDinkes,C,ya\n");
  auto result = import_into_store(dir.path() / "s.db", {dir.path() / "in"}, {}, catalog());
  ASSERT_TRUE(result.saved) << messages(result.diagnostics);
  Store store = Store::open(dir.path() / "s.db", false);
  for (const auto& r : store.load("fasilitator")) EXPECT_EQ(r.get("instansi"), "dinkes");
}

TEST(Import, DuplicateKeyInOneFileIsAnError) {
  ScratchDir dir;
  auto result = import_text(dir, "instansi.csv", "kode,nama\nx,A\nx,B\n");
  EXPECT_THAT(messages(result.diagnostics), HasSubstr("instansi.csv:3: instansi x appears twice (first at"));
  ASSERT_FALSE(result.diagnostics.all().empty());
  const Diagnostic& twice = result.diagnostics.all().front();
  EXPECT_EQ(catalog().finding_texts().render(twice.code, twice.params, Language::English), twice.message);
  EXPECT_THAT(catalog().finding_message(twice, Language::Indonesian), HasSubstr("muncul dua kali"));
}

TEST(Import, PartialRecordsFromTwoFilesMergeAndConflictsAreErrors) {
  ScratchDir dir;
  dir.write("a/instansi.csv", "kode,nama\nx,Dinas X\n");
  dir.write("a/instansi-kepala.csv", "kode,kepala_nama\nx,Budi\n");
  auto merged = read_inputs({dir.path() / "a"}, {}, catalog());
  ASSERT_FALSE(merged.diagnostics.has_errors()) << messages(merged.diagnostics);
  ASSERT_EQ(merged.dataset.records.size(), 1u);
  EXPECT_EQ(merged.dataset.records[0].get("kepala_nama"), "Budi");

  dir.write("b/instansi.csv", "kode,nama\nx,Dinas X\n");
  dir.write("b/instansi-lain.csv", "kode,nama\nx,Dinas Y\n");
  auto conflict = read_inputs({dir.path() / "b"}, {}, catalog());
  EXPECT_THAT(messages(conflict.diagnostics), HasSubstr(".csv:2: nama: differs from"));
  EXPECT_THAT(messages(conflict.diagnostics), HasSubstr("for the same instansi x"));
}

TEST(Import, AProfileDoesNotBlankFieldsACsvSet) {
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  dir.write("a/instansi.csv", "kode,nama\nbappedalitbang,Bappedalitbang\n");
  dir.write("a/inovasi.csv",
            "nama,instansi,tahun,diajukan_iga\nLEARNING ORGANIZATIONS INNOVATION BASED,bappedalitbang,2026,ya\n");
  ASSERT_TRUE(import_into_store(db, {dir.path() / "a"}, {}, catalog()).saved);
  ASSERT_TRUE(import_into_store(db, {INOVASI_SEED_PROFILE}, seed_options(), catalog()).saved);
  Store store = Store::open(db, false);
  auto innovations = store.load("inovasi");
  ASSERT_EQ(innovations.size(), 1u);
  EXPECT_EQ(innovations[0].get("diajukan_iga"), "1");
  EXPECT_EQ(innovations[0].get("tahapan"), "Penerapan");
}

TEST(Store, TablesMatchTheRecordDescriptions) {
  ScratchDir dir;
  Store store = Store::open(dir.path() / "s.db", true);
  for (const auto& kind : record_kinds()) {
    auto info = store.database().prepare("PRAGMA table_info(" + std::string(kind.name) + ")");
    std::vector<std::string> columns;
    while (info.step()) columns.push_back(info.column_text(1));
    EXPECT_EQ(columns, store_columns(kind)) << kind.name;
  }
}

TEST(Store, MigratesAVersionOneStoreForward) {
  ScratchDir dir;
  auto path = dir.path() / "old.db";
  {
    auto db = Database::open(path, true);
    db.execute(migration_sql(1));
    db.execute("PRAGMA user_version = 1");
    db.execute("INSERT INTO instansi (kode, nama) VALUES ('dinkes', 'Dinas Kesehatan')");
  }
  Store store = Store::open(path, false);
  auto version = store.database().prepare("PRAGMA user_version");
  version.step();
  EXPECT_EQ(version.column_int(0), current_schema_version());
  auto agencies = store.load("instansi");
  ASSERT_EQ(agencies.size(), 1u);
  EXPECT_EQ(agencies[0].get("nama"), "Dinas Kesehatan");
  EXPECT_FALSE(agencies[0].has("stempel"));  // added by version 2, empty for old rows
  EXPECT_TRUE(store.load("kegiatan").empty());
}

TEST(Store, RefusesAStoreFromANewerBuild) {
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  {
    Store store = Store::open(db, true);
    store.database().execute("PRAGMA user_version = " + std::to_string(current_schema_version() + 1));
  }
  EXPECT_THROW(Store::open(db, false), StoreError);
}

TEST(Store, AFailingRecordRollsBackTheWholeSave) {
  ScratchDir dir;
  Store store = Store::open(dir.path() / "s.db", true);
  Dataset dataset;
  Record agency;
  agency.kind = find_record_kind("instansi");
  agency.set("kode", "a");
  agency.set("nama", "A");
  Record orphan;  // references an agency that does not exist: the foreign key fails
  orphan.kind = find_record_kind("fasilitator");
  orphan.set("instansi", "nope");
  orphan.set("nama", "X");
  orphan.set("pns", "1");
  dataset.records = {agency, orphan};
  EXPECT_THROW(store.save(dataset), StoreError);
  EXPECT_TRUE(store.load("instansi").empty());
}

}  // namespace
}  // namespace inovasi
