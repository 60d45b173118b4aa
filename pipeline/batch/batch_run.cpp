#include "batch/batch_run.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <future>
#include <map>
#include <optional>
#include <ostream>
#include <thread>

#include "batch/output_claims.h"
#include "batch/progress.h"
#include "output/manifest.h"
#include "store/number_registry.h"
#include "support/parallel_for.h"
#include "output/atomic_file.h"
#include "render/render_pdf.h"

namespace inovasi::batch {
namespace {

// Bumped when the engine's output changes for the same inputs, so old files are remade.
constexpr std::string_view kEngineVersion = "inovasi-layout-3";

std::string file_stamp(const std::filesystem::path& path) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  if (error) return path.string() + ":missing;";
  auto time = std::filesystem::last_write_time(path, error).time_since_epoch().count();
  return path.string() + ":" + std::to_string(size) + ":" + std::to_string(time) + ";";
}

// Images the markup draws (src="..."), stamped by size and time.
std::string images_fingerprint(const std::string& markup, const std::filesystem::path& resource_dir) {
  std::string stamps;
  for (auto at = markup.find(" src=\""); at != std::string::npos; at = markup.find(" src=\"", at + 1)) {
    auto end = markup.find('"', at + 6);
    if (end == std::string::npos) break;
    std::filesystem::path path(markup.substr(at + 6, end - at - 6));
    stamps += file_stamp(path.is_absolute() ? path : resource_dir / path);
  }
  return stamps;
}

struct Job {
  const documents::PlannedDocument* document = nullptr;
  // The filled template is not kept from planning to rendering: filling it again is
  // cheap, and holding tens of thousands of them was the largest part of a batch's memory.
  const std::filesystem::path* template_file = nullptr;  // held by the TemplateSet, one per name
  std::size_t index = 0;                                  // in the whole plan
  std::string key;
  std::optional<std::uintmax_t> existing_size;  // of the file there now, if any
  enum class State : std::uint8_t { New, Changed, Unchanged, Failed } state = State::New;
  std::string error;
  bool no_space = false;  // failed because the disk is full
  // Filled by the worker:
  std::string sha256;
  std::uintmax_t size = 0;
  int pages = 0;
  std::vector<std::string> warnings;
};

std::string_view state_name(Job::State state) {
  switch (state) {
    case Job::State::New: return "new";
    case Job::State::Changed: return "changed";
    case Job::State::Unchanged: return "unchanged";
    case Job::State::Failed: return "failed";
  }
  return "";
}

bool to_make(Job::State state) { return state == Job::State::New || state == Job::State::Changed; }

render::RenderedMarkup fill(const Job& job, const render::TemplateSet& templates, bool with_skeleton = false) {
  const auto& doc = *job.document;
  return templates.render(*job.template_file, doc.data(), /*strict=*/false, doc.shared.get(), with_skeleton);
}

// `fonts_fp`: the fonts' fingerprint, with whether missing glyphs may be replaced (a
// document made with '?' in it is made again when they may not).
std::string content_key(const std::string& markup, const documents::PlannedDocument& doc,
                        const render::TemplateSet& templates, const std::string& fonts_fp) {
  return sha256_hex(markup + '\0' + fonts_fp + '\0' + images_fingerprint(markup, templates.folder()) + '\0' +
                               doc.date.iso() + '\0' + std::string(kEngineVersion));
}

// A key's first eight bytes: what the render pass checks its own key against, held for
// every planned document (the whole key would be 96 bytes each).
std::uint64_t key_prefix(std::string_view key) {
  std::uint64_t prefix = 0;
  if (key.size() >= 16) std::from_chars(key.data(), key.data() + 16, prefix, 16);
  return prefix;
}

// The jobs of one slice, each with its template, or failed when it names none.
std::vector<Job> slice_jobs(const std::vector<documents::PlannedDocument>& documents, const render::TemplateSet& templates,
                            std::size_t first_index) {
  std::vector<Job> jobs(documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) {
    jobs[i].document = &documents[i];
    jobs[i].index = first_index + i;
    if (!documents[i].error.empty()) {
      jobs[i].state = Job::State::Failed;
      jobs[i].error = documents[i].error;
      continue;
    }
    try {
      jobs[i].template_file = &templates.resolve(std::string(documents[i].kind->template_name));
    } catch (const std::exception& e) {  // a name that resolves to nothing fails each of its documents
      jobs[i].state = Job::State::Failed;
      jobs[i].error = e.what();
    }
  }
  return jobs;
}

// The document's key, and the size of the file it would replace (on the workers: a
// stat each; the manifest is compared on the planning thread).
void key_job(Job& job, const render::TemplateSet& templates, const std::string& fonts_fp,
             const std::filesystem::path& output) {
  if (job.state == Job::State::Failed) return;
  try {
    job.key = content_key(fill(job, templates).markup, *job.document, templates, fonts_fp);
  } catch (const std::exception& e) {
    job.state = Job::State::Failed;
    job.error = e.what();
    return;
  }
  std::error_code error;
  job.existing_size = std::filesystem::file_size(output / job.document->path, error);
  if (error) job.existing_size.reset();
}

// New, changed or unchanged against the manifest's entry for the path; failed when the
// path is another document's (OutputClaims), and then the clash, which may fail an
// earlier document too.
std::optional<Clash> compare_with_manifest(Job& job, const Manifest& manifest, OutputClaims& claims, bool force) {
  if (job.state == Job::State::Failed) return std::nullopt;
  auto entry = manifest.find(job.document->path);
  auto clash = claims.claim(*job.document, job.index, entry);
  if (clash) {
    job.state = Job::State::Failed;
    job.error = clash->error;
  } else if (!entry || !job.existing_size) {
    job.state = Job::State::New;
  } else if (force || entry->key != job.key || entry->size != *job.existing_size) {
    job.state = Job::State::Changed;
  } else {
    job.state = Job::State::Unchanged;
    job.sha256 = entry->sha256;
    job.size = entry->size;
  }
  return clash;
}

constexpr std::string_view kPlanChanged = "the store changed while the batch ran (run it again)";

void render_job(Job& job, std::uint64_t planned_key, const render::TemplateSet& templates, const pdf::FontManifest& fonts,
                const std::string& fonts_fp, const std::filesystem::path& output, render::SkeletonTrees& skeletons,
                bool replace_missing_glyphs) {
  try {
    auto filled = fill(job, templates, /*with_skeleton=*/true);
    job.key = content_key(filled.markup, *job.document, templates, fonts_fp);
    if (key_prefix(job.key) != planned_key) throw std::runtime_error(std::string(kPlanChanged));
    auto rendered =
        render::render_markup(filled, templates.folder(), fonts, {false, job.document->date, replace_missing_glyphs}, &skeletons);
    write_file_atomically(output / job.document->path, rendered.bytes, false);  // flushed once for the slice
    job.sha256 = sha256_hex(rendered.bytes);
    job.size = rendered.bytes.size();
    job.pages = rendered.pages;
    job.warnings = std::move(rendered.warnings);
  } catch (const OutputError& e) {
    job.state = Job::State::Failed;
    job.error = e.what();
    job.no_space = e.no_space();
  } catch (const std::exception& e) {
    job.state = Job::State::Failed;
    job.error = e.what();
  }
}

// What the plan pass keeps of each planned document for the render pass: a few bytes.
struct PlannedState {
  std::vector<Job::State> states;      // per document
  std::vector<std::uint64_t> keys;     // per document: key_prefix
  std::vector<std::size_t> slice_first;  // per slice: the index of its first document
  std::vector<std::size_t> to_make;    // per slice: how many are new or changed
};

// One slice's render: its documents (planned again) and its jobs.
struct SliceInRender {
  std::shared_ptr<const std::vector<documents::PlannedDocument>> documents;
  std::vector<Job> jobs;
  std::vector<Job*> todo;
};

// The batch's render workers, the same threads for every slice: a thread per slice
// would leave its allocator heap behind when it ends, holding what the next slices free.
class RenderWorkers {
 public:
  RenderWorkers(int count, std::function<void(Job&)> render) : render_(std::move(render)) {
    for (int w = 0; w < count; ++w) threads_.emplace_back([this] { work(); });
  }
  ~RenderWorkers() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    threads_.clear();  // joined
  }
  RenderWorkers(const RenderWorkers&) = delete;
  RenderWorkers& operator=(const RenderWorkers&) = delete;

