#pragma once
// Reading a set of input files and folders: dispatch by format, innovation codes,
// records of one natural key merged, references (agencies, innovations, sessions)
// resolved against the same import and the store, and the store written in one
// transaction. The records read wait in a scratch database (staged_records.h), not in
// memory, so a national dataset imports in bounded memory.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "importers/import_context.h"
#include "store/store.h"

namespace inovasi {

struct ImportResult {
  Dataset dataset;          // read_inputs only: import_into_store holds no records
  std::size_t records = 0;  // records after merging
  Diagnostics diagnostics;
  std::vector<std::string> notes;
  std::vector<std::string> files;        // the files read, in order
  std::optional<SaveSummary> saved;      // set when the store was written
  std::optional<SaveSummary> previewed;  // set by a dry run without errors
};

// Each record's change, as a dry run reports it.
using ChangeListener = std::function<void(const RecordChange&)>;

// The whole import: read, merge, resolve references, and save in one transaction when
// there is no error. A store that did not exist is made under another name and moved
// into place only when complete. With `options.dry_run`, nothing is written: each
// record's change goes to `on_change` and the result's `previewed` counts them.
ImportResult import_into_store(const std::filesystem::path& database, const std::vector<std::filesystem::path>& paths,
                               const ImportOptions& options, const Catalog& catalog,
                               const ChangeListener& on_change = {});

// Reads and merges records that several files give (records of one kind and natural key:
// within one file an error; from different files, such as a portal profile and a CSV that
// adds its agency, one record, and a field both give with different values an error
// naming both places), and checks required fields, into
// an in-memory Dataset in input order (for tests and small inputs; references are left
// as written). `store` (may be null) is where innovations named without a kode are
// looked for (innovation_identity.h).
ImportResult read_inputs(const std::vector<std::filesystem::path>& paths, const ImportOptions& options,
                         const Catalog& catalog, const Store* store = nullptr);

// Rewrites the agency of staged records whose code is derived (innovations) to the
// agency's code where it names one, so that identity compares codes; leaves what it
// cannot find (the import reports it when it resolves references).
void link_owning_agencies(StagedRecords& staged, const Store* store);

}  // namespace inovasi
