// A discussion request in the console: assign the two team members and schedule the
// session; record what the session discussed and decided; open its attendance link
// (a QR code on the screen) or close it early; make its minutes.

#include <algorithm>

#include "documents/document_kind.h"
#include "importers/form_record.h"
#include "model/clock.h"
#include "model/date.h"
#include "model/indonesian.h"
#include "model/narrative.h"
#include "serve/console_pages.h"
#include "store/agency_links.h"
#include "store/snapshot.h"
#include "validation/validation.h"

namespace inovasi::serve {
namespace {

using Poco::Net::HTTPResponse;

constexpr const char* kScheduleFields[] = {"tanggal", "jam_mulai", "jam_selesai", "tempat", "mode"};
constexpr const char* kOutcomeFields[] = {"permasalahan", "pembahasan", "solusi", "tindak_lanjut", "eskalasi"};

struct Loaded {
  Record request;
  std::optional<Record> session;
};

std::optional<Loaded> load(Store& store, const std::string& code) {
  auto request = record_by_code(store, "permohonan_diskusi", code);
  if (!request) return std::nullopt;
  Loaded loaded{std::move(*request), std::nullopt};
  auto sessions = records_where(store, "sesi_diskusi", "permohonan", code);
  if (!sessions.empty()) loaded.session = std::move(sessions.front());
  return loaded;
}

PageData detail_data(SiteContext& site, Store& store, const Loaded& loaded, const WebRequest* typed) {
  PageData data = region_data(store);
  const Record& request = loaded.request;
  data.set("kode", std::string(request.get("kode")));
  auto agency = record_by_code(store, "instansi", request.get("instansi"));
  data.set("instansi", agency ? std::string(agency->get("nama")) : std::string(request.get("instansi")));
  std::string innovation;
  if (auto found = record_by_code(store, "inovasi", request.get("inovasi"))) innovation = found->get("nama");
  data.set("inovasi", innovation);
  data.set("tanggal_permohonan", long_date(request.get("tanggal_permohonan")));
  data.set("permasalahan_permohonan", narrative_text(request.get("permasalahan")));
  data.set("tanggal_diinginkan", std::string(request.get("tanggal_diinginkan")));
  data.set("mode_diinginkan", std::string(request.get("mode")));
  data.set("kontak", std::string(request.get("kontak_nama")) + " " + std::string(request.get("kontak_hp")));
  auto assigned = list_from_json(request.get("petugas"));
  auto typed_staff = typed ? typed->all("petugas") : std::vector<std::string>{};
  PageData team = PageData::type::list;
  for (const auto& member : store.load("tim_bappeda")) {
    PageData item;
    std::string nip(member.get("nip"));
    item.set("nip", nip);
    item.set("nama", std::string(member.get("nama")));
    const auto& chosen = typed ? typed_staff : assigned;
    item.set("dipilih", flag(std::find(chosen.begin(), chosen.end(), nip) != chosen.end()));
    team.push_back(item);
  }
  data.set("tim", team);
  const Record* session = loaded.session ? &*loaded.session : nullptr;
  data.set("ada_sesi", flag(session != nullptr));
  for (const char* field : kScheduleFields) {
    std::string value = session ? std::string(session->get(field)) : std::string();
    if (!session && std::string_view(field) == "mode") value = request.get("mode");
    if (!session && std::string_view(field) == "tanggal") value = request.get("tanggal_diinginkan");
    data.set(field, typed && !typed->field(field).empty() ? typed->field(field) : value);
  }
  for (const char* field : kOutcomeFields) {
    std::string value = session ? narrative_text(session->get(field)) : std::string();
    if (std::string_view(field) == "permasalahan" && value.empty()) value = narrative_text(request.get("permasalahan"));
    data.set(field, typed && !typed->field(field).empty() ? typed->field(field) : value);
  }
  if (session) {
    std::string code(session->get("kode"));
    data.set("sesi", code);
    auto present = records_where(store, "kehadiran", "sesi", code);
    data.set("jumlah_hadir", std::to_string(present.size()));
    int standing = standing_attendance_links(store.database(), code, utc_now());
    data.set("tautan_aktif", std::to_string(standing));
    data.set("ada_tautan_aktif", flag(standing > 0));
  }
  const Enumeration* modes = site.catalog.enumeration("mode_diskusi");
  std::string chosen_mode = typed     ? typed->field("mode")
                            : session ? std::string(session->get("mode"))
                                      : std::string(request.get("mode"));
  data.set("mode_pilihan", option_list(modes ? modes->values : std::vector<std::string>{}, chosen_mode));
  return data;
}

Answer detail(SiteContext& site, const SignedIn& who, const std::string& code, const WebRequest* typed = nullptr,
              const Diagnostics* problems = nullptr) {
  std::optional<PageData> data = site.store.with([&](Store& store) -> std::optional<PageData> {
    auto loaded = load(store, code);
    if (!loaded) return std::nullopt;
    return detail_data(site, store, *loaded, typed);
  });
  if (!data) return message_page(site, HTTPResponse::HTTP_NOT_FOUND, "Permohonan tidak ditemukan", code);
  console_frame(site, *data, who, local_today().year);
  if (problems) set_findings(*data, site.catalog, *problems);
  return page(problems ? HTTPResponse::HTTP_UNPROCESSABLE_ENTITY : HTTPResponse::HTTP_OK,
              site.pages.render("permohonan", std::move(*data)));
}

// Validation's errors on the records written (the discussion rules read the request, its
// session and the team), added to `problems`.
void check_with_rules(Store& store, std::vector<Record> written, int year, Diagnostics& problems) {
  for (auto& member : store.load("tim_bappeda")) written.push_back(std::move(member));
  add_rule_errors(
      std::move(written), [&](const Snapshot& snapshot, Findings& found) { check_discussions(snapshot, year, found); },
      problems);
}

// Assigns the team members and schedules (or moves) the session.
Answer schedule(SiteContext& site, const SignedIn& who, const std::string& code, const WebRequest& web) {
  Diagnostics problems;
  bool saved = site.store.with([&](Store& store) {
    auto loaded = load(store, code);
    if (!loaded) return false;
    auto staff = web.all("petugas");
    if (staff.size() != 2) {
      problems.error({"formulir jadwal", 1}, "petugas", "pilih tepat dua anggota tim");
      return false;
    }
    std::string staff_text = staff[0] + "; " + staff[1];
    auto request = record_from_form(*find_record_kind("permohonan_diskusi"), {{"kode", code}, {"petugas", staff_text}},
                                    "formulir jadwal", site.catalog, problems, FormScope::Partial);
    // Only the key and petugas are written: the request's other fields stay as filed.
    FormFields session_fields{{"kode", loaded->session ? std::string(loaded->session->get("kode")) : code + "-S1"},
                              {"permohonan", code}};
    for (const char* field : kScheduleFields) session_fields.emplace_back(field, web.field(field));
    auto session =
        record_from_form(*find_record_kind("sesi_diskusi"), session_fields, "formulir jadwal", site.catalog, problems);
    if (!request || !session) return false;
    Record whole = loaded->request;
    whole.set("petugas", request->get("petugas"));
    check_with_rules(store, {whole, *session}, std::stoi(std::string(whole.get("tahun"))), problems);
    if (problems.has_errors()) return false;
    Transaction transaction(store.database());
    save_with_audit(store, {whole, *session}, who.user, "jadwalkan_sesi");
    transaction.commit();
    return true;
  });
  if (!saved) return detail(site, who, code, &web, &problems);
  return see_other("/konsol/permohonan/" + code);
}

// What the session discussed, decided and passes on.
Answer record_outcome(SiteContext& site, const SignedIn& who, const std::string& code, const WebRequest& web) {
  Diagnostics problems;
  bool saved = site.store.with([&](Store& store) {
    auto loaded = load(store, code);
    if (!loaded || !loaded->session) {
      problems.error({"formulir hasil", 1}, "tanggal", "jadwalkan sesi terlebih dahulu");
      return false;
    }
    FormFields fields{{"kode", std::string(loaded->session->get("kode"))},
                      {"permohonan", code},
                      {"tanggal", std::string(loaded->session->get("tanggal"))}};
    for (const char* field : kOutcomeFields) fields.emplace_back(field, web.field(field));
    auto session = record_from_form(*find_record_kind("sesi_diskusi"), fields, "formulir hasil", site.catalog, problems,
                                    FormScope::Partial);
    if (!session) return false;
    Transaction transaction(store.database());
    save_with_audit(store, {*session}, who.user, "catat_hasil_sesi");
    transaction.commit();
    return true;
  });
  if (!saved) return detail(site, who, code, &web, &problems);
  return see_other("/konsol/permohonan/" + code + "#hasil");
}

// Opens an attendance link to the end of the session and shows it as a QR code.
Answer attendance_link(SiteContext& site, const SignedIn& who, const std::string& code, const WebRequest& request) {
  std::string problem;
  std::optional<AttendanceLink> link = site.store.with([&](Store& store) -> std::optional<AttendanceLink> {
    auto loaded = load(store, code);
    if (!loaded || !loaded->session) {
      problem = "Jadwalkan sesi terlebih dahulu.";
      return std::nullopt;
    }
    const Record& session = *loaded->session;
    // The session's end: its date and jam_selesai, or the end of that day without one.
    auto date = parse_date(std::string(session.get("tanggal"))).date;
    int ends = minutes_of_day(session.get("jam_selesai"));
    std::string end = date ? utc_of_local(*date, ends >= 0 ? ends : 23 * 60 + 59) : utc_now();
    try {
      Transaction transaction(store.database());
      auto opened = open_attendance_link(store.database(), session.get("kode"), end, who.user);
      transaction.commit();
      return opened;
    } catch (const DataError&) {
      problem = "Sesi ini sudah berakhir (" + local_readable(end) + "); daftar hadir tidak dapat dibuka lagi.";
      return std::nullopt;
    }
  });
  if (!link) return message_page(site, HTTPResponse::HTTP_CONFLICT, "Tautan daftar hadir tidak dapat dibuka", problem);
  std::string url = link_origin(site, request) + "/hadir/" + link->token;
  PageData data = site.store.with([](Store& store) { return region_data(store); });
  console_frame(site, data, who, local_today().year);
  data.set("kode", code);
  data.set("tautan", url);
  data.set("qr", qr_svg(url, 360));
  data.set("berlaku_sampai", local_readable(link->expires));
  return page(HTTPResponse::HTTP_OK, site.pages.render("tautan-hadir", std::move(data)));
}

// Ends the session's attendance links before the session's end: the list is complete,
// or the QR was seen by someone who should not sign in.
Answer close_attendance(SiteContext& site, const SignedIn& who, const std::string& code) {
  bool closed = site.store.with([&](Store& store) {
    auto loaded = load(store, code);
    if (!loaded || !loaded->session) return false;
    Transaction transaction(store.database());
    close_attendance_links(store.database(), loaded->session->get("kode"), utc_now(), who.user);
    transaction.commit();
    return true;
  });
  if (!closed)
    return message_page(site, HTTPResponse::HTTP_NOT_FOUND, "Sesi tidak ditemukan", "Sesi belum dijadwalkan.");
  return see_other("/konsol/permohonan/" + code);
}

Answer minutes(SiteContext& site, const std::string& code) {
  std::optional<Loaded> loaded = site.store.with([&](Store& store) { return load(store, code); });
  if (!loaded || !loaded->session) {
    return message_page(site, HTTPResponse::HTTP_NOT_FOUND, "Berita acara belum dapat dibuat",
                        "Sesi belum dijadwalkan.");
  }
  const Record& session = *loaded->session;
  const auto* kind = documents::find_document_kind("minutes");
  int year = std::stoi(std::string(loaded->request.get("tahun")));
  std::string path = kind->output_path(year, {{"tanggal", session.get("tanggal")},
                                              {"instansi", loaded->request.get("instansi")},
                                              {"sesi", session.get("kode")}});
  auto made = make_document(site, "minutes", year, "session", std::string(session.get("kode")), path);
  if (!made.problem.empty()) {
    return message_page(site, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "Berita acara belum dapat dibuat", made.problem);
  }
  return file_answer(std::move(made.bytes), "application/pdf", made.file_name);
}

}  // namespace

Answer request_route(SiteContext& site, const SignedIn& who, const WebRequest& request) {
  std::string tail = request.path.substr(std::string("/konsol/permohonan/").size());
  auto slash = tail.find('/');
  std::string code = tail.substr(0, slash), what = slash == std::string::npos ? "" : tail.substr(slash + 1);
  bool post = request.method == "POST";
  if (what.empty() && !post) return detail(site, who, code);
  if (what == "jadwal" && post) return schedule(site, who, code, request);
  if (what == "hasil" && post) return record_outcome(site, who, code, request);
  if (what == "tautan-hadir" && post) return attendance_link(site, who, code, request);
  if (what == "tutup-hadir" && post) return close_attendance(site, who, code);
  if (what == "berita-acara.pdf" && !post) return minutes(site, code);
  return message_page(site, HTTPResponse::HTTP_NOT_FOUND, "Halaman tidak ditemukan", "Alamat ini tidak dikenal.");
}

}  // namespace inovasi::serve
