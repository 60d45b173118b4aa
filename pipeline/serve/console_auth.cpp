#include "serve/console_auth.h"

#include <openssl/crypto.h>

#include "model/clock.h"

namespace inovasi::serve {
namespace {

using Poco::Net::HTTPResponse;

constexpr int kSessionHours = 10;  // a working day; the next day logs in again

std::string session_cookie(const SiteContext& site, const std::string& value, int max_age) {
  return std::string(kSessionCookie) + "=" + value + "; Path=/konsol; Max-Age=" + std::to_string(max_age) +
         "; HttpOnly; SameSite=Strict" + (site.settings.secure_cookies ? "; Secure" : "");
}

}  // namespace

std::optional<SignedIn> console_user(SiteContext& site, const WebRequest& request) {
  std::string token = request.cookie(kSessionCookie);
  if (token.empty() || token.size() > 64) return std::nullopt;
  return site.store.with([&](Store& store) { return signed_in(store.database(), token, utc_now()); });
}

bool carries_csrf(const SignedIn& who, const WebRequest& request) {
  std::string given = request.field("csrf");
  return given.size() == who.csrf.size() && !who.csrf.empty() &&
         CRYPTO_memcmp(given.data(), who.csrf.data(), given.size()) == 0;
}

Answer login_page(SiteContext& site, Status status, const std::string& error) {
  PageData data = site.store.with([](Store& store) { return region_data(store); });
  if (!error.empty()) data.set("galat_masuk", error);
  return page(status, site.pages.render("masuk", std::move(data)));
}

Answer log_in(SiteContext& site, const WebRequest& request) {
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
