#pragma once
// Which innovation a record without an explicit kode is. An innovation belongs to one
// agency: the same name in another agency is another innovation, with a code of its own,
// and a record never moves an existing innovation to another agency. Codes, once given,
// stay: a re-import (any year) of the same name and agency finds the same code, and an
// input that names the kode keeps it through a rename.

#include "importers/staged_records.h"
#include "model/diagnostics.h"
#include "model/record.h"
#include "store/store.h"

namespace inovasi {

// Sets `kode` on each record of a kind with a derived code (code_from) that has none:
// the code of the innovation of the same name and agency (the same year first, then any
// year), else a new code from the name, made distinct from every code in use (the
// agency's code is added, then a number). A record with no agency takes the one
// innovation of that name and year; when several agencies have one, it is an error
// naming them. Agency references must be resolved to codes before this runs.
void assign_derived_codes(StagedRecords& staged, const Store* store, Diagnostics& diagnostics);

}  // namespace inovasi
