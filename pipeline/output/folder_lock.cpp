#include "output/folder_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ostream>

#include "output/atomic_file.h"

namespace inovasi {
namespace {

// The folder (made if needed) opened for its lock.
int open_folder(const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw OutputError(folder.string() + ": cannot open: " + std::strerror(errno));
  return fd;
}

}  // namespace

FolderLock::FolderLock(const std::filesystem::path& folder, std::ostream& notices) : fd_(open_folder(folder)) {
  if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
  if (errno == EWOULDBLOCK) {
    notices << "waiting for another inovasi run writing to " << folder.string() << std::endl;
    while (::flock(fd_, LOCK_EX) != 0) {
      if (errno != EINTR) break;
    }
    return;
  }
  // ENOLCK, EINVAL: a filesystem that keeps no locks. The run goes on as before locks.
  ::close(fd_);
  fd_ = -1;
}

FolderLock::FolderLock(const std::filesystem::path& folder, Wait) : fd_(open_folder(folder)) {
  if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
  held_ = errno != EWOULDBLOCK;  // held by another; a filesystem without locks counts as held
  ::close(fd_);
  fd_ = -1;
}

FolderLock::~FolderLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

}  // namespace inovasi
