#include "serve/server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>
#include <sys/stat.h>

#include <cstdio>
#include <ctime>
#include <mutex>
#include <thread>
#include <vector>

#include "model/date.h"
#include "model/indonesian.h"
#include "model/text.h"
#include "serve/answer.h"
#include "serve/pages.h"
#include "serve/site.h"
#include "serve/web_request.h"
#include "serve/rate_limiter.h"
#include "serve/verification.h"
#include "sign/pdf_revisions.h"
#include "store/migrations.h"
#include "store/sqlite.h"
#include "support/located_error.h"
#include "support/sha256.h"

namespace inovasi::serve {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

std::string verification_prefix(const std::string& url) {
  std::string path;
  try {
    path = Poco::URI(url).getPath();
  } catch (const Poco::Exception&) {
    path.clear();
  }
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path.empty() ? "/verifikasi" : path;
}

std::string url_origin(const std::string& url) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  auto path = url.find('/', scheme + 3);
  return path == std::string::npos ? url : url.substr(0, path);
}

namespace {

// Read-only connections to the store, one per request at a time, reused. A store
// replaced under the server (a restore, a new file renamed over it) is opened afresh.
class Connections {
 public:
  explicit Connections(std::filesystem::path path) : path_(std::move(path)) {}

  struct Lease {
    Connections* owner;
    std::unique_ptr<StoreReader> reader;
    ino_t inode;
    ~Lease() {
      if (reader) owner->give_back(std::move(reader), inode);
    }
  };

  Lease take() {
    ino_t now = inode_of(path_);
    {
      std::lock_guard lock(mutex_);
      while (!free_.empty()) {
        auto [db, inode] = std::move(free_.back());
        free_.pop_back();
        if (inode == now) return Lease{this, std::move(db), inode};
      }
    }
    return Lease{this, std::make_unique<StoreReader>(Database::open_read_only(path_)), now};
  }

 private:
  static ino_t inode_of(const std::filesystem::path& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 ? info.st_ino : 0;
  }
  void give_back(std::unique_ptr<StoreReader> db, ino_t inode) {
    std::lock_guard lock(mutex_);
    if (free_.size() < 32) free_.emplace_back(std::move(db), inode);
  }

  std::filesystem::path path_;
  std::mutex mutex_;
  std::vector<std::pair<std::unique_ptr<StoreReader>, ino_t>> free_;
};

// Everything a request handler reads; shared by the handlers, which run on many threads.
struct Shared {
  ServeOptions options;
  Pages pages;
  std::string prefix;
  Connections connections;
  RateLimiter limiter;
  // Attendance links: a room of participants often shares one address (the office's
  // network), so their posts count against the link, with a budget for a full hall.
  RateLimiter attendance_limiter;
  SiteContext site;
  std::mutex log_mutex;
  std::ostream* log;

  Shared(ServeOptions opts, std::string prefix_, std::ostream& log_)
      : options(std::move(opts)),
        pages(options.pages),
        prefix(std::move(prefix_)),
        connections(options.database),
        limiter(options.requests_per_minute),
        attendance_limiter(options.requests_per_minute ? 3000 : 0),
        site(site_settings(options), options.database, Catalog::load(options.templates / "catalog"), options.pages,
             RunSettings{options.executable, options.database, options.templates, options.output, options.fonts}),
        log(&log_) {}

  static SiteSettings site_settings(const ServeOptions& o) {
    SiteSettings settings;
    settings.database = o.database;
    settings.output = o.output;
    settings.public_base = o.public_base;
    settings.secure_cookies = o.secure_cookies;
    settings.max_upload = o.max_upload;
    return settings;
  }
};

// A request line as the log shows it: printable ASCII only, and not too long.
std::string loggable(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, 300)) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f || c == '"' || c == '\\') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += c;
    }
  }
  return out;
}

std::string log_time() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[40];
  std::strftime(text, sizeof text, "%d/%b/%Y:%H:%M:%S +0000", &utc);
  return text;
}

// "D:20260224090000+07'00'" as the page says it: "24 Februari 2026 pukul 09.00 +07:00".
std::string readable_pdf_date(const std::string& pdf_date) {
  auto date = sign::parse_pdf_date_parts(pdf_date);
  if (!date) return pdf_date;
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d.%02d", date->hour % 100, date->minute % 100);
  return indonesian::date_long(Date{date->year, date->month, date->day}) + " pukul " + clock +
         sign::utc_offset_text(date->utc_offset_minutes);
}

