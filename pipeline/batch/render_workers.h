#pragma once
// The batch's render workers, the same threads for every slice: a thread per slice
// would leave its allocator heap behind when it ends, holding what the next slices free.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "batch/batch_jobs.h"

namespace inovasi::batch {

class RenderWorkers {
 public:
  RenderWorkers(int count, std::function<void(Job&)> render) : render_(std::move(render)) {
    for (int w = 0; w < count; ++w) threads_.emplace_back([this] { work(); });
  }
  ~RenderWorkers() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    threads_.clear();  // joined
  }
  RenderWorkers(const RenderWorkers&) = delete;
  RenderWorkers& operator=(const RenderWorkers&) = delete;

  // Hands over a slice's jobs; the previous slice's must be finished (wait()).
  void start(std::vector<Job*>& todo) {
    {
      std::lock_guard lock(mutex_);
      todo_ = &todo;
      next_ = finished_ = 0;
    }
    changed_.notify_all();
  }
  // Waits for every job of the slice, calling `tick` a few times a second meanwhile.
  void wait(const std::function<void()>& tick) {
    std::unique_lock lock(mutex_);
    while (!changed_.wait_for(lock, std::chrono::milliseconds(50), [&] { return finished_ == todo_->size(); })) {
      lock.unlock();
      tick();
      lock.lock();
    }
    todo_ = nullptr;
  }

 private:
  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [&] { return stopping_ || (todo_ && next_ < todo_->size()); });
      if (stopping_) return;
      Job& job = *(*todo_)[next_++];
      lock.unlock();
      render_(job);
      lock.lock();
      if (++finished_ == todo_->size()) changed_.notify_all();
    }
  }

  std::function<void(Job&)> render_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Job*>* todo_ = nullptr;  // the slice's, while it renders
  std::size_t next_ = 0, finished_ = 0;
  bool stopping_ = false;
  std::vector<std::jthread> threads_;  // last: joined first
};

}  // namespace inovasi::batch
