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

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

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

  // One manifest serves a command: each step puts its files and saves what changed.
  auto file = dir.path() / "manifest.json";
  Manifest manifest = Manifest::load(file);
  manifest.put(entry);
  manifest.save_if_changed(file);
  ASSERT_TRUE(Manifest::load(file).find("2026/exports/rekap.xlsx"));
  EXPECT_EQ(Manifest::load(file).find("2026/exports/rekap.xlsx")->sha256, entry.sha256);
  // The same entry again leaves the file as it was; another adds to it.
  auto old_time = std::filesystem::last_write_time(file) - std::chrono::hours(1);
  std::filesystem::last_write_time(file, old_time);
  manifest.put(entry);
  manifest.save_if_changed(file);
  EXPECT_EQ(std::filesystem::last_write_time(file), old_time);
  manifest.put({"2026/x.pdf", "ee", "k", "certificate", "s", 1});
  manifest.save_if_changed(file);
  EXPECT_NE(std::filesystem::last_write_time(file), old_time);
  EXPECT_EQ(Manifest::load(file).size(), 2u);
}

TEST(Manifest, EntriesReadBackAsWritten) {
  ScratchDir dir;
  Manifest manifest;
  manifest.put({"2026/certificates/a.pdf", "ab12", "k1", "certificate", "penghargaan \"ANTOL\"/2026", 17265});
  manifest.put(
      {"2026/launching/dinkes/perjanjian-kinerja.pdf", "cd34", "k2", "contract", "Dinas Kesehatan \\ Karo é", 40000});
  manifest.put({"2026/certificates/b.pdf", "ef56", "k3", "certificate", "baris\nbaru\ttab", 0});
  EXPECT_TRUE(manifest.changed());
  manifest.save(dir.path() / "manifest.json");

  auto loaded = Manifest::load(dir.path() / "manifest.json");
  EXPECT_FALSE(loaded.changed());
  ASSERT_EQ(loaded.size(), 3u);
  auto contract = loaded.find("2026/launching/dinkes/perjanjian-kinerja.pdf");
  ASSERT_TRUE(contract);
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
  auto a = loaded.find("2026/a.pdf");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->sha256, "ab");
  EXPECT_EQ(a->size, 12u);
  EXPECT_EQ(a->key, "k");
  EXPECT_EQ(loaded.find("2026/b.pdf")->size, 0u);
  EXPECT_EQ(loaded.find("2026/b.pdf")->sha256, "");
}

// A national manifest is read a run of entries at a time: many runs, entries whose
// strings hold brackets, commas, quotes and the array's own name, all read back; a
// damage anywhere in it, even after the first runs, still empties it.
TEST(Manifest, ALargeManifestIsReadInRunsAndWholeOrNotAtAll) {
  ScratchDir dir;
  auto file = dir.path() / "manifest.json";
  {
    Manifest manifest;
    for (int i = 0; i < 12000; ++i) {  // some 4 MB: several runs
      std::string n = std::to_string(i);
      manifest.put({"2026/certificates/" + n + ".pdf", std::string(64, 'a'), std::string(64, 'b'), "certificate",
                    i % 1000 == 7 ? "\"berkas\": [{\\\"}], , ]" + n : "penghargaan " + n,
                    static_cast<std::uintmax_t>(i)});
    }
    manifest.save(file);
  }
  auto loaded = Manifest::load(file);
  ASSERT_EQ(loaded.size(), 12000u);
  EXPECT_EQ(loaded.find("2026/certificates/11999.pdf")->size, 11999u);
  EXPECT_EQ(loaded.find("2026/certificates/5007.pdf")->source, "\"berkas\": [{\\\"}], , ]5007");
  // Other members before and after, with "berkas" inside them, are skipped.
  auto text = *read_file_text(file);
  std::string wrapped = "{\"dibuat\": {\"berkas\": [{\"jalur\": \"no\"}]}, " + text.substr(1);
  wrapped.insert(wrapped.rfind('}'), ", \"catatan\": [\"berkas\", {\"jalur\": \"no\"}]");
  write(file, wrapped);
  EXPECT_EQ(Manifest::load(file).size(), 12000u);
  EXPECT_FALSE(Manifest::load(file).find("no"));
  // A comma lost between two entries far into the file.
  auto at = text.find("\n", text.size() * 3 / 4);
  ASSERT_EQ(text[at - 1], ',');
  write(file, text.substr(0, at - 1) + text.substr(at));
  EXPECT_EQ(Manifest::load(file).size(), 0u);
  // Two commas, and a file cut short.
  write(file, text.substr(0, at) + "," + text.substr(at));
  EXPECT_EQ(Manifest::load(file).size(), 0u);
  write(file, text.substr(0, text.size() - 3));
  EXPECT_EQ(Manifest::load(file).size(), 0u);
}

TEST(Manifest, AMissingOrDamagedManifestIsEmpty) {
  ScratchDir dir;
  EXPECT_EQ(Manifest::load(dir.path() / "none.json").size(), 0u);
  write(dir.path() / "manifest.json", R"({"versi": 1, "berkas": [{"jalur": "2026/a.pdf", "sha256": "ab"}, {"jalur": )");
  EXPECT_EQ(Manifest::load(dir.path() / "manifest.json").size(), 0u);
}

}  // namespace
}  // namespace inovasi
