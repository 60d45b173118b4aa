#pragma once
// One planned document's work in a batch: its content key (the filled template, the
// fonts, the images it draws, its date and the engine), its state against the manifest
// (new, changed, unchanged or failed), and its rendering into its file.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "batch/output_claims.h"
#include "batch/batch_signing.h"
#include "documents/document_kind.h"
#include "output/manifest.h"
#include "pdf/font_set.h"
#include "render/render_pdf.h"
#include "render/template_engine.h"

namespace inovasi::batch {

struct Job {
  const documents::PlannedDocument* document = nullptr;
  // The filled template is not kept from planning to rendering: filling it again is
  // cheap, and holding tens of thousands of them was the largest part of a batch's memory.
  const std::filesystem::path* template_file = nullptr;  // held by the TemplateSet, one per name
  std::size_t index = 0;                                 // in the whole plan
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

std::string_view state_name(Job::State state);
inline bool to_make(Job::State state) { return state == Job::State::New || state == Job::State::Changed; }

// A file's path, size and modification time, for fingerprints.
std::string file_stamp(const std::filesystem::path& path);

// A key's first eight bytes: what the render pass checks its own key against, held for
// every planned document (the whole key would be 96 bytes each).
std::uint64_t key_prefix(std::string_view key);

// The jobs of one slice, each with its template, or failed when it names none.
std::vector<Job> slice_jobs(const std::vector<documents::PlannedDocument>& documents,
                            const render::TemplateSet& templates, std::size_t first_index);

// The document's key, and the size of the file it would replace (on the workers: a
// stat each; the manifest is compared on the planning thread). `fonts_fp`: the fonts'
// fingerprint, with whether missing glyphs may be replaced (a document made with '?' in
// it is made again when they may not).
void key_job(Job& job, const render::TemplateSet& templates, const std::string& fonts_fp,
             const std::filesystem::path& output);

// New, changed or unchanged against the manifest's entry for the path; failed when the
// path is another document's (OutputClaims), and then the clash, which may fail an
// earlier document too.
// A file that is the one made, with electronic signatures added since (a second party
// signing a contract in turn) is unchanged: making it again would drop the signatures.
std::optional<Clash> compare_with_manifest(Job& job, const Manifest& manifest, OutputClaims& claims, bool force,
                                           const std::filesystem::path& output);

inline constexpr std::string_view kPlanChanged = "the store changed while the batch ran (run it again)";

// Fills, keys (failing with kPlanChanged when the key is not `planned_key`), renders and
// writes the job's document, signed when `signing` says so; failures are the job's state
// and error.
void render_job(Job& job, std::uint64_t planned_key, const render::TemplateSet& templates,
                const pdf::FontManifest& fonts, const std::string& fonts_fp, const std::filesystem::path& output,
                render::SkeletonTrees& skeletons, bool replace_missing_glyphs, const BatchSigning* signing = nullptr);

}  // namespace inovasi::batch
