#include "store/audit_log.h"

#include "model/clock.h"

namespace inovasi {

void write_audit(Database& db, std::string_view actor, std::string_view action, std::string_view record,
                 std::string_view before, std::string_view after) {
  auto insert = db.prepare(
      "INSERT INTO log_audit (waktu, pelaku, tindakan, data, nilai_lama, nilai_baru) VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind_text_or_null(1, utc_now());
  insert.bind_text_or_null(2, actor);
  insert.bind_text_or_null(3, action);
  insert.bind_text_or_null(4, record);
  insert.bind_text_or_null(5, before);
  insert.bind_text_or_null(6, after);
  insert.step();
}

std::vector<AuditEntry> read_audit(Database& db, int limit) {
  auto select = db.prepare(
      "SELECT waktu, pelaku, tindakan, coalesce(data, ''), coalesce(nilai_lama, ''), coalesce(nilai_baru, '') "
      "FROM log_audit ORDER BY id DESC LIMIT ?");
  select.bind_int(1, limit);
  std::vector<AuditEntry> entries;
  while (select.step()) {
    entries.push_back({select.column_text(0), select.column_text(1), select.column_text(2), select.column_text(3),
                       select.column_text(4), select.column_text(5)});
  }
  return entries;
}

}  // namespace inovasi
