#pragma once
// Every record of the store as a folder of CSV files (`export csv`): one file per record
// kind, named after it, with the field names as the header and each value written as
// the importers read it back, so `inovasi import FOLDER` gives back the same store. The
// store is read a record at a time, and each file appears whole or not at all.

#include <filesystem>
#include <string>

#include "model/record.h"
#include "store/store.h"

namespace inovasi::exports {

// A stored value as an input file writes it: narratives as their text, lists joined
// with "; ", yes/no as ya/tidak, an enumeration as it was first written.
std::string input_text(const Record& record, const FieldSpec& spec);

// Writes <folder>/<kind>.csv for each kind that has records; returns how many records.
std::size_t write_csv_folder(const Store& store, const std::filesystem::path& folder);

}  // namespace inovasi::exports
