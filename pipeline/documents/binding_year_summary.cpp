// Ringkasan: the year on one page for the head of Bappeda: its counts, the agencies not
// ready and why (the validation's errors grouped by reason, in Indonesian), and a chart
// of the indicative IGA scores against the year's bands.

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "documents/document_kind.h"
#include "model/narrative.h"
#include "model/text.h"

namespace inovasi::documents {
namespace {

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
    signed_contracts +=
        std::any_of(lines.begin(), lines.end(), [](const Record* line) { return line->has("tanggal_tanda_tangan"); });
  }
  std::size_t sessions = 0, escalated = 0;
  for (const auto& request : s.all("permohonan_diskusi")) {
    if (request.get("tahun") != year_text) continue;
    for (const auto* session : s.where("sesi_diskusi", "permohonan", request.get("kode"))) {
      ++sessions;
      escalated += narrative_items(session->get("eskalasi")).list_value().size();
    }
  }
  // The stages in the innovations' own row: the page has room for one line each.
  std::vector<std::string> stages;
  if (const Enumeration* known = context.catalog.enumeration("tahapan")) {
    for (const auto& stage : known->values) {
      auto it = by_stage.find(stage);
      stages.push_back(stage + " " + std::to_string(it == by_stage.end() ? 0 : it->second));
    }
  }
  if (auto unset = by_stage.find(""); unset != by_stage.end()) {
    stages.push_back("tahapan belum diisi " + std::to_string(unset->second));
  }
  Data rows = list();
  rows.push_back(count_row("Perangkat Daerah peserta program", s.all("instansi").size()));
  rows.push_back(count_row(
      "Inovasi yang dirancang" + (stages.empty() ? std::string() : " (" + join(stages, ", ") + ")"), innovations));
  rows.push_back(count_row("Perangkat Daerah yang menandatangani perjanjian kinerja", signed_contracts));
  rows.push_back(count_row("Inovasi yang diajukan ke IGA", submitted));
  rows.push_back(count_row("Sertifikat penghargaan", certificates));
  rows.push_back(count_row("Sesi Ruang Diskusi Rutin Inovasi", sessions));
  rows.push_back(count_row("Permasalahan yang dieskalasi", escalated));
  return rows;
}

// Why agencies are not ready: their validation errors grouped by what is wrong, the
// reason most agencies share first, each with the agencies it holds back. A page for
// the head of Bappeda stays one page however many agencies a region has: past a few
// names a reason says how many more (the findings report lists every one).
constexpr std::size_t kNamesPerReason = 3;

struct NotReady {
  Data reasons;
  std::size_t agencies = 0;
};

NotReady not_ready(const DocumentContext& context, const ValidationReport& report) {
  std::map<std::string, std::vector<std::string>, std::less<>> by_code;  // code -> agency codes, in order, once
  std::set<std::string, std::less<>> agencies;
  for (const auto& finding : report.findings) {
    if (finding.severity != Severity::Error || finding.agency.empty()) continue;
    auto& holding = by_code[finding.code];
    if (std::find(holding.begin(), holding.end(), finding.agency) == holding.end()) holding.push_back(finding.agency);
    agencies.insert(finding.agency);
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> ordered(by_code.begin(), by_code.end());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
  NotReady out{list(), agencies.size()};
  int no = 0;
  for (const auto& [code, holding] : ordered) {
    const FindingText* text = context.catalog.finding_texts().find(code);
    std::vector<std::string> names;
    for (std::size_t i = 0; i < holding.size() && i < kNamesPerReason; ++i) {
      const Record* agency = find_one(context.snapshot, "instansi", "kode", holding[i]);
      names.push_back(agency ? std::string(agency->get("nama")) : holding[i]);
    }
    std::string listed = join(names, ", ");
    if (holding.size() > kNamesPerReason) {
      listed += ", dan " + std::to_string(holding.size() - kNamesPerReason) + " lainnya";
    }
    Data row = object();
    row.set("no", std::to_string(++no));
    row.set("alasan", text ? text->summary : code);
    row.set("kode", code);
    row.set("jumlah", std::to_string(holding.size()));
    row.set("instansi", listed);
    out.reasons.push_back(row);
  }
  return out;
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
            doc.date = latest_year_date(context.snapshot, year);
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
            NotReady unready = not_ready(context, report);
            data.set("ada_belum_siap", Data(unready.agencies > 0));
            data.set("jumlah_belum_siap", std::to_string(unready.agencies));
            data.set("jumlah_instansi", std::to_string(context.snapshot.all("instansi").size()));
            data.set("alasan_belum_siap", unready.reasons);
            add_scores(data, context, report, year);
            doc.source = [data = std::move(data)] { return data; };
            doc.path = kind.output_path(year, {{"tahun", year_text}});
            return std::vector<PlannedDocument>{doc};
          }};
}

}  // namespace inovasi::documents
