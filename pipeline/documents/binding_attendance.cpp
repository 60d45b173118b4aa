// Daftar hadir for a programme event: rows pre-filled with the invited facilitators and
// officials; the signature column is staggered.

#include "documents/document_kind.h"
#include "model/nip.h"
#include "model/text.h"

namespace inovasi::documents {
namespace {

Data row(int no, std::string_view name, std::string_view nip, std::string_view office, std::string_view agency,
         std::string_view phone) {
  Data r = object();
  r.set("no", std::to_string(no));
  r.set("nama", std::string(name));
  r.set("nip", nip.empty() ? Data(false) : Data(format_nip(nip)));
  r.set("jabatan", std::string(office));
  r.set("instansi", std::string(agency));
  r.set("no_hp", std::string(phone));
  r.set("ganjil", Data(no % 2 == 1));
  return r;
}

PlannedDocument plan_attendance(const DocumentKind& kind, const DocumentContext& context, const Record& event,
                                int year) {
  PlannedDocument doc = kind.document(year, event.key_label());
  auto date = date_of(event.get("tanggal"));
  if (!date) {
    doc.error = "tanggal: the event has no date";
    return doc;
  }
  doc.date = *date;
  doc.source = [from = DataContext(context), &event, date = *date] {
    Data data = object();
    data.set("nama_kegiatan", std::string(event.get("nama_kegiatan")));
    data.set("tanggal", date_data(date));
    data.set("jam_mulai", std::string(event.get("jam_mulai")));
    data.set("jam_selesai", std::string(event.get("jam_selesai")));
    data.set("tempat", std::string(event.get("tempat")));
    Data rows = list();
    int no = 0;
    for (const auto* invited : from.snapshot.where("undangan", "kegiatan", event.get("kode"))) {
      rows.push_back(row(++no, invited->get("nama"), invited->get("nip"), invited->get("jabatan"),
                         invited->get("instansi"), invited->get("no_hp")));
    }
    if (event.get("undang_fasilitator") == "1") {
      for (const auto& agency : from.snapshot.all("instansi")) {
        for (const auto* f : from.snapshot.where("fasilitator", "instansi", agency.get("kode"))) {
          rows.push_back(
              row(++no, f->get("nama"), f->get("nip"), f->get("jabatan"), agency.get("nama"), f->get("no_hp")));
        }
      }
    }
    data.set("peserta", rows);
    return data;
  };
  doc.path = kind.output_path(year, {{"tanggal", date->iso()}, {"kegiatan", event.get("kode")}});
  return doc;
}

}  // namespace

DocumentKind attendance_kind() {
  return {"attendance",
          "daftar hadir, one per programme event (kegiatan) of the year",
          "Daftar Hadir",
          "daftar-hadir",
          "events/{tanggal}-{kegiatan}/daftar-hadir.pdf",
          std::nullopt,
          [](const DocumentKind& kind, DocumentContext& context, const Selection& selection) {
            int year = selected_year(context, selection);
            std::vector<PlannedDocument> docs;
            // Events belong to no agency: an agency's selection leaves them all in.
            RecordFilter events{"kegiatan", "tahun", &Selection::event, {}};
            for (const Record* event : selected_records(context, selection, year, events)) {
              docs.push_back(plan_attendance(kind, context, *event, year));
            }
            return docs;
          }};
}

}  // namespace inovasi::documents
