#include "serve/login_throttle.h"

#include <algorithm>
#include <cctype>

namespace inovasi::serve {
namespace {

std::string folded(const std::string& name) {
  std::string out = name.substr(0, 64);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

int LoginThrottle::wait_for(Failures& failures, Clock::time_point now) {
  while (!failures.empty() && now - failures.front() >= kWindow) failures.pop_front();
  if (static_cast<int>(failures.size()) < kAllowedFailures) return 0;
  auto left = std::chrono::duration_cast<std::chrono::seconds>(failures.front() + kWindow - now).count();
  return static_cast<int>(std::max<long long>(1, left));
}

int LoginThrottle::wait(const std::string& name, const std::string& client, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  return std::max(wait_for(by_name_[folded(name)], now), wait_for(by_client_[client], now));
}

void LoginThrottle::failed(const std::string& name, const std::string& client, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  by_name_[folded(name)].push_back(now);
  by_client_[client].push_back(now);
  // Forget names and clients whose failures are all old (a table that only grows is
  // another way to run the server out of memory).
  if (by_name_.size() + by_client_.size() > 10000) {
    for (auto* table : {&by_name_, &by_client_}) {
      for (auto entry = table->begin(); entry != table->end();) {
        wait_for(entry->second, now);  // drops the failures that left the window
        entry = entry->second.empty() ? table->erase(entry) : std::next(entry);
      }
    }
  }
}

void LoginThrottle::succeeded(const std::string& name) {
  std::lock_guard lock(mutex_);
  by_name_.erase(folded(name));
}

}  // namespace inovasi::serve
