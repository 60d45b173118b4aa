// Every person the store names: NIP structure and rank from the official list.

#include "model/nip.h"
#include "model/text.h"
#include "validation/finding_codes.h"
#include "validation/validation.h"

namespace inovasi {
namespace {

struct PersonFields {
  std::string_view kind;
  std::string_view nip;
  std::string_view pangkat;
  std::string_view golongan;
};

constexpr PersonFields kPeople[] = {
    {"daerah", "kepala_bappeda_nip", "kepala_bappeda_pangkat", "kepala_bappeda_golongan"},
    {"instansi", "kepala_nip", "kepala_pangkat", "kepala_golongan"},
    {"fasilitator", "nip", "pangkat", "golongan"},
    {"anggota_tim", "nip", {}, {}},
    {"tim_bappeda", "nip", "pangkat", "golongan"},
    {"kehadiran", "nip", "pangkat", "golongan"},
};

void check_rank(const Record& record, const PersonFields& fields, const Catalog& catalog, Findings& findings) {
  if (fields.pangkat.empty()) return;
  auto pangkat = record.get(fields.pangkat);
  auto golongan = record.get(fields.golongan);
  const Rank* by_pangkat = pangkat.empty() ? nullptr : catalog.rank_by_pangkat(pangkat);
  const Rank* by_golongan = golongan.empty() ? nullptr : catalog.rank_by_golongan(golongan);
  if (!pangkat.empty() && !by_pangkat) {
    findings.error(record, std::string(fields.pangkat), finding::kUnknownRank, {{"nilai", std::string(pangkat)}});
  }
  if (!golongan.empty() && !by_golongan) {
    findings.error(record, std::string(fields.golongan), finding::kUnknownGrade, {{"nilai", std::string(golongan)}});
  }
  if (by_pangkat && by_golongan && by_pangkat != by_golongan) {
    findings.error(record, std::string(fields.golongan), finding::kGradeNotOfRank,
                   {{"golongan", std::string(golongan)},
                    {"pangkat", by_pangkat->pangkat},
                    {"golongan_pangkat", by_pangkat->golongan}});
  }
}

void report_nip(const Record& record, std::string_view field, const NipProblem& problem, Findings& findings) {
  FindingParams params{{"nip", format_nip(record.get(field))}};
  std::string_view code;
  switch (problem.kind) {
    case NipProblem::Kind::Length:
      code = finding::kNipLength;
      break;
    case NipProblem::Kind::BirthDate:
      code = finding::kNipBirthDate;
      params.emplace_back("digit", problem.digits);
      break;
    case NipProblem::Kind::AppointmentMonth:
      code = finding::kNipAppointmentMonth;
      params.emplace_back("digit", problem.digits);
      break;
    case NipProblem::Kind::AppointedTooYoung:
      code = finding::kNipAppointedTooYoung;
      params.emplace_back("pengangkatan", problem.digits);
      params.emplace_back("lahir", problem.birth);
      break;
    case NipProblem::Kind::Gender:
      code = finding::kNipGender;
      params.emplace_back("digit", problem.digits);
      break;
  }
  findings.error(record, std::string(field), code, std::move(params));
}

}  // namespace

void check_people(const Snapshot& snapshot, const Catalog& catalog, Findings& findings) {
  for (const auto& fields : kPeople) {
    for (const auto& record : snapshot.all(fields.kind)) {
      if (record.has(fields.nip)) {
        for (const auto& problem : nip_check(record.get(fields.nip))) report_nip(record, fields.nip, problem, findings);
      }
      check_rank(record, fields, catalog, findings);
    }
  }
}

}  // namespace inovasi
