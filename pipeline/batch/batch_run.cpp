#include "batch/batch_run.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <ostream>

#include "batch/batch_jobs.h"
#include "batch/output_claims.h"
#include "batch/progress.h"
#include "batch/render_workers.h"
#include "output/atomic_file.h"
#include "store/number_registry.h"
#include "support/parallel_for.h"
#include "support/sha256.h"

namespace inovasi::batch {
namespace {

using Slice = std::shared_ptr<const std::vector<documents::PlannedDocument>>;

// What the keying pass keeps of each planned document for the render pass: a few bytes.
struct PlannedState {
  std::vector<Job::State> states;                  // per document
  std::vector<std::uint64_t> keys;                 // per document: key_prefix
  std::vector<std::size_t> slice_first;            // per slice: the index of its first document
  std::vector<std::size_t> to_make;                // per slice: how many are new or changed
  std::map<std::string_view, std::size_t> counts;  // by state_name

  std::size_t slice_size(std::size_t s) const {
    return (s + 1 < slice_first.size() ? slice_first[s + 1] : states.size()) - slice_first[s];
  }
};

// One slice's render: its documents (planned again) and its jobs.
struct SliceInRender {
  Slice documents;
  std::vector<Job> jobs;
  std::vector<Job*> todo;
};

// One run of a batch, in three parts: keying every slice (what is new, changed,
// unchanged or failed), then either the dry run's report of that, or rendering the
// slices with something to make and recording what was made.
class BatchRun {
 public:
  BatchRun(const SlicedPlan& plan, const render::TemplateSet& templates, const pdf::FontManifest& fonts,
           const std::filesystem::path& output, Manifest& manifest, const BatchOptions& options, std::ostream& out,
           std::ostream& err)
      : plan_(plan),
        templates_(templates),
        fonts_(fonts),
        output_(output),
        manifest_(manifest),
        options_(options),
        out_(out),
        err_(err),
        claims_(output),
        fonts_fp_(fonts_fingerprint(fonts) + (options.replace_missing_glyphs ? "+replace" : "") +
                  (options.signing ? "+" + options.signing->fingerprint() : "")) {}

  void key_every_slice(const KeyVisitor& on_key);
  BatchSummary dry_run_report();
  void render_and_record(Database& db);
  BatchSummary finish(const std::filesystem::path& manifest_file);

 private:
  // The next slice is planned on another thread while this one is keyed or rendered:
  // planning reads the store, and the workers would otherwise wait for it.
  std::future<Slice> plan_ahead(std::size_t s) const {
    return std::async(std::launch::async, [this, s] { return plan_.slice(s); });
  }
  void count(const Job& job);
  void fail_earlier(const Clash& clash);
  void record(SliceInRender& run, NumberRegistry& registry, Database& db);

