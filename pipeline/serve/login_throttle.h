#pragma once
// Failed logins, counted per user name and per client address over a window: after
// kAllowedFailures failures, further attempts are refused (429, Retry-After) until the
// oldest failure leaves the window, without the password being checked. A name guessed
// from many addresses and an address trying many names are both held back. Thread-safe;
// kept in memory (a restart forgets the failures).

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace inovasi::serve {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr int kAllowedFailures = 9;
  static constexpr std::chrono::minutes kWindow{15};

  // 0 when an attempt may be checked, else the seconds to wait.
  int wait(const std::string& name, const std::string& client, Clock::time_point now = Clock::now());
  void failed(const std::string& name, const std::string& client, Clock::time_point now = Clock::now());
  void succeeded(const std::string& name);

 private:
  using Failures = std::deque<Clock::time_point>;
  static int wait_for(Failures& failures, Clock::time_point now);

  std::mutex mutex_;
  std::map<std::string, Failures> by_name_, by_client_;
};

}  // namespace inovasi::serve
