#include "store/migrations.h"

#include <array>
#include <string>

namespace inovasi {
namespace {

// Version 1: one table per record kind (model/schema.cpp). Columns are the field names;
// an enumerated field also keeps its raw text in <field>_asli. The natural key is UNIQUE
// so re-imports update in place. A test checks that these tables match the schema.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE daerah (
  kode TEXT NOT NULL PRIMARY KEY, nama_daerah TEXT NOT NULL, sebutan_kepala_daerah TEXT,
  nama_kepala_daerah TEXT NOT NULL, tempat TEXT NOT NULL, nama_bappeda TEXT NOT NULL, singkatan_bappeda TEXT,
  kepala_bappeda_nama TEXT, kepala_bappeda_nip TEXT, kepala_bappeda_pangkat TEXT, kepala_bappeda_golongan TEXT,
  kepala_bappeda_jabatan TEXT, alamat_bappeda TEXT, telepon_bappeda TEXT, email_bappeda TEXT, laman_bappeda TEXT,
  lambang TEXT, pola_nomor_sertifikat TEXT, pola_nomor_perjanjian TEXT, pola_nomor_berita_acara TEXT,
  url_verifikasi TEXT);
CREATE TABLE instansi (
  kode TEXT NOT NULL PRIMARY KEY, nama TEXT NOT NULL, jenis TEXT, jenis_asli TEXT, singkatan TEXT, alamat TEXT,
  telepon TEXT, email TEXT, laman TEXT, kepala_nama TEXT, kepala_nip TEXT, kepala_pangkat TEXT,
  kepala_golongan TEXT, kepala_jabatan TEXT);
CREATE TABLE fasilitator (
  instansi TEXT NOT NULL REFERENCES instansi(kode), nama TEXT NOT NULL, nip TEXT, pns INTEGER NOT NULL,
  pangkat TEXT, golongan TEXT, jabatan TEXT, no_hp TEXT, email TEXT, UNIQUE (instansi, nama));
CREATE TABLE tim_inovasi (
  instansi TEXT NOT NULL REFERENCES instansi(kode), tahun INTEGER NOT NULL, nomor_sk TEXT, tanggal_sk TEXT,
  penetap_sk TEXT, UNIQUE (instansi, tahun));
CREATE TABLE anggota_tim (
  instansi TEXT NOT NULL REFERENCES instansi(kode), tahun INTEGER NOT NULL, nama TEXT NOT NULL, nip TEXT,
  jabatan TEXT, peran_tim TEXT, UNIQUE (instansi, tahun, nama));
CREATE TABLE inovasi (
  kode TEXT NOT NULL, tahun INTEGER NOT NULL, nama TEXT NOT NULL, instansi TEXT REFERENCES instansi(kode),
  tahapan TEXT, tahapan_asli TEXT, jenis TEXT, jenis_asli TEXT, inisiator TEXT, inisiator_asli TEXT,
  bentuk TEXT, bentuk_asli TEXT, urusan TEXT, urusan_asli TEXT, urusan_lain TEXT, urusan_lain_asli TEXT,
  waktu_uji_coba TEXT, waktu_penerapan TEXT, rancang_bangun TEXT, tujuan TEXT, manfaat TEXT, hasil TEXT,
  diajukan_iga INTEGER, anggaran INTEGER, tautan_video TEXT, UNIQUE (kode, tahun));
CREATE TABLE jawaban_indikator (
  inovasi TEXT NOT NULL, tahun INTEGER NOT NULL, indikator INTEGER NOT NULL, level INTEGER, bukti TEXT,
  status_bukti TEXT, status_bukti_asli TEXT, UNIQUE (inovasi, tahun, indikator),
  FOREIGN KEY (inovasi, tahun) REFERENCES inovasi(kode, tahun));
CREATE TABLE perjanjian_kinerja (
  instansi TEXT NOT NULL REFERENCES instansi(kode), tahun INTEGER NOT NULL, inovasi TEXT NOT NULL,
  target_tahapan TEXT, target_tahapan_asli TEXT, jadwal TEXT, indikator TEXT, anggaran INTEGER, keterangan TEXT,
  tanggal_tanda_tangan TEXT, UNIQUE (instansi, tahun, inovasi),
  FOREIGN KEY (inovasi, tahun) REFERENCES inovasi(kode, tahun));
CREATE TABLE tim_bappeda (
  nip TEXT NOT NULL PRIMARY KEY, nama TEXT NOT NULL, pangkat TEXT, golongan TEXT, jabatan TEXT, peran_tim TEXT);
CREATE TABLE permohonan_diskusi (
  kode TEXT NOT NULL PRIMARY KEY, tahun INTEGER NOT NULL, instansi TEXT NOT NULL REFERENCES instansi(kode),
  inovasi TEXT, tanggal_permohonan TEXT NOT NULL, permasalahan TEXT NOT NULL, tanggal_diinginkan TEXT,
  mode TEXT, mode_asli TEXT, kontak_nama TEXT, kontak_hp TEXT, petugas TEXT,
  FOREIGN KEY (inovasi, tahun) REFERENCES inovasi(kode, tahun));
CREATE TABLE sesi_diskusi (
  kode TEXT NOT NULL PRIMARY KEY, permohonan TEXT NOT NULL REFERENCES permohonan_diskusi(kode), nomor TEXT,
  tanggal TEXT NOT NULL, jam_mulai TEXT, jam_selesai TEXT, tempat TEXT, mode TEXT, mode_asli TEXT,
  permasalahan TEXT, pembahasan TEXT, solusi TEXT, tindak_lanjut TEXT, eskalasi TEXT);
CREATE TABLE kehadiran (
  sesi TEXT NOT NULL REFERENCES sesi_diskusi(kode), nama TEXT NOT NULL, nip TEXT, pangkat TEXT, golongan TEXT,
  jabatan TEXT, instansi TEXT, no_hp TEXT, peran TEXT, UNIQUE (sesi, nama));
CREATE TABLE penghargaan (
  inovasi TEXT NOT NULL, tahun INTEGER NOT NULL, jenis TEXT, tanggal TEXT, keterangan TEXT,
  UNIQUE (inovasi, tahun), FOREIGN KEY (inovasi, tahun) REFERENCES inovasi(kode, tahun));
)sql";

