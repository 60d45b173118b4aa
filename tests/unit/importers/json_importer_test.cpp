#include "importers/json_importer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/narrative.h"
#include "test_support.h"

namespace inovasi {
namespace {

using ::testing::HasSubstr;
using namespace inovasi::testing;

TEST(JsonImporter, ImportsADatasetWithTypedValues) {
  ScratchDir dir;
  auto result = import_text(dir, "data.json", R"({
  "instansi": [{"kode": "dinkes", "nama": "Dinas Kesehatan", "kepala_nip": 196608011988031001}],
  "inovasi": [{"nama": "Sigap", "instansi": "dinkes", "tahun": 2026, "diajukan_iga": true,
               "tujuan": ["Satu", "Dua"], "urusan_lain": ["Kesehatan", "Sosial"]}]
})");
  ASSERT_FALSE(result.diagnostics.has_errors()) << messages(result.diagnostics);
  ASSERT_EQ(result.dataset.records.size(), 2u);
  auto of_kind = [&](std::string_view kind) -> const Record& {
    for (const auto& r : result.dataset.records) {
      if (r.kind->name == kind) return r;
    }
    throw std::runtime_error("no record");
  };
  EXPECT_EQ(of_kind("instansi").get("kepala_nip"), "196608011988031001");
  const auto& innovation = of_kind("inovasi");
  EXPECT_EQ(innovation.get("kode"), "sigap");
  EXPECT_EQ(innovation.get("diajukan_iga"), "1");
  EXPECT_EQ(innovation.get("urusan_lain"), R"(["Kesehatan","Sosial"])");
  EXPECT_EQ(narrative_from_json(innovation.get("tujuan")).blocks.at(0).items.size(), 2u);
}

TEST(JsonImporter, ErrorsNameTheLineOfTheField) {
  ScratchDir dir;
  auto result = import_text(dir, "data.json", R"({
  "instansi": [
    {"kode": "a", "nama": "A"},
    {"kode": "b",
     "nama": "B",
     "kepala_nip": "12345"}
  ]
})");
  EXPECT_THAT(messages(result.diagnostics), HasSubstr("data.json:6: kepala_nip: '12345' is not a NIP"));
}

TEST(JsonImporter, SyntaxErrorsAndWrongShapes) {
  ScratchDir dir;
  auto broken = import_text(dir, "data.json", "{\"instansi\": [ {\"kode\": } ]}");
  EXPECT_THAT(messages(broken.diagnostics), HasSubstr("data.json: not valid JSON"));
  auto shape = import_text(dir, "data.json", R"({"instansi": "dinkes", "warna": []})");
  EXPECT_THAT(messages(shape.diagnostics), HasSubstr("instansi: expected an array of records"));
  EXPECT_THAT(messages(shape.diagnostics), HasSubstr("warna: warning: unknown record kind"));
  auto nested = import_text(dir, "data.json", R"({"instansi": [{"kode": "x", "nama": {"a": 1}}]})");
  EXPECT_THAT(messages(nested.diagnostics), HasSubstr("nama: expected a text"));
}

}  // namespace
}  // namespace inovasi
