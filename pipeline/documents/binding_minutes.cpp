// Berita acara / notulen: one per discussion session, two copies marked for their
// holders, each with the attendance list attached.

#include "documents/document_kind.h"
#include "model/text.h"

namespace inovasi::documents {
namespace {

bool role_is(const Record& attendee, std::string_view word) {
  return ascii_lower(attendee.get("peran")).find(word) != std::string::npos;
}

Data attendance_rows(const DataContext& context, const Record& session, Data& facilitator, Data& team_member) {
  Data rows = list();
  int no = 0;
  facilitator = Data(false);
  team_member = Data(false);
  for (const auto* attendee : context.snapshot.where("kehadiran", "sesi", session.get("kode"))) {
    Data row =
        person_data(*attendee, {"nama", "nip", "pangkat", "golongan", "jabatan", {}, {}}, context.catalog, false);
    row.set("no", std::to_string(++no));
    row.set("instansi", std::string(attendee->get("instansi")));
    row.set("no_hp", std::string(attendee->get("no_hp")));
    row.set("peran", std::string(attendee->get("peran")));
    row.set("ganjil", Data(no % 2 == 1));  // the signature column is staggered
    if (role_is(*attendee, "fasilitator") && facilitator.is_bool()) facilitator = Data(row);
    if (role_is(*attendee, "bappeda") && team_member.is_bool()) team_member = Data(row);
    rows.push_back(row);
  }
  return rows;
}

PlannedDocument plan_minutes(const DocumentKind& kind, DocumentContext& context, const Record& session, int year) {
  PlannedDocument doc = kind.document(year, session.key_label());
  const Record* request = find_one(context.snapshot, "permohonan_diskusi", "kode", session.get("permohonan"));
  const Record* agency = request ? find_one(context.snapshot, "instansi", "kode", request->get("instansi")) : nullptr;
  auto date = date_of(session.get("tanggal"));
  if (!request || !agency || !date) {
    doc.error = "the session's request, agency or date is missing";
    return doc;
  }
  doc.date = *date;
  doc.agency = agency->get("kode");
  // A session's own number (written in the data) is registered as it is: it verifies too.
  std::string key(session.get("kode"));
  auto issued = session.has("nomor") ? adopt_number(context, doc, key, year, std::string(session.get("nomor")))
                                     : issue_number(context, doc, key, year, *date, {{"kode_instansi", doc.agency}});
  if (!issued) return doc;
  std::string number = std::move(issued->number);
  doc.source = [from = DataContext(context), &session, request, agency, number, date = *date] {
    Data data = object();
    data.set("nomor", number);
    data.set("tanggal", date_data(date));
    data.set("jam_mulai", std::string(session.get("jam_mulai")));
    data.set("jam_selesai", std::string(session.get("jam_selesai")));
    data.set("tempat", std::string(session.get("tempat")));
    data.set("mode", std::string(session.get("mode")));
    data.set("instansi", agency_data(*agency, from.catalog, false));
    if (request->has("inovasi")) {
      auto innovation = from.snapshot.where("inovasi", "kode", request->get("inovasi"), request->get("tahun"));
      data.set("inovasi", innovation.empty() ? Data(false) : Data(std::string(innovation.front()->get("nama"))));
    } else {
      data.set("inovasi", Data(false));
    }
    for (auto field : {"permasalahan", "pembahasan", "solusi", "tindak_lanjut", "eskalasi"}) {
      std::string markup = narrative_markup(session.get(field));
      data.set(field, markup.empty() ? Data(false) : Data(markup));
    }
    Data facilitator, team_member;
    Data rows = attendance_rows(from, session, facilitator, team_member);
    data.set("hadir", rows);
    data.set("fasilitator", facilitator);
    data.set("tim_bappeda", team_member);
    // Two originals, one for each holder; the wording of the mark is in the template.
    Data copies = list();
    for (bool for_agency : {true, false}) {
      Data copy = object();
      copy.set("untuk_instansi", Data(for_agency));
      copy.set("untuk_bappeda", Data(!for_agency));
      copy.set("terakhir", Data(!for_agency));
      copies.push_back(copy);
    }
    data.set("salinan", copies);
    return data;
  };
  doc.path =
      kind.output_path(year, {{"tanggal", date->iso()}, {"instansi", doc.agency}, {"sesi", session.get("kode")}});
  return doc;
}

}  // namespace

DocumentKind minutes_kind() {
  return {"minutes",
          "berita acara / notulen, one per discussion session (two copies, attendance attached)",
          "Berita Acara Ruang Diskusi",
          "berita-acara",
          "discussions/{tanggal}-{instansi}/berita-acara-{sesi}.pdf",
          Numbering{"berita-acara", "pola_nomor_berita_acara"},
          [](const DocumentKind& kind, DocumentContext& context, const Selection& selection) {
            int year = selected_year(context, selection);
            std::vector<PlannedDocument> docs;
            RecordFilter sessions{"sesi_diskusi", "tanggal", &Selection::session, {}, agency_of_session};
            for (const Record* session : selected_records(context, selection, year, sessions)) {
              docs.push_back(plan_minutes(kind, context, *session, year));
            }
            return docs;
          }};
}

}  // namespace inovasi::documents
