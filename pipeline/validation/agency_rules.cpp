// Programme rules per agency and year: facilitators, team, innovations, signatories.

#include "model/number_pattern.h"
#include "model/text.h"
#include "model/report_paper.h"
#include "validation/finding_codes.h"
#include "validation/validation.h"

namespace inovasi {
namespace {

bool is_team_member(const Record& facilitator, const std::vector<const Record*>& members) {
  for (const auto* member : members) {
    if (facilitator.has("nip") && member->get("nip") == facilitator.get("nip")) return true;
    if (match_key(member->get("nama")) == match_key(facilitator.get("nama"))) return true;
  }
  return false;
}

void check_facilitators(const Snapshot& snapshot, const ProgrammeRules& rules, const Record& agency,
                        const std::string& year, Findings& findings) {
  auto facilitators = snapshot.where("fasilitator", "instansi", agency.get("kode"));
  auto wanted = static_cast<std::size_t>(rules.facilitators_per_agency);
  if (facilitators.size() < wanted) {
    findings.error(agency, "fasilitator", finding::kTooFewFacilitators,
                   {{"jumlah", std::to_string(facilitators.size())}, {"wajib", std::to_string(wanted)}});
  } else if (facilitators.size() > wanted) {
    findings.warning(agency, "fasilitator", finding::kTooManyFacilitators,
                     {{"jumlah", std::to_string(facilitators.size())}, {"wajib", std::to_string(wanted)}});
  }
  auto members = snapshot.where("anggota_tim", "instansi", agency.get("kode"), year);
  for (const auto* facilitator : facilitators) {
    if (rules.facilitators_must_be_pns && facilitator->get("pns") != "1") {
      findings.error(*facilitator, "pns", finding::kFacilitatorNotCivilServant);
    }
    if (rules.facilitators_must_be_pns && facilitator->get("pns") == "1" && !facilitator->has("nip")) {
      findings.error(*facilitator, "nip", finding::kFacilitatorWithoutNip);
    }
    if (rules.facilitators_in_team && !is_team_member(*facilitator, members)) {
      findings.error(*facilitator, "anggota_tim", finding::kFacilitatorNotInTeam, {{"tahun", year}});
    }
  }
}

void check_team(const Snapshot& snapshot, const Record& agency, const std::string& year, Findings& findings) {
  auto teams = snapshot.where("tim_inovasi", "instansi", agency.get("kode"), year);
  if (teams.empty()) {
    findings.error(agency, "tim_inovasi", finding::kNoTeam, {{"tahun", year}});
    return;
  }
  const Record& team = *teams.front();
  if (!team.has("nomor_sk")) findings.error(team, "nomor_sk", finding::kTeamWithoutDecreeNumber);
  if (!team.has("tanggal_sk")) findings.error(team, "tanggal_sk", finding::kTeamWithoutDecreeDate);
}

void check_signatory(const Record& agency, Findings& findings) {
  // The agency head signs the performance contract as PIHAK PERTAMA.
  if (!agency.has("kepala_nama")) findings.error(agency, "kepala_nama", finding::kAgencyHeadWithoutName);
  if (!agency.has("kepala_jabatan")) findings.error(agency, "kepala_jabatan", finding::kAgencyHeadWithoutOffice);
  if (!agency.has("kepala_nip")) findings.error(agency, "kepala_nip", finding::kAgencyHeadWithoutNip);
}

}  // namespace

void check_region(const Snapshot& snapshot, Findings& findings) {
  const Record* region = snapshot.region();
  if (!region) {
    Record placeholder;
    placeholder.kind = find_record_kind("daerah");
    findings.error(placeholder, "", finding::kNoRegion);
    return;
  }
  for (const auto& spec : region->kind->fields) {
    if (spec.type != FieldType::NumberPattern || !region->has(spec.name)) continue;
    if (auto problem = number_pattern_problem(region->get(spec.name))) {
      findings.error(*region, std::string(spec.name), finding::kRegionNumberPattern,
                     {{"nilai", std::string(region->get(spec.name))}, {"masalah", *problem}});
    }
  }
  if (region->has("kertas_laporan") && !report_paper(region->get("kertas_laporan"))) {
    findings.error(*region, "kertas_laporan", finding::kRegionReportPaper,
                   {{"nilai", std::string(region->get("kertas_laporan"))}});
  }
  if (!region->has("kepala_bappeda_nama")) {
    findings.warning(*region, "kepala_bappeda_nama", finding::kRegionNoBappedaHead);
  }
}

void check_agencies(const Snapshot& snapshot, const Catalog& catalog, int year, const InnovationFacts& innovations,
                    Findings& findings) {
  const auto& rules = catalog.rules();
  std::string year_text = std::to_string(year);
  for (const auto& agency : snapshot.all("instansi")) {
    check_facilitators(snapshot, rules, agency, year_text, findings);
    check_team(snapshot, agency, year_text, findings);
    check_signatory(agency, findings);
    if (innovations.designed_by(agency.get("kode")) < static_cast<std::size_t>(rules.innovations_per_agency_per_year)) {
      findings.error(agency, "inovasi", finding::kAgencyWithoutInnovation, {{"tahun", year_text}});
    }
  }
  for (const auto& line : snapshot.all("perjanjian_kinerja")) {
    if (line.get("tahun") != year_text) continue;
    const auto* innovation = innovations.named(line.get("inovasi"));
    if (innovation && innovation->instansi != line.get("instansi")) {
      findings.error(line, "inovasi", finding::kContractInnovationOfAnotherAgency,
                     {{"instansi", innovation->instansi}});
    }
  }
}

}  // namespace inovasi
