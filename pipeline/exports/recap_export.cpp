// The recap: agencies × the programme's milestones, gaps in red, a totals row; the
// year at a glance in native charts (innovations by stage, each agency's readiness,
// the indicative scores against the year's bands) whose data stands in sheets of its
// own, so the charts follow when someone corrects a number.

#include <map>
#include <optional>

#include "documents/values.h"
#include "exports/recap_charts.h"
#include "exports/report_frame.h"
#include "model/text.h"
#include "xlsx/workbook.h"

namespace inovasi::exports {
namespace {

using xlsx::ColumnStyle;

double count_escalated(const Record& session) {
  return static_cast<double>(documents::narrative_items(session.get("eskalasi")).list_value().size());
}

// Berkas: the manifest's entries, one row each.
void write_files_sheet(xlsx::WorkbookWriter& book, const ExportContext& context, const Manifest& files) {
  auto& sheet = book.add_sheet("Berkas");
  start_report(sheet, context, {"berkas"},
               {{"jalur"}, {"sha256"}, {"ukuran", ColumnStyle::Count}, {"jenis"}, {"sumber"}, {"kunci"}});
  files.for_each([&](const ManifestEntry& entry) {
    if (entry.kind == kRecapKind) return;  // its own digest cannot be in it
    sheet.row({entry.path, entry.sha256, static_cast<double>(entry.size), entry.kind, entry.source, entry.key});
  });
}

// What the recap counts of the year's innovations, per agency, as they go by: a national
// year's are not held.
struct InnovationCounts {
  double designed = 0, submitted = 0, certificates = 0;
};

}  // namespace

void write_recap(const ExportContext& context, const std::filesystem::path& target, const Manifest* files) {
  const Snapshot& s = context.snapshot();
  std::string year = std::to_string(context.year());
  const auto& rules = context.catalog.rules();
  xlsx::WorkbookWriter book(target,
                            {report_title(context, "rekap"), "Rekap program inovasi", "inovasi", year, context.date},
                            xlsx::WorkbookWriter::Memory::Streaming);

  std::map<std::string, InnovationCounts, std::less<>> by_agency;
  RecapChartData charts;
  auto count = [&](const Record& innovation) {
    auto& counts = by_agency[std::string(innovation.get("instansi"))];
    ++counts.designed;
    counts.submitted += innovation.get("diajukan_iga") == "1";
    counts.certificates += !s.where("penghargaan", "inovasi", innovation.get("kode"), year).empty();
    ++charts.by_stage[std::string(innovation.get("tahapan"))];
  };
  // The scores come from the caller's validation when it has them; otherwise each
  // innovation is scored from its answers as its slice goes by.
  const bool scored = context.report && !context.report->scores.empty();
  std::vector<IndicativeScore> own_scores;
  if (scored) {
    context.source.for_each_innovation(count);
    charts.scores = context.report->scores;
  } else {
    const auto& edition = context.catalog.indicators_for(context.year());
    context.source.for_each_slice(YearSource::Depth::Narratives, [&](const Snapshot& slice) {
      for (const auto& innovation : slice.all("inovasi")) {
        if (innovation.get("tahun") != year) continue;
        count(innovation);
        own_scores.push_back(score_innovation(slice, edition, innovation));
      }
    });
    charts.scores = own_scores;
  }

  auto& sheet = book.add_sheet("Rekap");
  start_report(sheet, context, {"rekap"},
               {{"instansi", ColumnStyle::Text, false, "kode_instansi"},
                {"nama", ColumnStyle::General, false, "nama_instansi"},
                {"fasilitator_ditunjuk", ColumnStyle::Count, true},
                {"fasilitator_pns", ColumnStyle::Count, true},
                {"fasilitator_dalam_tim", ColumnStyle::Count, true},
                {"sk_tim", ColumnStyle::Count, true},
                {"inovasi_dirancang", ColumnStyle::Count, true},
                {"perjanjian_ditandatangani", ColumnStyle::Count, true},
                {"diajukan_iga", ColumnStyle::Count, true},
                {"sertifikat_diterbitkan", ColumnStyle::Count, true},
                {"diskusi", ColumnStyle::Count, true},
                {"masalah_dieskalasi", ColumnStyle::Count, true}});
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
    InnovationCounts innovations = counted == by_agency.end() ? InnovationCounts{} : counted->second;
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
    charts.readiness.push_back(
        {std::string(agency.get("nama")),
         {facilitators.size() >= static_cast<std::size_t>(rules.facilitators_per_agency), decree,
          innovations.designed >= rules.innovations_per_agency_per_year && innovations.designed > 0, signed_contract,
          innovations.submitted > 0}});
  }
  sheet.totals_row(context.catalog.report_words().word("jumlah"));
  // Gaps in red: fewer than the required facilitators, and any milestone still at 0.
  sheet.highlight_below(2, rules.facilitators_per_agency);
  sheet.highlight_below(3, rules.facilitators_per_agency);
  sheet.highlight_below(4, rules.facilitators_per_agency);
  sheet.highlight_equal(5, 7, 0);
  write_recap_charts(book, context, charts);
  if (files) write_files_sheet(book, context, *files);
  book.close();
}

}  // namespace inovasi::exports
