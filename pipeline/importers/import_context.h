#pragma once
// What every importer needs: the catalogue, the options given on the command line, and
// where to put records and findings.

#include <optional>
#include <string>

#include "importers/field_values.h"
#include "importers/staged_records.h"
#include "support/bounded_queue.h"
#include "model/catalog.h"
#include "model/diagnostics.h"
#include "model/record.h"

namespace inovasi {

struct ImportOptions {
  std::string agency;       // --agency: links portal profiles (which carry none) to an agency
  std::optional<int> year;  // --year: the programme year of portal profiles
  bool dry_run = false;     // --dry-run: say what would change, write nothing
  // Findings kept (and printed); the rest are counted. A garbage file finds millions.
  std::size_t findings_kept = 300;
};

// A record converted on a worker thread, with the findings its conversion made: they
// join the import's in input order, so an import reports the same whatever the threads.
struct ConvertedRecord {
  std::optional<Record> record;  // none when the row was refused whole
  Diagnostics diagnostics;
};

// Rows are converted this many at a time on other threads, at most two batches ahead.
inline constexpr std::size_t kRowsPerConversion = 512;

struct ImportContext {
  const Catalog& catalog;
  const ImportOptions& options;
  // Where records read go: to the thread that keeps them (StagedRecords), in order.
  BoundedQueue<Record>& staging;
  Diagnostics& diagnostics;
  std::vector<std::string>& notes;  // what the user should know that is not a problem

  FieldConverter converter() const { return FieldConverter(catalog, diagnostics); }
  // Hands a record read to the import (which keeps it out of memory).
  void emit(Record&& record) const { staging.push(std::move(record)); }
  void take(ConvertedRecord&& converted) const {
    diagnostics.append(converted.diagnostics);
    if (converted.record) emit(std::move(*converted.record));
  }
};

}  // namespace inovasi
