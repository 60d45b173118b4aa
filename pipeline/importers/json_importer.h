#pragma once
// A whole dataset in one JSON document: {"daerah": {...}, "instansi": [{...}], ...},
// keys being the record kinds and fields of schema.h. Errors name the line of the value.

#include <string>

#include "importers/import_context.h"

namespace inovasi {

void import_json(std::string content, const std::string& file, const ImportContext& context);

}  // namespace inovasi
