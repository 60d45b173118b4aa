#include "batch/manifest.h"

#include <gtest/gtest.h>

#include <fstream>

#include "model/file_text.h"
#include "test_support.h"

namespace inovasi::batch {
namespace {

using inovasi::testing::ScratchDir;

void write(const std::filesystem::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

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
}  // namespace inovasi::batch
