#pragma once
// The runs the console starts (launch, certificates, desk-packet, import, a document):
// each is this same binary run as a child process with the server's store, templates
// and output folder, so a run from the console is the command-line run, rules, folder
// lock and manifest included. One run at a time: a second start is refused while one
// goes (the folder lock would only queue it behind the first). Its output is kept, the
// last lines in memory, for the console to show live.

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace inovasi::serve {

struct RunSettings {
  std::filesystem::path executable;  // this binary
  std::filesystem::path database, templates, output, fonts;
};

struct RunView {
  int id = 0;
  std::string label;  // "launch 2026"
  std::string user;
  bool running = false;
  int exit_code = -1;
  std::size_t done = 0, total = 0;  // from the last progress line
  std::vector<std::string> lines;   // the last lines of its output
};

class Runs {
 public:
  explicit Runs(RunSettings settings) : settings_(std::move(settings)) {}
  ~Runs();
  Runs(const Runs&) = delete;
  Runs& operator=(const Runs&) = delete;

  // Starts `inovasi <arguments...>` in the background; nothing when a run is going.
  std::optional<int> start(const std::string& label, const std::vector<std::string>& arguments,
                           const std::string& user);
  // Runs one to its end (for a document asked for on a page: a few seconds at most),
  // up to `limit`; its exit code and output. Not counted as "the" run, and refused
  // (nothing) while one goes.
  std::optional<std::pair<int, std::string>> run_now(const std::vector<std::string>& arguments,
                                                     std::chrono::seconds limit);
  std::optional<RunView> current() const;  // the last run started, if any
  bool busy() const;

 private:
  struct Run;
  std::vector<std::string> full_arguments(const std::vector<std::string>& arguments) const;

  RunSettings settings_;
  mutable std::mutex mutex_;
  std::shared_ptr<Run> last_;
  std::thread reader_;
  int next_id_ = 1;
};

}  // namespace inovasi::serve
