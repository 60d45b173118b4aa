#pragma once
// The private links the team gives each agency (no accounts: a link per agency). A link
// is a random token of 256 bits; the store keeps only its SHA-256, so a copy of the
// store gives no one a working link. A link expires on its date and can be revoked;
// every grant and revocation is written to the audit log (log_audit, schema 9).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"
#include "store/sqlite.h"

namespace inovasi {

struct GrantedLink {
  std::string token;  // shown once, to be sent to the agency; never stored
  std::string agency;
  Date expires;
};

struct AgencyLink {  // what the store knows of a link: never its token
  std::string agency;
  std::string fingerprint;  // the first 8 hex digits of the token's SHA-256, to tell links apart
  Date granted, expires;
  std::string revoked;  // the date it was revoked, or ""
};

// A new link for `agency`, valid to the end of `expires`. Throws DataError for an agency
// the store does not hold or an expiry before `today`. In the caller's transaction.
GrantedLink grant_agency_link(Database& db, std::string_view agency, const Date& today, const Date& expires,
                              std::string_view actor);
// The agency a token opens today, or nothing (unknown, expired or revoked).
std::optional<std::string> agency_for_token(Database& db, std::string_view token, const Date& today);
// Revokes the agency's links that still stand; returns how many.
int revoke_agency_links(Database& db, std::string_view agency, const Date& today, std::string_view actor);
std::vector<AgencyLink> agency_links(Database& db);

}  // namespace inovasi

namespace inovasi {

// A session's attendance link: participants open it on their phones until the session
// ends. Several may stand at once (a QR shown again after the page was closed); each is
// kept only as its token's SHA-256.
struct AttendanceLink {
  std::string token;  // shown once, as a QR code on the team's screen
  std::string session;
  std::string expires;  // UTC timestamp (model/clock.h)
};
// Throws DataError for a session the store does not hold or an end already past.
AttendanceLink open_attendance_link(Database& db, std::string_view session, const std::string& expires,
                                    std::string_view actor);
// The session a token opens at `now` (UTC timestamp), or nothing.
std::optional<std::string> session_for_attendance_token(Database& db, std::string_view token, const std::string& now);
// How many links of the session still open at `now`.
int standing_attendance_links(Database& db, std::string_view session, const std::string& now);
// Ends every link of the session still open at `now` (the list is complete before the
// session is over, or a link was shown where it should not have been), auditing each;
// returns how many ended.
int close_attendance_links(Database& db, std::string_view session, const std::string& now, std::string_view actor);

}  // namespace inovasi
