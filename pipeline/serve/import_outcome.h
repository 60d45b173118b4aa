#pragma once
// What `inovasi import --json` said, as the console's import page shows it: a sentence
// of counts, the findings in Indonesian under each field's label, and a table of the
// records that are new or change (each changed field with its old and new value).

#include <string>

#include "model/catalog.h"
#include "serve/site.h"

namespace inovasi::serve {

// Sets "hasil" and its lists from the command's JSON; when the output is not that JSON
// (the command failed before it could report), sets "keluaran" to the text as it came.
void set_import_outcome(PageData& data, const std::string& output, const Catalog& catalog);

}  // namespace inovasi::serve
