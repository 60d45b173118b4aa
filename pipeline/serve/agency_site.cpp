// The agencies' pages, opened by the private link the team gives each agency
// (store/agency_links.h): file a discussion request, follow it, download its form isian
// to sign and stamp, and upload the signed scan. The token decides the agency; nothing a
// form or an address says can name another agency's records.

#include <algorithm>

#include "documents/document_kind.h"
#include "importers/form_record.h"
#include "model/clock.h"
#include "model/date.h"
#include "model/indonesian.h"
#include "model/narrative.h"
#include "model/text.h"
#include "output/atomic_file.h"
#include "output/folder_lock.h"
#include "output/manifest.h"
#include "serve/site.h"
#include "store/agency_links.h"
#include "store/audit_log.h"
#include "store/snapshot.h"
#include "support/sha256.h"
#include "validation/validation.h"

namespace inovasi::serve {
namespace {

using Poco::Net::HTTPResponse;

// "one problem per line" as the numbered list the form isian prints.
std::string numbered_list(const std::string& text) {
  std::string out;
  int no = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    std::string line(trim(text.substr(start, end == std::string::npos ? std::string::npos : end - start)));
    // A line already numbered ("1. ...", "2) ...") keeps its text only.
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) {
      line = std::string(trim(line.substr(digits + 1)));
    }
    if (!line.empty()) out += (out.empty() ? "" : "\n") + std::to_string(++no) + ". " + line;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// The next free code of the year's requests: RDRI-<tahun>-<NNN>.
std::string next_request_code(Store& store, int year) {
  std::string prefix = "RDRI-" + std::to_string(year) + "-";
  auto select = store.database().prepare("SELECT kode FROM permohonan_diskusi WHERE kode LIKE ? || '%'");
  select.bind_text_or_null(1, prefix);
  int highest = 0;
  while (select.step()) {
    std::string code = select.column_text(0).substr(prefix.size());
    if (!code.empty() && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        code.size() < 9) {
      highest = std::max(highest, std::stoi(code));
    }
  }
  char number[16];
  std::snprintf(number, sizeof number, "%03d", highest + 1);
  return prefix + number;
}

struct AgencyView {
  std::string code, name, base;  // base: "/instansi/<token>"
};

// The agency's home page: its requests, and the form for a new one (with what was typed
// and what was wrong, after a refused post).
PageData home_data(SiteContext& site, Store& store, const AgencyView& agency, const WebRequest* typed) {
  PageData data = region_data(store);
  data.set("instansi", agency.name);
  data.set("dasar", agency.base);
  PageData requests = PageData::type::list;
  auto all = records_where(store, "permohonan_diskusi", "instansi", agency.code);
  std::sort(all.begin(), all.end(), [](const Record& a, const Record& b) {
    return std::pair(a.get("tanggal_permohonan"), a.get("kode")) >
           std::pair(b.get("tanggal_permohonan"), b.get("kode"));
  });
  for (const auto& request : all) {
    auto sessions = records_where(store, "sesi_diskusi", "permohonan", request.get("kode"));
    PageData item;
    item.set("kode", std::string(request.get("kode")));
    item.set("tanggal", long_date(request.get("tanggal_permohonan")));
    std::string innovation;
    if (auto found = record_by_code(store, "inovasi", request.get("inovasi"))) innovation = found->get("nama");
    item.set("inovasi", innovation.empty() ? std::string("(tidak disebut)") : innovation);
    item.set("status", request_status(request, sessions));
    item.set("permasalahan", narrative_text(request.get("permasalahan")));
    PageData scans = PageData::type::list;
    auto select = store.database().prepare(
        "SELECT jenis, ukuran, sha256, diunggah FROM pindaian WHERE permohonan = ? ORDER BY id");
    select.bind_text_or_null(1, request.get("kode"));
    while (select.step()) {
      PageData scan;
      scan.set("jenis", select.column_text(0));
      scan.set("ukuran", std::to_string((select.column_int(1) + 1023) / 1024) + " KB");
      scan.set("sha256", select.column_text(2));
      scan.set("waktu", local_readable(select.column_text(3)));
      scans.push_back(scan);
    }
    item.set("pindaian", scans);
    requests.push_back(item);
  }
  data.set("permohonan", requests);
  data.set("ada_permohonan", flag(!(all.empty())));
  PageData innovations = PageData::type::list;
  std::string chosen = typed ? typed->field("inovasi") : std::string();
  for (const auto& innovation : records_where(store, "inovasi", "instansi", agency.code)) {
    PageData item;
    item.set("kode", std::string(innovation.get("kode")));
    item.set("nama", std::string(innovation.get("nama")) + " (" + std::string(innovation.get("tahun")) + ")");
    item.set("tahapan", innovation.has("tahapan") ? std::string(innovation.get("tahapan")) : std::string("-"));
    item.set("dipilih", flag(chosen == innovation.get("kode")));
    innovations.push_back(item);
  }
  data.set("inovasi", innovations);
  PageData facilitators = PageData::type::list;
  for (const auto& person : records_where(store, "fasilitator", "instansi", agency.code)) {
    PageData item;
    item.set("nama", std::string(person.get("nama")));
    item.set("no_hp", std::string(person.get("no_hp")));
    facilitators.push_back(item);
  }
  data.set("fasilitator", facilitators);
  const Enumeration* modes = site.catalog.enumeration("mode_diskusi");
  data.set("mode", option_list(modes ? modes->values : std::vector<std::string>{}, typed ? typed->field("mode") : ""));
  for (const char* field : {"permasalahan", "tanggal_diinginkan", "kontak_nama", "kontak_hp"}) {
    data.set(field, typed ? typed->field(field) : std::string());
  }
  return data;
}

Answer home(SiteContext& site, const AgencyView& agency, const WebRequest* typed = nullptr,
            const Diagnostics* problems = nullptr) {
  PageData data = site.store.with([&](Store& store) { return home_data(site, store, agency, typed); });
  if (problems) set_findings(data, site.catalog, *problems);
  return page(problems ? HTTPResponse::HTTP_UNPROCESSABLE_ENTITY : HTTPResponse::HTTP_OK,
              site.pages.render("instansi", std::move(data)));
}

// A new request: the agency from the link, the date today, the code the next free one;
// the rest from the form, converted and checked as a CSV row would be.
Answer file_request(SiteContext& site, const AgencyView& agency, const WebRequest& request) {
  Diagnostics problems;
  Date today = local_today();
  std::optional<std::string> saved_code = site.store.with([&](Store& store) -> std::optional<std::string> {
    std::string innovation = request.field("inovasi");
    if (!innovation.empty()) {
      auto found = record_by_code(store, "inovasi", innovation);
      if (!found || found->get("instansi") != agency.code) {
        problems.error({"formulir permohonan", 1}, "inovasi", "bukan inovasi instansi ini");
        return std::nullopt;
      }
    }
    std::string code = next_request_code(store, today.year);
    FormFields fields{{"kode", code},
                      {"instansi", agency.code},
                      {"inovasi", innovation},
                      {"tanggal_permohonan", today.iso()},
                      {"permasalahan", numbered_list(request.field("permasalahan"))},
                      {"tanggal_diinginkan", request.field("tanggal_diinginkan")},
                      {"mode", request.field("mode")},
                      {"kontak_nama", request.field("kontak_nama")},
                      {"kontak_hp", request.field("kontak_hp")}};
    auto record = record_from_form(*find_record_kind("permohonan_diskusi"), fields, "formulir permohonan", site.catalog,
                                   problems);
    if (!record) return std::nullopt;
    add_rule_errors(
        {*record}, [&](const Snapshot& snapshot, Findings& found) { check_discussions(snapshot, today.year, found); },
        problems);
    if (problems.has_errors()) return std::nullopt;
    Transaction transaction(store.database());
    save_with_audit(store, {*record}, "instansi:" + agency.code, "ajukan_permohonan");
    transaction.commit();
    return code;
  });
  if (!saved_code) return home(site, agency, &request, &problems);
  return see_other(agency.base + "#" + *saved_code);
}

// The request `code` when it is the agency's; nothing otherwise (another agency's
// request is answered as one that does not exist).
std::optional<Record> own_request(SiteContext& site, const AgencyView& agency, const std::string& code) {
  return site.store.with([&](Store& store) -> std::optional<Record> {
    auto found = record_by_code(store, "permohonan_diskusi", code);
    if (!found || found->get("instansi") != agency.code) return std::nullopt;
    return found;
  });
}

std::string form_path(const Record& request) {
  const auto* kind = documents::find_document_kind("discussion-form");
  return kind->output_path(std::stoi(std::string(request.get("tahun"))),
                           {{"tanggal", request.get("tanggal_permohonan")},
                            {"instansi", request.get("instansi")},
                            {"permohonan", request.get("kode")}});
}

Answer download_form(SiteContext& site, const Record& request) {
  auto made = make_document(site, "discussion-form", std::stoi(std::string(request.get("tahun"))), "request",
                            std::string(request.get("kode")), form_path(request));
  if (!made.problem.empty()) {
    return message_page(site, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "Formulir belum tersedia", made.problem);
  }
  return file_answer(std::move(made.bytes), "application/pdf", made.file_name);
}

// The signed and stamped form, scanned: kept beside the form with its SHA-256, listed in
// the year's manifest and in the store.
Answer upload_scan(SiteContext& site, const AgencyView& agency, const Record& request, const WebRequest& web) {
  if (!web.file || web.file->bytes.empty()) {
    return message_page(site, HTTPResponse::HTTP_BAD_REQUEST, "Unggahan gagal", "Tidak ada berkas yang diunggah.");
  }
  if (web.file->too_large) {
    return message_page(site, HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "Unggahan gagal",
                        "Berkas lebih besar dari " + std::to_string(site.settings.max_upload >> 20) + " MB.");
  }
  FileType type = sniff_file_type(web.file->bytes);
  if (type == FileType::Other) {
    return message_page(site, HTTPResponse::HTTP_UNSUPPORTED_MEDIA_TYPE, "Unggahan ditolak",
                        "Berkas harus PDF, JPEG atau PNG (dikenali dari isinya, bukan dari namanya).");
  }
  std::string year(request.get("tahun"));
  std::string folder = std::filesystem::path(form_path(request)).parent_path().string();
  std::string sha = sha256_hex(web.file->bytes);
  std::string relative = folder + "/pindaian-" + slugify(request.get("kode")) + "-" + sha.substr(0, 12) + "." +
                         std::string(file_extension(type));
  {
    FolderLock lock(site.settings.output / year, FolderLock::Wait::No);
    if (!lock.held()) {
      Answer busy =
          message_page(site, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "Sedang ada proses pencetakan",
                       "Folder dokumen tahun ini sedang ditulis oleh proses lain. Unggah lagi dalam satu menit.");
      busy.retry_after = 60;
      return busy;
    }
    auto target = site.settings.output / relative;
    std::filesystem::create_directories(target.parent_path());
    write_file_atomically(target, web.file->bytes);
    auto manifest_file = site.settings.output / year / "exports" / "manifest.json";
    Manifest manifest = Manifest::load(manifest_file);
    manifest.put(file_entry(site.settings.output, relative, "pindaian-form-isian",
                            "permohonan_diskusi " + std::string(request.get("kode"))));
    manifest.save_if_changed(manifest_file);
  }
  site.store.with([&](Store& store) {
    Transaction transaction(store.database());
    auto insert = store.database().prepare(
        "INSERT INTO pindaian (permohonan, jalur, jenis, ukuran, sha256, diunggah) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind_text_or_null(1, request.get("kode"));
    insert.bind_text_or_null(2, relative);
    insert.bind_text_or_null(3, file_extension(type));
    insert.bind_int(4, static_cast<long long>(web.file->bytes.size()));
    insert.bind_text_or_null(5, sha);
    insert.bind_text_or_null(6, utc_now());
    insert.step();
    write_audit(store.database(), "instansi:" + agency.code, "unggah_pindaian",
                "permohonan_diskusi " + std::string(request.get("kode")), "", "sha256=" + sha + "; berkas=" + relative);
    transaction.commit();
  });
  return see_other(agency.base + "#" + std::string(request.get("kode")));
}

}  // namespace

std::optional<Answer> agency_route(SiteContext& site, const WebRequest& request) {
  std::string rest;
  if (!request.path.starts_with("/instansi/")) return std::nullopt;
  auto token = path_token(request.path, "/instansi/", rest);
  std::optional<AgencyView> agency;
  if (token) {
    agency = site.store.with([&](Store& store) -> std::optional<AgencyView> {
      auto today = local_today();
      auto code = agency_for_token(store.database(), *token, today);
      if (!code) return std::nullopt;
      auto found = record_by_code(store, "instansi", *code);
      return AgencyView{*code, found ? std::string(found->get("nama")) : *code, "/instansi/" + *token};
    });
  }
  if (!agency) {
    return message_page(site, HTTPResponse::HTTP_FORBIDDEN, "Tautan tidak berlaku",
                        "Tautan ini tidak dikenal, sudah kedaluwarsa atau dicabut. Mintalah tautan baru kepada tim "
                        "inovasi.");
  }
  bool post = request.method == "POST";
  if (rest.empty() || rest == "/") {
    if (post) return std::nullopt;
    return home(site, *agency);
  }
  if (rest == "/permohonan") {
    if (!post) return see_other(agency->base);
    if (request.malformed)
      return message_page(site, HTTPResponse::HTTP_BAD_REQUEST, "Formulir tidak sah",
                          "Isian formulir tidak dapat dibaca.");
    return file_request(site, *agency, request);
  }
  // /permohonan/<kode>/formulir.pdf and /permohonan/<kode>/pindaian
  if (rest.starts_with("/permohonan/")) {
    std::string tail = rest.substr(12);
    auto slash = tail.find('/');
    if (slash != std::string::npos) {
      std::string code = tail.substr(0, slash), what = tail.substr(slash + 1);
      auto found = own_request(site, *agency, code);
      if (!found) {
        return message_page(site, HTTPResponse::HTTP_NOT_FOUND, "Permohonan tidak ditemukan",
                            "Tidak ada permohonan instansi Anda dengan kode ini.");
      }
      if (what == "formulir.pdf" && !post) return download_form(site, *found);
      if (what == "pindaian" && post) return upload_scan(site, *agency, *found, request);
    }
  }
  return message_page(site, HTTPResponse::HTTP_NOT_FOUND, "Halaman tidak ditemukan", "Alamat ini tidak dikenal.");
}

}  // namespace inovasi::serve
