// Every input a fuzzer once crashed on (tests/fuzz/regressions/<target>/) goes through
// its target again, in the normal build and under ASan/UBSan: a fix that regresses
// fails here, without clang or libFuzzer.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "../../fuzz/harness.h"
#include "pdf_support.h"
#include "test_support.h"

namespace inovasi {
namespace {

using namespace inovasi::testing;
using inovasi::testing::hand_made_pdf;

TEST(FuzzRegressions, EveryRecordedInputRunsCleanly) {
  auto root = source_dir() / "tests" / "fuzz" / "regressions";
  int replayed = 0;
  for (const auto& folder : std::filesystem::directory_iterator(root)) {
    const auto* target = fuzz::find_target(folder.path().filename().string());
    ASSERT_TRUE(target) << folder.path() << " is not named after a fuzz target";
    for (const auto& file : std::filesystem::directory_iterator(folder.path())) {
      std::string input = read_file(file.path());
      SCOPED_TRACE(file.path().string());
      (void)target->run(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());  // no crash, no throw
      ++replayed;
    }
  }
  EXPECT_GT(replayed, 0);
}

TEST(FuzzRegressions, TheSeedsRunThroughEveryTarget) {
  // The harness itself is right: the bundled inputs and templates go through it.
  auto run = [](std::string_view name, const std::filesystem::path& file, std::string prefix = {}) {
    std::string input = prefix + read_file(file);
    return fuzz::find_target(name)->run(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
  };
  using fuzz::Outcome;
  EXPECT_EQ(run("profile", source_dir() / "inputs" / "profil" / "learning-organizations-innovation-based.txt"),
            Outcome::Accepted);
  EXPECT_EQ(run("csv", source_dir() / "inputs" / "data" / "instansi.csv", std::string(1, '\x01')), Outcome::Accepted);
  EXPECT_EQ(run("json", source_dir() / "inputs" / "daerah.json"), Outcome::Accepted);
  EXPECT_EQ(run("markup", source_dir() / "tests" / "templates" / "all-elements.xml"), Outcome::Accepted);
  EXPECT_EQ(run("render", source_dir() / "tests" / "templates" / "all-elements.xml"), Outcome::Accepted);
  EXPECT_EQ(run("render", source_dir() / "tests" / "templates" / "errors" / "unclosed-tag.xml"), Outcome::Refused);
  ScratchDir dir;
  EXPECT_EQ(run("xlsx", dir.write("x.xlsx", "PK\x03\x04 not really")), Outcome::Refused);
  // A one-page PDF as the print file's joiner reads it.
  std::string pdf =
      hand_made_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
                     "<< /Type /Page /Contents 4 0 R >>", "<< /Length 8 >>\nstream\nBT 0 0 m\nendstream"});
  EXPECT_EQ(run("pdf", dir.write("one.pdf", pdf)), Outcome::Accepted);
  EXPECT_EQ(run("pdf", dir.write("cut.pdf", pdf.substr(0, pdf.size() / 2))), Outcome::Refused);
  EXPECT_EQ(run("qr", dir.write("qr", "\x01https://inovasi.karokab.go.id/verifikasi/K7Q2M9X4TB")), Outcome::Accepted);
  EXPECT_EQ(run("qr", dir.write("empty-qr", "\x01")), Outcome::Refused);
}

}  // namespace
}  // namespace inovasi
