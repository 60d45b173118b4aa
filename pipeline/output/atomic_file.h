#pragma once
// Output files appear whole or not at all: written to a temporary name in the same
// folder, flushed to disk, then renamed over the target.

#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace inovasi {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

}  // namespace inovasi
