// The console's runs: an import with its dry run first; the year's findings by agency;
// launch, certificates and desk-packet started and followed live; the year's outputs.

#include <algorithm>
#include <map>

#include "model/file_text.h"
#include "model/text.h"
#include "output/atomic_file.h"
#include "output/manifest.h"
#include "serve/console_pages.h"
#include "serve/import_outcome.h"
#include "store/secret_tokens.h"
#include "store/audit_log.h"
#include "store/year_source.h"
#include "validation/validation.h"

namespace inovasi::serve {
namespace {

using Poco::Net::HTTPResponse;

Answer console_page(SiteContext& site, const SignedIn& who, int year, const std::string& name, PageData data,
                    Status status = HTTPResponse::HTTP_OK) {
  console_frame(site, data, who, year);
  return page(status, site.pages.render(name, std::move(data)));
}

PageData base(SiteContext& site) {
  return site.store.with([](Store& store) { return region_data(store); });
}

// Uploaded import files wait here, under a random name, between the dry run and the
// confirmation: <output>/.impor/<token>/<name>.
std::filesystem::path staging(SiteContext& site) { return site.settings.output / ".impor"; }

bool import_extension(const std::string& extension) {
  return extension == ".csv" || extension == ".json" || extension == ".xlsx" || extension == ".txt";
}

std::vector<std::string> import_arguments(const std::filesystem::path& file, const WebRequest& request) {
  std::vector<std::string> arguments{"import", file.string()};
  if (std::string agency = request.field("instansi"); !agency.empty())
    arguments.insert(arguments.end(), {"--agency", agency});
  if (std::string year = request.field("tahun_profil"); !year.empty())
    arguments.insert(arguments.end(), {"--year", year});
  return arguments;
}

Answer import_page(SiteContext& site, const SignedIn& who, const WebRequest& request) {
  int year = page_year(request);
  if (request.method != "POST") return console_page(site, who, year, "impor", base(site));
  if (!request.file || request.file->bytes.empty() || request.file->too_large) {
    PageData data = base(site);
    data.set("galat_impor",
             request.file && request.file->too_large ? "Berkas terlalu besar." : "Pilih berkas untuk diimpor.");
    return console_page(site, who, year, "impor", std::move(data), HTTPResponse::HTTP_BAD_REQUEST);
  }
  // The name the importer sees: the uploaded one's slug and extension (never a path).
  std::filesystem::path uploaded(request.file->name);
  std::string extension = uploaded.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (!import_extension(extension)) {
    PageData data = base(site);
    data.set("galat_impor", "Berkas impor harus .csv, .json, .xlsx atau .txt (profil portal).");
    return console_page(site, who, year, "impor", std::move(data), HTTPResponse::HTTP_UNSUPPORTED_MEDIA_TYPE);
  }
  std::string stem = slugify(uploaded.stem().string());
  std::string id = new_secret_token();
  auto file = staging(site) / id / ((stem.empty() ? std::string("impor") : stem) + extension);
  std::filesystem::create_directories(file.parent_path());
  write_file_atomically(file, request.file->bytes);
  std::vector<std::string> arguments = import_arguments(file, request);
  arguments.insert(arguments.end(), {"--dry-run", "--json"});
  auto run = site.runs.run_now(arguments, std::chrono::seconds(300));
  PageData data = base(site);
  data.set("uji", flag(true));
  data.set("berkas", file.filename().string());
  data.set("id_impor", id);
  data.set("instansi", request.field("instansi"));
  data.set("tahun_profil", request.field("tahun_profil"));
  if (run) {
    set_import_outcome(data, run->second, site.catalog);
  } else {
    data.set("keluaran", "Uji coba impor melebihi batas waktu.");
  }
  data.set("dapat_dikonfirmasi", flag(run && run->first == 0));
  return console_page(site, who, year, "impor", std::move(data));
}

Answer confirm_import(SiteContext& site, const SignedIn& who, const WebRequest& request) {
  std::string id = request.field("id_impor");
  if (!has_secret_token_shape(id)) {
    return message_page(site, HTTPResponse::HTTP_BAD_REQUEST, "Impor tidak dikenal", "Unggah berkasnya lagi.");
  }
  auto folder = staging(site) / id;
  std::error_code error;
  std::filesystem::directory_iterator files(folder, error);
  if (error || files == std::filesystem::directory_iterator()) {
    return message_page(site, HTTPResponse::HTTP_NOT_FOUND, "Impor tidak dikenal", "Unggah berkasnya lagi.");
  }
  auto file = files->path();
  std::vector<std::string> arguments = import_arguments(file, request);
  arguments.push_back("--json");
  auto run = site.runs.run_now(arguments, std::chrono::seconds(600));
  std::filesystem::remove_all(folder, error);
  PageData data = base(site);
  data.set("selesai", flag(true));
  data.set("berhasil", flag(run && run->first == 0));
  if (run) {
    set_import_outcome(data, run->second, site.catalog);
  } else {
    data.set("keluaran", "Impor melebihi batas waktu.");
  }
  site.store.with([&](Store& store) {
    write_audit(store.database(), who.user, "impor", "berkas " + file.filename().string(), "",
                run && run->first == 0 ? "berhasil" : "gagal");
  });
  return console_page(site, who, page_year(request), "impor", std::move(data));
}

Answer findings_page(SiteContext& site, const SignedIn& who, const WebRequest& request) {
  int year = page_year(request);
  PageData data = base(site);
  PageData agencies = PageData::type::list;
  // Validation reads the year as `validate` does, on a connection of its own.
  Store store = Store::open(site.settings.database, false);
  YearSource source(store, year);
  ValidationReport report = validate(source, site.catalog, false);
  std::map<std::string, std::string> names;
  for (const auto& agency : store.load("instansi")) names[std::string(agency.get("kode"))] = agency.get("nama");
  for (const auto& [agency, findings] : findings_by_agency(report)) {
    PageData group;
    group.set("instansi", agency.empty()        ? std::string("Umum (daerah dan tim)")
                          : names.count(agency) ? names[agency]
                                                : agency);
    PageData items = PageData::type::list;
    for (const Diagnostic* finding : findings) {
      auto readable = site.catalog.readable(*finding);
      PageData item;
      item.set("tingkat", readable.severity);
      item.set("data", readable.record);
      item.set("kolom", readable.field);
      item.set("pesan", readable.message);
      item.set("galat", flag(finding->severity == Severity::Error));
      items.push_back(item);
    }
    group.set("temuan", items);
    group.set("jumlah", std::to_string(findings.size()));
    agencies.push_back(group);
  }
  data.set("kelompok", agencies);
  data.set("jumlah_galat", std::to_string(report.count(Severity::Error)));
  data.set("jumlah_peringatan", std::to_string(report.count(Severity::Warning)));
  return console_page(site, who, year, "temuan", std::move(data));
}

// launch, certificates or desk-packet for the year, in the background.
Answer start_run(SiteContext& site, const SignedIn& who, const WebRequest& request) {
  std::string command = request.field("perintah");
  int year = page_year(request);
  if (command != "launch" && command != "certificates" && command != "desk-packet") {
    return message_page(site, HTTPResponse::HTTP_BAD_REQUEST, "Perintah tidak dikenal", command);
  }
  auto started =
      site.runs.start(command + " " + std::to_string(year), {command, "--year", std::to_string(year)}, who.user);
  if (!started) {
    return message_page(site, HTTPResponse::HTTP_CONFLICT, "Sedang ada proses berjalan",
                        "Satu proses sedang berjalan. Tunggu hingga selesai, lalu mulai lagi.");
  }
  site.store.with([&](Store& store) {
    write_audit(store.database(), who.user, "jalankan", command + " " + std::to_string(year), "", "");
  });
  return see_other("/konsol/proses");
}

Answer progress_page(SiteContext& site, const SignedIn& who, const WebRequest& request) {
  PageData data = base(site);
  auto run = site.runs.current();
  data.set("ada_proses", flag(run.has_value()));
  if (run) {
    data.set("label", run->label);
    data.set("oleh", run->user);
    data.set("berjalan", flag(run->running));
    data.set("berhasil", flag(!run->running && run->exit_code == 0));
    data.set("kode_keluar", std::to_string(run->exit_code));
    data.set("selesai", std::to_string(run->done));
    data.set("total", std::to_string(run->total));
    data.set("persen", std::to_string(run->total ? run->done * 100 / run->total : (run->running ? 0 : 100)));
    std::string lines;
    for (const auto& line : run->lines) lines += line + "\n";
    data.set("keluaran", lines);
  }
  return console_page(site, who, page_year(request), "proses", std::move(data));
}

// The year's outputs as its manifest lists them; a download only of a listed path.
Answer outputs_page(SiteContext& site, const SignedIn& who, const WebRequest& request) {
  int year = page_year(request);
  auto manifest_file = site.settings.output / std::to_string(year) / "exports" / "manifest.json";
  Manifest manifest = Manifest::load(manifest_file);
  std::string wanted = request.field("jalur");
  if (!wanted.empty()) {
    // The manifest lists every file but itself.
    bool is_manifest = wanted == std::to_string(year) + "/exports/manifest.json";
    bool listed = is_manifest || manifest.find(wanted).has_value();
    // Only a path the manifest lists is read, never one typed.
    auto bytes = listed ? read_file_text(site.settings.output / wanted) : std::nullopt;
    if (!bytes) return message_page(site, HTTPResponse::HTTP_NOT_FOUND, "Berkas tidak ditemukan", wanted);
    std::string type = wanted.ends_with(".pdf")    ? "application/pdf"
                       : wanted.ends_with(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                       : wanted.ends_with(".json") ? "application/json"
                                                   : "application/octet-stream";
    return file_answer(std::move(*bytes), type, std::filesystem::path(wanted).filename().string());
  }
  PageData data = base(site);
  PageData files = PageData::type::list;
  std::size_t shown = 0, total = 0;
  std::string filter = request.field("cari");
  manifest.for_each([&](const ManifestEntry& entry) {
    ++total;
    if (!filter.empty() && entry.path.find(filter) == std::string::npos) return;
    if (++shown > 500) return;
    PageData item;
    item.set("jalur", entry.path);
    item.set("jenis", entry.kind);
    item.set("ukuran", std::to_string((entry.size + 1023) / 1024) + " KB");
    item.set("sha256", entry.sha256.substr(0, 16));
    files.push_back(item);
  });
  data.set("berkas", files);
  data.set("jumlah", std::to_string(total));
  data.set("terpotong", flag(shown > 500));
  data.set("cari", filter);
  data.set("ada_manifest", flag(std::filesystem::exists(manifest_file)));
  return console_page(site, who, year, "berkas", std::move(data));
}

}  // namespace

std::optional<Answer> runs_route(SiteContext& site, const SignedIn& who, const WebRequest& request) {
  const std::string& path = request.path;
  bool post = request.method == "POST";
  if (path == "/konsol/impor") return import_page(site, who, request);
  if (path == "/konsol/impor/konfirmasi" && post) return confirm_import(site, who, request);
  if (path == "/konsol/temuan" && !post) return findings_page(site, who, request);
  if (path == "/konsol/jalankan" && post) return start_run(site, who, request);
  if (path == "/konsol/proses" && !post) return progress_page(site, who, request);
  if (path == "/konsol/berkas" && !post) return outputs_page(site, who, request);
  return std::nullopt;
}

}  // namespace inovasi::serve
