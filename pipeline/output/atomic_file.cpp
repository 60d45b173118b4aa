#include "output/atomic_file.h"
#include "model/file_text.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace inovasi {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, std::string_view what) {
  int error = errno;
  throw OutputError(path.string() + ": " + std::string(what) + ": " + std::strerror(error),
                    error == ENOSPC || error == EDQUOT);
}

}  // namespace

// Closes the descriptor and removes the temporary file unless committed.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::filesystem::path path) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd_ < 0) fail(path_, "cannot create");
  }
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(path_.c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  void write(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t written = ::write(fd_, bytes.data(), bytes.size());
      if (written < 0) {
        if (errno == EINTR) continue;
        fail(path_, "cannot write");
      }
      bytes.remove_prefix(static_cast<std::size_t>(written));
    }
  }
  void close(bool durable) {
    if (durable && ::fsync(fd_) != 0) fail(path_, "cannot flush");
    if (::close(fd_) != 0) {
      fd_ = -1;
      fail(path_, "cannot close");
    }
    fd_ = -1;
  }
  void commit_as(const std::filesystem::path& target) {
    if (::rename(path_.c_str(), target.c_str()) != 0) fail(target, "cannot rename into place");
    committed_ = true;
  }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  bool committed_ = false;
};

bool same_contents(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code error_a, error_b;
  auto size_a = std::filesystem::file_size(a, error_a);
  auto size_b = std::filesystem::file_size(b, error_b);
  if (error_a || error_b || size_a != size_b) return false;  // most changes stop here, unread
  auto bytes_a = read_file_text(a), bytes_b = read_file_text(b);
  return bytes_a && bytes_b && *bytes_a == *bytes_b;
}

void sync_filesystem(const std::filesystem::path& folder) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail(folder, "cannot open to flush");
  int rc = ::syncfs(fd);
  ::close(fd);
  if (rc != 0) fail(folder, "cannot flush to disk");
}

std::filesystem::path temporary_name(const std::filesystem::path& target) {
  std::random_device random;
  auto temporary = target;
  temporary += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(random());
  return temporary;
}

namespace {

// The writer's process id in "name.pdf.tmp-1234-5678", or 0 when it is not our name.
pid_t temporary_owner(const std::string& name) {
  auto at = name.rfind(".tmp-");
  if (at == std::string::npos) return 0;
  std::string_view rest = std::string_view(name).substr(at + 5);
  auto dash = rest.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash == rest.size() - 1) return 0;
  long long pid = 0;
  for (char c : rest.substr(0, dash)) {
    if (c < '0' || c > '9' || pid > 10'000'000) return 0;
    pid = pid * 10 + (c - '0');
  }
  for (char c : rest.substr(dash + 1)) {
    if (c < '0' || c > '9') return 0;
  }
  return static_cast<pid_t>(pid);
}

}  // namespace

std::size_t remove_stale_temporaries(const std::filesystem::path& folder) {
  std::size_t removed = 0;
  std::error_code error;
  for (std::filesystem::recursive_directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (!it->is_regular_file(error)) continue;
    pid_t owner = temporary_owner(it->path().filename().string());
    if (owner <= 0 || owner == ::getpid()) continue;
    if (::kill(owner, 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to judge)
    std::error_code ignored;
    removed += std::filesystem::remove(it->path(), ignored);
  }
  return removed;
}

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes, bool durable) {
  AtomicFileWriter file(target);
  file.write(bytes);
  file.commit(durable);
}

AtomicFileWriter::AtomicFileWriter(std::filesystem::path target) : target_(std::move(target)) {
  std::error_code error;
  if (target_.has_parent_path()) std::filesystem::create_directories(target_.parent_path(), error);
  if (error) throw OutputError(target_.parent_path().string() + ": cannot create folder: " + error.message());
  file_ = std::make_unique<TemporaryFile>(temporary_name(target_));
}

AtomicFileWriter::~AtomicFileWriter() = default;

void AtomicFileWriter::write(std::string_view bytes) {
  if (!file_) throw OutputError(target_.string() + ": written after it was committed");
  file_->write(bytes);
}

void AtomicFileWriter::commit(bool durable) {
  if (!file_) throw OutputError(target_.string() + ": committed twice");
  file_->close(durable);
  file_->commit_as(target_);
  file_.reset();
}

}  // namespace inovasi
