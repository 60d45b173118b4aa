#include "serve/console_auth.h"

#include <openssl/crypto.h>

#include "model/clock.h"
#include "store/secret_tokens.h"

namespace inovasi::serve {
namespace {

using Poco::Net::HTTPResponse;

constexpr int kSessionHours = 10;  // a working day; the next day logs in again
// The login form's own token lives in a cookie scoped to the login address: a page on
// another site cannot read it, so it cannot post a login of its choosing (login CSRF,
// which would sign the team into an attacker's account).
constexpr const char* kLoginCookie = "inovasi_masuk";
constexpr int kLoginFormSeconds = 3600;

std::string cookie(const SiteContext& site, const char* name, const std::string& value, const char* path, int max_age) {
  return std::string(name) + "=" + value + "; Path=" + path + "; Max-Age=" + std::to_string(max_age) +
         "; HttpOnly; SameSite=Strict" + (site.settings.secure_cookies ? "; Secure" : "");
}

std::string session_cookie(const SiteContext& site, const std::string& value, int max_age) {
  return cookie(site, kSessionCookie, value, "/konsol", max_age);
}

// Compared in constant time, so the answer's timing tells nothing of the secret.
bool same_secret(const std::string& given, const std::string& secret) {
  return !secret.empty() && given.size() == secret.size() &&
         CRYPTO_memcmp(given.data(), secret.data(), given.size()) == 0;
}

}  // namespace

std::optional<SignedIn> console_user(SiteContext& site, const WebRequest& request) {
  std::string token = request.cookie(kSessionCookie);
  if (token.empty() || token.size() > 64) return std::nullopt;
  return site.store.with([&](Store& store) { return signed_in(store.database(), token, utc_now()); });
}

bool carries_csrf(const SignedIn& who, const WebRequest& request) {
  return same_secret(request.field("csrf"), who.csrf);
}

Answer login_page(SiteContext& site, Status status, const std::string& error) {
  PageData data = site.store.with([](Store& store) { return region_data(store); });
  if (!error.empty()) data.set("galat_masuk", error);
  std::string token = new_secret_token();
  data.set("csrf", token);
  Answer answer = page(status, site.pages.render("masuk", std::move(data)));
  answer.cookies.push_back(cookie(site, kLoginCookie, token, "/konsol/masuk", kLoginFormSeconds));
  return answer;
}

Answer log_in(SiteContext& site, const WebRequest& request) {
  if (!same_secret(request.field("csrf"), request.cookie(kLoginCookie))) {
    return login_page(site, HTTPResponse::HTTP_FORBIDDEN,
                      "Formulir masuk ini sudah kedaluwarsa atau tidak berasal dari halaman ini. Silakan coba lagi.");
  }
  std::string name = request.field("nama").substr(0, 64), password = request.field("sandi").substr(0, 1024);
  if (int wait = site.throttle.wait(name, request.client)) {
    Answer answer = login_page(
        site, HTTPResponse::HTTP_TOO_MANY_REQUESTS,
        "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam " + std::to_string((wait + 59) / 60) + " menit.");
    answer.retry_after = wait;
    return answer;
  }
  // The hash is read under the store's lock; the check (some 0.1 s) runs outside it.
  auto account = site.store.with([&](Store& store) { return stored_account(store.database(), name); });
  auto role = password_matches(account, password);
  if (!role) {
    site.throttle.failed(name, request.client);
    return login_page(site, HTTPResponse::HTTP_UNAUTHORIZED, "Nama pengguna atau kata sandi salah.");
  }
  site.throttle.succeeded(name);
  auto session = site.store.with([&](Store& store) {
    Transaction transaction(store.database());
    auto opened = open_login_session(store.database(), name, *role, kSessionHours);
    transaction.commit();
    return opened;
  });
  Answer answer = see_other("/konsol");
  answer.cookies.push_back(session_cookie(site, session.token, kSessionHours * 3600));
  answer.cookies.push_back(cookie(site, kLoginCookie, "", "/konsol/masuk", 0));
  return answer;
}

Answer log_out(SiteContext& site, const WebRequest& request) {
  std::string token = request.cookie(kSessionCookie);
  site.store.with([&](Store& store) { close_login_session(store.database(), token); });
  Answer answer = see_other("/konsol/masuk");
  answer.cookies.push_back(session_cookie(site, "", 0));
  return answer;
}

}  // namespace inovasi::serve
