// Laporan eskalasi: the problems the discussion sessions of a year could not solve,
// grouped by agency, for the head of Bappeda.

#include <map>

#include "documents/document_kind.h"

namespace inovasi::documents {

DocumentKind escalation_report_kind() {
  return {"escalation-report",
          "report of unresolved problems to the head of Bappeda, one per year",
          "Laporan Eskalasi",
          "laporan-eskalasi",
          "discussions/laporan-eskalasi-{tahun}.pdf",
          std::nullopt,
          [](const DocumentKind& kind, DocumentContext& context, const Selection& selection) {
            int year = selected_year(context, selection);
            std::string year_text = std::to_string(year);
            PlannedDocument doc = kind.document(year, "laporan eskalasi " + year_text);
            std::map<std::string, Data> by_agency;  // agency name -> list of problems
            Date latest{year, 1, 1};
            RecordFilter sessions{"sesi_diskusi", "tanggal", nullptr, {}, agency_of_session};
            for (const Record* found : selected_records(context, selection, year, sessions)) {
              const Record& session = *found;
              if (!session.has("eskalasi")) continue;
              const Record* agency =
                  find_one(context.snapshot, "instansi", "kode", agency_of_session(context.snapshot, session));
              if (!agency) continue;
              auto date = date_of(session.get("tanggal"));
              if (date && *date > latest) latest = *date;
              auto& problems = by_agency.try_emplace(std::string(agency->get("nama")), list()).first->second;
              const Data items = narrative_items(session.get("eskalasi"));  // kept alive for the loop
              for (const auto& item : items.list_value()) {
                Data problem = object();
                problem.set("teks", item.string_value());
                problem.set("sesi", std::string(session.get("kode")));
                problem.set("tanggal", date ? date_data(*date) : Data(false));
                problems.push_back(problem);
              }
            }
            Data groups = list();
            int no = 0, count = 0;
            for (auto& [name, problems] : by_agency) {
              Data group = object();
              group.set("no", std::to_string(++no));
              group.set("instansi", name);
              count += static_cast<int>(problems.list_value().size());
              group.set("masalah", problems);
              groups.push_back(group);
            }
            doc.date = latest;
            // One report a year: its data is built while planning and kept.
            Data data = object();
            data.set("tahun", std::to_string(year));
            data.set("tanggal", date_data(latest));
            data.set("kelompok", groups);
            data.set("ada_masalah", Data(count > 0));
            Data lead = Data(false);
            for (const auto& member : context.snapshot.all("tim_bappeda")) {
              if (member.get("peran_tim") == "Ketua" && lead.is_bool()) {
                lead = person_data(member, {"nama", "nip", "pangkat", "golongan", "jabatan", {}, {}}, context.catalog,
                                   false);
              }
            }
            data.set("ketua_tim", lead);
            data.set("jumlah_masalah", std::to_string(count));
            doc.source = [data = std::move(data)] { return data; };
            doc.path = kind.output_path(year, {{"tahun", year_text}});
            return std::vector<PlannedDocument>{doc};
          }};
}

}  // namespace inovasi::documents
