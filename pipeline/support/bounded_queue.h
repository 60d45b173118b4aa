#pragma once
// Items handed from one thread to another in order, at most `capacity` waiting: the
// producer waits when the consumer falls behind, so memory stays that of the queue.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace inovasi {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

  // False when the queue was closed (the consumer gave up): the item is dropped.
  bool push(T item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }
  // The next item; nothing once the queue is closed and empty.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  // No more items: pop() drains what is there, push() refuses.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  bool closed_ = false;
};

// Runs `there` on a thread of its own while `here` runs on this one, the two joined by
// `queue` (either side may be the one that pushes). The queue is closed when either side
// ends, so the other stops waiting; an exception on either side is rethrown here, once
// both have stopped.
template <typename T>
void run_beside(BoundedQueue<T>& queue, const std::function<void()>& there, const std::function<void()>& here) {
  std::exception_ptr failed_there;
  std::thread thread([&] {
    try {
      there();
    } catch (...) {
      failed_there = std::current_exception();
    }
    queue.close();
  });
  try {
    here();
  } catch (...) {
    queue.close();
    thread.join();
    throw;
  }
  queue.close();
  thread.join();
  if (failed_there) std::rethrow_exception(failed_there);
}

}  // namespace inovasi
