#pragma once
// The private side of `inovasi serve`: the agencies' pages (a private link each,
// /instansi/<token>), the participants' attendance pages (/hadir/<token>), and the
// team's console (/konsol, accounts). Every write goes through the record kinds, the
// importers' field checks (importers/form_record.h) and the validation rules, as a file
// would; every change is written to the audit log. Documents are made by running the
// command line (serve/jobs.h), so a page never has rules of its own.

#include <kainjow/mustache.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "model/catalog.h"
#include "serve/answer.h"
#include "serve/jobs.h"
#include "serve/login_throttle.h"
#include "serve/pages.h"
#include "serve/site_store.h"
#include "serve/web_request.h"

namespace inovasi {
class Snapshot;
class Findings;
}  // namespace inovasi

namespace inovasi::serve {

using PageData = kainjow::mustache::data;

// The private pages' templates (templates/web/*.html besides the public ones), each
// with the partials `kepala` (the page's head and header) and `kaki` (its end).
class SitePages {
 public:
  explicit SitePages(const std::filesystem::path& folder);
  // Throws std::logic_error for a page the set does not have (a mistake in the code).
  std::string render(const std::string& name, PageData data) const;

 private:
  std::map<std::string, std::unique_ptr<Pages::Template>, std::less<>> pages_;
  std::map<std::string, std::string, std::less<>> titles_;
  std::string head_, foot_;
};

struct SiteSettings {
  std::filesystem::path database;
  std::filesystem::path output;  // the batches' output folder (documents, scans, manifest)
  std::string public_base;       // "https://inovasi.karokab.go.id": links and QR codes
  bool secure_cookies = true;    // the console's cookie is Secure (false: plain http on loopback)
  std::size_t max_upload = 20 << 20;
};

struct SiteContext {
  SiteContext(SiteSettings settings_, const std::filesystem::path& database, Catalog catalog_,
              const std::filesystem::path& pages_folder, RunSettings runs_)
      : settings(std::move(settings_)),
        store(database),
        catalog(std::move(catalog_)),
        pages(pages_folder),
        runs(std::move(runs_)) {}
  SiteSettings settings;
  SiteStore store;
  Catalog catalog;
  SitePages pages;
  Runs runs;
  LoginThrottle throttle;
};

// Each answers the paths under its prefix (nothing for other paths).
std::optional<Answer> agency_route(SiteContext& site, const WebRequest& request);
std::optional<Answer> attendance_route(SiteContext& site, const WebRequest& request);
std::optional<Answer> console_route(SiteContext& site, const WebRequest& request);

// Shared by the three.
// A page with the region's name and office filled in.
PageData region_data(Store& store);
Answer message_page(SiteContext& site, Status status, const std::string& title, const std::string& text);
// Findings as a page lists them: `galat` [{label, pesan, peringatan}] with the fields'
// Indonesian labels, and `ada_galat`.
void set_findings(PageData& data, const Catalog& catalog, const Diagnostics& diagnostics);
// The validation rule's errors on records a form made (with any records the rule reads
// beside them, such as the team), added to `problems`: a page holds a record to the
// rules a file's record meets. Warnings are left to the batches' reports.
void add_rule_errors(std::vector<Record> records, const std::function<void(const Snapshot&, Findings&)>& rule,
                     Diagnostics& problems);
// A stored narrative (JSON) as a textarea or a page shows it: its paragraphs and items,
// one per line; the text itself when it is not a narrative.
std::string narrative_text(std::string_view stored);
// The origin links are given under: --site-url, else the address the browser used.
std::string link_origin(const SiteContext& site, const WebRequest& request);
// Where a discussion request stands, in the words both the agency and the team read:
// its sessions (sesi_diskusi) say whether it was scheduled and discussed.
std::string request_status(const Record& request, const std::vector<Record>& sessions);
// Saves records (each replacing by natural key the fields it carries), in the caller's
// transaction, with one audit entry each: the fields that changed, old and new.
void save_with_audit(Store& store, const std::vector<Record>& records, const std::string& actor,
                     const std::string& action);
// The records of `kind` whose `field` is `value`.
std::vector<Record> records_where(Store& store, std::string_view kind, std::string_view field, std::string_view value);
std::optional<Record> record_by_code(Store& store, std::string_view kind, std::string_view code);
// The document file a kind made for a selection, made now by the command line when
// missing or stale (render is incremental): its bytes, or a message why not.
struct MadeDocument {
  std::string bytes;
  std::string file_name;
  std::string problem;
};
MadeDocument make_document(SiteContext& site, const std::string& kind, int year, const std::string& selector,
                           const std::string& code, const std::string& relative_path);
// A download answer.
Answer file_answer(std::string bytes, std::string type, const std::string& file_name);
// A QR code as an SVG element (inline in a page: no image request, no script).
std::string qr_svg(const std::string& text, int pixels);
// The token in "/prefix/<token>..." when it has a secret token's shape (store/secret_tokens.h).
std::optional<std::string> path_token(const std::string& path, std::string_view prefix, std::string& rest);
// A select's options: [{nilai, dipilih}].
PageData option_list(const std::vector<std::string>& values, const std::string& chosen);
// The year a console page is about: ?tahun=, else this year.
int page_year(const WebRequest& request);

}  // namespace inovasi::serve
