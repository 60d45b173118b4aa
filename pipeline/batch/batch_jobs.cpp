#include "batch/batch_jobs.h"

#include <charconv>
#include <stdexcept>

#include "model/file_text.h"
#include "output/atomic_file.h"
#include "sign/pdf_revisions.h"
#include "support/sha256.h"

namespace inovasi::batch {
namespace {

// Bumped when the engine's output changes for the same inputs, so old files are remade.
constexpr std::string_view kEngineVersion = "inovasi-layout-3";

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

}  // namespace

std::string file_stamp(const std::filesystem::path& path) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  if (error) return path.string() + ":missing;";
  auto time = std::filesystem::last_write_time(path, error).time_since_epoch().count();
  return path.string() + ":" + std::to_string(size) + ":" + std::to_string(time) + ";";
}

std::string_view state_name(Job::State state) {
  switch (state) {
    case Job::State::New:
      return "new";
    case Job::State::Changed:
      return "changed";
    case Job::State::Unchanged:
      return "unchanged";
    case Job::State::Failed:
      return "failed";
  }
  return "";
}

std::uint64_t key_prefix(std::string_view key) {
  std::uint64_t prefix = 0;
  if (key.size() >= 16) std::from_chars(key.data(), key.data() + 16, prefix, 16);
  return prefix;
}

std::vector<Job> slice_jobs(const std::vector<documents::PlannedDocument>& documents,
                            const render::TemplateSet& templates, std::size_t first_index) {
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

namespace {

// Whether `file` is the file made (SHA-256 `made`) with only signatures appended.
bool signed_after_made(const std::filesystem::path& file, const std::string& made) {
  auto bytes = read_file_text(file);
  if (!bytes) return false;
  auto earlier = sign::find_earlier_revision(
      *bytes, [&](const std::string& sha256) { return sha256 == made; }, file.string());
  return earlier && earlier->changes.empty();
}

}  // namespace

std::optional<Clash> compare_with_manifest(Job& job, const Manifest& manifest, OutputClaims& claims, bool force,
                                           const std::filesystem::path& output) {
  if (job.state == Job::State::Failed) return std::nullopt;
  auto entry = manifest.find(job.document->path);
  auto clash = claims.claim(*job.document, job.index, entry);
  if (clash) {
    job.state = Job::State::Failed;
    job.error = clash->error;
    return clash;
  }
  if (!entry || !job.existing_size) {
    job.state = Job::State::New;
    return std::nullopt;
  }
  // Only a file whose size is not the one made can be it with signatures added.
  bool signed_after =
      entry->size != *job.existing_size && signed_after_made(output / job.document->path, entry->sha256);
  if (signed_after && !force && entry->key == job.key) {
    job.state = Job::State::Unchanged;
    job.sha256 = entry->sha256;
    job.size = *job.existing_size;
  } else if (force || entry->key != job.key || entry->size != *job.existing_size) {
    job.state = Job::State::Changed;
    if (signed_after) {
      job.warnings.push_back(
          "the file was signed after it was made; made again (its data changed, or --force), "
          "it no longer carries those signatures: they must be given again");
    }
  } else {
    job.state = Job::State::Unchanged;
    job.sha256 = entry->sha256;
    job.size = entry->size;
  }
  return std::nullopt;
}

void render_job(Job& job, std::uint64_t planned_key, const render::TemplateSet& templates,
                const pdf::FontManifest& fonts, const std::string& fonts_fp, const std::filesystem::path& output,
                render::SkeletonTrees& skeletons, bool replace_missing_glyphs, const BatchSigning* signing) {
  try {
    auto filled = fill(job, templates, /*with_skeleton=*/true);
    job.key = content_key(filled.markup, *job.document, templates, fonts_fp);
    if (key_prefix(job.key) != planned_key) throw std::runtime_error(std::string(kPlanChanged));
    auto rendered = render::render_markup(filled, templates.folder(), fonts,
                                          {false, job.document->date, replace_missing_glyphs}, &skeletons);
    if (signing) rendered.bytes = sign_rendered(*signing, rendered.bytes, filled.markup, job.document->path);
    write_file_atomically(output / job.document->path, rendered.bytes, false);  // flushed once for the slice
    job.sha256 = sha256_hex(rendered.bytes);
    job.size = rendered.bytes.size();
    job.pages = rendered.pages;
    job.warnings.insert(job.warnings.end(), rendered.warnings.begin(), rendered.warnings.end());
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

}  // namespace inovasi::batch
