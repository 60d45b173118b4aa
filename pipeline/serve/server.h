#pragma once
// `inovasi serve`: the public side of verification. An HTTP server (Poco::Net) that
// answers the address the QR codes print (<path of url_verifikasi>/<code>, by default
// /verifikasi/<code>) with the verification page, the same as JSON at <...>.json, a
// landing page with a field for a code, and an upload form that says whether a PDF is
// the exact file issued. It only reads the store (a batch may write it meanwhile).
//
// Bounded against abuse: Poco's limits on the request line and headers (URI 16 KB, 100
// header fields of 8 KB), a body limit (uploads only, PDF by content), socket timeouts
// for slow clients, a request budget per client (429 with Retry-After), security
// headers on every response, no file path ever made from a request, SQL only through
// prepared statements. A request that fails answers 500 alone; the server goes on.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace inovasi::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (tests)
  std::filesystem::path database;
  std::filesystem::path pages;  // templates/web
  std::string public_url;       // the address the QR codes print; default: the region's url_verifikasi
  // The private pages (agencies, attendance, the console): where documents go, the
  // templates and fonts the runs use, this binary (the runs are its child processes),
  // the origin links are given under, and whether the console's cookie is Secure.
  std::filesystem::path output, templates, fonts, executable;
  std::string public_base;
  bool secure_cookies = true;
  // Connections served at once: Poco gives each open connection (a keep-alive one
  // included) a thread of its own, so this bounds the clients served side by side.
  int threads = 128;
  int queued = 256;                   // connections waiting for a thread
  std::size_t max_upload = 20 << 20;  // bytes of an uploaded PDF
  int requests_per_minute = 120;      // per client address; 0: no limit
  std::chrono::seconds timeout{10};   // each read and write of a connection
  // HTTPS by Poco's NetSSL (OpenSSL), when both are given: PEM files. TLS 1.2 and later.
  std::filesystem::path tls_certificate, tls_key;
  // Certificates an uploaded PDF's signatures are checked against (cli --trust DIR);
  // none: their chains are not judged.
  std::vector<std::string> trust_files;
};

class Server {
 public:
  Server(ServeOptions options, std::ostream& log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The port it listens on, and the path prefix of verification pages ("/verifikasi").
  std::uint16_t port() const;
  const std::string& prefix() const;
  // Stops taking connections; requests in flight finish (up to `grace`).
  void stop(std::chrono::seconds grace);
  // Logs go on in `log` (SIGHUP: the caller reopens its file and passes it here).
  void reopen_log(std::ostream& log);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The path of a verification URL ("https://x.go.id/verifikasi/" -> "/verifikasi"); "/verifikasi"
// when the URL is empty or has no path.
std::string verification_prefix(const std::string& url);
// "https://x.go.id/verifikasi/" -> "https://x.go.id"; "" when it is not a URL.
std::string url_origin(const std::string& url);

}  // namespace inovasi::serve
