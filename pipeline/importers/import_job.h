#pragma once
// Reading a set of input files and folders into one Dataset: dispatch by format,
// duplicate natural keys, and references (agencies, innovations, sessions) resolved
// against the same import and the store. Nothing is written here.

#include <filesystem>
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
};

// The whole import: read, merge, resolve references, and save in one transaction when
// there is no error. The store file is created only when something is saved.
ImportResult import_into_store(const std::filesystem::path& database, const std::vector<std::filesystem::path>& paths,
                               const ImportOptions& options, const Catalog& catalog);

// Reads, merges records that several files give (merge_duplicate_keys) and checks
// required fields.
ImportResult read_inputs(const std::vector<std::filesystem::path>& paths, const ImportOptions& options,
                         const Catalog& catalog);

// Rewrites reference fields to the key of the record they name (a code, or a name the
// kind allows, such as an agency's nama or singkatan) and reports those that name
// nothing. `store` may be null when there is none yet.
void resolve_references(Dataset& dataset, const Store* store, Diagnostics& diagnostics);

// Records of one kind with the same natural key: within one file an error; from
// different files (a portal profile and a CSV that adds the agency, say) they merge,
// and a field both give with different values is an error naming both places.
void merge_duplicate_keys(Dataset& dataset, Diagnostics& diagnostics);

}  // namespace inovasi
