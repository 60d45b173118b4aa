// Form isian ruang diskusi: one per discussion request, signed by the agency head.

#include "documents/document_kind.h"
#include "model/text.h"

namespace inovasi::documents {
namespace {

PlannedDocument plan_form(const DocumentKind& kind, const DocumentContext& context, const Record& request, int year) {
  PlannedDocument doc = kind.document(year, request.key_label());
  const Record* agency = find_one(context.snapshot, "instansi", "kode", request.get("instansi"));
  auto date = date_of(request.get("tanggal_permohonan"));
  if (!agency || !date) {
    doc.error = "the request's agency or date is missing";
    return doc;
  }
  doc.date = *date;
  doc.agency = agency->get("kode");
  doc.source = [from = DataContext(context), &request, agency, date = *date] {
    Data data = object();
    data.set("kode", std::string(request.get("kode")));
    data.set("tanggal", date_data(date));
    data.set("instansi", agency_data(*agency, from.catalog, from.signed_copy));
    Data facilitators = list();
    int no = 0;
    for (const auto* facilitator : from.snapshot.where("fasilitator", "instansi", agency->get("kode"))) {
      Data row =
          person_data(*facilitator, {"nama", "nip", "pangkat", "golongan", "jabatan", {}, {}}, from.catalog, false);
      row.set("no", std::to_string(++no));
      row.set("no_hp", std::string(facilitator->get("no_hp")));
      facilitators.push_back(row);
    }
    data.set("fasilitator", facilitators);
    Data innovation = Data(false);
    if (request.has("inovasi")) {
      auto found = from.snapshot.where("inovasi", "kode", request.get("inovasi"), request.get("tahun"));
      if (!found.empty()) {
        innovation = object();
        innovation.set("nama", std::string(found.front()->get("nama")));
        innovation.set("tahapan", std::string(found.front()->get("tahapan")));
      }
    }
    data.set("inovasi", innovation);
    Data problems = list();
    no = 0;
    const Data items = narrative_items(request.get("permasalahan"));  // kept alive for the loop
    for (const auto& item : items.list_value()) {
      Data row = object();
      row.set("no", std::to_string(++no));
      row.set("teks", item.string_value());
      problems.push_back(row);
    }
    data.set("permasalahan", problems);
    auto preferred = date_of(request.get("tanggal_diinginkan"));
    data.set("tanggal_diinginkan", preferred ? date_data(*preferred) : Data(false));
    data.set("mode", std::string(request.get("mode")));
    data.set("kontak_nama", std::string(request.get("kontak_nama")));
    data.set("kontak_hp", std::string(request.get("kontak_hp")));
    return data;
  };
  doc.path =
      kind.output_path(year, {{"tanggal", date->iso()}, {"instansi", doc.agency}, {"permohonan", request.get("kode")}});
  return doc;
}

}  // namespace

DocumentKind discussion_form_kind() {
  return {"discussion-form",
          "form isian ruang diskusi, one per discussion request",
          "Form Isian Ruang Diskusi",
          "form-isian-diskusi",
          "discussions/{tanggal}-{instansi}/form-isian-{permohonan}.pdf",
          std::nullopt,
          [](const DocumentKind& kind, DocumentContext& context, const Selection& selection) {
            int year = selected_year(context, selection);
            std::vector<PlannedDocument> docs;
            RecordFilter requests{"permohonan_diskusi", "tahun", &Selection::request};
            for (const Record* request : selected_records(context, selection, year, requests)) {
              docs.push_back(plan_form(kind, context, *request, year));
            }
            return docs;
          }};
}

}  // namespace inovasi::documents
