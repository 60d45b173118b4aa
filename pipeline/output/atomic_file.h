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

// "<target>.tmp-<pid>-<random>": the name a file is written under before the rename.
std::filesystem::path temporary_name(const std::filesystem::path& target);

// Removes, under `folder`, the temporary files of runs that are no longer running (a
// run killed before its rename leaves one behind). Those of a live process, such as a
// second run writing into the same folder, are left alone. Returns how many went.
std::size_t remove_stale_temporaries(const std::filesystem::path& folder);

// Flushes everything written to the filesystem holding `folder` (syncfs).
void sync_filesystem(const std::filesystem::path& folder);

}  // namespace inovasi
