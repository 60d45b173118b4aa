#pragma once
// Forward-only schema migrations, tracked in PRAGMA user_version. A store made by an
// older build is brought up to date on open; one made by a newer build is refused.

#include "store/sqlite.h"

namespace inovasi {

int current_schema_version();
// The SQL of one migration (1-based), for tests that build an older store.
std::string_view migration_sql(int version);
void migrate(Database& db);

}  // namespace inovasi
