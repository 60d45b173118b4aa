#include "batch/batch_run.h"

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <thread>

#include "output/manifest.h"
#include "batch/progress.h"
#include "documents/registry.h"
#include "model/parallel_for.h"
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
  std::string key;
  enum class State { New, Changed, Unchanged, Failed } state = State::New;
  std::string error;
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

render::RenderedMarkup fill(const Job& job, const render::TemplateSet& templates, bool with_skeleton = false) {
  const auto& doc = *job.document;
  return templates.render(*job.template_file, doc.data(), /*strict=*/false, doc.shared.get(), with_skeleton);
}

void plan_job(Job& job, const render::TemplateSet& templates, const std::string& fonts_fp, const Manifest& manifest,
              const std::filesystem::path& output, bool force) {
  const auto& doc = *job.document;
  if (!doc.error.empty()) {
    job.state = Job::State::Failed;
    job.error = doc.error;
    return;
  }
  if (job.state == Job::State::Failed) return;  // its template is missing
  std::string markup;
  try {
    markup = fill(job, templates).markup;
  } catch (const std::exception& e) {
    job.state = Job::State::Failed;
    job.error = e.what();
    return;
  }
  job.key = documents::sha256_hex(markup + '\0' + fonts_fp + '\0' + images_fingerprint(markup, templates.folder()) + '\0' +
                                  doc.date.iso() + '\0' + std::string(kEngineVersion));
  const ManifestEntry* entry = manifest.find(doc.path);
  std::error_code error;
  auto size = std::filesystem::file_size(output / doc.path, error);
  if (!entry || error) {
    job.state = Job::State::New;
  } else if (force || entry->key != job.key || entry->size != size) {
    job.state = Job::State::Changed;
  } else {
    job.state = Job::State::Unchanged;
    job.sha256 = entry->sha256;
    job.size = entry->size;
  }
}

void render_job(Job& job, const render::TemplateSet& templates, const pdf::FontManifest& fonts,
                const std::filesystem::path& output, render::SkeletonTrees& skeletons) {
  try {
    auto rendered = render::render_markup(fill(job, templates, /*with_skeleton=*/true), templates.folder(), fonts,
                                          {false, job.document->date}, &skeletons);
    write_file_atomically(output / job.document->path, rendered.bytes, false);  // flushed once for the batch
    job.sha256 = documents::sha256_hex(rendered.bytes);
    job.size = rendered.bytes.size();
    job.pages = rendered.pages;
    job.warnings = std::move(rendered.warnings);
  } catch (const std::exception& e) {
    job.state = Job::State::Failed;
    job.error = e.what();
  }
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
  return documents::sha256_hex(stamps);
}

BatchSummary run_batch(const std::vector<documents::PlannedDocument>& documents, const render::TemplateSet& templates,
                       const pdf::FontManifest& fonts, const std::filesystem::path& output,
                       const std::filesystem::path& manifest_file, Database& db, const BatchOptions& options,
                       std::ostream& out, std::ostream& err) {
  auto start = std::chrono::steady_clock::now();
  Manifest manifest = Manifest::load(manifest_file);
  std::string fonts_fp = fonts_fingerprint(fonts);

  // Plan: fill every template and decide what is new, changed or unchanged.
  // Filling and hashing is independent per document: the workers share it out.
  std::vector<Job> jobs(documents.size());
  // A name that resolves to nothing fails each of its documents with the reason.
  for (std::size_t i = 0; i < documents.size(); ++i) {
    jobs[i].document = &documents[i];
    try {
      jobs[i].template_file = &templates.resolve(documents[i].template_name);
    } catch (const std::exception& e) {
      jobs[i].state = Job::State::Failed;
      jobs[i].error = e.what();
    }
  }
  parallel_for(jobs.size(), options.jobs, [&](std::size_t i) {
    plan_job(jobs[i], templates, fonts_fp, manifest, output, options.force);
  });
  // Moved out of the jobs once nothing else needs them: one copy of each key, not two.
  auto take_keys = [&jobs] {
    std::vector<std::string> keys;
    keys.reserve(jobs.size());
    for (auto& job : jobs) keys.push_back(job.state == Job::State::Failed ? std::string() : std::move(job.key));
    return keys;
  };
  if (options.dry_run) {
    std::map<std::string_view, std::size_t> counts;
    for (const auto& job : jobs) {
      out << state_name(job.state) << "\t" << (output / job.document->path).string() << "\t" << job.document->label << '\n';
      ++counts[state_name(job.state)];
    }
    out << "plan: " << jobs.size() << " document(s): " << counts["new"] << " new, " << counts["changed"] << " changed, "
        << counts["unchanged"] << " unchanged, " << counts["failed"] << " failed\n";
    BatchSummary plan;
    plan.keys = take_keys();
    return plan;
  }

  // A run killed before its renames left temporary files; they are never documents.
  remove_stale_temporaries(output);

  // Render: workers take the next job; no libharu handle is shared.
  std::vector<Job*> todo;
  for (auto& job : jobs) {
    if (job.state == Job::State::New || job.state == Job::State::Changed) todo.push_back(&job);
  }
  std::atomic<std::size_t> next{0}, done{0}, failed{0};
  int workers = std::max(1, std::min<int>(options.jobs, static_cast<int>(todo.size())));
  render::SkeletonTrees skeletons;  // documents of one template and shape parse once
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      for (std::size_t i = next++; i < todo.size(); i = next++) {
        render_job(*todo[i], templates, fonts, output, skeletons);
        if (todo[i]->state == Job::State::Failed) ++failed;
        ++done;
      }
    });
  }
  Progress progress(todo.size(), err, stderr_is_terminal(), options.quiet || todo.empty());
  while (done < todo.size()) {
    progress.update(done, failed);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  for (auto& thread : threads) thread.join();
  progress.finish(done, failed);

  // Record: numbers' file hashes and the manifest, once the files are on disk.
  if (!todo.empty() && std::filesystem::exists(output)) sync_filesystem(output);
  BatchSummary summary;
  documents::NumberRegistry registry(db);
  Transaction transaction(db);
  summary.made_now.reserve(jobs.size());
  for (auto& job : jobs) {
    const auto& doc = *job.document;
    summary.made_now.push_back(job.state == Job::State::New || job.state == Job::State::Changed);
    for (const auto& warning : job.warnings) err << "warning: " << doc.label << ": " << warning << '\n';
    if (job.state == Job::State::Failed) {
      err << doc.kind << ": " << doc.label << ": " << job.error << '\n';
      ++summary.failed;
      continue;
    }
    (job.state == Job::State::Unchanged ? summary.unchanged : summary.made)++;
    summary.pages += static_cast<std::size_t>(job.pages);
    summary.bytes += job.size;
    if (job.state != Job::State::Unchanged && doc.registry_entry) {
      registry.record_file(doc.registry_entry->first, doc.registry_entry->second, job.sha256, doc.path);
    }
    manifest.put({doc.path, job.sha256, job.key, doc.kind, doc.label, job.size});
  }
  transaction.commit();
  summary.keys = take_keys();
  manifest.save_if_changed(manifest_file);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace inovasi::batch