// An uploaded PDF against the issued file: the same bytes; the issued bytes with only
// signatures appended (each revision is checked); or something else. Its electronic
// signatures are listed either way.
UploadResult compare_upload(const std::string& bytes, const std::string& issued_sha256,
                            const std::vector<std::string>& trust) {
  UploadResult result;
  std::vector<sign::SignatureReport> reports;
  try {
    reports = sign::check_signatures(bytes, "upload", trust);
  } catch (const std::exception&) {
    // Not readable as a PDF: only the bytes can be compared.
  }
  for (const auto& report : reports) {
    const std::string& signer = report.cms.signer_name;
    result.signatures.push_back({signer.empty() ? report.name : signer, readable_pdf_date(report.signing_time),
                                 report.holds(), report.cms.chain});
  }
  if (sha256_hex(bytes) == issued_sha256) {
    result.check = UploadCheck::Identical;
    return result;
  }
  if (!reports.empty()) {
    auto earlier = sign::find_earlier_revision(
        bytes, [&](const std::string& sha256) { return sha256 == issued_sha256; }, "upload");
    if (earlier) {
      bool all_hold = std::all_of(result.signatures.begin(), result.signatures.end(),
                                  [](const UploadedSignature& s) { return s.holds; });
      result.check = !earlier->changes.empty() ? UploadCheck::ChangedAfter
                     : all_hold                ? UploadCheck::SignedAfter
                                               : UploadCheck::SignatureBroken;
      return result;
    }
  }
  result.check = UploadCheck::Different;
  return result;
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(Shared& shared) : shared_(shared) {}

  void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
    auto start = std::chrono::steady_clock::now();
    Answer answer;
    try {
      answer = route(request);
    } catch (const std::exception& e) {
      // The store locked for longer than a reader waits, replaced mid-read, or anything
      // unforeseen: this request fails, the server goes on.
      answer = plain(HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "Layanan sedang sibuk; coba lagi sebentar lagi.");
      answer.retry_after = 5;
      write_log_line("error: " + loggable(e.what()));
    }
    send(request, response, answer);
    if (request.getMethod() == "POST" && answer.status != HTTPResponse::HTTP_OK) discard_unread_body(request);
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    write_log_line(loggable(request.clientAddress().host().toString()) + " - - [" + log_time() + "] \"" +
                   loggable(request.getMethod()) + " " + loggable(request.getURI()) + " " +
                   loggable(request.getVersion()) + "\" " + std::to_string(static_cast<int>(answer.status)) + " " +
                   std::to_string(answer.body.size()) + " " + std::to_string(static_cast<long long>(ms)) + "ms");
  }

 private:
  void write_log_line(const std::string& line) {
    std::lock_guard lock(shared_.log_mutex);
    *shared_.log << line << '\n';
    shared_.log->flush();
  }

  // A refused upload's body may still be arriving when the answer is sent. Closing a socket
  // with unread data makes the kernel reset the connection, and the client, still sending,
  // may lose the answer it was sent: so what is left is read and dropped first, for a
  // bounded time and amount, as web servers do before closing ("lingering close").
  static void discard_unread_body(HTTPServerRequest& request) {
    constexpr auto kLingerFor = std::chrono::seconds(3);
    constexpr std::uint64_t kLingerBytes = 256ull << 20;
    auto until = std::chrono::steady_clock::now() + kLingerFor;
    std::uint64_t dropped = 0;
    try {
      std::istream& body = request.stream();
      char sink[65536];
      while (dropped < kLingerBytes && std::chrono::steady_clock::now() < until &&
             (body.read(sink, sizeof sink) || body.gcount() > 0)) {
        dropped += static_cast<std::uint64_t>(body.gcount());
      }
    } catch (const std::exception&) {
      // The client went away or stalled: the connection closes either way.
    }
  }

  Answer route(HTTPServerRequest& request) {
    std::string client = request.clientAddress().host().toString();
    bool attendance = request.getURI().starts_with("/hadir/");
    RateLimiter& limiter = attendance ? shared_.attendance_limiter : shared_.limiter;
    if (int wait = limiter.admit(attendance ? request.getURI().substr(0, 50) : client)) {
      Answer answer =
          plain(HTTPResponse::HTTP_TOO_MANY_REQUESTS,
                "Terlalu banyak permintaan dari alamat Anda; coba lagi dalam " + std::to_string(wait) + " detik.");
      answer.retry_after = wait;
      return answer;
    }
    std::string path;
    Poco::URI uri;
    try {
      uri = Poco::URI(request.getURI());
      path = uri.getPath();
    } catch (const Poco::Exception&) {
      return plain(HTTPResponse::HTTP_BAD_REQUEST, "Alamat tidak sah.");
    }
    // Decoded, the path must be text: no control characters, valid UTF-8.
    if (find_invalid_utf8(path) != std::string::npos || std::any_of(path.begin(), path.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
        })) {
      return plain(HTTPResponse::HTTP_BAD_REQUEST, "Alamat tidak sah.");
    }
    const std::string& method = request.getMethod();
    bool reading = method == "GET" || method == "HEAD";
    if (path.starts_with("/instansi/") || path.starts_with("/hadir/") || path == "/konsol" ||
        path.starts_with("/konsol/")) {
      if (!reading && method != "POST") return not_allowed();
      FormLimits limits;
      limits.file_bytes = shared_.options.max_upload;
      if (declares_too_much(request))
        return plain(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "Berkas terlalu besar.");
      WebRequest web = read_web_request(request, path, request.secure(), limits);
      SiteContext& site = shared_.site;
      for (auto* handler : {&agency_route, &attendance_route, &console_route}) {
        if (auto answer = handler(site, web)) return std::move(*answer);
      }
      return not_allowed();
    }
    const std::string code_path = shared_.prefix + "/";
    if (path.starts_with(code_path) && path.size() > code_path.size() &&
        path.find('/', code_path.size()) == std::string::npos) {
      std::string typed = path.substr(code_path.size());
      if (method == "POST") return upload(request, typed);
      if (!reading) return not_allowed();
      if (typed.ends_with(".json")) return json(typed.substr(0, typed.size() - 5));
      return verification(typed);
    }
    if (!reading) return not_allowed();
    if (path == "/") return page(HTTPResponse::HTTP_OK, shared_.pages.landing(region()));
    if (path == "/gaya.css") {
      Answer css = answer_of(HTTPResponse::HTTP_OK, "text/css; charset=utf-8", shared_.pages.stylesheet());
      css.cacheable = true;
      return css;
    }
    if (path == "/cek") return check(uri);
    return page(HTTPResponse::HTTP_NOT_FOUND,
                shared_.pages.landing(region(), "Halaman tidak ditemukan. Ketik kode verifikasi dokumen di bawah."));
  }

  static Answer not_allowed() { return plain(HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "Metode tidak diizinkan."); }

  Region region() {
    auto lease = shared_.connections.take();
    return read_region(*lease.reader);
  }

  // The landing page's form: to the code's own page, or back with what was wrong.
  Answer check(const Poco::URI& uri) {
    std::string typed;
    for (const auto& [name, value] : uri.getQueryParameters()) {
      if (name == "kode") typed = value;
    }
    auto code = normalize_verification_code(typed.substr(0, 64));
    if (!code) {
      return page(HTTPResponse::HTTP_BAD_REQUEST,
                  shared_.pages.landing(region(),
                                        "Kode verifikasi terdiri atas sepuluh huruf dan angka; periksa "
                                        "kembali kode pada dokumen."));
    }
    Answer answer = answer_of(HTTPResponse::HTTP_SEE_OTHER, "text/plain; charset=utf-8", "");
    answer.location = shared_.prefix + "/" + *code;
    return answer;
  }

  Answer verification(const std::string& typed) {
    auto lease = shared_.connections.take();
    Region where = read_region(*lease.reader);
    Verification found = look_up(*lease.reader, typed.substr(0, 64));
    auto status = found.status == Verification::Status::Unknown ? HTTPResponse::HTTP_NOT_FOUND : HTTPResponse::HTTP_OK;
    return page(status, shared_.pages.verification(where, found, address(found, typed), typed.substr(0, 64)));
  }

  Answer json(const std::string& typed) {
    auto lease = shared_.connections.take();
    Verification found = look_up(*lease.reader, typed.substr(0, 64));
    auto status = found.status == Verification::Status::Unknown ? HTTPResponse::HTTP_NOT_FOUND : HTTPResponse::HTTP_OK;
    return answer_of(status, "application/json; charset=utf-8",
                     verification_json(read_region(*lease.reader), found) + "\n");
  }

  std::string address(const Verification& found, const std::string& typed) const {
    return shared_.prefix + "/" + (found.code.empty() ? typed.substr(0, 64) : found.code);
  }

  // A body that says it is larger than the largest upload and its form: refused before
  // a byte of it is read.
  bool declares_too_much(HTTPServerRequest& request) const {
    auto length = request.getContentLength64();
    return length != HTTPServerRequest::UNKNOWN_CONTENT_LENGTH &&
           static_cast<std::uint64_t>(length) > shared_.options.max_upload + 65536;
  }

  // An uploaded PDF compared with the issued file by SHA-256; the file is never kept.
  Answer upload(HTTPServerRequest& request, const std::string& typed) {
    if (declares_too_much(request)) return plain(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "Berkas terlalu besar.");
    // Held in memory for the request only, never written anywhere: its bytes are hashed
    // and, for a PDF, its signatures read. The form carries the file and little else.
    WebRequest form =
        read_web_request(request, request.getURI(), false, FormLimits{8, 1024, shared_.options.max_upload});
    if (form.file && form.file->too_large) {
      return plain(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "Berkas terlalu besar.");
    }
    if (form.malformed) return plain(HTTPResponse::HTTP_BAD_REQUEST, "Formulir unggahan tidak sah.");
    if (!form.file) return plain(HTTPResponse::HTTP_BAD_REQUEST, "Tidak ada berkas yang diunggah.");
    auto lease = shared_.connections.take();
    Region where = read_region(*lease.reader);
    Verification found = look_up(*lease.reader, typed.substr(0, 64));
    if (found.status == Verification::Status::Unknown) {
      return page(HTTPResponse::HTTP_NOT_FOUND, shared_.pages.verification(where, found, address(found, typed), typed));
    }
    UploadResult result;
    result.check = UploadCheck::NotPdf;
    if (sniff_file_type(form.file->bytes) == FileType::Pdf) {
      result = compare_upload(form.file->bytes, found.issued.sha256, shared_.options.trust_files);
    }
    auto status =
        result.check == UploadCheck::NotPdf ? HTTPResponse::HTTP_UNSUPPORTED_MEDIA_TYPE : HTTPResponse::HTTP_OK;
    return page(status, shared_.pages.verification(where, found, address(found, typed), typed, result));
  }

  void send(HTTPServerRequest& request, HTTPServerResponse& response, const Answer& answer) {
    response.setStatusAndReason(answer.status);
    response.setContentType(answer.type);
    // No inline script or style anywhere: the pages need none.
    response.set("Content-Security-Policy",
                 "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                 "base-uri 'none'");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("X-Frame-Options", "DENY");
    response.set("Referrer-Policy", "no-referrer");
    response.set("Cache-Control", answer.cacheable ? "public, max-age=3600" : "no-store");
    if (!answer.location.empty()) response.set("Location", answer.location);
    for (const auto& cookie : answer.cookies) response.add("Set-Cookie", cookie);
    if (!answer.download_name.empty()) {
      // The name is ours (slugs and a dot), never a header's text from a request.
      response.set("Content-Disposition", "attachment; filename=\"" + answer.download_name + "\"");
    }
    if (answer.retry_after > 0) response.set("Retry-After", std::to_string(answer.retry_after));
    // A request whose body was not read (a refused upload) cannot leave the connection
    // open: what is left of it would be read as the next request.
    if (request.getMethod() == "POST" && answer.status != HTTPResponse::HTTP_OK) response.setKeepAlive(false);
    if (request.getMethod() == "HEAD") {
      response.setContentLength64(static_cast<Poco::Int64>(answer.body.size()));
      response.send();
      return;
    }
    response.sendBuffer(answer.body.data(), answer.body.size());
  }

  Shared& shared_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(Shared& shared) : shared_(shared) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
    return new Handler(shared_);
  }

 private:
  Shared& shared_;
};

}  // namespace

