// Sertifikat penghargaan: one per award (penghargaan) of the year.

#include "documents/document_kind.h"
#include "model/text.h"

namespace inovasi::documents {
namespace {

// The award's own date, else the date of the year's Launching Inovasi event, where
// trophies and certificates are handed over.
std::optional<Date> award_date(const DocumentContext& context, const Record* award, int year) {
  if (award) {
    if (auto date = date_of(award->get("tanggal"))) return date;
  }
  for (const auto& event : context.snapshot.all("kegiatan")) {
    if (event.get("tahun") == std::to_string(year) && event.get("jenis") == "Launching Inovasi")
      return date_of(event.get("tanggal"));
  }
  return std::nullopt;
}

PlannedDocument plan_certificate(const DocumentKind& kind, DocumentContext& context, const Record& innovation,
                                 const Record* award, int year) {
  std::string key = certificate_key(innovation, year);
  PlannedDocument doc = kind.document(year, key);
  const Record* agency = find_one(context.snapshot, "instansi", "kode", innovation.get("instansi"));
  auto date = award_date(context, award, year);
  if (!agency)
    doc.error = "instansi: the innovation has no agency";
  else if (!date)
    doc.error = "tanggal: neither the award nor a Launching Inovasi event of the year has a date";
  if (!doc.error.empty()) return doc;
  doc.date = *date;
  doc.agency = agency->get("kode");
  auto number = issue_number(context, doc, key, year, *date, {{"kode_instansi", doc.agency}});
  if (!number) return doc;
  doc.path = kind.output_path(year, {{"nomor", number->number}});
  // Captures only what the data needs: a plan holds one closure per certificate.
  doc.source = [from = DataContext(context), &innovation, agency, award, nomor = std::move(number->number),
                code = std::move(number->verification_code), year, date = *date] {
    Data data = object();
    data.set("nomor", nomor);
    data.set("kode_verifikasi", code);
    data.set("qr", verification_payload(from.region, code));
    data.set("instansi", agency_data(*agency, from.catalog, from.signed_copy));
    Data inovasi = object();
    inovasi.set("nama", std::string(innovation.get("nama")));
    inovasi.set("tahapan", std::string(innovation.get("tahapan")));
    data.set("inovasi", inovasi);
    data.set("tahun", std::to_string(year));
    data.set("tanggal", date_data(date));
    data.set("jenis", award ? std::string(award->get("jenis")) : std::string());
    return data;
  };
  return doc;
}

}  // namespace

std::string certificate_key(const Record& innovation, int year) {
  return "penghargaan " + std::string(innovation.get("kode")) + "/" + std::to_string(year);
}

bool qualifies_for_certificate(const Record& innovation) {
  // Trophy and certificate: applied (Penerapan) and submitted to the IGA.
  return innovation.get("tahapan") == "Penerapan" && innovation.get("diajukan_iga") == "1";
}

DocumentKind certificate_kind() {
  return {"certificate",
          "sertifikat penghargaan: every award, and every innovation at Penerapan submitted to the IGA",
          "Sertifikat Penghargaan",
          "sertifikat",
          "certificates/{nomor}.pdf",
          Numbering{"sertifikat", "pola_nomor_sertifikat"},
          [](const DocumentKind& kind, DocumentContext& context, const Selection& selection) {
            int year = selected_year(context, selection);
            std::string year_text = std::to_string(year);
            // Counted first, so the plan of tens of thousands is allocated once.
            std::vector<std::pair<const Record*, const Record*>> chosen;  // innovation, its award
            for (const Record* innovation :
                 selected_records(context, selection, year, {"inovasi", "tahun", &Selection::innovation})) {
              auto awards = context.snapshot.where("penghargaan", "inovasi", innovation->get("kode"), year_text);
              if (awards.empty() && !qualifies_for_certificate(*innovation)) continue;
              chosen.emplace_back(innovation, awards.empty() ? nullptr : awards.front());
            }
            std::vector<PlannedDocument> docs;
            docs.reserve(chosen.size());
            for (auto [innovation, award] : chosen)
              docs.push_back(plan_certificate(kind, context, *innovation, award, year));
            return docs;
          }};
}

}  // namespace inovasi::documents
