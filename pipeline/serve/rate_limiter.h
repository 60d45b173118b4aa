#pragma once
// Requests per client, so that one client (a script trying codes) cannot take the
// service from everyone: a bucket of `per_minute` requests per client address, refilled
// evenly. Thread-safe; the table forgets idle clients.

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace inovasi::serve {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}
  // 0 when `client` may go ahead, else the whole seconds until it may (Retry-After).
  int admit(const std::string& client, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens;
    Clock::time_point last;
  };
  int per_minute_;  // 0: no limit
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace inovasi::serve
