#pragma once
// body(0), ..., body(count - 1) on up to `jobs` threads, each taking the next index as it
// finishes one: for independent pieces of uneven size (documents, agencies' workbooks).
// `body` must not throw (an exception leaving a thread ends the program): callers keep
// each piece's error beside its result.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace inovasi {

template <typename Body>
void parallel_for(std::size_t count, int jobs, Body body) {
  std::atomic<std::size_t> next{0};
  int workers = std::max(1, std::min<int>(jobs, static_cast<int>(std::min<std::size_t>(count, 1024))));
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      for (std::size_t i = next++; i < count; i = next++) body(i);
    });
  }
  for (auto& thread : threads) thread.join();
}

}  // namespace inovasi
