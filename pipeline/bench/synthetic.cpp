#include "bench/synthetic.h"

#include <array>
#include <cstdio>
#include <random>

#include "importers/narrative_parser.h"
#include "model/narrative.h"
#include "model/text.h"

namespace inovasi::bench {
namespace {

constexpr std::array<std::string_view, 24> kWords{
    "Pelayanan", "Terpadu", "Digital",      "Desa",         "Kesehatan",  "Pendidikan", "Masyarakat", "Sehat",
    "Cerdas",    "Inovasi", "Administrasi", "Kependudukan", "Pertanian",  "Ketahanan",  "Pangan",     "Gizi",
    "Anak",      "Lansia",  "Perizinan",    "Keliling",     "Elektronik", "Bersama",    "Gotong",     "Royong"};
constexpr std::array<std::string_view, 12> kAgencies{
    "Dinas Kesehatan",
    "Dinas Pendidikan",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Pertanian",
    "Dinas Komunikasi dan Informatika",
    "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    "Dinas Sosial",
    "Rumah Sakit Umum Daerah",
    "Kecamatan",
    "Puskesmas",
    "Dinas Perhubungan",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"};

Record make(std::string_view kind) {
  Record record;
  record.kind = find_record_kind(kind);
  record.where = {"synthetic", 0};
  return record;
}

// An intro paragraph and a five-item list of about `words` words in all.
std::string narrative(std::mt19937& random, int words) {
  std::string text = "Dasar hukum dan latar belakang inovasi ini adalah kebutuhan pelayanan yang lebih baik.\n";
  for (int item = 1; item <= 5; ++item) {
    text += "  " + std::to_string(item) + ". ";
    for (int w = 0; w < words / 5; ++w) text += std::string(ascii_lower(kWords[random() % kWords.size()])) + " ";
    text += "\n";
  }
  return narrative_to_json(parse_narrative_text(text));
}

// A well-formed NIP: birth date, appointment month, sex, sequence.
std::string nip(std::size_t n) {
  char text[19];
  std::snprintf(text, sizeof text, "%04zu%02zu%02zu%04zu%02zu%zu%03zu", 1965 + n % 30, 1 + n % 12, 1 + n % 28,
                1990 + n % 30, 1 + n % 12, 1 + n % 2, 1 + n % 999);
  return text;
}

// Twenty innovations per agency, as in a mid-sized region.
std::size_t agency_count(std::size_t innovations) { return std::max<std::size_t>(1, innovations / 20); }

// An enumerated field as an import leaves it: the value and the text it came from.
void set_enum(Record& record, const std::string& field, const std::string& value) {
  record.set(field, value);
  record.set(raw_column(field), value);
}

constexpr int kIndicators = 20;  // the IGA 2025 catalogue's

}  // namespace

Dataset synthetic_agencies(std::size_t innovations, int year) {
  Dataset dataset;
  Record region = make("daerah");
  for (auto [field, value] : {std::pair{"kode", "contoh"},
                              {"nama_daerah", "Kabupaten Contoh"},
                              {"sebutan_kepala_daerah", "Bupati"},
                              {"nama_kepala_daerah", "Drs. Contoh Nama Bupati, M.Si"},
                              {"tempat", "Kota Contoh"},
                              {"nama_bappeda", "Badan Perencanaan Pembangunan Daerah"},
                              {"singkatan_bappeda", "Bappeda"},
                              {"pola_nomor_sertifikat", "000.8.3.3/{urut}/Bappeda/{tahun}"}}) {
    region.set(field, value);
  }
  // A region that prints verification QR codes points them at a page of its own: the
  // code alone (what an empty url_verifikasi gives) makes a smaller, faster QR code than
  // real certificates carry.
  region.set("url_verifikasi", "https://inovasi.contohkab.go.id/verifikasi");
  region.set("kepala_bappeda_nama", "Ir. Contoh Kepala Bappeda, M.T.");
  region.set("kepala_bappeda_nip", nip(7));
  dataset.records.push_back(region);
  Record launching = make("kegiatan");
  launching.set("kode", "launching");
  launching.set("tahun", std::to_string(year));
  launching.set("nama_kegiatan", "Launching Inovasi");
  launching.set("jenis", "Launching Inovasi");
  launching.set("tanggal", std::to_string(year) + "-02-24");
  launching.set("tempat", "Aula");
  dataset.records.push_back(launching);
  std::size_t agencies = agency_count(innovations);
  for (std::size_t a = 0; a < agencies; ++a) {
    Record agency = make("instansi");
    agency.set("kode", "opd-" + std::to_string(a + 1));
    agency.set("nama", std::string(kAgencies[a % kAgencies.size()]) + " " + std::to_string(a / kAgencies.size() + 1));
    agency.set("kepala_nama", "Kepala Perangkat Daerah " + std::to_string(a + 1));
    agency.set("kepala_nip", nip(a));
    agency.set("kepala_jabatan", "Kepala " + std::string(kAgencies[a % kAgencies.size()]));
    dataset.records.push_back(agency);
    // A complete agency, as a submission to the IGA comes: a team with its SK, and two
    // facilitators who are civil servants on that team.
    Record team = make("tim_inovasi");
    team.set("instansi", std::string(agency.get("kode")));
    team.set("tahun", std::to_string(year));
    team.set("nomor_sk", "000.8.3.3/" + std::to_string(a + 1) + "/SK/" + std::to_string(year));
    team.set("tanggal_sk", std::to_string(year) + "-01-10");
    dataset.records.push_back(team);
    for (int f = 0; f < 2; ++f) {
      Record facilitator = make("fasilitator");
      facilitator.set("instansi", std::string(agency.get("kode")));
      facilitator.set("nama", "Fasilitator " + std::to_string(f + 1) + " Perangkat Daerah " + std::to_string(a + 1));
      facilitator.set("nip", nip(1000 + 2 * a + static_cast<std::size_t>(f)));
      facilitator.set("pns", "1");
      dataset.records.push_back(facilitator);
      Record member = make("anggota_tim");
      member.set("instansi", std::string(agency.get("kode")));
      member.set("tahun", std::to_string(year));
      member.set("nama", std::string(facilitator.get("nama")));
      member.set("nip", std::string(facilitator.get("nip")));
      member.set("peran_tim", "Anggota");
      dataset.records.push_back(member);
    }
  }
  return dataset;
}

Dataset synthetic_innovations(std::size_t innovations, int year, std::size_t first, std::size_t last) {
  std::size_t agencies = agency_count(innovations);
  Dataset dataset;
  for (std::size_t i = first; i < last && i < innovations; ++i) {
    std::mt19937 random(static_cast<unsigned>(i));  // each innovation alone: any slice is the same records
    // Names of every length: from two words to a long descriptive title with an acronym.
    std::size_t words = 2 + random() % 14;
    std::string name, acronym;
    for (std::size_t w = 0; w < words; ++w) {
      auto word = kWords[random() % kWords.size()];
      name += (w ? " " : "") + ascii_upper(word);
      if (acronym.size() < 6) acronym += word.substr(0, 1 + random() % 2);
    }
    name += " (" + ascii_upper(acronym) + ") " + std::to_string(i + 1);
    Record innovation = make("inovasi");
    innovation.set("kode", "inovasi-" + std::to_string(i + 1));
    innovation.set("tahun", std::to_string(year));
    innovation.set("nama", name);
    innovation.set("instansi", "opd-" + std::to_string(i % agencies + 1));
    set_enum(innovation, "tahapan", "Penerapan");
    set_enum(innovation, "jenis", i % 2 ? "Digital" : "Non Digital");
    set_enum(innovation, "inisiator", i % 3 ? "OPD" : "Kepala Daerah");
    set_enum(innovation, "bentuk", "Inovasi Pelayanan Publik");
    set_enum(innovation, "urusan", i % 2 ? "Kesehatan" : "Pendidikan");
    innovation.set("waktu_uji_coba", std::to_string(year - 1) + "-03-01");
    innovation.set("waktu_penerapan", std::to_string(year - 1) + "-09-01");
    innovation.set("rancang_bangun", narrative(random, 330));
    innovation.set("tujuan", narrative(random, 40));
    innovation.set("manfaat", narrative(random, 40));
    innovation.set("hasil", narrative(random, 20));
    innovation.set("diajukan_iga", "1");
    std::string code(innovation.get("kode"));
    dataset.records.push_back(std::move(innovation));
    // An answer to each of the IGA's 20 indicators, as a submission has them: most with
    // a level and its evidence, some still without.
    for (int indicator = 1; indicator <= kIndicators; ++indicator) {
      Record answer = make("jawaban_indikator");
      answer.set("inovasi", code);
      answer.set("tahun", std::to_string(year));
      answer.set("indikator", std::to_string(indicator));
      int level = static_cast<int>(random() % 4);
      answer.set("level", std::to_string(level));
      if (level > 0) {
        answer.set("bukti", "Dokumen pendukung indikator " + std::to_string(indicator) + " untuk " + acronym);
        set_enum(answer, "status_bukti", random() % 5 ? "Lengkap" : "Belum Lengkap");
      } else {
        set_enum(answer, "status_bukti", "Tidak Ada");
      }
      dataset.records.push_back(std::move(answer));
    }
  }
  return dataset;
}

void save_synthetic_dataset(Store& store, std::size_t innovations, int year) {
  store.save(synthetic_agencies(innovations, year));
  // In slices, so the benchmark's own data never holds every narrative at once.
  constexpr std::size_t kSlice = 2000;
  for (std::size_t first = 0; first < innovations; first += kSlice) {
    store.save(synthetic_innovations(innovations, year, first, first + kSlice));
  }
}

}  // namespace inovasi::bench
