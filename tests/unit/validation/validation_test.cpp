#include "validation/validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <latch>
#include <thread>

#include "importers/import_job.h"
#include "importers/narrative_parser.h"
#include "test_support.h"

namespace inovasi {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using namespace inovasi::testing;

Record make(std::string_view kind, std::initializer_list<std::pair<std::string, std::string>> values) {
  Record record;
  record.kind = find_record_kind(kind);
  for (const auto& [field, value] : values) record.set(field, value);
  return record;
}

std::string words(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += "kata ";
  return narrative_to_json(parse_narrative_text(text));
}

// A compliant agency for 2026: two PNS facilitators in the team, a team SK, an
// innovation and a head who can sign.
Dataset compliant() {
  Dataset d;
  d.records = {
      make("daerah", {{"kode", "karo"}, {"nama_daerah", "Kabupaten Karo"}, {"kepala_bappeda_nama", "X"}}),
      make("instansi", {{"kode", "dinkes"},
                        {"nama", "Dinas Kesehatan"},
                        {"kepala_nama", "dr. A"},
                        {"kepala_nip", "197208052000122001"},
                        {"kepala_jabatan", "Kepala Dinas"},
                        {"kepala_pangkat", "Pembina Tingkat I"},
                        {"kepala_golongan", "IV/b"}}),
      make("fasilitator", {{"instansi", "dinkes"}, {"nama", "B"}, {"nip", "198501012010011001"}, {"pns", "1"}}),
      make("fasilitator", {{"instansi", "dinkes"}, {"nama", "C"}, {"nip", "198602022011012002"}, {"pns", "1"}}),
      make("tim_inovasi",
           {{"instansi", "dinkes"}, {"tahun", "2026"}, {"nomor_sk", "1/2026"}, {"tanggal_sk", "2026-01-10"}}),
      make("anggota_tim", {{"instansi", "dinkes"}, {"tahun", "2026"}, {"nama", "B"}, {"nip", "198501012010011001"}}),
      make("anggota_tim", {{"instansi", "dinkes"}, {"tahun", "2026"}, {"nama", "c"}}),  // matched by name
      make("inovasi", {{"kode", "sigap"},
                       {"tahun", "2026"},
                       {"nama", "SIGAP"},
                       {"instansi", "dinkes"},
                       {"tahapan", "Penerapan"},
                       {"tahapan_asli", "Penerapan"},
                       {"jenis", "Digital"},
                       {"jenis_asli", "Digital"},
                       {"inisiator", "OPD"},
                       {"inisiator_asli", "OPD"},
                       {"bentuk", "Inovasi Pelayanan Publik"},
                       {"bentuk_asli", "x"},
                       {"urusan", "Kesehatan"},
                       {"urusan_asli", "Kesehatan"},
                       {"waktu_uji_coba", "2025-01-01"},
                       {"waktu_penerapan", "2025-06-01"},
                       {"rancang_bangun", words(300)},
                       {"diajukan_iga", "1"}}),
  };
  return d;
}

std::string findings_of(const Dataset& dataset, int year = 2026) {
  auto report = validate(Snapshot::of(dataset), catalog(), year);
  std::string text;
  for (const auto& f : report.findings)
    text += std::string(severity_name(f.severity)) + " " + format_diagnostic(f) + "\n";
  return text;
}

TEST(Validation, ACompliantAgencyHasNoFindings) { EXPECT_EQ(findings_of(compliant()), ""); }

TEST(Validation, FacilitatorRules) {
  auto d = compliant();
  d.records.erase(d.records.begin() + 3);  // only one facilitator left
  EXPECT_THAT(findings_of(d),
              HasSubstr("instansi dinkes: fasilitator: 1 facilitator(s) named; the programme asks for 2"));
  d = compliant();
  d.records[3].set("pns", "0");
  EXPECT_THAT(findings_of(d), HasSubstr("fasilitator dinkes/C: pns: facilitators must be civil servants (PNS)"));
  d = compliant();
  d.records[6].set("nama", "Orang Lain");
  EXPECT_THAT(findings_of(d),
              HasSubstr("fasilitator dinkes/C: anggota_tim: not a member of the agency's innovation team"));
}

TEST(Validation, TeamAndInnovationPerYear) {
  auto d = compliant();
  d.records[4].set("nomor_sk", "");
  EXPECT_THAT(findings_of(d), HasSubstr("nomor_sk: the team's SK number is missing"));
  EXPECT_THAT(findings_of(compliant(), 2027),
              HasSubstr("no innovation team (Tim Pengelola Inovasi) recorded for 2027"));
  EXPECT_THAT(findings_of(compliant(), 2027), HasSubstr("no innovation designed for 2027"));
}

TEST(Validation, DatesStageAndWordCount) {
  auto d = compliant();
  d.records[7].set("waktu_uji_coba", "2025-07-01");
  EXPECT_THAT(findings_of(d), HasSubstr("trial date 2025-07-01 is after the application date 2025-06-01"));
  d = compliant();
  d.records[7].set("waktu_penerapan", "");
  EXPECT_THAT(findings_of(d), HasSubstr("waktu_penerapan: stage Penerapan needs an application date"));
  d = compliant();
  d.records[7].set("rancang_bangun", words(299));
  EXPECT_THAT(findings_of(d), HasSubstr("rancang_bangun: 299 words; the IGA 2025 asks for at least 300"));
  d.records[7].set("rancang_bangun",
                   narrative_to_json(parse_narrative_text("<p>" + std::string(299 * 5, ' ') + "</p>")));
  EXPECT_THAT(findings_of(d), HasSubstr("rancang_bangun: 0 words"));
}

TEST(Validation, NipStructureAndRanks) {
  auto d = compliant();
  d.records[2].set("nip", "198501012010013001");
  d.records[1].set("kepala_golongan", "IV/c");
  d.records[3].set("pangkat", "Kapten");
  auto text = findings_of(d);
  EXPECT_THAT(text,
              HasSubstr("fasilitator dinkes/B: nip: NIP 19850101 201001 3 001: digit 15 (gender) must be 1 or 2"));
  EXPECT_THAT(text,
              HasSubstr("instansi dinkes: kepala_golongan: golongan IV/c does not go with Pembina Tingkat I (IV/b)"));
  EXPECT_THAT(text, HasSubstr("fasilitator dinkes/C: pangkat: 'Kapten' is not a rank of the official list"));
}

TEST(Validation, SignatoryAndRegion) {
  auto d = compliant();
  d.records[1].set("kepala_nama", "");
  d.records.erase(d.records.begin());
  auto text = findings_of(d);
  EXPECT_THAT(text, HasSubstr("kepala_nama: the agency head's name is missing (contract signatory)"));
  EXPECT_THAT(text, HasSubstr("the store has no regional profile"));
}

TEST(Validation, AwardsNeedPenerapanAndIgaSubmission) {
  auto d = compliant();
  d.records.push_back(make("penghargaan", {{"inovasi", "sigap"}, {"tahun", "2026"}}));
  EXPECT_THAT(findings_of(d), Not(HasSubstr("awarded")));
  d.records[7].set("diajukan_iga", "0");
  EXPECT_THAT(findings_of(d), HasSubstr("penghargaan sigap/2026: inovasi: awarded, but the innovation is not both"));
}

TEST(Validation, DiscussionDatesTimesAndTeam) {
  auto d = compliant();
  d.records.push_back(make("tim_bappeda", {{"nip", "197804122003121004"}, {"nama", "F"}}));
  d.records.push_back(make("permohonan_diskusi", {{"kode", "R1"},
                                                  {"tahun", "2026"},
                                                  {"instansi", "dinkes"},
                                                  {"tanggal_permohonan", "2026-03-09"},
                                                  {"tanggal_diinginkan", "2026-03-01"},
                                                  {"petugas", R"(["197804122003121004","199001012015011001"])"}}));
  d.records.push_back(make("sesi_diskusi", {{"kode", "S1"},
                                            {"permohonan", "R1"},
                                            {"tanggal", "2026-03-08"},
                                            {"jam_mulai", "11:00"},
                                            {"jam_selesai", "09:30"}}));
  auto text = findings_of(d);
  EXPECT_THAT(text, HasSubstr("petugas: NIP 199001012015011001 is not a member of the Bappeda team"));
  EXPECT_THAT(text, HasSubstr("tanggal_diinginkan: the preferred date is before the request date"));
  EXPECT_THAT(text, HasSubstr("sesi_diskusi S1: tanggal: the session (2026-03-08) is before its request (2026-03-09)"));
  EXPECT_THAT(text, HasSubstr("sesi_diskusi S1: jam_selesai: ends before it starts"));
  EXPECT_THAT(text, HasSubstr("warning sesi_diskusi S1: kehadiran: warning: no attendance recorded"));
}

TEST(Validation, IndicativeScoreIsLevelTimesWeight) {
  auto d = compliant();
  d.records.push_back(make("jawaban_indikator", {{"inovasi", "sigap"},
                                                 {"tahun", "2026"},
                                                 {"indikator", "1"},
                                                 {"level", "3"},
                                                 {"bukti", "Perbup"},
                                                 {"status_bukti", "Lengkap"}}));
  d.records.push_back(
      make("jawaban_indikator", {{"inovasi", "sigap"}, {"tahun", "2026"}, {"indikator", "20"}, {"level", "2"}}));
  d.records.push_back(
      make("jawaban_indikator", {{"inovasi", "sigap"}, {"tahun", "2026"}, {"indikator", "42"}, {"level", "2"}}));
  auto report = validate(Snapshot::of(d), catalog(), 2026);
  ASSERT_EQ(report.scores.size(), 1u);
  EXPECT_EQ(report.scores[0].score, 3 * 3 + 2 * 4);
  EXPECT_EQ(report.scores[0].max_score, 111);
  EXPECT_EQ(report.scores[0].answered, 2);
  auto text = findings_of(d);
  EXPECT_THAT(text,
              HasSubstr("jawaban_indikator sigap/2026/42: indikator: the IGA 2025 catalogue has no indicator 42"));
  EXPECT_THAT(
      text,
      HasSubstr(
          "warning jawaban_indikator sigap/2026/20: bukti: warning: a level is claimed without supporting evidence"));
}

// Planned documents build their data on the render workers, which look records up in
// the shared snapshot: its indexes are built on first use, so that must be safe at once.
TEST(Snapshot, LookupsFromSeveralThreadsAtOnceAgree) {
  Dataset d;
  for (int i = 0; i < 2000; ++i) {
    std::string agency = "opd-" + std::to_string(i % 50);
    d.records.push_back(make("inovasi", {{"kode", "i" + std::to_string(i)},
                                         {"tahun", "2026"},
                                         {"instansi", agency},
                                         {"nama", "Inovasi " + std::to_string(i)}}));
  }
  const Snapshot snapshot = Snapshot::of(d);
  const std::vector<std::pair<std::string, std::string>> lookups{
      {"instansi", "opd-7"}, {"kode", "i42"}, {"nama", "Inovasi 99"}, {"tahun", "2026"}};
  for (int round = 0; round < 20; ++round) {
    const Snapshot fresh = snapshot;  // a copy starts without indexes
    std::vector<std::size_t> found(8);
    std::latch start(static_cast<std::ptrdiff_t>(found.size()));  // all look up at the same moment
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < found.size(); ++t) {
      threads.emplace_back([&, t] {
        start.arrive_and_wait();
        const auto& [field, value] = lookups[t % lookups.size()];
        found[t] = fresh.where("inovasi", field, value).size();
      });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(found, (std::vector<std::size_t>{40, 1, 1, 2000, 40, 1, 1, 2000}));
  }
}

TEST(Snapshot, NarrativesValidatedInSlicesGiveTheSameFindings) {
  // `launch` and `validate` read the innovations a slice at a time: the findings must be
  // the ones of a snapshot holding them all, short and unreadable narratives included.
  ScratchDir dir;
  auto db = dir.path() / "s.db";
  ImportOptions options;
  options.agency = "bappedalitbang";
  options.year = 2026;
  ASSERT_TRUE(import_into_store(db, {source_dir() / "inputs"}, options, catalog()).saved);
  Store store = Store::open(db, false);
  store.database().execute("UPDATE inovasi SET rancang_bangun = '[{\"p\":\"dua kata\"}]' WHERE rowid = 1");
  store.database().execute("UPDATE inovasi SET rancang_bangun = 'bukan json' WHERE rowid = 2");
  store.database().execute("UPDATE inovasi SET rancang_bangun = NULL WHERE rowid = 3");
  auto text = [](const ValidationReport& report) {
    std::string all;
    for (const auto& f : report.findings)
      all += std::string(severity_name(f.severity)) + " " + format_diagnostic(f) + "\n";
    return all;
  };
  std::string full = text(validate(Snapshot::load(store), catalog(), 2026));
  // As `inovasi validate` reads them: a slice at a time, none held.
  YearSource sliced(store, 2026, 2);
  EXPECT_TRUE(sliced.base().all("inovasi").empty());
  EXPECT_EQ(text(validate(sliced, catalog())), full);
  EXPECT_THAT(full, HasSubstr("rancang_bangun: 2 words"));
  EXPECT_THAT(full, HasSubstr("rancang_bangun: 0 words"));
  EXPECT_THAT(full, HasSubstr("rancang_bangun: stored narrative is not valid"));
}

TEST(Catalog, EditionsByYearAndBands) {
  EXPECT_EQ(catalog().indicators_for(2023).edition, 2023);
  EXPECT_EQ(catalog().indicators_for(2020).edition, 2023);  // older years use the oldest edition
  EXPECT_EQ(catalog().indicators_for(2024).indicator(4)->label, "Alat Kerja");
  EXPECT_EQ(catalog().indicators_for(2023).indicator(4)->label, "Penggunaan IT");
  EXPECT_EQ(catalog().indicators_for(2023).max_score(), 111);
  EXPECT_EQ(catalog().indicators_for(2023).band_for(61), "Sangat Inovatif");
  EXPECT_EQ(catalog().indicators_for(2023).band_for(60), "Inovatif");
  EXPECT_EQ(catalog().indicators_for(2025).band_for(64), "Inovatif");
  EXPECT_EQ(catalog().indicators_for(2025).band_for(65), "Sangat Inovatif");
  EXPECT_EQ(catalog().indicators_for(2023).band_for(34.5), "Kurang Inovatif");
}

TEST(Catalog, EnumerationAliases) {
  const auto* bentuk = catalog().enumeration("bentuk");
  ASSERT_NE(bentuk, nullptr);
  EXPECT_EQ(bentuk->match("Inovasi Tata Kelola Pemerintah Daerah").canonical,
            "Inovasi Tata Kelola Pemerintahan Daerah");
  EXPECT_TRUE(bentuk->match("Belum ditentukan").known);
  EXPECT_EQ(bentuk->match("Belum ditentukan").canonical, "");
  EXPECT_FALSE(bentuk->match("Sesuatu").known);
  EXPECT_EQ(catalog().rank_by_golongan("iv/b")->pangkat, "Pembina Tingkat I");
}

TEST(Catalog, BrokenCatalogueFilesNameTheFile) {
  ScratchDir dir;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "templates" / "catalog")) {
    std::filesystem::copy(entry.path(), dir.path() / entry.path().filename());
  }
  dir.write("rules.json", "{ not json");
  try {
    Catalog::load(dir.path());
    FAIL() << "expected CatalogError";
  } catch (const CatalogError& e) {
    EXPECT_THAT(e.what(), HasSubstr("rules.json: not valid JSON"));
  }
}

}  // namespace
}  // namespace inovasi