// Version 2: events and invitations (attendance lists), signature and stamp images, and
// the registry of document numbers and verification codes. Columns are appended, so
// the record descriptions list new fields last.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE daerah ADD COLUMN ttd_kepala_daerah TEXT;
ALTER TABLE daerah ADD COLUMN stempel_kepala_daerah TEXT;
ALTER TABLE daerah ADD COLUMN ttd_kepala_bappeda TEXT;
ALTER TABLE daerah ADD COLUMN stempel_bappeda TEXT;
ALTER TABLE instansi ADD COLUMN kepala_ttd TEXT;
ALTER TABLE instansi ADD COLUMN stempel TEXT;
CREATE TABLE kegiatan (
  kode TEXT NOT NULL PRIMARY KEY, tahun INTEGER NOT NULL, nama_kegiatan TEXT NOT NULL, jenis TEXT, jenis_asli TEXT,
  tanggal TEXT NOT NULL, jam_mulai TEXT, jam_selesai TEXT, tempat TEXT NOT NULL, undang_fasilitator INTEGER);
CREATE TABLE undangan (
  kegiatan TEXT NOT NULL REFERENCES kegiatan(kode), nama TEXT NOT NULL, nip TEXT, jabatan TEXT, instansi TEXT,
  no_hp TEXT, UNIQUE (kegiatan, nama));
CREATE TABLE nomor_dokumen (
  jenis TEXT NOT NULL, kunci TEXT NOT NULL, tahun INTEGER NOT NULL, urut INTEGER NOT NULL, nomor TEXT NOT NULL,
  kode_verifikasi TEXT NOT NULL UNIQUE, sha256 TEXT, berkas TEXT,
  UNIQUE (jenis, kunci), UNIQUE (jenis, tahun, urut));
)sql";

// Version 3: innovations found by agency, as desk packets read them a group of agencies
// at a time (Store::scan_where_in), instead of every innovation for each group.
constexpr std::string_view kVersion3 = R"sql(
CREATE INDEX inovasi_by_instansi ON inovasi (instansi, tahun);
)sql";

// Version 4: amounts of rupiah are kept exactly as decimal text ("1500000.75"): an
// INTEGER column cannot hold sen, and a REAL one would change them. SQLite cannot change
// a column's type, so the column is added anew (last, as the record descriptions list
// it) and the whole rupiah stored so far are copied over as their digits.
constexpr std::string_view kVersion4 = R"sql(
ALTER TABLE inovasi ADD COLUMN anggaran_rupiah TEXT;
UPDATE inovasi SET anggaran_rupiah = CAST(anggaran AS TEXT) WHERE anggaran IS NOT NULL;
ALTER TABLE inovasi DROP COLUMN anggaran;
ALTER TABLE inovasi RENAME COLUMN anggaran_rupiah TO anggaran;
ALTER TABLE perjanjian_kinerja ADD COLUMN anggaran_rupiah TEXT;
UPDATE perjanjian_kinerja SET anggaran_rupiah = CAST(anggaran AS TEXT) WHERE anggaran IS NOT NULL;
ALTER TABLE perjanjian_kinerja DROP COLUMN anggaran;
ALTER TABLE perjanjian_kinerja RENAME COLUMN anggaran_rupiah TO anggaran;
)sql";

// Version 5: an issued document can be revoked (its number is never given again): the
// date and the reason, which `verify` reports.
constexpr std::string_view kVersion5 = R"sql(
ALTER TABLE nomor_dokumen ADD COLUMN dicabut TEXT;
ALTER TABLE nomor_dokumen ADD COLUMN alasan_pencabutan TEXT;
)sql";

