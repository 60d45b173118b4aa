// Ringkasan: the year on one page for the head of Bappeda: its counts, the agencies not
// ready and why (the validation's errors, in Indonesian), and a chart of the indicative
// IGA scores against the year's bands.

#include <algorithm>
#include <map>
#include <optional>

#include "documents/document_kind.h"
#include "model/narrative.h"

namespace inovasi::documents {
namespace {

// The latest date the year's records carry: the summary is as of then, so the same data
// gives the same document.
Date latest_date(const Snapshot& snapshot, int year) {
  Date latest{year, 1, 1};
  for (const auto& [kind, field] : {std::pair{"penghargaan", "tanggal"},
                                    {"sesi_diskusi", "tanggal"},
                                    {"perjanjian_kinerja", "tanggal_tanda_tangan"},
                                    {"permohonan_diskusi", "tanggal_permohonan"}}) {
    for (const auto& record : snapshot.all(kind)) {
      auto date = date_of(record.get(field));
      if (date && date->year == year && *date > latest) latest = *date;
    }
  }
  return latest;
}

Data count_row(const std::string& label, std::size_t count) {
  Data row = object();
  row.set("uraian", label);
  row.set("jumlah", std::to_string(count));
  return row;
}

// The year's counts, in the order the head of Bappeda reads them.
Data counts(const DocumentContext& context, int year) {
  const Snapshot& s = context.snapshot;
  std::string year_text = std::to_string(year);
  std::size_t innovations = 0, submitted = 0, certificates = 0;
  std::map<std::string, std::size_t> by_stage;
  for (const auto& innovation : s.all("inovasi")) {
    if (innovation.get("tahun") != year_text) continue;
    ++innovations;
    submitted += innovation.get("diajukan_iga") == "1";
    ++by_stage[std::string(innovation.get("tahapan"))];
    bool awarded = !s.where("penghargaan", "inovasi", innovation.get("kode"), year_text).empty();
    certificates += awarded || qualifies_for_certificate(innovation);
  }
  std::size_t signed_contracts = 0;
  for (const auto& agency : s.all("instansi")) {
    auto lines = s.where("perjanjian_kinerja", "instansi", agency.get("kode"), year_text);
    signed_contracts += std::any_of(lines.begin(), lines.end(), [](const Record* line) {
      return line->has("tanggal_tanda_tangan");
    });
  }
  std::size_t sessions = 0, escalated = 0;
  for (const auto& request : s.all("permohonan_diskusi")) {
    if (request.get("tahun") != year_text) continue;
    for (const auto* session : s.where("sesi_diskusi", "permohonan", request.get("kode"))) {
      ++sessions;
      escalated += narrative_items(session->get("eskalasi")).list_value().size();
    }
  }
  Data rows = list();
  rows.push_back(count_row("Perangkat Daerah peserta program", s.all("instansi").size()));
  rows.push_back(count_row("Inovasi yang dirancang", innovations));
  if (const Enumeration* stages = context.catalog.enumeration("tahapan")) {
    for (const auto& stage : stages->values) {
      auto it = by_stage.find(stage);
      rows.push_back(count_row("- pada tahap " + stage, it == by_stage.end() ? 0 : it->second));
    }
  }
  if (auto unset = by_stage.find(""); unset != by_stage.end()) {
    rows.push_back(count_row("- tahapan belum diisi", unset->second));
  }
  rows.push_back(count_row("Perangkat Daerah yang menandatangani perjanjian kinerja", signed_contracts));
  rows.push_back(count_row("Inovasi yang diajukan ke IGA", submitted));
  rows.push_back(count_row("Sertifikat penghargaan", certificates));
  rows.push_back(count_row("Sesi Ruang Diskusi Rutin Inovasi", sessions));
  rows.push_back(count_row("Permasalahan yang dieskalasi", escalated));
  return rows;
}

// Each agency with validation errors, and the errors in Indonesian: why it is not ready.
Data not_ready(const DocumentContext& context, const ValidationReport& report) {
  std::map<std::string, std::vector<const Diagnostic*>> by_agency;
  for (const auto& finding : report.findings) {
    if (finding.severity == Severity::Error && !finding.agency.empty()) by_agency[finding.agency].push_back(&finding);
  }
  const ReportWords& words = context.catalog.report_words();
  Data agencies = list();
  int no = 0;
  for (const auto& [code, findings] : by_agency) {
    const Record* agency = find_one(context.snapshot, "instansi", "kode", code);
    Data row = object();
    row.set("no", std::to_string(++no));
    row.set("instansi", agency ? std::string(agency->get("nama")) : code);
    Data reasons = list();
    for (const Diagnostic* finding : findings) {
      Data reason = object();
      reason.set("teks", context.catalog.finding_message(*finding, Language::Indonesian));
      reason.set("isian", finding->field.empty() ? std::string() : words.field(finding->field));
      reasons.push_back(reason);
    }
    row.set("alasan", reasons);
    agencies.push_back(row);
  }
  return agencies;
}

// The scores, highest first, and the bands whose thresholds the chart draws.
void add_scores(Data& data, const DocumentContext& context, const ValidationReport& report, int year) {
  const auto& edition = context.catalog.indicators_for(year);
  std::vector<IndicativeScore> scores = report.scores;
  std::stable_sort(scores.begin(), scores.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
  Data rows = list();
  for (const auto& score : scores) {
    Data row = object();
    row.set("nama", score.nama);
    row.set("skor", std::to_string(score.score));
    row.set("predikat", edition.band_for(score.score));
    rows.push_back(row);
  }
  Data bands = list();
  for (const auto& band : edition.bands) {
    if (band.threshold <= 0) continue;
    Data row = object();
    row.set("nama", band.label);
    char threshold[32];
    std::snprintf(threshold, sizeof threshold, "%g", band.threshold);
    row.set("ambang", std::string(threshold));
    bands.push_back(row);
  }
  data.set("skor", rows);
  data.set("ada_skor", Data(!scores.empty()));
  data.set("pita", bands);
  data.set("skor_maksimal", std::to_string(edition.max_score()));
  data.set("edisi_iga", std::to_string(edition.edition));
}

}  // namespace

DocumentKind year_summary_kind() {
  return {"year-summary",
          "ringkasan: the year on one page for the head of Bappeda (counts, agencies not ready, score chart)",
          "Ringkasan Program Inovasi",
          "ringkasan",
          "reports/ringkasan-{tahun}.pdf",
          std::nullopt,
          [](const DocumentKind& kind, DocumentContext& context, const Selection& selection) {
            int year = selected_year(context, selection);
            std::string year_text = std::to_string(year);
            PlannedDocument doc = kind.document(year, "ringkasan " + year_text);
            doc.date = latest_date(context.snapshot, year);
            // The caller's validation serves when it has the scores; otherwise the year is
            // validated here, once, while planning.
            std::optional<ValidationReport> own;
            const ValidationReport& report = context.report && !context.report->scores.empty()
                                                 ? *context.report
                                                 : own.emplace(validate(context.snapshot, context.catalog, year));
            Data data = object();
            data.set("tahun", year_text);
            data.set("tanggal", date_data(doc.date));
            data.set("jumlah", counts(context, year));
            Data agencies = not_ready(context, report);
            data.set("ada_belum_siap", Data(!agencies.list_value().empty()));
            data.set("jumlah_belum_siap", std::to_string(agencies.list_value().size()));
            data.set("belum_siap", agencies);
            add_scores(data, context, report, year);
            doc.source = [data = std::move(data)] { return data; };
            doc.path = kind.output_path(year, {{"tahun", year_text}});
            return std::vector<PlannedDocument>{doc};
          }};
}

}  // namespace inovasi::documents
