#include "output/folder_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ostream>

#include "output/atomic_file.h"

namespace inovasi {

FolderLock::FolderLock(const std::filesystem::path& folder, std::ostream& notices) {
  std::filesystem::create_directories(folder);
  fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) throw OutputError(folder.string() + ": cannot open: " + std::strerror(errno));
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

FolderLock::FolderLock(const std::filesystem::path& folder, Wait) {
  std::filesystem::create_directories(folder);
  fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) throw OutputError(folder.string() + ": cannot open: " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
  if (errno == EWOULDBLOCK) {
    held_ = false;
  }
  ::close(fd_);  // held by another, or a filesystem without locks (counts as held)
  fd_ = -1;
}

FolderLock::~FolderLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

}  // namespace inovasi
