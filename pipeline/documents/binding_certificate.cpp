// Sertifikat penghargaan: one per award (penghargaan) of the year.

#include "documents/document_kind.h"
#include "model/text.h"

namespace inovasi::documents {
namespace {

PlannedDocument plan_certificate(DocumentContext& context, const Record& award, int year) {
  PlannedDocument doc{"certificate", "sertifikat", {}, object(), {year, 1, 1}, award.key_label(), {}, {}};
  const Record* innovation = nullptr;
  for (const auto* r : context.snapshot.where("inovasi", "kode", award.get("inovasi"), award.get("tahun"))) innovation = r;
  const Record* agency = innovation ? find_one(context.snapshot, "instansi", "kode", innovation->get("instansi")) : nullptr;
  auto date = date_of(award.get("tanggal"));
  if (!innovation || !agency) doc.error = "the innovation or its agency is missing";
  else if (!date) doc.error = "tanggal: the award has no date";
  if (!doc.error.empty()) return doc;
  doc.date = *date;
  auto number = issue_number(context, "sertifikat", award.key_label(), year, "pola_nomor_sertifikat", *date,
                             {{"kode_instansi", std::string(agency->get("kode"))}});
  doc.data = base_data(context);
  doc.data.set("nomor", number.number);
  doc.data.set("kode_verifikasi", number.verification_code);
  doc.data.set("qr", verification_payload(context.region, number.verification_code));
  doc.data.set("instansi", agency_data(*agency, context.catalog, context.signed_copy));
  Data inovasi = object();
  inovasi.set("nama", std::string(innovation->get("nama")));
  inovasi.set("tahapan", std::string(innovation->get("tahapan")));
  doc.data.set("inovasi", inovasi);
  doc.data.set("tahun", std::to_string(year));
  doc.data.set("tanggal", date_data(*date));
  doc.data.set("jenis", std::string(award.get("jenis")));
  doc.path = std::filesystem::path(std::to_string(year)) / "certificates" / (slugify(number.number) + ".pdf");
  doc.registry_entry = std::make_pair(std::string("sertifikat"), award.key_label());
  return doc;
}

}  // namespace

DocumentKind certificate_kind() {
  return {"certificate", "sertifikat penghargaan, one per award of the year",
          [](DocumentContext& context, const Selection& selection) {
            int year = selected_year(context, selection);
            std::vector<PlannedDocument> docs;
            for (const auto& award : context.snapshot.all("penghargaan")) {
              if (award.get("tahun") != std::to_string(year)) continue;
              if (!selection.innovation.empty() && award.get("inovasi") != selection.innovation) continue;
              if (!selection.agency.empty()) {
                auto owner = context.snapshot.where("inovasi", "kode", award.get("inovasi"), award.get("tahun"));
                if (owner.empty() || owner.front()->get("instansi") != selection.agency) continue;
              }
              docs.push_back(plan_certificate(context, award, year));
            }
            return docs;
          }};
}

}  // namespace inovasi::documents