  // Hands over a slice's jobs; the previous slice's must be finished (wait()).
  void start(std::vector<Job*>& todo) {
    {
      std::lock_guard lock(mutex_);
      todo_ = &todo;
      next_ = finished_ = 0;
    }
    changed_.notify_all();
  }
  // Waits for every job of the slice, calling `tick` a few times a second meanwhile.
  void wait(const std::function<void()>& tick) {
    std::unique_lock lock(mutex_);
    while (!changed_.wait_for(lock, std::chrono::milliseconds(50), [&] { return finished_ == todo_->size(); })) {
      lock.unlock();
      tick();
      lock.lock();
    }
    todo_ = nullptr;
  }

 private:
  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [&] { return stopping_ || (todo_ && next_ < todo_->size()); });
      if (stopping_) return;
      Job& job = *(*todo_)[next_++];
      lock.unlock();
      render_(job);
      lock.lock();
      if (++finished_ == todo_->size()) changed_.notify_all();
    }
  }

  std::function<void(Job&)> render_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Job*>* todo_ = nullptr;  // the slice's, while it renders
  std::size_t next_ = 0, finished_ = 0;
  bool stopping_ = false;
  std::vector<std::jthread> threads_;  // last: joined first
};

}  // namespace

std::string fonts_fingerprint(const pdf::FontManifest& fonts) {
  std::string stamps = file_stamp(fonts.file);
  for (const auto& [family, styles] : fonts.families) {
    for (const auto& [style, path] : styles) {
      stamps += family + "/" + style + "=" + file_stamp(path);
      if (auto cut = fonts.cut_of(path); !cut.empty()) stamps += "cut=" + file_stamp(cut);  // what is embedded
    }
  }
  return sha256_hex(stamps);
}

