// Ruang Diskusi Rutin Inovasi: requests, sessions, attendance; and the award criteria.

#include "model/clock.h"
#include "validation/finding_codes.h"
#include "validation/validation.h"

namespace inovasi {
namespace {

void check_session(const Snapshot& snapshot, const Record& session, const Record& request, Findings& findings) {
  if (session.get("tanggal") < request.get("tanggal_permohonan")) {
    findings.error(session, "tanggal", finding::kSessionBeforeRequest,
                   {{"tanggal", std::string(session.get("tanggal"))},
                    {"tanggal_permohonan", std::string(request.get("tanggal_permohonan"))}});
  }
  for (auto field : {"jam_mulai", "jam_selesai"}) {
    if (session.has(field) && minutes_of_day(session.get(field)) < 0) {
      findings.error(session, field, finding::kSessionTimeInvalid, {{"nilai", std::string(session.get(field))}});
    }
  }
  int start = minutes_of_day(session.get("jam_mulai"));
  int end = minutes_of_day(session.get("jam_selesai"));
  if (start >= 0 && end >= 0 && end <= start) findings.error(session, "jam_selesai", finding::kSessionEndsBeforeStart);
  if (snapshot.where("kehadiran", "sesi", session.get("kode")).empty()) {
    findings.warning(session, "kehadiran", finding::kSessionWithoutAttendance);
  }
}

}  // namespace

void check_discussions(const Snapshot& snapshot, int year, Findings& findings) {
  std::string year_text = std::to_string(year);
  for (const auto& request : snapshot.all("permohonan_diskusi")) {
    if (request.get("tahun") != year_text) continue;
    auto assigned = list_from_json(request.get("petugas"));
    if (!assigned.empty() && assigned.size() != 2) {
      findings.warning(request, "petugas", finding::kRequestStaffCount, {{"jumlah", std::to_string(assigned.size())}});
    }
    for (const auto& nip : assigned) {
      if (snapshot.where("tim_bappeda", "nip", nip).empty()) {
        findings.error(request, "petugas", finding::kRequestStaffNotInTeam, {{"nip", nip}});
      }
    }
    if (request.has("tanggal_diinginkan") && request.get("tanggal_diinginkan") < request.get("tanggal_permohonan")) {
      findings.error(request, "tanggal_diinginkan", finding::kRequestPreferredBeforeRequest);
    }
    for (const auto* session : snapshot.where("sesi_diskusi", "permohonan", request.get("kode"))) {
      check_session(snapshot, *session, request, findings);
    }
  }
}

void check_awards(const Snapshot& snapshot, int year, const InnovationFacts& innovations, Findings& findings) {
  std::string year_text = std::to_string(year);
  for (const auto& award : snapshot.all("penghargaan")) {
    if (award.get("tahun") != year_text) continue;
    const auto* innovation = innovations.named(award.get("inovasi"));
    if (!innovation) continue;  // the store's foreign key makes this impossible
    // Trophy and certificate go to innovations applied (Penerapan) and submitted to the IGA.
    if (!innovation->stage_penerapan || !innovation->submitted_to_iga) {
      findings.error(award, "inovasi", finding::kAwardNotQualified, {}, innovation->instansi);
    }
  }
}

}  // namespace inovasi
