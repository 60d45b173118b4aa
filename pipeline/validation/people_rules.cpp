// Every person the store names: NIP structure and rank from the official list.

#include "model/nip.h"
#include "model/text.h"
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
    findings.error(record, std::string(fields.pangkat),
                   "'" + std::string(pangkat) + "' is not a rank of the official list");
  }
  if (!golongan.empty() && !by_golongan) {
    findings.error(record, std::string(fields.golongan),
                   "'" + std::string(golongan) + "' is not a golongan (e.g. III/c, IV/b)");
  }
  if (by_pangkat && by_golongan && by_pangkat != by_golongan) {
    findings.error(record, std::string(fields.golongan),
                   "golongan " + std::string(golongan) + " does not go with " + by_pangkat->pangkat + " (" +
                       by_pangkat->golongan + ")");
  }
}

}  // namespace

void check_people(const Snapshot& snapshot, const Catalog& catalog, Findings& findings) {
  for (const auto& fields : kPeople) {
    for (const auto& record : snapshot.all(fields.kind)) {
      if (record.has(fields.nip)) {
        for (const auto& problem : nip_problems(record.get(fields.nip))) {
          findings.error(record, std::string(fields.nip), "NIP " + format_nip(record.get(fields.nip)) + ": " + problem);
        }
      }
      check_rank(record, fields, catalog, findings);
    }
  }
}

}  // namespace inovasi
