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
  row.set("inovasi", innovation.empty() ? std::string(line.get("inovasi")) : std::string(innovation.front()->get("nama")));
  row.set("target_tahapan", std::string(line.get("target_tahapan")));
  row.set("jadwal", std::string(line.get("jadwal")));
  row.set("indikator", std::string(line.get("indikator")));
  row.set("anggaran", line.has("anggaran") ? amount(line) : "-");
  row.set("keterangan", std::string(line.get("keterangan")));
  return row;
}

PlannedDocument plan_contract(DocumentContext& context, const Record& agency, const std::vector<const Record*>& lines,
                              int year) {
  std::string key = std::string(agency.get("kode")) + "/" + std::to_string(year);
  PlannedDocument doc{"contract", "perjanjian-kinerja", {year, 1, 1}, "perjanjian_kinerja " + key};
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
  auto number = issue_number(context, doc, "perjanjian", key, year, "pola_nomor_perjanjian", doc.date,
                             {{"kode_instansi", doc.agency}});
  if (!number) return doc;
  doc.path = document_path(year, {"launching", slugify(agency.get("kode")), "perjanjian-kinerja.pdf"});
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
  return {"contract", "lembar perjanjian kinerja, one per agency with contract lines in the year",
          [](DocumentContext& context, const Selection& selection) {
            int year = selected_year(context, selection);
            std::map<std::string, std::vector<const Record*>> by_agency;
            for (const auto& line : context.snapshot.all("perjanjian_kinerja")) {
              if (line.get("tahun") != std::to_string(year)) continue;
              if (!selection.agency.empty() && line.get("instansi") != selection.agency) continue;
              by_agency[std::string(line.get("instansi"))].push_back(&line);
            }
            std::vector<PlannedDocument> docs;
            for (const auto& [code, lines] : by_agency) {
              const Record* agency = find_one(context.snapshot, "instansi", "kode", code);
              if (agency) docs.push_back(plan_contract(context, *agency, lines, year));
            }
            return docs;
          }};
}

}  // namespace inovasi::documents
