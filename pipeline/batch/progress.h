#pragma once
// Progress of a batch on standard error: a live bar with count, rate and time left on a
// terminal, a plain line every few seconds elsewhere (logs, CI), nothing with --quiet.

#include <chrono>
#include <cstddef>
#include <iosfwd>

namespace inovasi::batch {

class Progress {
 public:
  Progress(std::size_t total, std::ostream& out, bool terminal, bool quiet);
  // Call as often as you like; it draws at most a few times a second.
  void update(std::size_t done, std::size_t failed);
  void finish(std::size_t done, std::size_t failed);

 private:
  void draw(std::size_t done, std::size_t failed, bool final);
  std::size_t total_;
  std::ostream& out_;
  bool terminal_, quiet_;
  std::chrono::steady_clock::time_point start_, last_;
  std::chrono::milliseconds plain_interval_{5000};  // between plain lines ($INOVASI_PROGRESS_MS)
};

bool stderr_is_terminal();

}  // namespace inovasi::batch
