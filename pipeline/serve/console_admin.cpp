// What only an admin does in the console: give and end agencies' links, revoke issued
// documents, read the audit log. And the frame every console page shares.

#include "model/date.h"
#include "serve/console_pages.h"
#include "store/agency_links.h"
#include "store/audit_log.h"
#include "model/clock.h"

namespace inovasi::serve {
namespace {

using Poco::Net::HTTPResponse;

Answer links_page(SiteContext& site, const SignedIn& who, const std::string& granted = {},
                  const std::string& error = {}) {
  PageData data = site.store.with([&](Store& store) {
    PageData d = region_data(store);
    PageData links = PageData::type::list;
    for (const auto& link : agency_links(store.database())) {
      PageData item;
      item.set("instansi", link.agency);
      item.set("sidik", link.fingerprint);
      item.set("diberikan", link.granted.iso());
      item.set("berlaku_sampai", link.expires.iso());
      item.set("dicabut", link.revoked);
      links.push_back(item);
    }
    d.set("tautan", links);
    PageData agencies = PageData::type::list;
    for (const auto& agency : store.load("instansi")) {
      PageData item;
      item.set("kode", std::string(agency.get("kode")));
      item.set("nama", std::string(agency.get("nama")));
      agencies.push_back(item);
    }
    d.set("instansi_pilihan", agencies);
    return d;
  });
  if (!granted.empty()) data.set("tautan_baru", granted);
  if (!error.empty()) data.set("galat_tautan", error);
  console_frame(site, data, who, local_today().year);
  return page(error.empty() ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_UNPROCESSABLE_ENTITY,
              site.pages.render("tautan", std::move(data)));
}

Answer grant(SiteContext& site, const SignedIn& who, const WebRequest& request) {
  std::string agency = request.field("instansi"), typed = request.field("berlaku_sampai");
  Date today = local_today();
  // A date that cannot be read is refused, not taken as the default.
  std::optional<Date> expires = typed.empty() ? Date{today.year, 12, 31} : parse_date(typed).date;
  if (!expires) return links_page(site, who, {}, "Berlaku sampai: '" + typed + "' bukan tanggal yang dapat dibaca.");
  if (*expires < today)
    return links_page(site, who, {}, "Berlaku sampai: " + long_date(expires->iso()) + " sudah lewat.");
  std::string url, error;
  site.store.with([&](Store& store) {
    try {
      Transaction transaction(store.database());
      auto link = grant_agency_link(store.database(), agency, today, *expires, who.user);
      transaction.commit();
      url = link_origin(site, request) + "/instansi/" + link.token;
    } catch (const DataError&) {
      error = "Instansi: '" + agency + "' tidak ada di basis data.";
    }
  });
  return links_page(site, who, url, error);
}

Answer end_links(SiteContext& site, const SignedIn& who, const WebRequest& request) {
  site.store.with([&](Store& store) {
    Transaction transaction(store.database());
    revoke_agency_links(store.database(), request.field("instansi"), local_today(), who.user);
    transaction.commit();
  });
  return see_other("/konsol/tautan");
}

Answer revoke_document(SiteContext& site, const SignedIn& who, const WebRequest& request) {
  std::string code = request.field("kode"), reason = request.field("alasan");
  if (code.empty() || reason.empty()) {
    return message_page(site, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Pencabutan gagal",
                        "Isi kode verifikasi dokumen dan alasan pencabutannya.");
  }
  auto run = site.runs.run_now({"revoke", code, "--reason", reason}, std::chrono::seconds(60));
  bool done = run && run->first == 0;
  if (done) {
    site.store.with([&](Store& store) {
      write_audit(store.database(), who.user, "cabut_dokumen", "dokumen " + code, "", "alasan=" + reason);
    });
  }
  return message_page(site, done ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_UNPROCESSABLE_ENTITY,
                      done ? "Dokumen dicabut" : "Pencabutan gagal", run ? run->second : "Melebihi batas waktu.");
}

Answer audit_page(SiteContext& site, const SignedIn& who) {
  PageData data = site.store.with([&](Store& store) {
    PageData d = region_data(store);
    PageData entries = PageData::type::list;
    for (const auto& entry : read_audit(store.database(), 300)) {
      PageData item;
      item.set("waktu", local_readable(entry.time));
      item.set("pelaku", entry.actor);
      item.set("tindakan", entry.action);
      item.set("data", entry.record);
      item.set("lama", entry.before);
      item.set("baru", entry.after);
      entries.push_back(item);
    }
    d.set("entri", entries);
    return d;
  });
  console_frame(site, data, who, local_today().year);
  return page(HTTPResponse::HTTP_OK, site.pages.render("audit", std::move(data)));
}

}  // namespace

std::optional<Answer> admin_route(SiteContext& site, const SignedIn& who, const WebRequest& request) {
  const std::string& path = request.path;
  if (path != "/konsol/tautan" && !path.starts_with("/konsol/tautan/") && path != "/konsol/cabut" &&
      path != "/konsol/audit") {
    return std::nullopt;
  }
  if (who.role != Role::Admin) {
    return message_page(site, HTTPResponse::HTTP_FORBIDDEN, "Khusus admin",
                        "Halaman ini hanya untuk pengguna dengan peran admin.");
  }
  bool post = request.method == "POST";
  if (path == "/konsol/tautan" && !post) return links_page(site, who);
  if (path == "/konsol/tautan/beri" && post) return grant(site, who, request);
  if (path == "/konsol/tautan/cabut" && post) return end_links(site, who, request);
  if (path == "/konsol/cabut" && post) return revoke_document(site, who, request);
  if (path == "/konsol/audit" && !post) return audit_page(site, who);
  return std::nullopt;
}

}  // namespace inovasi::serve
