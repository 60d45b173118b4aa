#include "model/schema.h"

namespace inovasi {
namespace {

using F = FieldType;

FieldSpec key(std::string_view name, FieldType type = F::Text) { return {name, type, true, true}; }
FieldSpec required(std::string_view name, FieldType type = F::Text) { return {name, type, true, false}; }
FieldSpec optional(std::string_view name, FieldType type = F::Text) { return {name, type, false, false}; }
FieldSpec enumerated(std::string_view name, std::string_view enumeration) {
  return {name, F::Enum, false, false, enumeration};
}
FieldSpec reference(std::string_view name, std::string_view kind, bool is_required, bool is_key = false) {
  return {name, F::Text, is_required, is_key, {}, kind};
}
FieldSpec year_key() { return {"tahun", F::Integer, true, true, {}, {}, 2000, 2100}; }

std::vector<RecordKind> build_kinds() {
  std::vector<RecordKind> kinds;
  kinds.push_back(
      {"daerah",
       "the regional government's profile: officials, letterhead, numbering",
       {key("kode"), required("nama_daerah"), required("sebutan_kepala_daerah"), required("nama_kepala_daerah"),
        required("tempat"), required("nama_bappeda"), optional("singkatan_bappeda"), optional("kepala_bappeda_nama"),
        optional("kepala_bappeda_nip", F::Nip), optional("kepala_bappeda_pangkat"), optional("kepala_bappeda_golongan"),
        optional("kepala_bappeda_jabatan"), optional("alamat_bappeda"), optional("telepon_bappeda"),
        optional("email_bappeda"), optional("laman_bappeda"), optional("lambang"),
        optional("pola_nomor_sertifikat", F::NumberPattern), optional("pola_nomor_perjanjian", F::NumberPattern),
        optional("pola_nomor_berita_acara", F::NumberPattern), optional("url_verifikasi"),
        // schema 2: scanned signatures and stamps (PNG with transparency) for --signed
        optional("ttd_kepala_daerah"), optional("stempel_kepala_daerah"), optional("ttd_kepala_bappeda"),
        optional("stempel_bappeda"), optional("kertas_laporan")},  // schema 8: A4 or F4, the reports' paper
       true});
  kinds.push_back(
      {"instansi",
       "agencies (Perangkat Daerah, Puskesmas) and their heads",
       {key("kode"), required("nama"), enumerated("jenis", "jenis_instansi"), optional("singkatan"), optional("alamat"),
        optional("telepon"), optional("email"), optional("laman"), optional("kepala_nama"),
        optional("kepala_nip", F::Nip), optional("kepala_pangkat"), optional("kepala_golongan"),
        optional("kepala_jabatan"), optional("kepala_ttd"), optional("stempel")},  // schema 2
       false,
       {},
       "nama",
       {"nama", "singkatan"}});
  kinds.push_back(
      {"fasilitator",
       "the innovation facilitators each agency names",
       {reference("instansi", "instansi", true, true), key("nama"), optional("nip", F::Nip), required("pns", F::Bool),
        optional("pangkat"), optional("golongan"), optional("jabatan"), optional("no_hp"), optional("email")}});
  kinds.push_back({"tim_inovasi",
                   "agency innovation teams (Tim Pengelola Inovasi) and their SK",
                   {reference("instansi", "instansi", true, true), year_key(), optional("nomor_sk"),
                    optional("tanggal_sk", F::Date), optional("penetap_sk")}});
  kinds.push_back({"anggota_tim",
                   "members of the agency innovation teams",
                   {reference("instansi", "instansi", true, true), year_key(), key("nama"), optional("nip", F::Nip),
                    optional("jabatan"), optional("peran_tim")}});
  kinds.push_back({"inovasi",
                   "innovations with every IGA profile field",
                   {key("kode"),
                    year_key(),
                    required("nama"),
                    reference("instansi", "instansi", false),
                    enumerated("tahapan", "tahapan"),
                    enumerated("jenis", "jenis"),
                    enumerated("inisiator", "inisiator"),
                    enumerated("bentuk", "bentuk"),
                    enumerated("urusan", "urusan"),
                    {"urusan_lain", F::EnumList, false, false, "urusan"},
                    optional("waktu_uji_coba", F::Date),
                    optional("waktu_penerapan", F::Date),
                    optional("rancang_bangun", F::Narrative),
                    optional("tujuan", F::Narrative),
                    optional("manfaat", F::Narrative),
                    optional("hasil", F::Narrative),
                    optional("diajukan_iga", F::Bool),
                    optional("tautan_video"),
                    optional("anggaran", F::Amount)},  // last since schema 4 (made TEXT)
                   false,
                   {"waktu_penerapan", "waktu_uji_coba"},
                   "nama",
                   {"nama"}});
  kinds.push_back({"jawaban_indikator",
                   "IGA indicator answers with their evidence",
                   {reference("inovasi", "inovasi", true, true),
                    year_key(),
                    {"indikator", F::Integer, true, true, {}, {}, 1, 99},
                    {"level", F::Integer, false, false, {}, {}, 0, 3},
                    optional("bukti"),
                    enumerated("status_bukti", "status_bukti")}});
  kinds.push_back(
      {"perjanjian_kinerja",
       "performance contract lines (agency × year × innovation)",
       {reference("instansi", "instansi", true, true), year_key(), reference("inovasi", "inovasi", true, true),
        enumerated("target_tahapan", "tahapan"), optional("jadwal"), optional("indikator"), optional("keterangan"),
        optional("tanggal_tanda_tangan", F::Date),
        optional("anggaran", F::Amount)}});  // last since schema 4 (made TEXT)
  kinds.push_back({"tim_bappeda",
                   "members of the Bappeda discussion-room team",
                   {key("nip", F::Nip), required("nama"), optional("pangkat"), optional("golongan"),
                    optional("jabatan"), optional("peran_tim")}});
  kinds.push_back({"permohonan_diskusi",
                   "requests for a Ruang Diskusi Rutin Inovasi session",
                   {key("kode"),
                    {"tahun", F::Integer, true, false, {}, {}, 2000, 2100},
                    reference("instansi", "instansi", true),
                    reference("inovasi", "inovasi", false),
                    required("tanggal_permohonan", F::Date),
                    required("permasalahan", F::Narrative),
                    optional("tanggal_diinginkan", F::Date),
                    enumerated("mode", "mode_diskusi"),
                    optional("kontak_nama"),
                    optional("kontak_hp"),
                    {"petugas", F::NipList, false, false, {}, "tim_bappeda"}},
                   false,
                   {"tanggal_permohonan"}});
  kinds.push_back({"sesi_diskusi",
                   "discussion sessions held, with their outcome",
                   {key("kode"), reference("permohonan", "permohonan_diskusi", true), optional("nomor"),
                    required("tanggal", F::Date), optional("jam_mulai"), optional("jam_selesai"), optional("tempat"),
                    enumerated("mode", "mode_diskusi"), optional("permasalahan", F::Narrative),
                    optional("pembahasan", F::Narrative), optional("solusi", F::Narrative),
                    optional("tindak_lanjut", F::Narrative), optional("eskalasi", F::Narrative)}});
  kinds.push_back(
      {"kehadiran",
       "attendance at discussion sessions",
       {reference("sesi", "sesi_diskusi", true, true), key("nama"), optional("nip", F::Nip), optional("pangkat"),
        optional("golongan"), optional("jabatan"), optional("instansi"), optional("no_hp"), optional("peran")}});
  kinds.push_back({"penghargaan",
                   "awards (trophy and certificate) given at the Launching Inovasi",
                   {reference("inovasi", "inovasi", true, true), year_key(), optional("jenis"),
                    optional("tanggal", F::Date), optional("keterangan")}});
  // schema 2: programme events (workshop, facilitator meeting, desk, launching) and
  // who is invited, for the attendance lists that are IGA evidence (indicator 5).
  kinds.push_back({"kegiatan",
                   "programme events that need an attendance list",
                   {key("kode"),
                    {"tahun", F::Integer, true, false, {}, {}, 2000, 2100},
                    required("nama_kegiatan"),
                    enumerated("jenis", "jenis_kegiatan"),
                    required("tanggal", F::Date),
                    optional("jam_mulai"),
                    optional("jam_selesai"),
                    required("tempat"),
                    optional("undang_fasilitator", F::Bool)},
                   false,
                   {"tanggal"}});
  kinds.push_back({"undangan",
                   "people invited to an event, beyond the facilitators",
                   {reference("kegiatan", "kegiatan", true, true), key("nama"), optional("nip", F::Nip),
                    optional("jabatan"), optional("instansi"), optional("no_hp")}});
  return kinds;
}

}  // namespace

const FieldSpec* RecordKind::field(std::string_view field_name) const {
  for (const auto& spec : fields) {
    if (spec.name == field_name) return &spec;
  }
  return nullptr;
}

std::vector<std::string_view> RecordKind::key_fields() const {
  std::vector<std::string_view> keys;
  for (const auto& spec : fields) {
    if (spec.key) keys.push_back(spec.name);
  }
  return keys;
}

const std::vector<RecordKind>& record_kinds() {
  static const std::vector<RecordKind> kinds = build_kinds();  // immutable after first use
  return kinds;
}

const RecordKind* find_record_kind(std::string_view name) {
  for (const auto& kind : record_kinds()) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

bool code_names_files(const RecordKind& kind) {
  static constexpr std::string_view kKinds[] = {"instansi", "inovasi", "permohonan_diskusi", "sesi_diskusi",
                                                "kegiatan"};
  for (auto name : kKinds) {
    if (kind.name == name) return true;
  }
  return false;
}

bool keeps_raw_text(FieldType type) { return type == FieldType::Enum || type == FieldType::EnumList; }

std::string raw_column(std::string_view field_name) { return std::string(field_name) + "_asli"; }

}  // namespace inovasi
