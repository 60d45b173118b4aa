#pragma once
// Reading a set of input files and folders into one Dataset: dispatch by format,
// duplicate natural keys, and references (agencies, innovations, sessions) resolved
// against the same import and the store. Nothing is written here.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "importers/import_context.h"
#include "store/store.h"

namespace inovasi {

struct ImportResult {
  Dataset dataset;
  Diagnostics diagnostics;
  std::vector<std::string> notes;
  std::vector<std::string> files;  // the files read, in order
  std::optional<SaveSummary> saved;  // set when the store was written
  std::optional<SaveSummary> previewed;  // set by a dry run without errors
};

// Each record's change, as a dry run reports it.
using ChangeListener = std::function<void(const RecordChange&)>;

// The whole import: read, merge, resolve references, and save in one transaction when
// there is no error. The store file is created only when something is saved.
// With `options.dry_run`, nothing is written: each record's change goes to `on_change`
// and the result's `previewed` counts them.
ImportResult import_into_store(const std::filesystem::path& database, const std::vector<std::filesystem::path>& paths,
                               const ImportOptions& options, const Catalog& catalog,
                               const ChangeListener& on_change = {});

// Reads, merges records that several files give (merge_duplicate_keys) and checks
// required fields.
// `store` (may be null) is where innovations named without a kode are looked for
// (innovation_identity.h).
ImportResult read_inputs(const std::vector<std::filesystem::path>& paths, const ImportOptions& options,
                         const Catalog& catalog, const Store* store = nullptr);

// Rewrites the agency of records whose code is derived (innovations) to the agency's
// code where it names one, so that identity compares codes; names nothing it cannot
// find (resolve_references reports those).
void link_owning_agencies(Dataset& dataset, const Store* store);

// Rewrites reference fields to the key of the record they name (a code, or a name the
// kind allows, such as an agency's nama or singkatan) and reports those that name
// nothing. `store` may be null when there is none yet.
void resolve_references(Dataset& dataset, const Store* store, Diagnostics& diagnostics);

// Codes that become file and folder names (code_names_files) must become different ones:
// `dinkes` and `DINKES`, or two codes in another script that both slug to the same
// text, would write each other's documents. Reported for the import's records.
void check_distinct_file_names(const Dataset& dataset, const Store* store, Diagnostics& diagnostics);

// Records of one kind with the same natural key: within one file an error; from
// different files (a portal profile and a CSV that adds the agency, say) they merge,
// and a field both give with different values is an error naming both places.
void merge_duplicate_keys(Dataset& dataset, Diagnostics& diagnostics);

}  // namespace inovasi
