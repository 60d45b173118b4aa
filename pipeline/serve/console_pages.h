#pragma once
// The console's pages by area; console_site.cpp routes to them after the login and the
// CSRF token are checked.

#include <optional>

#include "serve/site.h"
#include "store/accounts.h"

namespace inovasi::serve {

// What every console page shows: who is logged in, the CSRF token for its forms, the year,
// and whether a run is going.
void console_frame(SiteContext& site, PageData& data, const SignedIn& who, int year);

// /konsol/permohonan/<kode>[/jadwal|/hasil|/tautan-hadir|/berita-acara.pdf]
Answer request_route(SiteContext& site, const SignedIn& who, const WebRequest& request);
// /konsol/impor, /konsol/temuan, /konsol/jalankan, /konsol/proses, /konsol/berkas
std::optional<Answer> runs_route(SiteContext& site, const SignedIn& who, const WebRequest& request);
// /konsol/tautan, /konsol/cabut, /konsol/audit (admin only)
std::optional<Answer> admin_route(SiteContext& site, const SignedIn& who, const WebRequest& request);

}  // namespace inovasi::serve
