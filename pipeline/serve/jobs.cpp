#include "serve/jobs.h"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <istream>

namespace inovasi::serve {
namespace {

constexpr std::size_t kLinesKept = 300;

Poco::Process::Env child_environment() {
  Poco::Process::Env env;
  env["INOVASI_PROGRESS_MS"] = "1000";  // a progress line each second (batch/progress.h)
  return env;
}

// "progress: 120/400 documents, ..." -> (120, 400).
bool read_progress(const std::string& line, std::size_t& done, std::size_t& total) {
  unsigned long long d = 0, t = 0;
  if (std::sscanf(line.c_str(), "progress: %llu/%llu", &d, &t) != 2) return false;
  done = d;
  total = t;
  return true;
}

}  // namespace

struct Runs::Run {
  std::mutex mutex;
  RunView view;
  std::deque<std::string> lines;
};

Runs::~Runs() {
  if (reader_.joinable()) reader_.join();  // the child's output ends when it does
}

std::vector<std::string> Runs::full_arguments(const std::vector<std::string>& arguments) const {
  std::vector<std::string> all = arguments;
  for (const auto& [option, value] :
       {std::pair{"--db", settings_.database}, std::pair{"--templates", settings_.templates},
        std::pair{"--out", settings_.output}, std::pair{"--fonts", settings_.fonts}}) {
    if (value.empty()) continue;
    all.emplace_back(option);
    all.push_back(value.string());
  }
  return all;
}

std::optional<int> Runs::start(const std::string& label, const std::vector<std::string>& arguments,
                               const std::string& user) {
  std::lock_guard lock(mutex_);
  if (last_) {
    std::lock_guard run_lock(last_->mutex);
    if (last_->view.running) return std::nullopt;
  }
  if (reader_.joinable()) reader_.join();
  auto run = std::make_shared<Run>();
  run->view.id = next_id_++;
  run->view.label = label;
  run->view.user = user;
  run->view.running = true;
  auto output = std::make_shared<Poco::Pipe>();
  Poco::Pipe input;
  auto handle = std::make_shared<Poco::ProcessHandle>(
      Poco::Process::launch(settings_.executable.string(), full_arguments(arguments), "", &input, output.get(),
                            output.get(), child_environment()));
  input.close();
  last_ = run;
  reader_ = std::thread([run, output, handle] {
    Poco::PipeInputStream stream(*output);
    std::string line;
    while (std::getline(stream, line)) {
      std::lock_guard run_lock(run->mutex);
      read_progress(line, run->view.done, run->view.total);
      run->lines.push_back(line.substr(0, 2000));
      if (run->lines.size() > kLinesKept) run->lines.pop_front();
    }
    int code = handle->wait();
    std::lock_guard run_lock(run->mutex);
    run->view.exit_code = code;
    run->view.running = false;
  });
  return run->view.id;
}

std::optional<std::pair<int, std::string>> Runs::run_now(const std::vector<std::string>& arguments,
                                                         std::chrono::seconds limit) {
  Poco::Pipe output, input;
  Poco::ProcessHandle handle = Poco::Process::launch(settings_.executable.string(), full_arguments(arguments), "",
                                                     &input, &output, &output, child_environment());
  input.close();
  // A watchdog ends a run that overstays: its output then ends, and reading stops.
  std::mutex mutex;
  std::condition_variable ended;
  bool finished = false;
  std::atomic<bool> killed = false;
  std::thread watchdog([&] {
    std::unique_lock lock(mutex);
    if (!ended.wait_for(lock, limit, [&] { return finished; })) {
      killed = true;
      Poco::Process::kill(handle.id());
    }
  });
  Poco::PipeInputStream stream(output);
  std::string text, line;
  while (std::getline(stream, line)) {
    if (text.size() < (4u << 20)) text += line + "\n";  // an import's JSON report fits
  }
  int code = handle.wait();
  {
    std::lock_guard lock(mutex);
    finished = true;
  }
  ended.notify_all();
  watchdog.join();
  if (killed) return std::nullopt;
  return std::make_pair(code, text);
}

std::optional<RunView> Runs::current() const {
  std::lock_guard lock(mutex_);
  if (!last_) return std::nullopt;
  std::lock_guard run_lock(last_->mutex);
  RunView view = last_->view;
  view.lines.assign(last_->lines.begin(), last_->lines.end());
  return view;
}

bool Runs::busy() const {
  std::lock_guard lock(mutex_);
  if (!last_) return false;
  std::lock_guard run_lock(last_->mutex);
  return last_->view.running;
}

}  // namespace inovasi::serve
