#pragma once
// A record from a web form: each field converted and checked exactly as an imported
// CSV cell is (field_values.h), required fields included, so the service accepts what a
// file would and refuses what a file would, with the same messages. References are the
// caller's to check (the service knows whose records a form may name).

#include <string>
#include <utility>
#include <vector>

#include "model/catalog.h"
#include "model/diagnostics.h"
#include "model/record.h"

namespace inovasi {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// `source` names the form in diagnostics ("formulir permohonan"); a field the kind does
// not have is an error naming it. Nothing when any error was found. A `partial` record
// (some fields of one already stored, by its key) is not held to the required fields: as
// with a CSV that adds columns, the fields it does not carry keep their stored values.
enum class FormScope { Whole, Partial };
std::optional<Record> record_from_form(const RecordKind& kind, const FormFields& fields, const std::string& source,
                                       const Catalog& catalog, Diagnostics& diagnostics,
                                       FormScope scope = FormScope::Whole);

}  // namespace inovasi
