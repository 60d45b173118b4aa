// Lembar perjanjian kinerja: one per agency and year, with the annex of its lines.

#include <charconv>
#include <map>
#include <stdexcept>

#include "documents/document_kind.h"
#include "model/amount.h"
#include "model/indonesian.h"
#include "model/text.h"

namespace inovasi::documents {
namespace {

// The store keeps anggaran exactly, as decimal text; a value that is not in that form
// (a store edited by hand) fails this contract, naming the field.
std::string amount(const Record& line) {
  auto text = rupiah_text(line.get("anggaran"));
  if (!text) throw std::runtime_error("anggaran: " + quote_value(line.get("anggaran")) + " is not an amount of rupiah");
  return *text;
}

Data contract_row(const Snapshot& snapshot, const Record& line, int no) {
  auto innovation = snapshot.where("inovasi", "kode", line.get("inovasi"), line.get("tahun"));
  Data row = object();
  row.set("no", std::to_string(no));
  row.set("inovasi",
          innovation.empty() ? std::string(line.get("inovasi")) : std::string(innovation.front()->get("nama")));
  row.set("target_tahapan", std::string(line.get("target_tahapan")));
  row.set("jadwal", std::string(line.get("jadwal")));
  row.set("indikator", std::string(line.get("indikator")));
  row.set("anggaran", line.has("anggaran") ? amount(line) : "-");
  row.set("keterangan", std::string(line.get("keterangan")));
  return row;
}

PlannedDocument plan_contract(const DocumentKind& kind, DocumentContext& context, const Record& agency,
                              const std::vector<const Record*>& lines, int year) {
  std::string key = std::string(agency.get("kode")) + "/" + std::to_string(year);
  PlannedDocument doc = kind.document(year, "perjanjian_kinerja " + key);
  doc.agency = agency.get("kode");
  if (!agency.has("kepala_nama") || !agency.has("kepala_jabatan")) {
    doc.error = "kepala_nama/kepala_jabatan: the agency head (PIHAK PERTAMA) is missing";
    return doc;
  }
  std::optional<Date> signed_on;
  for (const auto* line : lines) {
    if ((signed_on = date_of(line->get("tanggal_tanda_tangan")))) break;
  }
  if (signed_on) doc.date = *signed_on;
  auto number = issue_number(context, doc, key, year, doc.date, {{"kode_instansi", doc.agency}});
  if (!number) return doc;
  doc.path = kind.output_path(year, {{"instansi", doc.agency}});
  doc.source = [from = DataContext(context), &agency, lines, number = *number, year, signed_on] {
    Data rows = list();
    int no = 0;
    for (const auto* line : lines) rows.push_back(contract_row(from.snapshot, *line, ++no));
    Data data = object();
    data.set("nomor", number.number);
    data.set("kode_verifikasi", number.verification_code);
    data.set("qr", verification_payload(from.region, number.verification_code));
    data.set("tahun", std::to_string(year));
    data.set("instansi", agency_data(agency, from.catalog, from.signed_copy));
    data.set("tanggal", signed_on ? date_data(*signed_on) : Data(false));
    data.set("jumlah_inovasi", indonesian::count_with_words(no));
    data.set("lampiran", rows);
    return data;
  };
  return doc;
}

}  // namespace

DocumentKind contract_kind() {
  return {"contract",
          "lembar perjanjian kinerja, one per agency with contract lines in the year",
          "Lembar Perjanjian Kinerja",
          "perjanjian-kinerja",
          "launching/{instansi}/perjanjian-kinerja.pdf",
          Numbering{"perjanjian", "pola_nomor_perjanjian"},
          [](const DocumentKind& kind, DocumentContext& context, const Selection& selection) {
            int year = selected_year(context, selection);
            std::map<std::string, std::vector<const Record*>> by_agency;
            for (const Record* line :
                 selected_records(context, selection, year, {"perjanjian_kinerja", "tahun", nullptr})) {
              by_agency[std::string(line->get("instansi"))].push_back(line);
            }
            std::vector<PlannedDocument> docs;
            for (const auto& [code, lines] : by_agency) {
              const Record* agency = find_one(context.snapshot, "instansi", "kode", code);
              if (agency) docs.push_back(plan_contract(kind, context, *agency, lines, year));
            }
            return docs;
          }};
}

}  // namespace inovasi::documents
