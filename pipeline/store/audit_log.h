#pragma once
// The audit log (log_audit, schema 9): who changed what, when, with the old and new
// values, for everything done through the service and the commands that grant access.
// Written in the caller's transaction, so a change and its entry land together.

#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite.h"

namespace inovasi {

struct AuditEntry {
  std::string time;    // UTC timestamp (model/clock.h)
  std::string actor;   // "cli", a user's name, or "instansi:<kode>" / "hadir:<sesi>"
  std::string action;  // e.g. "ajukan_permohonan", "jadwalkan_sesi"
  std::string record;  // "<kind> <key>"
  std::string before, after;
};

void write_audit(Database& db, std::string_view actor, std::string_view action, std::string_view record,
                 std::string_view before, std::string_view after);
// The newest entries first.
std::vector<AuditEntry> read_audit(Database& db, int limit);

}  // namespace inovasi