struct Server::State {
  std::unique_ptr<Shared> shared;
  Poco::ThreadPool pool;
  std::unique_ptr<Poco::Net::HTTPServer> http;
  bool ssl_initialized = false;
  explicit State(int threads) : pool(2, std::max(2, threads)) {}
  ~State() {
    http.reset();
    if (ssl_initialized) Poco::Net::uninitializeSSL();
  }
};

namespace {

// The listening socket: plain, or TLS with the given PEM certificate and key.
Poco::Net::ServerSocket listening_socket(const ServeOptions& o, bool& ssl_initialized) {
  Poco::Net::SocketAddress address(o.host, o.port);
  if (o.tls_certificate.empty()) return Poco::Net::ServerSocket(address, o.queued);
  Poco::Net::initializeSSL();
  ssl_initialized = true;
  Poco::Net::Context::Ptr context;
  try {
    context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, o.tls_key.string(), o.tls_certificate.string(),
                                     "", Poco::Net::Context::VERIFY_NONE);
  } catch (const Poco::Exception& e) {
    throw LocatedError(ErrorKind::Data, {o.tls_certificate.string(), 0, 0, {}, {}},
                       "cannot use the TLS certificate and key: " + e.displayText());
  }
  context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                            Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
  return Poco::Net::SecureServerSocket(address, o.queued, context);
}

}  // namespace

