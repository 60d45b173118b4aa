// `inovasi access`: the agencies' private links. The team grants one per agency and sends
// it; the link's last line is the full address under the server's public URL.

#include <iostream>

#include "cli/commands.h"
#include "model/clock.h"
#include "model/text.h"
#include "serve/server.h"
#include "store/agency_links.h"
#include "store/store.h"

namespace inovasi::cli {
namespace {

Date date_option(const Args& args, const char* name, const Date& fallback) {
  auto given = args.value(name);
  if (!given) return fallback;
  auto parsed = parse_date(*given);
  if (!parsed.date) throw UsageError(std::string("--") + name + ": " + parsed.error);
  return *parsed.date;
}

// The server's public address: --url, else the origin of the region's url_verifikasi.
std::string public_base(const Args& args, Database& db) {
  std::string base;
  if (auto given = args.value("url")) {
    base = *given;
  } else {
    auto region = db.prepare("SELECT url_verifikasi FROM daerah LIMIT 1");
    if (region.step() && !region.column_is_null(0)) base = serve::url_origin(region.column_text(0));
  }
  if (!base.starts_with("https://") && !base.starts_with("http://")) {
    throw UsageError(base.empty() ? "--url: the store's region has no url_verifikasi; give the server's address"
                                  : "--url: '" + base + "' is not an http(s) address");
  }
  while (base.ends_with('/')) base.pop_back();
  return base;
}

int run_access(const Args& args, const Environment& env) {
  if (args.positionals().size() != 1) throw UsageError("access needs one of: grant, revoke, list");
  const std::string& what = args.positionals().front();
  Store store = Store::open(env.database, false);
  Database& db = store.database();
  Date now = local_today();
  const std::string actor = "cli";
  if (what == "list") {
    for (const auto& link : agency_links(db)) {
      env.out << link.agency << "  " << link.fingerprint << "  diberikan " << link.granted.iso() << "  berlaku sampai "
              << link.expires.iso() << (link.revoked.empty() ? "" : "  dicabut " + link.revoked) << '\n';
    }
    return kOk;
  }
  auto agency = args.value("agency");
  if (!agency || agency->empty()) throw UsageError("access " + what + " needs --agency KODE");
  if (what == "grant") {
    std::string base = public_base(args, db);
    Date expires = date_option(args, "expires", Date{now.year, 12, 31});
    Transaction transaction(db);
    GrantedLink link = grant_agency_link(db, *agency, now, expires, actor);
    transaction.commit();
    env.out << "link for " << link.agency << ", valid to the end of " << link.expires.iso()
            << " (the store keeps only its hash: this is the one time it is shown)\n";
    env.out << base << "/instansi/" << link.token << '\n';
    return kOk;
  }
  if (what == "revoke") {
    Transaction transaction(db);
    int revoked = revoke_agency_links(db, *agency, now, actor);
    transaction.commit();
    env.out << "revoked " << revoked << " link(s) of " << *agency << '\n';
    return revoked > 0 ? kOk : kDataErrors;
  }
  throw UsageError("unknown access command '" + what + "' (grant, revoke, list)");
}

}  // namespace

Command access_command() {
  return {"access",
          "give an agency its private link to the service, end it, or list the links",
          "inovasi access grant --agency KODE [--expires YYYY-MM-DD] [--url URL]\n"
          "inovasi access revoke --agency KODE\n"
          "inovasi access list\n\n"
          "grant prints the link on its last line, under the server's public URL (--url, else the\n"
          "origin of the region's url_verifikasi). The link is shown once: the store keeps only its\n"
          "SHA-256. It expires at the end of --expires (default: 31 December of this year).\n"
          "revoke ends every link of the agency (exit 1 when it had none). Both are written to the\n"
          "audit log.",
          {{"agency", "KODE", "the agency (instansi kode)"},
           {"expires", "YYYY-MM-DD", "the last day the link opens (default: the end of this year)"},
           {"url", "URL", "the server's public address (default: from daerah.url_verifikasi)"}},
          run_access,
          false};
}

}  // namespace inovasi::cli