BatchSummary run_batch(const std::vector<documents::PlannedDocument>& documents, const render::TemplateSet& templates,
                       const pdf::FontManifest& fonts, const std::filesystem::path& output,
                       const std::filesystem::path& manifest_file, Database& db, const BatchOptions& options,
                       std::ostream& out, std::ostream& err, const KeyVisitor& on_key) {
  Manifest manifest = Manifest::load(manifest_file);
  return run_batch(SlicedPlan(documents), templates, fonts, output, manifest, manifest_file, db, options, out, err, on_key);
}

BatchSummary run_batch(const SlicedPlan& plan, const render::TemplateSet& templates, const pdf::FontManifest& fonts,
                       const std::filesystem::path& output, Manifest& manifest, const std::filesystem::path& manifest_file,
                       Database& db, const BatchOptions& options, std::ostream& out, std::ostream& err,
                       const KeyVisitor& on_key) {
  auto start = std::chrono::steady_clock::now();
  std::string fonts_fp = fonts_fingerprint(fonts) + (options.replace_missing_glyphs ? "+replace" : "");
  BatchSummary summary;

  // Plan, a slice at a time: fill every template, key it, and decide what is new,
  // changed or unchanged. Filling and hashing is independent per document: the workers
  // share it out; the manifest is read on this thread.
  PlannedState planned;
  OutputClaims claims(output);
  std::map<std::string_view, std::size_t> counts;
  // The next slice is planned on another thread while this one is keyed or rendered:
  // planning reads the store, and the workers would otherwise wait for it.
  using Slice = std::shared_ptr<const std::vector<documents::PlannedDocument>>;
  auto plan_ahead = [&plan](std::size_t s) { return std::async(std::launch::async, [&plan, s] { return plan.slice(s); }); };
  std::future<Slice> ahead = plan_ahead(0);
  // A document planned earlier that a later one's path clashes with: counted again as
  // failed (its slice may be gone; what it was counted as is in `planned`).
  auto fail_earlier = [&](const Clash& clash) {
    std::size_t i = *clash.earlier;
    Job::State was = planned.states[i];
    if (was == Job::State::Failed) return;
    planned.states[i] = Job::State::Failed;
    --counts[state_name(was)];
    ++counts[state_name(Job::State::Failed)];
    if (to_make(was)) {
      auto slice = std::upper_bound(planned.slice_first.begin(), planned.slice_first.end(), i) - planned.slice_first.begin() - 1;
      --planned.to_make[static_cast<std::size_t>(slice)];
    }
    if (options.dry_run) {
      out << "failed\t" << (output / clash.path).string() << "\t" << clash.earlier_label << "\t" << clash.earlier_error << '\n';
      return;
    }
    if (was == Job::State::Unchanged) {
      --summary.unchanged;
      if (auto entry = manifest.find(clash.path)) summary.bytes -= entry->size;  // what it was counted with
    }
    err << clash.earlier_kind << ": " << clash.earlier_label << ": " << clash.earlier_error << '\n';
    ++summary.failed;
  };
  for (std::size_t s = 0; s < plan.slices(); ++s) {
    auto documents = ahead.get();
    if (s + 1 < plan.slices()) ahead = plan_ahead(s + 1);
    auto jobs = slice_jobs(*documents, templates, planned.states.size());
    parallel_for(jobs.size(), options.jobs, [&](std::size_t i) { key_job(jobs[i], templates, fonts_fp, output); });
    planned.slice_first.push_back(planned.states.size());
    planned.to_make.push_back(0);
    for (auto& job : jobs) {
      auto clash = compare_with_manifest(job, manifest, claims, options.force);
      if (clash && clash->earlier) fail_earlier(*clash);
      const auto& doc = *job.document;
      if (on_key) on_key(s, doc, job.state == Job::State::Failed ? std::string() : job.key);
      planned.states.push_back(job.state);
      planned.keys.push_back(key_prefix(job.key));
      if (to_make(job.state)) ++planned.to_make.back();
      ++counts[state_name(job.state)];
      if (options.dry_run) {
        out << state_name(job.state) << "\t" << (output / doc.path).string() << "\t" << doc.label;
        if (job.state == Job::State::Failed) out << "\t" << job.error;
        out << '\n';
      } else if (job.state == Job::State::Failed) {
        err << doc.kind->name << ": " << doc.label << ": " << job.error << '\n';
        ++summary.failed;
      } else if (job.state == Job::State::Unchanged) {
        ++summary.unchanged;
        summary.bytes += job.size;
      }
    }
  }
  summary.made_now.assign(planned.states.size(), false);
  summary.standing.resize(planned.states.size());
  for (std::size_t i = 0; i < planned.states.size(); ++i) summary.standing[i] = planned.states[i] == Job::State::Unchanged;
  if (options.dry_run) {
    out << "plan: " << planned.states.size() << " document(s): " << counts["new"] << " new, " << counts["changed"]
        << " changed, " << counts["unchanged"] << " unchanged, " << counts["failed"] << " failed\n";
    return summary;
  }

  // A run killed before its renames left temporary files; they are never documents.
  remove_stale_temporaries(output);

  // Render, the slices with something to make, each planned again: workers take the
  // next job; no libharu handle is shared. A slice is recorded (numbers' file hashes and
  // the manifest, once its files are on disk) while the workers render the next.
  std::size_t total = counts["new"] + counts["changed"];
  Progress progress(total, err, stderr_is_terminal(), options.quiet || total == 0);
  std::atomic<std::size_t> done{0}, failed{0};
  // Once a file cannot be written for want of space, no later one can: the rest are
  // not tried (each would be another error line, and fill the disk's last blocks).
  std::atomic<bool> disk_full{false};
  std::size_t not_made_for_space = 0;
  std::string first_no_space;
  render::SkeletonTrees skeletons;  // documents of one template and shape parse once
  NumberRegistry registry(db);
  std::vector<std::size_t> slices_to_make;
  for (std::size_t s = 0; s < plan.slices(); ++s) {
    if (planned.to_make[s] > 0) slices_to_make.push_back(s);
  }
  auto record = [&](SliceInRender& run) {
    if (std::filesystem::exists(output)) sync_filesystem(output);
    Transaction transaction(db);
    for (auto* job : run.todo) {
      const auto& doc = *job->document;
      for (const auto& warning : job->warnings) err << "warning: " << doc.label << ": " << warning << '\n';
      if (job->state == Job::State::Failed) {
        ++summary.failed;
        if (job->no_space) {
          ++not_made_for_space;
          if (first_no_space.empty()) first_no_space = job->error;
        } else {
          err << doc.kind->name << ": " << doc.label << ": " << job->error << '\n';
        }
        continue;
      }
      ++summary.made;
      summary.made_now[job->index] = summary.standing[job->index] = true;
      summary.pages += static_cast<std::size_t>(job->pages);
      summary.bytes += job->size;
      if (doc.registry_entry) {
        registry.record_file(doc.registry_entry->first, doc.registry_entry->second, job->sha256, doc.path);
      }
      manifest.put({doc.path, job->sha256, job->key, std::string(doc.kind->name), doc.label, job->size});
    }
    transaction.commit();
  };
  if (!slices_to_make.empty()) ahead = plan_ahead(slices_to_make.front());
  // The slice rendering and the one rendered before it, not yet recorded; declared
  // before the workers, which are joined before either goes.
  std::unique_ptr<SliceInRender> rendering, rendered;
  std::optional<RenderWorkers> workers;
  if (total > 0) {
    workers.emplace(std::max(1, std::min<int>(options.jobs, static_cast<int>(total))), [&](Job& job) {
      if (job.state != Job::State::Failed && disk_full) {
        job.state = Job::State::Failed;
        job.no_space = true;
      } else if (job.state != Job::State::Failed) {
        render_job(job, planned.keys[job.index], templates, fonts, fonts_fp, output, skeletons, options.replace_missing_glyphs);
        if (job.no_space) disk_full = true;
      }
      if (job.state == Job::State::Failed) ++failed;
      ++done;
    });
  }
  for (std::size_t at = 0; at < slices_to_make.size(); ++at) {
    std::size_t s = slices_to_make[at];
    rendering = std::make_unique<SliceInRender>();
    SliceInRender* run = rendering.get();
    run->documents = ahead.get();
    if (at + 1 < slices_to_make.size()) ahead = plan_ahead(slices_to_make[at + 1]);
    std::size_t first = planned.slice_first[s];
    std::size_t size = (s + 1 < plan.slices() ? planned.slice_first[s + 1] : planned.states.size()) - first;
    if (run->documents->size() != size) {  // planned again, the slice is not what it was
      err << "slice " << s + 1 << " of the plan: " << kPlanChanged << ": " << planned.to_make[s]
          << " document(s) not made\n";
      summary.failed += planned.to_make[s];
      failed += planned.to_make[s];
      done += planned.to_make[s];
      continue;
    }
    run->jobs = slice_jobs(*run->documents, templates, first);
    for (auto& job : run->jobs) {
      if (to_make(planned.states[job.index])) run->todo.push_back(&job);
    }
    workers->start(run->todo);
    if (rendered) {
      if (ahead.valid()) ahead.wait();  // the store's connection is planning's until the next slice is planned
      record(*rendered);
      rendered.reset();
    }
    workers->wait([&] { progress.update(done, failed); });
    rendered = std::move(rendering);
  }
  if (rendered) record(*rendered);
  progress.finish(done, failed);
  try {
    manifest.save_if_changed(manifest_file);
  } catch (const OutputError& e) {
    if (!e.no_space()) throw;
    disk_full = true;
    if (first_no_space.empty()) first_no_space = e.what();
  }
  if (disk_full) {
    summary.disk_full = true;
    err << "the disk is full: " << not_made_for_space << " document(s) not made (" << first_no_space
        << "); free space under " << output.string() << " and run again: what was made is kept, and the next run makes the rest\n";
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace inovasi::batch
