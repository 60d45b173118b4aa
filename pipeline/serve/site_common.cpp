// What the agencies' pages, the attendance pages and the console share.

#include <algorithm>
#include <ctime>
#include <sstream>

#include "layout/qr_symbol.h"
#include "model/clock.h"
#include "model/date.h"
#include "model/indonesian.h"
#include "model/narrative.h"
#include "model/file_text.h"
#include "serve/site.h"
#include "store/audit_log.h"
#include "store/secret_tokens.h"
#include "store/snapshot.h"
#include "validation/validation.h"
#include "support/located_error.h"

namespace inovasi::serve {
namespace {

namespace mustache = kainjow::mustache;

// Each page and the title its tab shows.
constexpr std::pair<const char*, const char*> kPages[] = {{"pesan", "Pemberitahuan"},
                                                          {"instansi", "Ruang Diskusi Inovasi"},
                                                          {"hadir", "Daftar Hadir"},
                                                          {"hadir-terima", "Daftar Hadir"},
                                                          {"masuk", "Masuk Konsol"},
                                                          {"konsol", "Antrean Permohonan"},
                                                          {"permohonan", "Permohonan Diskusi"},
                                                          {"tautan-hadir", "Kode QR Daftar Hadir"},
                                                          {"impor", "Impor Data"},
                                                          {"temuan", "Temuan Validasi"},
                                                          {"proses", "Proses"},
                                                          {"berkas", "Berkas"},
                                                          {"tautan", "Tautan Instansi"},
                                                          {"audit", "Log Audit"}};

}  // namespace

SitePages::SitePages(const std::filesystem::path& folder)
    : head_(read_page_template(folder / "bagian" / "kepala.html")),
      foot_(read_page_template(folder / "bagian" / "kaki.html")) {
  for (const auto& [name, title] : kPages) {
    pages_.emplace(name, std::make_unique<Pages::Template>(read_page_template(folder / (std::string(name) + ".html"))));
    titles_.emplace(name, title);
  }
}

std::string SitePages::render(const std::string& name, PageData data) const {
  auto found = pages_.find(name);
  if (found == pages_.end()) throw std::logic_error("no page template " + name);
  data.set("judul_halaman", titles_.find(name)->second);
  std::string head = head_, foot = foot_;
  data.set("kepala", mustache::partial([head] { return head; }));
  data.set("kaki", mustache::partial([foot] { return foot; }));
  return found->second->render(data);
}

PageData region_data(Store& store) {
  PageData data;
  auto region = store.database().prepare("SELECT nama_daerah, nama_bappeda FROM daerah LIMIT 1");
  if (region.step()) {
    data.set("daerah", region.column_text(0));
    data.set("kantor", region.column_text(1));
  }
  return data;
}

Answer message_page(SiteContext& site, Status status, const std::string& title, const std::string& text) {
  PageData data = site.store.with([](Store& store) { return region_data(store); });
  data.set("judul", title);
  data.set("pesan", text);
  return page(status, site.pages.render("pesan", std::move(data)));
}

std::string request_status(const Record& request, const std::vector<Record>& sessions) {
  for (const auto& session : sessions) {
    if (session.has("pembahasan") || session.has("solusi")) return "Selesai dibahas";
  }
  if (!sessions.empty()) {
    const Record& session = sessions.front();
    std::string when = long_date(session.get("tanggal"));
    if (session.has("jam_mulai")) when += " pukul " + std::string(session.get("jam_mulai"));
    return "Dijadwalkan " + when;
  }
  if (!list_from_json(request.get("petugas")).empty()) return "Petugas ditetapkan, menunggu jadwal";
  return "Menunggu penjadwalan";
}

void add_rule_errors(std::vector<Record> records, const std::function<void(const Snapshot&, Findings&)>& rule,
                     Diagnostics& problems) {
  Dataset dataset;
  dataset.records = std::move(records);
  Findings findings;
  rule(Snapshot::of(dataset), findings);
  for (auto& finding : findings.take()) {
    if (finding.severity == Severity::Error) problems.add(std::move(finding));
  }
}

std::string narrative_text(std::string_view stored) {
  if (stored.empty()) return {};
  try {
    return narrative_to_text(narrative_from_json(stored));
  } catch (const std::exception&) {
    return std::string(stored);
  }
}

std::string link_origin(const SiteContext& site, const WebRequest& request) {
  return site.settings.public_base.empty() ? request.origin : site.settings.public_base;
}

void set_findings(PageData& data, const Catalog& catalog, const Diagnostics& diagnostics) {
  PageData list = PageData::type::list;
  for (const auto& finding : diagnostics.all()) {
    PageData item;
    item.set("label", catalog.report_words().field(finding.field));
    item.set("pesan", catalog.finding_message(finding, Language::Indonesian));
    item.set("peringatan", flag(finding.severity != Severity::Error));
    list.push_back(item);
  }
  data.set("ada_galat", flag(!(diagnostics.all().empty())));
  data.set("galat", list);
}

void save_with_audit(Store& store, const std::vector<Record>& records, const std::string& actor,
                     const std::string& action) {
  RecordWriter writer(store, true);
  for (const auto& record : records) {
    RecordChange change = writer.save(record);
    if (change.status == 's') continue;
    std::string before, after;
    for (const auto& field : change.fields) {
      before += (before.empty() ? "" : "; ") + field.name + "=" + field.before;
      after += (after.empty() ? "" : "; ") + field.name + "=" + field.after;
    }
    if (change.status == 'n') {
      for (const auto& [name, value] : record.values)
        after += (after.empty() ? "" : "; ") + std::string(name) + "=" + std::string(value);
    }
    write_audit(store.database(), actor, action, std::string(record.kind->name) + " " + record.key_label(), before,
                after);
  }
}

std::vector<Record> records_where(Store& store, std::string_view kind, std::string_view field, std::string_view value) {
  const RecordKind* spec = find_record_kind(kind);
  std::vector<Record> found;
  store.scan_where_in(*spec, store_columns(*spec), field, {std::string(value)},
                      [&](Record& record) { found.push_back(std::move(record)); });
  return found;
}

std::optional<Record> record_by_code(Store& store, std::string_view kind, std::string_view code) {
  auto found = records_where(store, kind, "kode", code);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

MadeDocument make_document(SiteContext& site, const std::string& kind, int year, const std::string& selector,
                           const std::string& code, const std::string& relative_path) {
  MadeDocument made;
  auto run = site.runs.run_now({"render", kind, "--year", std::to_string(year), "--" + selector, code, "--quiet"},
                               std::chrono::seconds(120));
  if (!run) {
    made.problem = "Pembuatan dokumen melebihi batas waktu; coba lagi sebentar lagi.";
    return made;
  }
  auto file = site.settings.output / relative_path;
  auto bytes = run->first == 0 ? read_file_text(file) : std::nullopt;
  if (!bytes) {
    made.problem = "Dokumen belum dapat dibuat. Keterangan: " + run->second;
    return made;
  }
  made.bytes = std::move(*bytes);
  made.file_name = file.filename().string();
  return made;
}

Answer file_answer(std::string bytes, std::string type, const std::string& file_name) {
  Answer answer = answer_of(Poco::Net::HTTPResponse::HTTP_OK, std::move(type), std::move(bytes));
  answer.download_name = file_name;
  return answer;
}

std::string qr_svg(const std::string& text, int pixels) {
  auto symbol = layout::encode_qr(text, layout::QrLevel::M);
  int size = symbol.width + 8;  // a quiet zone of four modules
  std::ostringstream svg;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Kode QR tautan daftar hadir\" width=\""
      << pixels << "\" height=\"" << pixels << "\" viewBox=\"0 0 " << size << ' ' << size
      << "\" shape-rendering=\"crispEdges\"><rect width=\"" << size << "\" height=\"" << size
      << "\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
  for (int y = 0; y < symbol.width; ++y) {
    for (int x = 0; x < symbol.width; ++x) {
      if (symbol.dark[static_cast<std::size_t>(y * symbol.width + x)])
        svg << 'M' << x + 4 << ' ' << y + 4 << "h1v1h-1z";
    }
  }
  svg << "\"/></svg>";
  return svg.str();
}

std::optional<std::string> path_token(const std::string& path, std::string_view prefix, std::string& rest) {
  if (!path.starts_with(prefix)) return std::nullopt;
  std::string_view after = std::string_view(path).substr(prefix.size());
  auto slash = after.find('/');
  std::string_view token = after.substr(0, slash);
  if (!has_secret_token_shape(token)) return std::nullopt;
  rest = slash == std::string_view::npos ? std::string() : std::string(after.substr(slash));
  return std::string(token);
}

PageData option_list(const std::vector<std::string>& values, const std::string& chosen) {
  PageData list = PageData::type::list;
  for (const auto& value : values) {
    PageData item;
    item.set("nilai", value);
    item.set("dipilih", flag(value == chosen));
    list.push_back(item);
  }
  return list;
}

int page_year(const WebRequest& request) {
  std::string given = request.field("tahun");
  if (given.size() == 4 && std::all_of(given.begin(), given.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::stoi(given);
  }
  return local_today().year;
}

}  // namespace inovasi::serve
