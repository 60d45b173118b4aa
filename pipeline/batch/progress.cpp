#include "batch/progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <string>

namespace inovasi::batch {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::size_t total, std::ostream& out, bool terminal, bool quiet)
    : total_(total),
      out_(out),
      terminal_(terminal),
      quiet_(quiet),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {
  // The console (`inovasi serve`) runs batches as child processes and shows their lines
  // live: it asks for them every second rather than every five.
  if (const char* every = std::getenv("INOVASI_PROGRESS_MS")) {
    long ms = std::strtol(every, nullptr, 10);
    if (ms >= 100 && ms <= 60000) plain_interval_ = std::chrono::milliseconds(ms);
  }
}

void Progress::update(std::size_t done, std::size_t failed) {
  auto now = std::chrono::steady_clock::now();
  auto interval = terminal_ ? std::chrono::milliseconds(200) : plain_interval_;
  if (quiet_ || now - last_ < interval) return;
  last_ = now;
  draw(done, failed, false);
}

void Progress::finish(std::size_t done, std::size_t failed) {
  if (quiet_ || total_ == 0) return;
  draw(done, failed, true);
}

void Progress::draw(std::size_t done, std::size_t failed, bool final) {
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  double left = rate > 0 ? static_cast<double>(total_ - done) / rate : 0;
  char line[160];
  if (terminal_) {
    constexpr int kWidth = 30;
    int filled = total_ ? static_cast<int>(kWidth * done / total_) : kWidth;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, '.');
    std::snprintf(line, sizeof line, "\r[%s] %zu/%zu  %.0f/s  %ds left%s", bar.c_str(), done, total_, rate,
                  static_cast<int>(left), failed ? "  (some failed)" : "");
    out_ << line << (final ? "\n" : "") << std::flush;
  } else {
    std::snprintf(line, sizeof line, "progress: %zu/%zu documents, %.0f/s, %zu failed%s", done, total_, rate, failed,
                  final ? "" : "");
    out_ << line << '\n' << std::flush;
  }
}

}  // namespace inovasi::batch
