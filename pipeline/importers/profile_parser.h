#pragma once
// The regional portal's text profile of one innovation (the seed file is one), and the
// SINOVDA variant that prints the same labels without colons. Layout: a "Data Inovasi"
// heading, an English boilerplate paragraph, the innovation's name, then `Label : value`
// lines and sections whose body runs until the next known label. Labels and their
// spellings come from the catalogue (profile-labels.json).

#include <string>

#include "importers/import_context.h"

namespace inovasi {

void import_profile(std::string content, const std::string& file, const ImportContext& context);

// True when the text looks like a portal profile (used for files without a telling name).
bool looks_like_profile(std::string_view content);

}  // namespace inovasi
