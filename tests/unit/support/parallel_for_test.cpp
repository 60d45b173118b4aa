#include "support/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

namespace inovasi {
namespace {

TEST(ParallelFor, EveryIndexRunsOnceOnAtMostJobsThreads) {
  for (int jobs : {1, 2, 8}) {
    for (std::size_t count : {0u, 1u, 3u, 1000u}) {
      std::vector<std::atomic<int>> runs(count);
      std::mutex mutex;
      std::set<std::thread::id> threads;
      parallel_for(count, jobs, [&](std::size_t i) {
        ++runs[i];
        std::lock_guard lock(mutex);
        threads.insert(std::this_thread::get_id());
      });
      for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(runs[i].load(), 1) << i << " of " << count << ", jobs " << jobs;
      EXPECT_LE(threads.size(), static_cast<std::size_t>(jobs));
      EXPECT_LE(threads.size(), count);
    }
  }
}

}  // namespace
}  // namespace inovasi
