#include "cli/signing.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "documents/document_kind.h"
#include "store/store.h"

namespace inovasi::cli {
namespace {

// A passphrase from file descriptor `fd`: its first line.
sign::Passphrase read_from_fd(int fd) {
  std::string text;
  char c;
  while (true) {
    ssize_t got = ::read(fd, &c, 1);
    if (got < 0) throw UsageError("--pass-fd " + std::to_string(fd) + ": cannot read the passphrase from it");
    if (got == 0 || c == '\n') break;
    text += c;
  }
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return sign::Passphrase(std::move(text));
}

// Asked on the terminal, without echo.
sign::Passphrase ask(const std::string& p12, const Environment& env) {
  if (!::isatty(STDIN_FILENO)) {
    throw UsageError("the passphrase of " + p12 +
                     " is needed: give --pass-env VAR or --pass-fd N (it is never taken from the command line)");
  }
  env.err << "Passphrase for " << p12 << ": " << std::flush;
  termios saved{};
  tcgetattr(STDIN_FILENO, &saved);
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  sign::Passphrase passphrase = read_from_fd(STDIN_FILENO);
  tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  env.err << "\n";
  return passphrase;
}

int local_offset_minutes(std::time_t at) {
  std::tm local{};
  localtime_r(&at, &local);
  return static_cast<int>(local.tm_gmtoff / 60);
}

}  // namespace

std::pair<std::time_t, int> parse_sign_time(const std::string& text) {
  int year, month, day, hour, minute, second, consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second, &consumed) !=
      6) {
    throw UsageError("--sign-time " + text + ": expected YYYY-MM-DDTHH:MM:SS with +HH:MM, Z or no zone");
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59 || hour < 0 ||
      minute < 0 || second < 0) {
    throw UsageError("--sign-time " + text + ": not a time of day on a calendar date");
  }
  std::tm parts = sign::calendar_time(year, month, day, hour, minute, second);
  {
    std::tm copy = parts, back{};
    std::time_t at = timegm(&copy);
    gmtime_r(&at, &back);
    if (back.tm_mday != day || back.tm_mon != month - 1) {
      throw UsageError("--sign-time " + text + ": " + std::to_string(year) + "-" + std::to_string(month) +
                       " has no day " + std::to_string(day));
    }
  }
  std::string zone = text.substr(static_cast<std::size_t>(consumed));
  std::time_t as_utc = timegm(&parts);
  if (zone.empty()) {
    parts.tm_isdst = -1;
    std::time_t local = mktime(&parts);
    return {local, local_offset_minutes(local)};
  }
  if (zone == "Z") return {as_utc, 0};
  int zone_hours = 0, zone_minutes = 0;
  char sign = 0;
  if (std::sscanf(zone.c_str(), "%c%2d:%2d", &sign, &zone_hours, &zone_minutes) != 3 || (sign != '+' && sign != '-')) {
    throw UsageError("--sign-time " + text + ": the zone must be +HH:MM, -HH:MM or Z");
  }
  int offset = (zone_hours * 60 + zone_minutes) * (sign == '-' ? -1 : 1);
  return {as_utc - static_cast<std::time_t>(offset) * 60, offset};
}

std::shared_ptr<const batch::BatchSigning> batch_signing(const Args& args, const Environment& env) {
  auto role = args.value("sign-as");
  if (!args.value("p12")) {
    if (role) throw UsageError("--sign-as goes with --p12: the key that signs");
    return nullptr;
  }
  if (!role) {
    throw UsageError(
        "--p12 in a batch needs --sign-as ROLE: the signature field each document is signed in "
        "(kepala_daerah, kepala_instansi)");
  }
  SignSetup setup = sign_setup(args, env);
  auto signing = std::make_shared<batch::BatchSigning>();
  signing->signer = std::make_shared<const sign::SigningKey>(std::move(*setup.signer));
  signing->request = setup.request;
  signing->request.field_name = *role;
  return signing;
}

std::string verification_address(const Environment& env, const std::string& code) {
  if (code.empty() || !std::filesystem::exists(env.database)) return {};
  Store store = Store::open(env.database, false);
  Statement query = store.database().prepare("SELECT url_verifikasi FROM daerah LIMIT 1");
  Record region;
  if (query.step()) region.set("url_verifikasi", query.column_text(0));
  return documents::verification_payload(region, code);
}

std::vector<OptionSpec> sign_option_specs() {
  return {
      {"p12", "FILE", "the signer's key and certificate (PKCS#12, .p12 or .pfx)"},
      {"pass-env", "VAR", "read the passphrase from this environment variable"},
      {"pass-fd", "N", "read the passphrase from this open file descriptor (its first line)"},
      {"reason", "TEXT", "why it is signed, as the signature states it"},
      {"location", "TEXT", "where it is signed"},
      {"tsa", "URL", "a time-stamping authority (RFC 3161) to time-stamp the signature (PAdES B-T)"},
      {"sign-time", "TIME", "the signing time, YYYY-MM-DDTHH:MM:SS[+HH:MM] (default: now; for reproducible tests)"}};
}

SignSetup sign_setup(const Args& args, const Environment& env) {
  SignSetup setup;
  if (auto time = args.value("sign-time")) {
    std::tie(setup.request.time, setup.request.utc_offset_minutes) = parse_sign_time(*time);
  } else {
    setup.request.time = std::time(nullptr);
    setup.request.utc_offset_minutes = local_offset_minutes(setup.request.time);
  }
  setup.request.reason = args.value("reason").value_or("");
  setup.request.location = args.value("location").value_or("");
  setup.request.tsa_url = args.value("tsa").value_or("");
  auto p12 = args.value("p12");
  if (!p12) {
    if (args.value("pass-env") || args.value("pass-fd")) throw UsageError("--pass-env and --pass-fd go with --p12");
    return setup;
  }
  std::optional<sign::Passphrase> passphrase;
  if (auto variable = args.value("pass-env")) {
    const char* value = std::getenv(variable->c_str());
    if (!value) throw UsageError("--pass-env " + *variable + ": the environment has no such variable");
    passphrase.emplace(value);
  } else if (auto fd = args.integer("pass-fd")) {
    passphrase.emplace(read_from_fd(*fd));
  } else {
    passphrase.emplace(ask(*p12, env));
  }
  setup.signer.emplace(sign::SigningKey::load(*p12, *passphrase, setup.request.time));
  return setup;
}

}  // namespace inovasi::cli