  const SlicedPlan& plan_;
  const render::TemplateSet& templates_;
  const pdf::FontManifest& fonts_;
  const std::filesystem::path& output_;
  Manifest& manifest_;
  const BatchOptions& options_;
  std::ostream& out_;
  std::ostream& err_;
  OutputClaims claims_;
  std::string fonts_fp_;
  PlannedState planned_;
  BatchSummary summary_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  // Once a file cannot be written for want of space, no later one can: the rest are
  // not tried (each would be another error line, and fill the disk's last blocks).
  std::atomic<bool> disk_full_{false};
  std::size_t not_made_for_space_ = 0;
  std::string first_no_space_;
};

// Keying: fill every template, key it, and decide what is new, changed or unchanged, a
// slice at a time. Filling and hashing is independent per document: the workers share
// it out; the manifest is read on this thread.
void BatchRun::key_every_slice(const KeyVisitor& on_key) {
  std::future<Slice> ahead = plan_ahead(0);
  for (std::size_t s = 0; s < plan_.slices(); ++s) {
    auto documents = ahead.get();
    if (s + 1 < plan_.slices()) ahead = plan_ahead(s + 1);
    auto jobs = slice_jobs(*documents, templates_, planned_.states.size());
    parallel_for(jobs.size(), options_.jobs, [&](std::size_t i) { key_job(jobs[i], templates_, fonts_fp_, output_); });
    planned_.slice_first.push_back(planned_.states.size());
    planned_.to_make.push_back(0);
    for (auto& job : jobs) {
      auto clash = compare_with_manifest(job, manifest_, claims_, options_.force, output_);
      if (clash && clash->earlier) fail_earlier(*clash);
      if (on_key) on_key(s, *job.document, job.state == Job::State::Failed ? std::string() : job.key);
      planned_.states.push_back(job.state);
      planned_.keys.push_back(key_prefix(job.key));
      if (to_make(job.state)) ++planned_.to_make.back();
      ++planned_.counts[state_name(job.state)];
      count(job);
    }
  }
  summary_.made_now.assign(planned_.states.size(), false);
  summary_.standing.resize(planned_.states.size());
  for (std::size_t i = 0; i < planned_.states.size(); ++i) {
    summary_.standing[i] = planned_.states[i] == Job::State::Unchanged;
  }
}

// A keyed document: a line of the dry run's report, or, for a run, its failure reported
// and what is unchanged counted.
void BatchRun::count(const Job& job) {
  const auto& doc = *job.document;
  if (options_.dry_run) {
    out_ << state_name(job.state) << "\t" << (output_ / doc.path).string() << "\t" << doc.label;
    if (job.state == Job::State::Failed) out_ << "\t" << job.error;
    out_ << '\n';
    return;
  }
  // What planning found (a signed file to be made again) is said now: the render pass
  // plans its jobs afresh.
  for (const auto& warning : job.warnings) err_ << "warning: " << doc.label << ": " << warning << '\n';
  if (job.state == Job::State::Failed) {
    err_ << doc.kind->name << ": " << doc.label << ": " << job.error << '\n';
    ++summary_.failed;
  } else if (job.state == Job::State::Unchanged) {
    ++summary_.unchanged;
    summary_.bytes += job.size;
  }
}

// A document keyed earlier that a later one's path clashes with: counted again as
// failed (its slice may be gone; what it was counted as is in `planned_`).
void BatchRun::fail_earlier(const Clash& clash) {
  std::size_t i = *clash.earlier;
  Job::State was = planned_.states[i];
  if (was == Job::State::Failed) return;
  planned_.states[i] = Job::State::Failed;
  --planned_.counts[state_name(was)];
  ++planned_.counts[state_name(Job::State::Failed)];
  if (to_make(was)) {
    auto first = planned_.slice_first.begin();
    auto slice = std::upper_bound(first, planned_.slice_first.end(), i) - first - 1;
    --planned_.to_make[static_cast<std::size_t>(slice)];
  }
  if (options_.dry_run) {
    out_ << "failed\t" << (output_ / clash.path).string() << "\t" << clash.earlier_label << "\t" << clash.earlier_error
         << '\n';
    return;
  }
  if (was == Job::State::Unchanged) {
    --summary_.unchanged;
    if (auto entry = manifest_.find(clash.path)) summary_.bytes -= entry->size;  // what it was counted with
  }
  err_ << clash.earlier_kind << ": " << clash.earlier_label << ": " << clash.earlier_error << '\n';
  ++summary_.failed;
}

BatchSummary BatchRun::dry_run_report() {
  auto& counts = planned_.counts;
  out_ << "plan: " << planned_.states.size() << " document(s): " << counts["new"] << " new, " << counts["changed"]
       << " changed, " << counts["unchanged"] << " unchanged, " << counts["failed"] << " failed\n";
  return summary_;
}

// A rendered slice's files are on disk, then its numbers' file hashes and its manifest
// entries are recorded, in one transaction.
void BatchRun::record(SliceInRender& run, NumberRegistry& registry, Database& db) {
  if (std::filesystem::exists(output_)) sync_filesystem(output_);
  Transaction transaction(db);
  for (auto* job : run.todo) {
    const auto& doc = *job->document;
    for (const auto& warning : job->warnings) err_ << "warning: " << doc.label << ": " << warning << '\n';
    if (job->state == Job::State::Failed) {
      ++summary_.failed;
      if (job->no_space) {
        ++not_made_for_space_;
        if (first_no_space_.empty()) first_no_space_ = job->error;
      } else {
        err_ << doc.kind->name << ": " << doc.label << ": " << job->error << '\n';
      }
      continue;
    }
    ++summary_.made;
    summary_.made_now[job->index] = summary_.standing[job->index] = true;
    summary_.pages += static_cast<std::size_t>(job->pages);
    summary_.bytes += job->size;
    if (doc.registry_entry) {
      registry.record_file(doc.registry_entry->first, doc.registry_entry->second, job->sha256, doc.path, doc.date);
    }
    manifest_.put({doc.path, job->sha256, job->key, std::string(doc.kind->name), doc.label, job->size});
  }
  transaction.commit();
}

// Rendering: the slices with something to make, each planned again. Workers take the
// next job; no libharu handle is shared. A slice is recorded while the workers render
// the next.
void BatchRun::render_and_record(Database& db) {
  // A run killed before its renames left temporary files; they are never documents.
  remove_stale_temporaries(output_);
  std::size_t total = planned_.counts["new"] + planned_.counts["changed"];
  Progress progress(total, err_, stderr_is_terminal(), options_.quiet || total == 0);
  std::atomic<std::size_t> done{0}, failed{0};
  render::SkeletonTrees skeletons;  // documents of one template and shape parse once
  NumberRegistry registry(db);
  std::vector<std::size_t> slices_to_make;
  for (std::size_t s = 0; s < plan_.slices(); ++s) {
    if (planned_.to_make[s] > 0) slices_to_make.push_back(s);
  }
  std::future<Slice> ahead;
  if (!slices_to_make.empty()) ahead = plan_ahead(slices_to_make.front());
  // The slice rendering and the one rendered before it, not yet recorded; declared
  // before the workers, which are joined before either goes.
  std::unique_ptr<SliceInRender> rendering, rendered;
  std::optional<RenderWorkers> workers;
  if (total > 0) {
    workers.emplace(std::max(1, std::min<int>(options_.jobs, static_cast<int>(total))), [&](Job& job) {
      if (job.state != Job::State::Failed && disk_full_) {
        job.state = Job::State::Failed;
        job.no_space = true;
      } else if (job.state != Job::State::Failed) {
        render_job(job, planned_.keys[job.index], templates_, fonts_, fonts_fp_, output_, skeletons,
                   options_.replace_missing_glyphs, options_.signing.get());
        if (job.no_space) disk_full_ = true;
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
    if (run->documents->size() != planned_.slice_size(s)) {  // planned again, the slice is not what it was
      err_ << "slice " << s + 1 << " of the plan: " << kPlanChanged << ": " << planned_.to_make[s]
           << " document(s) not made\n";
      summary_.failed += planned_.to_make[s];
      failed += planned_.to_make[s];
      done += planned_.to_make[s];
      continue;
    }
    run->jobs = slice_jobs(*run->documents, templates_, planned_.slice_first[s]);
    for (auto& job : run->jobs) {
      if (to_make(planned_.states[job.index])) run->todo.push_back(&job);
    }
    workers->start(run->todo);
    if (rendered) {
      if (ahead.valid()) ahead.wait();  // the store's connection is planning's until the next slice is planned
      record(*rendered, registry, db);
      rendered.reset();
    }
    workers->wait([&] { progress.update(done, failed); });
    rendered = std::move(rendering);
  }
  if (rendered) record(*rendered, registry, db);
  progress.finish(done, failed);
}

// The manifest saved, and a full disk said once.
BatchSummary BatchRun::finish(const std::filesystem::path& manifest_file) {
  try {
    manifest_.save_if_changed(manifest_file);
  } catch (const OutputError& e) {
    if (!e.no_space()) throw;
    disk_full_ = true;
    if (first_no_space_.empty()) first_no_space_ = e.what();
  }
  if (disk_full_) {
    summary_.disk_full = true;
    err_ << "the disk is full: " << not_made_for_space_ << " document(s) not made (" << first_no_space_
         << "); free space under " << output_.string()
         << " and run again: what was made is kept, and the next run makes the rest\n";
  }
  summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  return summary_;
}

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
  return run_batch(SlicedPlan(documents), templates, fonts, output, manifest, manifest_file, db, options, out, err,
                   on_key);
}

BatchSummary run_batch(const SlicedPlan& plan, const render::TemplateSet& templates, const pdf::FontManifest& fonts,
                       const std::filesystem::path& output, Manifest& manifest,
                       const std::filesystem::path& manifest_file, Database& db, const BatchOptions& options,
                       std::ostream& out, std::ostream& err, const KeyVisitor& on_key) {
  BatchRun run(plan, templates, fonts, output, manifest, options, out, err);
  run.key_every_slice(on_key);
  if (options.dry_run) return run.dry_run_report();
  run.render_and_record(db);
  return run.finish(manifest_file);
}

}  // namespace inovasi::batch
