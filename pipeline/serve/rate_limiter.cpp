#include "serve/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace inovasi::serve {

int RateLimiter::admit(const std::string& client, Clock::time_point now) {
  if (per_minute_ <= 0) return 0;
  const double capacity = per_minute_;
  const double per_second = per_minute_ / 60.0;
  std::lock_guard lock(mutex_);
  // A full bucket is the same as none: idle clients are forgotten when the table grows.
  if (buckets_.size() > 50000) {
    std::erase_if(buckets_, [&](const auto& entry) {
      return entry.second.tokens + std::chrono::duration<double>(now - entry.second.last).count() * per_second >=
             capacity;
    });
  }
  auto [it, fresh] = buckets_.try_emplace(client, Bucket{capacity, now});
  Bucket& bucket = it->second;
  double elapsed = std::chrono::duration<double>(now - bucket.last).count();
  bucket.tokens = std::min(capacity, bucket.tokens + elapsed * per_second);
  bucket.last = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1 - bucket.tokens) / per_second)));
}

}  // namespace inovasi::serve
