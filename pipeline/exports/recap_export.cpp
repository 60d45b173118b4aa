#include <map>

#include "documents/values.h"
#include "exports/exports.h"
#include "model/text.h"
#include "xlsx/workbook.h"

namespace inovasi::exports {
namespace {

double count_escalated(const Record& session) {
  return static_cast<double>(documents::narrative_items(session.get("eskalasi")).list_value().size());
}

// Berkas: the manifest's entries, one row each, with the manifest's own field names.
void write_files_sheet(xlsx::WorkbookWriter& book, const Manifest& files) {
  auto& sheet = book.add_sheet("Berkas");
  sheet.header({"jalur", "sha256", "ukuran", "jenis", "sumber", "kunci"});
  files.for_each([&](const ManifestEntry& entry) {
    if (entry.kind == kRecapKind) return;  // its own digest cannot be in it
    sheet.row({entry.path, entry.sha256, static_cast<double>(entry.size), entry.kind, entry.source, entry.key});
  });
}

}  // namespace

void write_recap(const ExportContext& context, const std::filesystem::path& target, const Manifest* files) {
  const Snapshot& s = context.snapshot();
  std::string year = std::to_string(context.year());
  // Streaming: the file list of a national year has tens of thousands of rows.
  xlsx::WorkbookWriter book(target, {"Rekap Inovasi " + year, "Rekap program inovasi", "inovasi", year, context.date},
                            xlsx::WorkbookWriter::Memory::Streaming);
  // The year's innovations counted per agency as they go by: a national year's are not
  // held (for_each_innovation).
  struct Innovations {
    double designed = 0, submitted = 0, certificates = 0;
  };
  std::map<std::string, Innovations, std::less<>> by_agency;
  context.source.for_each_innovation([&](const Record& innovation) {
    auto& counts = by_agency[std::string(innovation.get("instansi"))];
    ++counts.designed;
    counts.submitted += innovation.get("diajukan_iga") == "1";
    counts.certificates += !s.where("penghargaan", "inovasi", innovation.get("kode"), year).empty();
  });
  auto& sheet = book.add_sheet("Rekap");
  sheet.header({"instansi", "nama", "fasilitator_ditunjuk", "fasilitator_pns", "fasilitator_dalam_tim", "sk_tim",
                "inovasi_dirancang", "perjanjian_ditandatangani", "diajukan_iga", "sertifikat_diterbitkan", "diskusi",
                "masalah_dieskalasi"});
  for (const auto& agency : s.all("instansi")) {
    auto code = agency.get("kode");
    auto facilitators = s.where("fasilitator", "instansi", code);
    auto members = s.where("anggota_tim", "instansi", code, year);
    double pns = 0, in_team = 0;
    for (const auto* f : facilitators) {
      pns += f->get("pns") == "1";
      for (const auto* m : members) {
        if ((f->has("nip") && m->get("nip") == f->get("nip")) ||
            match_key(m->get("nama")) == match_key(f->get("nama"))) {
          ++in_team;
          break;
        }
      }
    }
    auto teams = s.where("tim_inovasi", "instansi", code, year);
    bool decree = !teams.empty() && teams.front()->has("nomor_sk") && teams.front()->has("tanggal_sk");
    auto counted = by_agency.find(code);
    Innovations innovations = counted == by_agency.end() ? Innovations{} : counted->second;
    bool signed_contract = false;
    for (const auto* line : s.where("perjanjian_kinerja", "instansi", code, year))
      signed_contract |= line->has("tanggal_tanda_tangan");
    double sessions = 0, escalated = 0;
    for (const auto* request : s.where("permohonan_diskusi", "instansi", code, year)) {
      for (const auto* session : s.where("sesi_diskusi", "permohonan", request->get("kode"))) {
        ++sessions;
        escalated += count_escalated(*session);
      }
    }
    sheet.row({std::string(code), std::string(agency.get("nama")), static_cast<double>(facilitators.size()), pns,
               in_team, decree ? 1.0 : 0.0, innovations.designed, signed_contract ? 1.0 : 0.0, innovations.submitted,
               innovations.certificates, sessions, escalated});
  }
  // Gaps in red: fewer than the required facilitators, and any milestone still at 0.
  sheet.highlight_below(2, context.catalog.rules().facilitators_per_agency);
  sheet.highlight_below(3, context.catalog.rules().facilitators_per_agency);
  sheet.highlight_below(4, context.catalog.rules().facilitators_per_agency);
  sheet.highlight_equal(5, 7, 0);
  if (files) write_files_sheet(book, *files);
  book.close();
}

}  // namespace inovasi::exports
