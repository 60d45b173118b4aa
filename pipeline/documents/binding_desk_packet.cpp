// Desk-review packet: per agency, a cover, a checklist of what is complete or missing
// for each innovation, each innovation's IGA narrative, and the validation findings.

#include <map>

#include "documents/document_kind.h"
#include "model/narrative.h"
#include "model/text.h"
#include "validation/validation.h"

namespace inovasi::documents {
namespace {

bool filled(const Record& innovation, std::string_view field) {
  return !narrative_from_json(innovation.get(field)).empty();
}

Data checklist(const DataContext& context, const Record& innovation, int year) {
  const auto& edition = context.catalog.indicators_for(year);
  Data check = object();
  auto minimum = edition.minimum_words.find("rancang_bangun");
  auto words = narrative_word_count(narrative_from_json(innovation.get("rancang_bangun")));
  check.set("rancang_bangun",
            Data(minimum == edition.minimum_words.end() || words >= static_cast<std::size_t>(minimum->second)));
  check.set("jumlah_kata", std::to_string(words));
  for (auto field : {"tujuan", "manfaat", "hasil"}) check.set(field, Data(filled(innovation, field)));
  for (auto field : {"waktu_uji_coba", "waktu_penerapan", "tautan_video"})
    check.set(field, Data(innovation.has(field)));
  check.set("diajukan_iga", Data(innovation.get("diajukan_iga") == "1"));
  int answered = 0, evidenced = 0;
  for (const auto* answer :
       context.snapshot.where("jawaban_indikator", "inovasi", innovation.get("kode"), innovation.get("tahun"))) {
    if (answer->has("level") && answer->get("level") != "0") ++answered;
    if (answer->get("status_bukti") == "Lengkap") ++evidenced;
  }
  check.set("indikator_dijawab", std::to_string(answered));
  check.set("bukti_lengkap", std::to_string(evidenced));
  check.set("jumlah_indikator", std::to_string(edition.indicators.size()));
  check.set("indikator_lengkap", Data(answered == static_cast<int>(edition.indicators.size())));
  check.set("bukti_semua", Data(evidenced == static_cast<int>(edition.indicators.size())));
  return check;
}

// An official paper handed to agencies: the findings in Indonesian, the fields as the
// forms call them; the codes and keys stay beside them for whoever looks them up.
Data finding_rows(const Catalog& catalog, const std::vector<Diagnostic>& findings) {
  Data rows = list();
  int no = 0;
  for (const auto& finding : findings) {
    Data row = object();
    row.set("no", std::to_string(++no));
    auto readable = catalog.readable(finding);
    row.set("tingkat", readable.severity);
    row.set("kesalahan", Data(finding.severity == Severity::Error));
    row.set("data", readable.record);
    row.set("kolom", readable.field);
    row.set("kunci_kolom", finding.field);
    row.set("kode", finding.code);
    row.set("pesan", readable.message);
    rows.push_back(row);
  }
  return rows;
}

PlannedDocument plan_packet(const DocumentKind& kind, const DocumentContext& context, const Record& agency,
                            std::vector<const Record*> innovations, std::vector<Diagnostic> findings, int year) {
  std::string key = std::string(agency.get("kode")) + "/" + std::to_string(year);
  PlannedDocument doc = kind.document(year, "paket desk " + key);
  doc.agency = agency.get("kode");
  for (const auto* innovation : innovations) {
    for (auto field : {"waktu_penerapan", "waktu_uji_coba"}) {
      if (auto date = date_of(innovation->get(field)); date && date->year == year) doc.date = std::max(doc.date, *date);
    }
  }
  doc.path = kind.output_path(year, {{"instansi", doc.agency}});
  // The findings are copied: the validation report they come from lives only while planning.
  doc.source = [from = DataContext(context), &agency, innovations = std::move(innovations),
                findings = std::move(findings), year] {
    Data data = object();
    data.set("tahun", std::to_string(year));
    data.set("instansi", agency_data(agency, from.catalog, false));
    Data list_of = list();
    int no = 0;
    for (const auto* innovation : innovations) {
      Data item = object();
      add_narrative_fields(item, from, *innovation, year, 1);
      item.set("no", std::to_string(++no));
      item.set("periksa", checklist(from, *innovation, year));
      list_of.push_back(item);
    }
    data.set("inovasi", list_of);
    data.set("ada_inovasi", Data(no > 0));
    data.set("temuan", finding_rows(from.catalog, findings));
    data.set("ada_temuan", Data(!findings.empty()));
    return data;
  };
  return doc;
}

}  // namespace

DocumentKind desk_packet_kind() {
  return {"desk-packet",
          "desk-review packet, one per agency: cover, checklist, narratives, findings",
          "Paket Desk Review",
          "paket-desk",
          "desk/{instansi}/packet.pdf",
          std::nullopt,
          [](const DocumentKind& kind, DocumentContext& context, const Selection& selection) {
            int year = selected_year(context, selection);
            std::string year_text = std::to_string(year);
            std::optional<ValidationReport> own_report;
            const ValidationReport& report =
                context.report ? *context.report
                               : own_report.emplace(validate(context.snapshot, context.catalog, year));
            FindingsByAgency by_agency = findings_by_agency(report);
            std::vector<PlannedDocument> docs;
            for (const Record* agency : selected_records(context, selection, year, {"instansi", {}, nullptr, "kode"})) {
              auto innovations = context.snapshot.where("inovasi", "instansi", agency->get("kode"), year_text);
              std::vector<Diagnostic> findings;  // the plan outlives the report: copies
              if (auto it = by_agency.find(agency->get("kode")); it != by_agency.end()) {
                for (const Diagnostic* finding : it->second) findings.push_back(*finding);
              }
              docs.push_back(plan_packet(kind, context, *agency, std::move(innovations), std::move(findings), year));
            }
            return docs;
          }};
}

}  // namespace inovasi::documents
