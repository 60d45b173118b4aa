#include "output/manifest.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "model/file_text.h"
#include "output/atomic_file.h"
#include "test_support.h"

namespace inovasi {
namespace {

using inovasi::testing::ScratchDir;

void write(const std::filesystem::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

TEST(Manifest, AFileEntryIsReadBackFromTheFileAndRecordedOnce) {
  ScratchDir dir;
  std::filesystem::create_directories(dir.path() / "2026" / "exports");
  write(dir.path() / "2026" / "exports" / "rekap.xlsx", "abc");
  auto entry = file_entry(dir.path(), "2026/exports/rekap.xlsx", "recap-workbook", "rekap 2026");
  EXPECT_EQ(entry.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");  // SHA-256 of "abc"
  EXPECT_EQ(entry.size, 3u);
  EXPECT_EQ(entry.key, entry.sha256);  // a workbook is its own key
  EXPECT_EQ(file_entry(dir.path(), "2026/exports/rekap.xlsx", "k", "s", "given").key, "given");
  EXPECT_THROW(file_entry(dir.path(), "2026/exports/missing.xlsx", "k", "s"), OutputError);

  auto file = dir.path() / "manifest.json";
  Manifest::record(file, {entry});
  ASSERT_NE(Manifest::load(file).find("2026/exports/rekap.xlsx"), nullptr);
  EXPECT_EQ(Manifest::load(file).find("2026/exports/rekap.xlsx")->sha256, entry.sha256);
  // The same entry again leaves the file as it was; another adds to it.
  auto old_time = std::filesystem::last_write_time(file) - std::chrono::hours(1);
  std::filesystem::last_write_time(file, old_time);
  Manifest::record(file, {entry});
  EXPECT_EQ(std::filesystem::last_write_time(file), old_time);
  Manifest::record(file, {{"2026/x.pdf", "ee", "k", "certificate", "s", 1}});
  EXPECT_NE(std::filesystem::last_write_time(file), old_time);
  EXPECT_EQ(Manifest::load(file).size(), 2u);
}

TEST(Manifest, EntriesReadBackAsWritten) {
  ScratchDir dir;
  Manifest manifest;
  manifest.put({"2026/certificates/a.pdf", "ab12", "k1", "certificate", "penghargaan \"ANTOL\"/2026", 17265});
  manifest.put({"2026/launching/dinkes/perjanjian-kinerja.pdf", "cd34", "k2", "contract", "Dinas Kesehatan \\ Karo é", 40000});
  manifest.put({"2026/certificates/b.pdf", "ef56", "k3", "certificate", "baris\nbaru\ttab", 0});
  EXPECT_TRUE(manifest.changed());
  manifest.save(dir.path() / "manifest.json");

  auto loaded = Manifest::load(dir.path() / "manifest.json");
  EXPECT_FALSE(loaded.changed());
  ASSERT_EQ(loaded.size(), 3u);
  const auto* contract = loaded.find("2026/launching/dinkes/perjanjian-kinerja.pdf");
  ASSERT_NE(contract, nullptr);
  EXPECT_EQ(contract->sha256, "cd34");
  EXPECT_EQ(contract->key, "k2");
  EXPECT_EQ(contract->kind, "contract");
  EXPECT_EQ(contract->source, "Dinas Kesehatan \\ Karo é");
  EXPECT_EQ(contract->size, 40000u);
  EXPECT_EQ(loaded.find("2026/certificates/a.pdf")->source, "penghargaan \"ANTOL\"/2026");
  EXPECT_EQ(loaded.find("2026/certificates/b.pdf")->source, "baris\nbaru\ttab");
  // The same entries again change nothing; a new size does.
  loaded.put({"2026/certificates/a.pdf", "ab12", "k1", "certificate", "penghargaan \"ANTOL\"/2026", 17265});
  EXPECT_FALSE(loaded.changed());
  loaded.put({"2026/certificates/a.pdf", "ab12", "k1", "certificate", "penghargaan \"ANTOL\"/2026", 17266});
  EXPECT_TRUE(loaded.changed());
}

TEST(Manifest, ReadsAnyLayoutAndIgnoresWhatItDoesNotKnow) {
  ScratchDir dir;
  // As an earlier release wrote it (one key per line), with keys from a later one.
  write(dir.path() / "manifest.json", R"({
 "versi" : 1,
 "dibuat" : {"oleh": "inovasi", "berkas": [1, 2]},
 "berkas" : [
  {
   "jalur" : "2026/a.pdf",
   "sha256" : "ab",
   "ukuran" : 12,
   "jenis" : "certificate",
   "sumber" : "x",
   "kunci" : "k",
   "catatan" : {"jalur": "not this one"},
   "label" : ["jalur", "y"]
  },
  {"jalur": "2026/b.pdf", "ukuran": -5, "sha256": null}
 ]
})");
  auto loaded = Manifest::load(dir.path() / "manifest.json");
  ASSERT_EQ(loaded.size(), 2u);
  const auto* a = loaded.find("2026/a.pdf");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->sha256, "ab");
  EXPECT_EQ(a->size, 12u);
  EXPECT_EQ(a->key, "k");
  EXPECT_EQ(loaded.find("2026/b.pdf")->size, 0u);
  EXPECT_EQ(loaded.find("2026/b.pdf")->sha256, "");
}

TEST(Manifest, AMissingOrDamagedManifestIsEmpty) {
  ScratchDir dir;
  EXPECT_EQ(Manifest::load(dir.path() / "none.json").size(), 0u);
  write(dir.path() / "manifest.json", R"({"versi": 1, "berkas": [{"jalur": "2026/a.pdf", "sha256": "ab"}, {"jalur": )");
  EXPECT_EQ(Manifest::load(dir.path() / "manifest.json").size(), 0u);
}

}  // namespace
}  // namespace inovasi