// Version 6: a number is issued once per kind and year, whatever the pattern gives: the
// store refuses a second document with a number already issued. A trigger rather than
// a UNIQUE index, so that a store made before (where a pattern without {urut} gave many
// documents one number) still opens; those numbers stay as issued, and no new one joins them.
constexpr std::string_view kVersion6 = R"sql(
CREATE INDEX nomor_dokumen_by_nomor ON nomor_dokumen (jenis, tahun, nomor);
CREATE TRIGGER nomor_dokumen_issued_once BEFORE INSERT ON nomor_dokumen
WHEN EXISTS (SELECT 1 FROM nomor_dokumen WHERE jenis = NEW.jenis AND tahun = NEW.tahun AND nomor = NEW.nomor)
BEGIN SELECT RAISE(ABORT, 'nomor_dokumen: this number is already issued'); END;
CREATE TRIGGER nomor_dokumen_number_kept BEFORE UPDATE OF nomor, jenis, tahun ON nomor_dokumen
BEGIN SELECT RAISE(ABORT, 'nomor_dokumen: an issued number is never changed'); END;
)sql";

// Version 7: an issued file's own date, for the verification page (`inovasi serve`).
constexpr std::string_view kVersion7 = R"sql(
ALTER TABLE nomor_dokumen ADD COLUMN tanggal TEXT;
)sql";

// The paper a region prints its reports on (A4 unless it says F4).
constexpr std::string_view kVersion8 = R"sql(
ALTER TABLE daerah ADD COLUMN kertas_laporan TEXT;
)sql";

// What people do through the service: the agencies' private links and the attendance
// links of sessions (only their tokens' SHA-256 is kept), the team's accounts (Argon2id
// hashes) and login sessions (token hashes), the scans agencies upload, and the audit log
// of every change made through links, the console and the commands that grant access.
constexpr std::string_view kVersion9 = R"sql(
CREATE TABLE tautan_instansi (
  hash_token TEXT NOT NULL PRIMARY KEY, instansi TEXT NOT NULL REFERENCES instansi(kode), dibuat TEXT NOT NULL,
  berlaku_sampai TEXT NOT NULL, dicabut TEXT);
CREATE INDEX tautan_instansi_by_instansi ON tautan_instansi (instansi);
CREATE TABLE tautan_hadir (
  hash_token TEXT NOT NULL PRIMARY KEY, sesi TEXT NOT NULL REFERENCES sesi_diskusi(kode), dibuat TEXT NOT NULL,
  berlaku_sampai TEXT NOT NULL, oleh TEXT NOT NULL);
CREATE TABLE pengguna (
  nama TEXT NOT NULL PRIMARY KEY, peran TEXT NOT NULL CHECK (peran IN ('staff', 'admin')), hash_sandi TEXT NOT NULL,
  dibuat TEXT NOT NULL);
CREATE TABLE sesi_masuk (
  hash_token TEXT NOT NULL PRIMARY KEY, pengguna TEXT NOT NULL REFERENCES pengguna(nama) ON DELETE CASCADE,
  token_csrf TEXT NOT NULL, dibuat TEXT NOT NULL, berlaku_sampai TEXT NOT NULL);
CREATE TABLE pindaian (
  id INTEGER PRIMARY KEY AUTOINCREMENT, permohonan TEXT NOT NULL REFERENCES permohonan_diskusi(kode),
  jalur TEXT NOT NULL, jenis TEXT NOT NULL, ukuran INTEGER NOT NULL, sha256 TEXT NOT NULL, diunggah TEXT NOT NULL);
CREATE INDEX pindaian_by_permohonan ON pindaian (permohonan);
CREATE TABLE log_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT, waktu TEXT NOT NULL, pelaku TEXT NOT NULL, tindakan TEXT NOT NULL,
  data TEXT, nilai_lama TEXT, nilai_baru TEXT);
)sql";

constexpr std::array<std::string_view, 9> kMigrations{kVersion1, kVersion2, kVersion3, kVersion4, kVersion5,
                                                      kVersion6, kVersion7, kVersion8, kVersion9};

int user_version(Database& db) {
  auto statement = db.prepare("PRAGMA user_version");
  statement.step();
  return static_cast<int>(statement.column_int(0));
}

}  // namespace

int current_schema_version() { return static_cast<int>(kMigrations.size()); }

std::string_view migration_sql(int version) { return kMigrations.at(static_cast<std::size_t>(version - 1)); }

void migrate(Database& db) {
  auto check_not_newer = [&](int version) {
    if (version > current_schema_version()) {
      throw StoreError(db.path() + ": made by a newer inovasi (schema " + std::to_string(version) +
                       ", this build knows " + std::to_string(current_schema_version()) + ")");
    }
  };
  int version = user_version(db);
  check_not_newer(version);
  if (version == current_schema_version()) return;
  Transaction transaction(db);
  version = user_version(db);  // another process may have migrated while we waited for the lock
  check_not_newer(version);
  for (int next = version; next < current_schema_version(); ++next) {
    db.execute(kMigrations[static_cast<std::size_t>(next)]);
    db.execute("PRAGMA user_version = " + std::to_string(next + 1));
  }
  transaction.commit();
}

}  // namespace inovasi
