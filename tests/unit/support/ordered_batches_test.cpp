// Work mapped on other threads and taken back in order (model/ordered_batches.h): what
// the IGA export and the narrative word counts rely on to stay in key order and small.

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/ordered_batches.h"

namespace inovasi {
namespace {

TEST(OrderedBatches, ResultsComeBackInTheItemsOrderWithFewBatchesInFlight) {
  constexpr std::size_t kBatch = 7, kAhead = 2;
  std::atomic<std::size_t> mapped{0};
  std::size_t taken = 0, most_ahead = 0;
  std::vector<std::string> out;
  OrderedBatches<int, std::string> batches(
      kBatch, kAhead,
      [&](const int& item) {
        ++mapped;
        return std::to_string(item * item);
      },
      [&](std::string&& result) {
        out.push_back(std::move(result));
        ++taken;
        most_ahead = std::max(most_ahead, mapped.load() - taken);
      });
  for (int i = 0; i < 1000; ++i) batches.add(i);
  batches.finish();
  ASSERT_EQ(out.size(), 1000u);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(out[static_cast<std::size_t>(i)], std::to_string(i * i));
  EXPECT_LE(most_ahead, (kAhead + 1) * kBatch);  // never the whole input at once
}

TEST(OrderedBatches, AnErrorWhileTakingLeavesNothingRunning) {
  // The batches still in flight are waited for when it is destroyed, not left running
  // on a map that no longer exists (the sanitizer build would report it).
  auto run = [] {
    OrderedBatches<int, int> batches(
        4, 2, [](const int& item) { return item; },
        [](int&& result) {
          if (result == 9) throw std::runtime_error("stop");
        });
    for (int i = 0; i < 100; ++i) batches.add(i);
    batches.finish();
  };
  EXPECT_THROW(run(), std::runtime_error);
}

}  // namespace
}  // namespace inovasi
