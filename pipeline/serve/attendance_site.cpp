// The participants' attendance pages: a session's link (shown as a QR code on the team's
// screen, store/agency_links.h) opens a form on a phone until the session ends. Each entry
// is checked as an imported attendance row is (field conversion, NIP structure, rank
// against grade) and a person is entered once: resubmitting (the same name, or the same
// NIP or phone under a corrected name) updates the entry.

#include "importers/form_record.h"
#include "model/clock.h"
#include "model/date.h"
#include "model/indonesian.h"
#include "serve/site.h"
#include "store/agency_links.h"
#include "store/audit_log.h"
#include "store/snapshot.h"
#include "validation/validation.h"

namespace inovasi::serve {
namespace {

using Poco::Net::HTTPResponse;

constexpr const char* kFields[] = {"nama", "nip", "pangkat", "golongan", "jabatan", "instansi", "no_hp"};

struct SessionView {
  std::string code, title, when, place;
};

SessionView session_view(Store& store, const std::string& code) {
  SessionView view{code, {}, {}, {}};
  auto session = record_by_code(store, "sesi_diskusi", code);
  if (!session) return view;
  view.when = long_date(session->get("tanggal"));
  if (session->has("jam_mulai")) view.when += ", pukul " + std::string(session->get("jam_mulai"));
  view.place = session->get("tempat");
  std::string agency;
  if (auto request = record_by_code(store, "permohonan_diskusi", session->get("permohonan"))) {
    if (auto found = record_by_code(store, "instansi", request->get("instansi"))) agency = found->get("nama");
  }
  view.title = "Ruang Diskusi Rutin Inovasi" + (agency.empty() ? std::string() : " bersama " + agency);
  return view;
}

PageData form_data(SiteContext& site, Store& store, const SessionView& session, const WebRequest* typed) {
  PageData data = region_data(store);
  data.set("judul", session.title);
  data.set("waktu", session.when);
  data.set("tempat", session.place);
  for (const char* field : kFields) data.set(field, typed ? typed->field(field) : std::string());
  PageData ranks = PageData::type::list;
  std::string chosen = typed ? typed->field("golongan") : std::string();
  for (const auto& rank : site.catalog.ranks()) {
    PageData item;
    item.set("golongan", rank.golongan);
    item.set("pangkat", rank.pangkat);
    item.set("dipilih", flag(chosen == rank.golongan));
    ranks.push_back(item);
  }
  data.set("golongan_pilihan", ranks);
  return data;
}

// The entry already made by this person: the same NIP, else the same phone number.
std::optional<Record> earlier_entry(Store& store, const std::string& session, const Record& entry) {
  for (auto& existing : records_where(store, "kehadiran", "sesi", session)) {
    bool same_nip = entry.has("nip") && existing.get("nip") == entry.get("nip");
    bool same_phone = !entry.has("nip") && entry.has("no_hp") && existing.get("no_hp") == entry.get("no_hp");
    if (same_nip || same_phone) return std::move(existing);
  }
  return std::nullopt;
}

Answer sign_in(SiteContext& site, const std::string& session_code, const std::string& token, const WebRequest& web) {
  Diagnostics problems;
  std::optional<Record> saved;
  bool updated = false;
  PageData data = site.store.with([&](Store& store) {
    FormFields fields{{"sesi", session_code}};
    for (const char* field : kFields) {
      std::string value = web.field(field);
      // The form asks for the grade; the rank it names follows (the list the daftar hadir
      // prints has both). A rank sent with it is kept, and the rules compare the two.
      if (value.empty() && std::string_view(field) == "pangkat") {
        if (const Rank* rank = site.catalog.rank_by_golongan(web.field("golongan"))) value = rank->pangkat;
      }
      fields.emplace_back(field, value);
    }
    fields.emplace_back("peran", "Peserta");
    auto record =
        record_from_form(*find_record_kind("kehadiran"), fields, "formulir daftar hadir", site.catalog, problems);
    if (record) {
      add_rule_errors(
          {*record}, [&](const Snapshot& snapshot, Findings& found) { check_people(snapshot, site.catalog, found); },
          problems);
    }
    if (record && !problems.has_errors()) {
      Transaction transaction(store.database());
      if (auto earlier = earlier_entry(store, session_code, *record);
          earlier && earlier->get("nama") != record->get("nama")) {
        // The same person under a corrected name: the entry moves to the new name.
        auto remove = store.database().prepare("DELETE FROM kehadiran WHERE sesi = ? AND nama = ?");
        remove.bind_text_or_null(1, session_code);
        remove.bind_text_or_null(2, earlier->get("nama"));
        remove.step();
        write_audit(store.database(), "hadir:" + session_code, "ganti_nama_hadir", "kehadiran " + earlier->key_label(),
                    "nama=" + std::string(earlier->get("nama")), "nama=" + std::string(record->get("nama")));
        updated = true;
      } else if (earlier) {
        updated = true;
      }
      save_with_audit(store, {*record}, "hadir:" + session_code, "isi_daftar_hadir");
      transaction.commit();
      saved = record;
    }
    return form_data(site, store, session_view(store, session_code), &web);
  });
  if (!saved) {
    set_findings(data, site.catalog, problems);
    data.set("aksi", "/hadir/" + token);
    return page(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, site.pages.render("hadir", std::move(data)));
  }
  data.set("nama_tercatat", std::string(saved->get("nama")));
  data.set("diperbarui", flag(updated));
  data.set("aksi", "/hadir/" + token);
  return page(HTTPResponse::HTTP_OK, site.pages.render("hadir-terima", std::move(data)));
}

}  // namespace

std::optional<Answer> attendance_route(SiteContext& site, const WebRequest& request) {
  if (!request.path.starts_with("/hadir/")) return std::nullopt;
  std::string rest;
  auto token = path_token(request.path, "/hadir/", rest);
  std::optional<std::string> session;
  if (token && rest.empty()) {
    session = site.store.with(
        [&](Store& store) { return session_for_attendance_token(store.database(), *token, utc_now()); });
  }
  if (!session) {
    return message_page(site, HTTPResponse::HTTP_FORBIDDEN, "Tautan daftar hadir tidak berlaku",
                        "Tautan ini tidak dikenal atau sesinya sudah berakhir.");
  }
  if (request.method == "POST") {
    if (request.malformed) {
      return message_page(site, HTTPResponse::HTTP_BAD_REQUEST, "Formulir tidak sah",
                          "Isian formulir tidak dapat dibaca.");
    }
    return sign_in(site, *session, *token, request);
  }
  PageData data =
      site.store.with([&](Store& store) { return form_data(site, store, session_view(store, *session), nullptr); });
  data.set("aksi", "/hadir/" + *token);
  return page(HTTPResponse::HTTP_OK, site.pages.render("hadir", std::move(data)));
}

}  // namespace inovasi::serve
