#pragma once
// Every validation finding's stable code. The texts are the catalogue's
// (templates/catalog/temuan.json): a test renders each code listed here in both languages,
// so a rule cannot name a code without its texts.

#include <array>
#include <string_view>

namespace inovasi::finding {

inline constexpr std::string_view kNoRegion = "daerah.tidak_ada";
inline constexpr std::string_view kRegionNumberPattern = "daerah.pola_nomor";
inline constexpr std::string_view kRegionNoBappedaHead = "daerah.tanpa_kepala_bappeda";
inline constexpr std::string_view kRegionReportPaper = "daerah.kertas_laporan";
inline constexpr std::string_view kTooFewFacilitators = "fasilitator.kurang";
inline constexpr std::string_view kTooManyFacilitators = "fasilitator.lebih";
inline constexpr std::string_view kFacilitatorNotCivilServant = "fasilitator.bukan_pns";
inline constexpr std::string_view kFacilitatorWithoutNip = "fasilitator.tanpa_nip";
inline constexpr std::string_view kFacilitatorNotInTeam = "fasilitator.bukan_anggota_tim";
inline constexpr std::string_view kNoTeam = "tim.tidak_ada";
inline constexpr std::string_view kTeamWithoutDecreeNumber = "tim.tanpa_nomor_sk";
inline constexpr std::string_view kTeamWithoutDecreeDate = "tim.tanpa_tanggal_sk";
inline constexpr std::string_view kAgencyHeadWithoutName = "instansi.tanpa_nama_kepala";
inline constexpr std::string_view kAgencyHeadWithoutOffice = "instansi.tanpa_jabatan_kepala";
inline constexpr std::string_view kAgencyHeadWithoutNip = "instansi.tanpa_nip_kepala";
inline constexpr std::string_view kAgencyWithoutInnovation = "instansi.tanpa_inovasi";
inline constexpr std::string_view kContractInnovationOfAnotherAgency = "perjanjian.inovasi_instansi_lain";
inline constexpr std::string_view kUnknownRank = "pangkat.tidak_dikenal";
inline constexpr std::string_view kUnknownGrade = "golongan.tidak_dikenal";
inline constexpr std::string_view kGradeNotOfRank = "golongan.tidak_sesuai_pangkat";
inline constexpr std::string_view kNipLength = "nip.panjang";
inline constexpr std::string_view kNipBirthDate = "nip.tanggal_lahir";
inline constexpr std::string_view kNipAppointmentMonth = "nip.bulan_pengangkatan";
inline constexpr std::string_view kNipAppointedTooYoung = "nip.pengangkatan_terlalu_dini";
inline constexpr std::string_view kNipGender = "nip.jenis_kelamin";
inline constexpr std::string_view kSessionBeforeRequest = "sesi.sebelum_permohonan";
inline constexpr std::string_view kSessionTimeInvalid = "sesi.jam_tidak_sah";
inline constexpr std::string_view kSessionEndsBeforeStart = "sesi.selesai_sebelum_mulai";
inline constexpr std::string_view kSessionWithoutAttendance = "sesi.tanpa_kehadiran";
inline constexpr std::string_view kRequestStaffCount = "permohonan.jumlah_petugas";
inline constexpr std::string_view kRequestStaffNotInTeam = "permohonan.petugas_bukan_tim";
inline constexpr std::string_view kRequestPreferredBeforeRequest = "permohonan.tanggal_diinginkan";
inline constexpr std::string_view kAwardNotQualified = "penghargaan.tidak_memenuhi_syarat";
inline constexpr std::string_view kInnovationWithoutAgency = "inovasi.tanpa_instansi";
inline constexpr std::string_view kTrialAfterApplication = "inovasi.uji_coba_setelah_penerapan";
inline constexpr std::string_view kApplicationWithoutDate = "inovasi.penerapan_tanpa_tanggal";
inline constexpr std::string_view kTrialWithoutDate = "inovasi.uji_coba_tanpa_tanggal";
inline constexpr std::string_view kNarrativeUnreadable = "narasi.rusak";
inline constexpr std::string_view kNarrativeTooLong = "narasi.terlalu_panjang";
inline constexpr std::string_view kNarrativeTooShort = "narasi.kurang_kata";
inline constexpr std::string_view kUnknownValue = "isian.tidak_dikenal";
inline constexpr std::string_view kNotFilledIn = "isian.kosong";
inline constexpr std::string_view kUnknownIndicator = "indikator.tidak_ada";
inline constexpr std::string_view kLevelWithoutEvidence = "indikator.tanpa_bukti";

inline constexpr std::array kAllCodes{kNoRegion,
                                      kRegionNumberPattern,
                                      kRegionNoBappedaHead,
                                      kRegionReportPaper,
                                      kTooFewFacilitators,
                                      kTooManyFacilitators,
                                      kFacilitatorNotCivilServant,
                                      kFacilitatorWithoutNip,
                                      kFacilitatorNotInTeam,
                                      kNoTeam,
                                      kTeamWithoutDecreeNumber,
                                      kTeamWithoutDecreeDate,
                                      kAgencyHeadWithoutName,
                                      kAgencyHeadWithoutOffice,
                                      kAgencyHeadWithoutNip,
                                      kAgencyWithoutInnovation,
                                      kContractInnovationOfAnotherAgency,
                                      kUnknownRank,
                                      kUnknownGrade,
                                      kGradeNotOfRank,
                                      kNipLength,
                                      kNipBirthDate,
                                      kNipAppointmentMonth,
                                      kNipAppointedTooYoung,
                                      kNipGender,
                                      kSessionBeforeRequest,
                                      kSessionTimeInvalid,
                                      kSessionEndsBeforeStart,
                                      kSessionWithoutAttendance,
                                      kRequestStaffCount,
                                      kRequestStaffNotInTeam,
                                      kRequestPreferredBeforeRequest,
                                      kAwardNotQualified,
                                      kInnovationWithoutAgency,
                                      kTrialAfterApplication,
                                      kApplicationWithoutDate,
                                      kTrialWithoutDate,
                                      kNarrativeUnreadable,
                                      kNarrativeTooLong,
                                      kNarrativeTooShort,
                                      kUnknownValue,
                                      kNotFilledIn,
                                      kUnknownIndicator,
                                      kLevelWithoutEvidence};

}  // namespace inovasi::finding