Server::Server(ServeOptions options, std::ostream& log) : state_(std::make_unique<State>(options.threads)) {
  // The store must be one this build knows: opened read-only, it cannot be migrated here.
  {
    Database db = Database::open_read_only(options.database);
    long long schema = 0;
    {
      Statement version = db.prepare("PRAGMA user_version");
      version.step();
      schema = version.column_int(0);
    }
    if (schema != current_schema_version()) {
      throw LocatedError(ErrorKind::Store, {options.database.string(), 0, 0, {}, {}},
                         "the store is at schema " + std::to_string(schema) + ", this build serves " +
                             std::to_string(current_schema_version()) +
                             ": run any inovasi command on it once (it "
                             "updates the store), then serve it");
    }
    if (options.public_url.empty()) {
      StoreReader reader(std::move(db));
      options.public_url = read_region(reader).verification_url;
    }
  }
  // OpenSSL sets itself up on first use (uploads are hashed with it), with state kept for
  // the thread that asked: here, on the thread that runs the server, rather than on a
  // worker that Poco may end while OpenSSL still holds that state.
  (void)sha256_hex({});
  if (options.public_base.empty()) options.public_base = url_origin(options.public_url);
  // The pages' folder is templates/web: the catalogue and templates are beside it.
  if (options.templates.empty()) options.templates = options.pages.parent_path();
  std::string prefix = verification_prefix(options.public_url);
  state_->shared = std::make_unique<Shared>(std::move(options), prefix, log);
  const ServeOptions& o = state_->shared->options;
  Poco::Net::ServerSocket socket = listening_socket(o, state_->ssl_initialized);
  auto params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(o.threads);
  params->setMaxQueued(o.queued);
  params->setTimeout(Poco::Timespan(static_cast<long>(o.timeout.count()), 0));
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(5, 0));
  params->setMaxKeepAliveRequests(1000);
  params->setServerName("inovasi");
  state_->http = std::make_unique<Poco::Net::HTTPServer>(new Factory(*state_->shared), state_->pool, socket, params);
  state_->http->start();
}

Server::~Server() {
  if (state_->http) state_->http->stopAll(true);
}

std::uint16_t Server::port() const { return state_->http->port(); }

const std::string& Server::prefix() const { return state_->shared->prefix; }

void Server::stop(std::chrono::seconds grace) {
  state_->http->stop();  // no new connections; those open finish their request
  auto deadline = std::chrono::steady_clock::now() + grace;
  while (state_->http->currentConnections() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  state_->http->stopAll(true);
}

void Server::reopen_log(std::ostream& log) {
  std::lock_guard lock(state_->shared->log_mutex);
  state_->shared->log = &log;
}

}  // namespace inovasi::serve
