#pragma once
// What `launch` and `certificates` share: planning kinds in one numbering transaction,
// the certificates' print file, and the summary of agencies that are not ready.

#include <iosfwd>
#include <string>
#include <vector>

#include "batch/batch_run.h"
#include "cli/environment.h"
#include "documents/document_kind.h"
#include "store/store.h"

namespace inovasi::cli {

std::vector<documents::PlannedDocument> plan_kinds(Store& store, const Snapshot& snapshot, const Catalog& catalog,
                                                   const std::vector<std::string_view>& kinds,
                                                   const documents::Selection& selection, bool signed_copy,
                                                   const ValidationReport* report = nullptr);

// All certificates of the plan in one PDF (stable order, one bookmark each); remade only
// when a certificate changed, which `keys` (the batch's, one per planned document) tell
// without filling a template. Returns the file, or "" when there is none to make.
std::filesystem::path write_print_file(const std::vector<documents::PlannedDocument>& certificates,
                                       const std::vector<std::string>& keys, const render::TemplateSet& templates,
                                       const pdf::FontManifest& fonts, const Environment& env, int year, bool force,
                                       int jobs);

// Agencies with validation errors for the year, each with the findings that block it.
void print_not_ready(const Snapshot& snapshot, const Catalog& catalog, int year, std::ostream& out);

}  // namespace inovasi::cli
