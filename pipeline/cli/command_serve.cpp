// `inovasi serve`: the verification service, until SIGTERM or SIGINT (requests in flight
// finish); SIGHUP reopens the log file.

#include <csignal>
#include <fstream>
#include <iostream>
#include <pthread.h>

#include "cli/commands.h"
#include "cli/signature_report.h"
#include "output/atomic_file.h"
#include "serve/server.h"

namespace inovasi::cli {
namespace {

std::pair<std::string, std::uint16_t> host_and_port(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) throw UsageError("--listen needs HOST:PORT, not '" + listen + "'");
  int port = -1;
  try {
    port = std::stoi(listen.substr(colon + 1));
  } catch (const std::exception&) {
    port = -1;
  }
  if (port < 0 || port > 65535) throw UsageError("--listen: '" + listen.substr(colon + 1) + "' is not a port");
  return {listen.substr(0, colon), static_cast<std::uint16_t>(port)};
}

int run_serve(const Args& args, const Environment& env) {
  if (!args.positionals().empty()) throw UsageError("serve takes no arguments");
  serve::ServeOptions options;
  std::tie(options.host, options.port) = host_and_port(args.value("listen").value_or("127.0.0.1:8080"));
  options.database = env.database;
  options.pages = env.templates / "web";
  options.public_url = args.value("public-url").value_or("");
  options.output = env.output;
  options.templates = env.templates;
  options.fonts = env.fonts;
  options.executable = std::filesystem::read_symlink("/proc/self/exe");
  options.public_base = args.value("site-url").value_or("");
  // A Secure cookie is sent only over https; plain http is for loopback and tests.
  options.secure_cookies = !args.flag("insecure-cookies");
  options.threads = args.integer("threads").value_or(128);
  if (options.threads < 1 || options.threads > 512) throw UsageError("--threads must be from 1 to 512");
  options.requests_per_minute = args.integer("rate-limit").value_or(120);
  if (options.requests_per_minute < 0) throw UsageError("--rate-limit must be 0 (none) or more");
  int upload_mb = args.integer("max-upload-mb").value_or(20);
  if (upload_mb < 1 || upload_mb > 200) throw UsageError("--max-upload-mb must be from 1 to 200");
  options.max_upload = static_cast<std::size_t>(upload_mb) << 20;
  auto certificate = args.value("tls-cert"), key = args.value("tls-key");
  if (certificate.has_value() != key.has_value()) throw UsageError("--tls-cert and --tls-key go together");
  if (certificate) options.tls_certificate = *certificate, options.tls_key = *key;
  if (auto trust = args.value("trust")) options.trust_files = trust_files(*trust);
  int timeout = args.integer("timeout").value_or(10);
  if (timeout < 1 || timeout > 300) throw UsageError("--timeout must be from 1 to 300 seconds");
  options.timeout = std::chrono::seconds(timeout);

  // The signals are waited for here, never delivered to the server's threads (which
  // inherit this mask).
  sigset_t signals;
  sigemptyset(&signals);
  for (int s : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&signals, s);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto log_file = args.value("log");
  std::ofstream file;
  auto open_log = [&]() -> std::ostream& {
    if (!log_file) return env.out;
    if (file.is_open()) file.close();
    file.open(*log_file, std::ios::app);
    if (!file) throw OutputError(*log_file + ": cannot open the log");
    return file;
  };
  serve::Server server(options, open_log());
  std::string scheme = options.tls_certificate.empty() ? "http" : "https";
  env.out << "serving " << options.database.string() << " at " << scheme << "://" << options.host << ":"
          << server.port() << server.prefix() << "/<kode> (and /<kode>.json); the landing page is " << scheme << "://"
          << options.host << ":" << server.port() << "/" << std::endl;
  for (;;) {
    int received = 0;
    sigwait(&signals, &received);
    if (received == SIGHUP) {
      server.reopen_log(open_log());
      continue;
    }
    env.out << "stopping: requests in flight finish, new ones are refused" << std::endl;
    server.stop(std::chrono::seconds(10));
    return kOk;
  }
}

}  // namespace

Command serve_command() {
  return {"serve",
          "the verification pages the QR codes open, the agencies' pages and the team's console (HTTP)",
          "inovasi serve [--listen HOST:PORT] [--public-url URL] [--site-url URL] [--rate-limit N]\n"
          "              [--threads N] [--max-upload-mb N] [--timeout S] [--tls-cert PEM --tls-key PEM]\n"
          "              [--insecure-cookies] [--log FILE]\n\n"
          "Answers <path of url_verifikasi>/<kode> (default /verifikasi/<kode>) with the\n"
          "verification page, <...>/<kode>.json for machines, / with a field for a code.\n"
          "/instansi/<token>: an agency's pages (inovasi access grant); /hadir/<token>: a session's\n"
          "attendance form; /konsol: the team's console (inovasi user add). Documents and runs\n"
          "started there are this binary's commands, on the same store, templates and --out.\n"
          "SIGTERM stops it gracefully, SIGHUP reopens the log.",
          {{"listen", "HOST:PORT", "where to listen (default 127.0.0.1:8080; port 0: any free port)"},
           {"public-url", "URL", "the verification address the QR codes print (default: daerah.url_verifikasi)"},
           {"site-url", "URL",
            "the origin agency and attendance links are given under (default: the origin of --public-url)"},
           {"insecure-cookies", "", "the console's cookie without Secure (plain http on loopback, tests)"},
           {"rate-limit", "N", "requests per minute per client address (default 120; 0: none)"},
           {"threads", "N", "connections served at once, a thread each (default 128)"},
           {"max-upload-mb", "N", "largest PDF a visitor may upload to compare (default 20)"},
           {"timeout", "S", "seconds a client may take for each read or write (default 10)"},
           {"tls-cert", "PEM", "serve HTTPS with this certificate (and --tls-key)"},
           {"tls-key", "PEM", "the certificate's private key"},
           {"trust", "DIR", "certificates (.pem, .crt, .cer, .der) an uploaded PDF's signatures are checked against"},
           {"log", "FILE", "the access log (default: standard output)"}},
          run_serve};
}

}  // namespace inovasi::cli
