#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "documents/document_kind.h"
#include "store/number_registry.h"
#include "documents/values.h"
#include "importers/narrative_parser.h"
#include "store/store.h"
#include "test_support.h"

namespace inovasi::documents {
namespace {

using ::testing::HasSubstr;
using namespace inovasi::testing;

TEST(NumberPattern, Placeholders) {
  Date date{2026, 2, 24};
  EXPECT_EQ(format_number("000.8.3.3/{urut}/Bappedalitbang/{tahun}", 15, date, {}), "000.8.3.3/15/Bappedalitbang/2026");
  EXPECT_EQ(format_number("067/{urut}/BPP/{bulan_romawi}/{tahun}", 4867, {2022, 1, 3}, {}), "067/4867/BPP/I/2022");
  EXPECT_EQ(format_number("{kode_instansi}/{urut}.{bulan}", 2, date, {{"kode_instansi", "dinkes"}}), "dinkes/2.2");
  EXPECT_THROW(format_number("{nomor}/{tahun}", 1, date, {}), std::runtime_error);
  EXPECT_THROW(format_number("{urut", 1, date, {}), std::runtime_error);
}

TEST(NumberPattern, OnlyPatternsThatNumberDocumentsApart) {
  EXPECT_FALSE(number_pattern_problem("000.8.3.3/{urut}/Bappedalitbang/{tahun}"));
  EXPECT_FALSE(number_pattern_problem("{kode_instansi}/{urut}/{bulan_romawi}/{bulan}/{tahun}"));
  EXPECT_THAT(number_pattern_problem("000.8.3.3/Bappedalitbang/{tahun}").value_or(""), HasSubstr("has no {urut}"));
  EXPECT_THAT(number_pattern_problem("{nomor}/{urut}").value_or(""), HasSubstr("unknown placeholder {nomor}"));
  EXPECT_THAT(number_pattern_problem("{urut").value_or(""), HasSubstr("unclosed"));
  // The file name is the number's first 80 characters, slugged: a {urut} past them
  // names every certificate's file alike.
  EXPECT_THAT(number_pattern_problem(std::string(85, 'x') + "/{urut}").value_or(""), HasSubstr("first 80 characters"));
  EXPECT_FALSE(number_pattern_problem(std::string(70, 'x') + "/{urut}"));
}

TEST(NumberRegistry, ANumberIsIssuedOncePerKindAndYear) {
  ScratchDir dir;
  Store store = Store::open(dir.path() / "s.db", true);
  NumberRegistry registry(store.database());
  Date date{2026, 2, 24};
  // A number written by hand that the pattern would give next: the pattern skips it.
  auto own = registry.adopt("berita-acara", "s1", 2026, "BA-2");
  EXPECT_LT(own.sequence, 0);  // outside the pattern's sequence
  EXPECT_EQ(registry.issue("berita-acara", "s2", 2026, "BA-{urut}", date, {}).number, "BA-1");
  EXPECT_EQ(registry.issue("berita-acara", "s3", 2026, "BA-{urut}", date, {}).number, "BA-3");
  EXPECT_EQ(registry.adopt("berita-acara", "s1", 2026, "BA-2").verification_code, own.verification_code);
  // Another document's number, written by hand, fails; so does changing an issued one.
  EXPECT_THROW(registry.adopt("berita-acara", "s4", 2026, "BA-3"), NumberTaken);
  EXPECT_THROW(registry.adopt("berita-acara", "s1", 2026, "BA-9"), NumberTaken);
  EXPECT_TRUE(registry.adopt("berita-acara", "s4", 2027, "BA-3").verification_code.size() == 10);  // another year
  // The store itself refuses a second document with an issued number, and a change.
  EXPECT_THROW(store.database().execute("INSERT INTO nomor_dokumen (jenis, kunci, tahun, urut, nomor, kode_verifikasi) "
                                        "VALUES ('berita-acara', 'x', 2026, 50, 'BA-1', 'AAAAAAAAAA')"),
               StoreError);
  EXPECT_THROW(store.database().execute("UPDATE nomor_dokumen SET nomor = 'BA-7' WHERE kunci = 's2'"), StoreError);
}

TEST(NumberRegistry, HandsOutOnceAndRestartsEachYear) {
  ScratchDir dir;
  Store store = Store::open(dir.path() / "s.db", true);
  NumberRegistry registry(store.database());
  Date date{2026, 2, 24};
  auto a = registry.issue("sertifikat", "a", 2026, "{urut}/{tahun}", date, {});
  auto b = registry.issue("sertifikat", "b", 2026, "{urut}/{tahun}", date, {});
  auto a_again = registry.issue("sertifikat", "a", 2026, "{urut}/{tahun}", date, {});
  auto next_year = registry.issue("sertifikat", "c", 2027, "{urut}/{tahun}", {2027, 1, 5}, {});
  auto other_kind = registry.issue("perjanjian", "a", 2026, "PK-{urut}", date, {});
  EXPECT_EQ(a.number, "1/2026");
  EXPECT_EQ(b.number, "2/2026");
  EXPECT_EQ(a_again.number, "1/2026");
  EXPECT_EQ(a_again.verification_code, a.verification_code);
  EXPECT_EQ(next_year.number, "1/2027");
  EXPECT_EQ(other_kind.number, "PK-1");
  EXPECT_EQ(a.verification_code.size(), 10u);
  EXPECT_NE(a.verification_code, b.verification_code);

  registry.record_file("sertifikat", "a", sha256_hex("pdf bytes"), "2026/certificates/1-2026.pdf", {2026, 2, 24});
  ASSERT_TRUE(registry.by_sha256(sha256_hex("pdf bytes")));
  EXPECT_EQ(registry.by_code(a.verification_code)->file, "2026/certificates/1-2026.pdf");
  EXPECT_FALSE(registry.by_code("0000000000"));
}

TEST(NumberRegistry, CodesAsPeopleTypeThem) {
  EXPECT_EQ(normalize_verification_code("7K2M9QH4XZ"), "7K2M9QH4XZ");
  EXPECT_EQ(normalize_verification_code("7k2m9-qh4xz"), "7K2M9QH4XZ");
  EXPECT_EQ(normalize_verification_code(" 7K2 M9Q H4X Z "), "7K2M9QH4XZ");
  EXPECT_EQ(normalize_verification_code("O1IL5-ABCDE"), "01115ABCDE");  // Crockford's look-alikes
  EXPECT_EQ(normalize_verification_code("7K2M9QH4X"), std::nullopt);    // too short
  EXPECT_EQ(normalize_verification_code("7K2M9QH4XU"), std::nullopt);   // U is in no code
  EXPECT_EQ(normalize_verification_code("/tmp/x.pdf"), std::nullopt);
}

TEST(NumberRegistry, ARevokedNumberStaysTakenAndKeepsItsFirstReason) {
  ScratchDir dir;
  Store store = Store::open(dir.path() / "s.db", true);
  NumberRegistry registry(store.database());
  Date date{2026, 2, 24};
  auto a = registry.issue("sertifikat", "a", 2026, "{urut}/{tahun}", date, {});
  EXPECT_TRUE(registry.revoke(a.verification_code, {2026, 3, 1}, "salah nama instansi"));
  EXPECT_TRUE(registry.revoke(a.verification_code, {2026, 4, 1}, "lagi"));
  auto revoked = registry.by_code(a.verification_code);
  EXPECT_EQ(revoked->revoked_on, "2026-03-01");
  EXPECT_EQ(revoked->revoke_reason, "salah nama instansi");
  auto b = registry.issue("sertifikat", "b", 2026, "{urut}/{tahun}", date, {});
  EXPECT_EQ(b.number, "2/2026");  // the revoked 1/2026 is not given again
  EXPECT_FALSE(registry.revoke("0000000000", date, "x"));
}

TEST(Sha256, KnownVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Values, DatesPeopleAndRanks) {
  auto d = date_data({2021, 7, 5});
  EXPECT_EQ(d.get("hari")->string_value(), "Senin");
  EXPECT_EQ(d.get("tanggal_kata")->string_value(), "lima");
  EXPECT_EQ(d.get("tahun_kata")->string_value(), "dua ribu dua puluh satu");
  EXPECT_EQ(d.get("dengan_hari")->string_value(), "Senin, 5 Juli 2021");
  EXPECT_EQ(rank_with_golongan("pembina tingkat i", "", catalog()), "Pembina Tingkat I (IV/b)");
  EXPECT_EQ(rank_with_golongan("", "III/c", catalog()), "Penata (III/c)");
  EXPECT_EQ(rank_with_golongan("", "", catalog()), "");

  Record head;
  head.kind = find_record_kind("instansi");
  head.set("kepala_nama", "dr. A");
  head.set("kepala_nip", "197208052000122001");
  head.set("kepala_golongan", "IV/b");
  head.set("kepala_ttd", "/nonexistent/ttd.png");
  auto person = person_data(
      head, {"kepala_nama", "kepala_nip", "kepala_pangkat", "kepala_golongan", "kepala_jabatan", "kepala_ttd", {}},
      catalog(), false);
  EXPECT_EQ(person.get("nip")->string_value(), "19720805 200012 2 001");
  EXPECT_EQ(person.get("pangkat_golongan")->string_value(), "Pembina Tingkat I (IV/b)");
  EXPECT_TRUE(person.get("ttd")->is_false());  // not signed: the block stays blank for wet ink
}

TEST(Values, NarrativeMarkupIsEscapedAndNested) {
  auto json = narrative_to_json(parse_narrative_text("Pengantar <b> & \"x\"\n1. Satu\n   a. Sub\n2. Dua"));
  EXPECT_EQ(narrative_markup(json),
            "<p align=\"justify\">Pengantar &lt;b&gt; &amp; &quot;x&quot;</p><ol style=\"1\" start=\"1\">"
            "<li><p align=\"justify\" space-after=\"0\">Satu</p><ol style=\"a\" start=\"1\"><li><p align=\"justify\" "
            "space-after=\"0\">Sub</p></li></ol></li><li><p align=\"justify\" space-after=\"0\">Dua</p></li></ol>");
  EXPECT_EQ(narrative_items(json).list_value().size(), 4u);
  EXPECT_EQ(narrative_markup(""), "");
}

// The bundled inputs in a fresh store, with a planning context over them.
class BundledStore : public ::testing::Test {
 protected:
  void SetUp() override {
    ImportOptions options;
    options.agency = "bappedalitbang";
    options.year = 2026;
    ASSERT_TRUE(import_into_store(dir_.path() / "s.db", {source_dir() / "inputs"}, options, catalog()).saved);
    store_.emplace(Store::open(dir_.path() / "s.db", false));
    snapshot_ = Snapshot::load(*store_);
    registry_.emplace(store_->database());
  }
  DocumentContext context() { return {{snapshot_, catalog(), *snapshot_.region(), false}, *registry_}; }

