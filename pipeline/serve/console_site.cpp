// The team's console: the queue of discussion requests, scheduling and recording
// sessions, attendance links, minutes; imports with a dry run; findings by agency; the
// year's runs with their progress; the year's outputs; revocations; agency links; the
// audit log. Every page needs a login; every form a CSRF token.

#include <algorithm>

#include "documents/document_kind.h"
#include "importers/form_record.h"
#include "model/clock.h"
#include "model/date.h"
#include "model/indonesian.h"
#include "serve/console_auth.h"
#include "serve/console_pages.h"
#include "serve/site.h"
#include "store/agency_links.h"
#include "store/snapshot.h"
#include "validation/validation.h"

namespace inovasi::serve {
namespace {

using Poco::Net::HTTPResponse;

PageData queue_data(Store& store, int year) {
  PageData list = PageData::type::list;
  auto requests = records_where(store, "permohonan_diskusi", "tahun", std::to_string(year));
  std::sort(requests.begin(), requests.end(),
            [](const Record& a, const Record& b) { return a.get("tanggal_permohonan") < b.get("tanggal_permohonan"); });
  for (const auto& request : requests) {
    PageData item;
    item.set("kode", std::string(request.get("kode")));
    item.set("tanggal", long_date(request.get("tanggal_permohonan")));
    auto agency = record_by_code(store, "instansi", request.get("instansi"));
    item.set("instansi", agency ? std::string(agency->get("nama")) : std::string(request.get("instansi")));
    item.set("status",
             request_status(request, records_where(store, "sesi_diskusi", "permohonan", request.get("kode"))));
    list.push_back(item);
  }
  return list;
}

Answer dashboard(SiteContext& site, const SignedIn& who, const WebRequest& request) {
  int year = page_year(request);
  PageData data = site.store.with([&](Store& store) {
    PageData d = region_data(store);
    d.set("antrean", queue_data(store, year));
    return d;
  });
  console_frame(site, data, who, year);
  return page(HTTPResponse::HTTP_OK, site.pages.render("konsol", std::move(data)));
}

}  // namespace

void console_frame(SiteContext& site, PageData& data, const SignedIn& who, int year) {
  data.set("pengguna", who.user);
  data.set("admin", flag(who.role == Role::Admin));
  data.set("csrf", who.csrf);
  data.set("tahun", std::to_string(year));
  data.set("proses_berjalan", flag(site.runs.busy()));
}

std::optional<Answer> console_route(SiteContext& site, const WebRequest& request) {
  if (request.path != "/konsol" && !request.path.starts_with("/konsol/")) return std::nullopt;
  bool post = request.method == "POST";
  if (request.path == "/konsol/masuk") return post ? log_in(site, request) : login_page(site, HTTPResponse::HTTP_OK);
  auto who = console_user(site, request);
  if (!who) return login_page(site, HTTPResponse::HTTP_UNAUTHORIZED, "Silakan masuk terlebih dahulu.");
  if (post && !carries_csrf(*who, request)) {
    return message_page(site, HTTPResponse::HTTP_FORBIDDEN, "Permintaan ditolak",
                        "Formulir ini tidak membawa token keamanan yang sah. Muat ulang halaman lalu coba lagi.");
  }
  if (request.path == "/konsol/keluar" && post) return log_out(site, request);
  if (request.path == "/konsol" || request.path == "/konsol/") return dashboard(site, *who, request);
  if (request.path.starts_with("/konsol/permohonan/")) return request_route(site, *who, request);
  if (auto answer = runs_route(site, *who, request)) return answer;
  if (auto answer = admin_route(site, *who, request)) return answer;
  return message_page(site, HTTPResponse::HTTP_NOT_FOUND, "Halaman tidak ditemukan", "Alamat ini tidak dikenal.");
}

}  // namespace inovasi::serve
