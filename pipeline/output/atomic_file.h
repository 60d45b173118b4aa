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

// `durable`: flush the file to disk before the rename (one fsync per file). Batches pass
// false and call sync_filesystem() once before recording what they wrote: the rename
// still guarantees no reader ever sees a partial file.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes, bool durable = true);

// Flushes everything written to the filesystem holding `folder` (syncfs).
void sync_filesystem(const std::filesystem::path& folder);

}  // namespace inovasi