  ScratchDir dir_;
  std::optional<Store> store_;
  Snapshot snapshot_;
  std::optional<NumberRegistry> registry_;
};

TEST_F(BundledStore, CertificateDataComesFromTheStoreAndIsNumberedOnce) {
  DocumentContext context = this->context();
  Selection selection;
  selection.innovation = "sigap-stunting-sistem-informasi-gerak-cepat-penanganan-stunting";
  auto docs = plan_documents(*find_document_kind("certificate"), context, selection);
  ASSERT_EQ(docs.size(), 1u);
  const auto& doc = docs[0];
  EXPECT_EQ(doc.error, "");
  EXPECT_EQ(doc.date, (Date{2026, 2, 24}));
  const auto data = doc.data();
  EXPECT_EQ(doc.agency, "dinkes");
  EXPECT_EQ(data.get("instansi")->get("nama_kapital")->string_value(), "DINAS KESEHATAN");
  EXPECT_EQ(data.get("tanggal")->get("panjang")->string_value(), "24 Februari 2026");
  ASSERT_NE(doc.shared, nullptr);
  EXPECT_EQ(doc.shared->get("daerah")->get("kepala_daerah")->get("jabatan_kapital")->string_value(), "BUPATI KARO");
  std::string number = data.get("nomor")->string_value();
  EXPECT_THAT(number, HasSubstr("/Bappedalitbang/2026"));
  EXPECT_EQ(doc.path.substr(0, 18), "2026/certificates/");
  auto again = plan_documents(*find_document_kind("certificate"), context, selection);
  EXPECT_EQ(again[0].data().get("nomor")->string_value(), number);
}

TEST_F(BundledStore, EveryKindPlansFromTheBundledInputs) {
  DocumentContext context = this->context();
  std::map<std::string, std::size_t> expected{{"contract", 14},   {"discussion-form", 4}, {"minutes", 3},
                                              {"certificate", 7}, {"iga-narrative", 14},  {"escalation-report", 1},
                                              {"attendance", 2},  {"desk-packet", 15},    {"year-summary", 1}};
  for (const auto& kind : document_kinds()) {
    auto docs = plan_documents(kind, context, {});
    EXPECT_EQ(docs.size(), expected[std::string(kind.name)]) << kind.name;
    for (const auto& doc : docs) {
      EXPECT_EQ(doc.error, "") << doc.label;
      EXPECT_NO_THROW(doc.data()) << doc.label;  // each document's data builds after planning
    }
  }
}

// A plan keeps how to build each document's data, not the data: a value that cannot be
// printed fails its own document when built, naming the field, and no other.
TEST_F(BundledStore, ABadValueFailsOnlyItsOwnDocumentWhenItsDataIsBuilt) {
  Dataset dataset;
  for (const auto& kind : record_kinds()) {
    for (const auto& record : snapshot_.all(kind.name)) dataset.records.push_back(record);
  }
  std::string broken_agency;
  for (auto& record : dataset.records) {
    if (record.kind->name == "perjanjian_kinerja" && broken_agency.empty()) {
      record.set("anggaran", "12x");
      broken_agency = record.get("instansi");
    }
  }
  ASSERT_FALSE(broken_agency.empty());
  Snapshot edited = Snapshot::of(dataset);
  DocumentContext context{{edited, catalog(), *edited.region(), false}, *registry_};
  auto docs = plan_documents(*find_document_kind("contract"), context, {});
  ASSERT_EQ(docs.size(), 14u);
  for (const auto& doc : docs) {
    EXPECT_EQ(doc.error, "") << doc.label;  // planning itself goes through
    if (doc.agency == broken_agency) {
      try {
        (void)doc.data();
        ADD_FAILURE() << "the contract of " << broken_agency << " built";
      } catch (const std::runtime_error& e) {
        EXPECT_THAT(e.what(), HasSubstr("anggaran: '12x'"));
      }
    } else {
      EXPECT_NO_THROW(doc.data()) << doc.label;
    }
  }
}

}  // namespace
}  // namespace inovasi::documents
