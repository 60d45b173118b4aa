#pragma once
// The console's logins: the session cookie (HttpOnly, SameSite=Strict, Secure unless the
// server runs plain http on loopback), the CSRF token every form carries (the login form
// its own, in a cookie scoped to the login address), and the throttle on failed logins.

#include <optional>
#include <string>

#include "serve/site.h"
#include "store/accounts.h"

namespace inovasi::serve {

inline constexpr const char* kSessionCookie = "inovasi_sesi";

// Who the request's cookie signs in, if anyone.
std::optional<SignedIn> console_user(SiteContext& site, const WebRequest& request);
// Whether a POST carries the login session's CSRF token.
bool carries_csrf(const SignedIn& who, const WebRequest& request);

Answer login_page(SiteContext& site, Status status, const std::string& error = {});
Answer log_in(SiteContext& site, const WebRequest& request);
Answer log_out(SiteContext& site, const WebRequest& request);

}  // namespace inovasi::serve
