#pragma once
// Reading a whole file into memory: inputs, templates, manifests, catalogues.

#include <filesystem>
#include <optional>
#include <string>

namespace inovasi {

// The file's bytes, or nullopt when it cannot be opened.
std::optional<std::string> read_file_text(const std::filesystem::path& path);

}  // namespace inovasi
