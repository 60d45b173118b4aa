#include "serve/site_store.h"

#include <sys/stat.h>

namespace inovasi::serve {

Store& SiteStore::open() {
  struct stat info {};
  ino_t now = ::stat(path_.c_str(), &info) == 0 ? info.st_ino : 0;
  if (!store_ || now != inode_) {
    store_.reset();
    store_.emplace(Store::open(path_, false));
    inode_ = now;
  }
  return *store_;
}

}  // namespace inovasi::serve
