#pragma once
// Output files appear whole or not at all: written to a temporary name in the same
// folder, flushed to disk, then renamed over the target.

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "support/located_error.h"

namespace inovasi {

class OutputError : public LocatedError {
 public:
  explicit OutputError(const std::string& message, bool no_space = false)
      : LocatedError(ErrorKind::Output, message), no_space_(no_space) {}
  // The filesystem is full (or the user's quota used up): every later file would fail
  // the same way, so a batch stops and says so once.
  bool no_space() const { return no_space_; }

 private:
  bool no_space_;
};

// `durable`: flush the file to disk before the rename (one fsync per file). Batches pass
// false and call sync_filesystem() once before recording what they wrote: the rename
// still guarantees no reader ever sees a partial file.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes, bool durable = true);

class TemporaryFile;

// A file written in pieces that appears whole or not at all: it is written under a
// temporary name, and commit() renames it over `target`; destroyed before that, it is
// removed.
class AtomicFileWriter {
 public:
  explicit AtomicFileWriter(std::filesystem::path target);
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  void write(std::string_view bytes);
  // `durable` as for write_file_atomically.
  void commit(bool durable = true);

 private:
  std::filesystem::path target_;
  std::unique_ptr<TemporaryFile> file_;
};

// "<target>.tmp-<pid>-<random>": the name a file is written under before the rename.
std::filesystem::path temporary_name(const std::filesystem::path& target);

// Removes, under `folder`, the temporary files of runs that are no longer running (a
// run killed before its rename leaves one behind). Those of a live process, such as a
// second run writing into the same folder, are left alone. Returns how many went.
std::size_t remove_stale_temporaries(const std::filesystem::path& folder);

// Whether both files exist and hold the same bytes.
bool same_contents(const std::filesystem::path& a, const std::filesystem::path& b);

// Flushes everything written to the filesystem holding `folder` (syncfs).
void sync_filesystem(const std::filesystem::path& folder);

}  // namespace inovasi
