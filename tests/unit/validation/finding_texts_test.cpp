// Every finding has a stable code and both its texts, kept in the catalogue: rendered
// here in English and Indonesian for every code the rules can give.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "importers/import_codes.h"
#include "model/catalog.h"
#include "store/store.h"
#include "test_support.h"
#include "validation/finding_codes.h"
#include "validation/validation.h"

namespace inovasi {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using namespace inovasi::testing;

// A value for each parameter: a date for the ones a text may write as one.
FindingParams sample_params(const FindingText& text) {
  FindingParams params;
  for (const auto& name : text.parameters) params.emplace_back(name, "2026-09-0" + std::to_string(params.size() + 1));
  return params;
}

// The rules' codes and the importers' conversion codes: the catalogue holds both.
std::set<std::string_view> every_code() {
  std::set<std::string_view> codes(finding::kAllCodes.begin(), finding::kAllCodes.end());
  codes.insert(import_finding::kAllCodes.begin(), import_finding::kAllCodes.end());
  return codes;
}

TEST(FindingTexts, EveryCodeRendersInBothLanguages) {
  const FindingTexts& texts = catalog().finding_texts();
  for (std::string_view code : every_code()) {
    const FindingText* text = texts.find(code);
    ASSERT_NE(text, nullptr) << code << " has no texts in temuan.json";
    auto params = sample_params(*text);
    std::string english = texts.render(code, params, Language::English);
    std::string indonesian = texts.render(code, params, Language::Indonesian);
    EXPECT_FALSE(english.empty()) << code;
    EXPECT_FALSE(indonesian.empty()) << code;
    EXPECT_NE(english, indonesian) << code << ": the Indonesian text is the English one";
    EXPECT_FALSE(text->summary.empty()) << code;
    for (const auto& text_of : {english, indonesian}) {
      EXPECT_THAT(text_of, Not(HasSubstr("{"))) << code << ": " << text_of;
      EXPECT_THAT(text_of, Not(HasSubstr("}"))) << code << ": " << text_of;
    }
  }
}

TEST(FindingTexts, TheCatalogueHoldsNoCodeTheRulesDoNotGive) {
  std::set<std::string_view> known = every_code();
  for (const auto& [code, text] : catalog().finding_texts().all()) EXPECT_TRUE(known.contains(code)) << code;
  EXPECT_EQ(catalog().finding_texts().all().size(), known.size());
}

TEST(FindingTexts, DatesPrintAsIndonesianPapersWriteThem) {
  const FindingTexts& texts = catalog().finding_texts();
  FindingParams params{{"uji_coba", "2026-09-01"}, {"penerapan", "2026-03-02"}};
  EXPECT_EQ(texts.render(finding::kTrialAfterApplication, params, Language::English),
            "trial date 2026-09-01 is after the application date 2026-03-02");
  EXPECT_EQ(texts.render(finding::kTrialAfterApplication, params, Language::Indonesian),
            "Waktu uji coba (1 September 2026) sesudah waktu penerapan (2 Maret 2026)");
  EXPECT_THROW(texts.render(finding::kTrialAfterApplication, {{"uji_coba", "x"}}, Language::English),
               std::logic_error);  // a rule that forgot a parameter
  EXPECT_THROW(texts.render("tidak.ada", {}, Language::English), std::logic_error);
}

TEST(FindingTexts, AFaultyCatalogueFileIsRefusedNamingTheCodeAndTheText) {
  ScratchDir dir;
  auto refused = [&](const std::string& json) {
    auto path = dir.path() / "temuan.json";
    std::ofstream(path) << json;
    try {
      FindingTexts::load(path);
    } catch (const CatalogError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_THAT(refused(R"({"a.b": {"en": "x {n}", "id": "y", "ringkas": "z", "parameter": []}})"),
              HasSubstr("a.b: en: {n} is not one of the code's parameters"));
  EXPECT_THAT(refused(R"({"a.b": {"en": "x", "id": "y", "parameter": []}})"), HasSubstr("a.b: ringkas: missing"));
  EXPECT_THAT(refused(R"({"a.b": {"en": "x {n}", "id": "y", "ringkas": "z {n}", "parameter": ["n"]}})"),
              HasSubstr("ringkas: a summary takes no parameters"));
  EXPECT_THAT(refused(R"({"a.b": {"en": "x", "parameter": []}})"), HasSubstr("a.b: id: missing"));
  EXPECT_THAT(refused(R"({"a.b": {"en": "x", "id": "", "parameter": []}})"), HasSubstr("a.b: id: empty"));
  EXPECT_THAT(refused(R"({"a.b": {"en": "x {n", "id": "y", "ringkas": "z", "parameter": ["n"]}})"),
              HasSubstr("without its '}'"));
  EXPECT_THAT(refused(R"({"a.b": {"en": "x", "id": "{n|uang}", "ringkas": "z", "parameter": ["n"]}})"),
              HasSubstr("the only format is |tanggal"));
  EXPECT_THAT(refused(R"({"a.b": {"en": "x", "id": "y", "ringkas": "z"}})"), HasSubstr("parameter: missing"));
  EXPECT_EQ(refused(R"({"_note": "ignored", "a.b": {"en": "x {n}", "id": "y {n|tanggal}", "ringkas": "z",
                        "parameter": ["n"]}})"),
            "accepted");
}

TEST(FindingTexts, AReportAskingForALabelTheCatalogueLacksIsRefused) {
  const ReportWords& words = catalog().report_words();
  EXPECT_EQ(words.column("fasilitator_ditunjuk"), "Fasilitator Ditunjuk");
  EXPECT_EQ(words.severity(Severity::Error), "Kesalahan");
  EXPECT_EQ(words.record("fasilitator dinsos/Sarah"), "Fasilitator Inovasi dinsos/Sarah");
  EXPECT_EQ(words.field("kolom_tak_dikenal"), "kolom_tak_dikenal");  // a finding's field: shown as it is
  try {
    words.column("kolom_tak_dikenal");
    FAIL() << "a report column without a label was accepted";
  } catch (const CatalogError& e) {
    EXPECT_THAT(e.what(), HasSubstr("laporan.json: kolom: no text for 'kolom_tak_dikenal'"));
  }
}

TEST(FindingTexts, TheBundledYearsFindingsAllHaveCodesAndReadInIndonesian) {
  ScratchDir dir;
  ImportOptions options;
  options.agency = "bappedalitbang";
  options.year = 2026;
  ASSERT_TRUE(import_into_store(dir.path() / "s.db", {source_dir() / "inputs"}, options, catalog()).saved);
  Snapshot snapshot = Snapshot::load(Store::open(dir.path() / "s.db", false));
  ValidationReport report = validate(snapshot, catalog(), 2026);
  ASSERT_FALSE(report.findings.empty());
  bool gender = false;
  for (const auto& finding : report.findings) {
    EXPECT_FALSE(finding.code.empty()) << finding.message;
    std::string indonesian = catalog().finding_message(finding, Language::Indonesian);
    EXPECT_NE(indonesian, finding.message) << finding.code;
    if (finding.code == finding::kNipGender) {
      gender = true;
      EXPECT_EQ(finding.message, "NIP 19900612 201507 3 018: digit 15 (gender) must be 1 or 2, not 3");
      EXPECT_EQ(indonesian, "NIP 19900612 201507 3 018: digit ke-15 (jenis kelamin) harus 1 atau 2, bukan 3");
    }
  }
  EXPECT_TRUE(gender);
}

}  // namespace
}  // namespace inovasi
