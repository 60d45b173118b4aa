#pragma once
// Items turned into results on other threads, a batch at a time, and handed back in the
// order they came, with at most `ahead` batches in flight: the input may be as long as a
// national year (every innovation's narratives), memory stays that of a few batches.

#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <vector>

namespace inovasi {

template <typename Item, typename Result>
class OrderedBatches {
 public:
  // `map` runs on other threads, several at once: it must only read shared state.
  // `take` runs on the thread that calls add() and finish(), in the items' order.
  using Map = std::function<Result(const Item&)>;
  using Take = std::function<void(Result&&)>;

  OrderedBatches(std::size_t batch_size, std::size_t ahead, Map map, Take take)
      : batch_size_(batch_size), ahead_(ahead), map_(std::move(map)), take_(std::move(take)) {}
  // Batches still in flight (an error stopped the caller) are waited for, unused.
  ~OrderedBatches() = default;
  OrderedBatches(const OrderedBatches&) = delete;
  OrderedBatches& operator=(const OrderedBatches&) = delete;

  void add(Item item) {
    batch_.push_back(std::move(item));
    if (batch_.size() >= batch_size_) submit();
  }
  // Maps what is left and takes every result still to come.
  void finish() {
    if (!batch_.empty()) submit();
    while (!pending_.empty()) take_oldest();
  }

 private:
  void submit() {
    pending_.push_back(std::async(std::launch::async, [this, items = std::move(batch_)] {
      std::vector<Result> results;
      results.reserve(items.size());
      for (const auto& item : items) results.push_back(map_(item));
      return results;
    }));
    batch_ = {};
    if (pending_.size() > ahead_) take_oldest();
  }
  void take_oldest() {
    std::vector<Result> results = pending_.front().get();
    pending_.pop_front();
    for (auto& result : results) take_(std::move(result));
  }

  std::size_t batch_size_;
  std::size_t ahead_;
  Map map_;  // declared before pending_: destroyed after the tasks using it are waited for
  Take take_;
  std::vector<Item> batch_;
  std::deque<std::future<std::vector<Result>>> pending_;
};

}  // namespace inovasi
