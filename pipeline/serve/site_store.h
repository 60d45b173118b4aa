#pragma once
// The private pages' one read-write connection to the store, lent to one request at a
// time: their traffic is a team and its agencies (and a room of participants signing
// in), which one connection serves in turn, and SQLite takes one writer at a time
// anyway. A store replaced under the server (a restore) is opened afresh.

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "store/store.h"

namespace inovasi::serve {

class SiteStore {
 public:
  explicit SiteStore(std::filesystem::path path) : path_(std::move(path)) {}

  // Runs `work` with the store, alone. A write inside it opens its own Transaction.
  template <typename Work>
  auto with(Work&& work) {
    std::lock_guard lock(mutex_);
    return work(open());
  }

 private:
  Store& open();

  std::filesystem::path path_;
  std::mutex mutex_;
  std::optional<Store> store_;
  ino_t inode_ = 0;
};

}  // namespace inovasi::serve
