#pragma once
// A batch: documents planned first, each with a content key (the filled markup, the
// fonts and the images it uses), then only new or changed ones rendered, in parallel,
// one libharu document per worker and no handle shared between threads. Files are
// written atomically; numbers' SHA-256 and the manifest are updated at the end.

#include <filesystem>
#include <iosfwd>
#include <vector>

#include "documents/document_kind.h"
#include "pdf/font_set.h"
#include "render/template_engine.h"

namespace inovasi::batch {

struct BatchOptions {
  int jobs = 1;
  bool force = false;    // remake even unchanged documents
  bool dry_run = false;  // print the plan, make nothing
  bool quiet = false;
};

struct BatchSummary {
  std::size_t made = 0;
  std::size_t unchanged = 0;
  std::size_t failed = 0;
  std::size_t pages = 0;
  double seconds = 0;
  std::uintmax_t bytes = 0;  // the size of every document of the batch that exists now
  // Per planned document, in order: its key (a hash of its filled template, fonts,
  // images, date and engine), empty when it failed. Set by a dry run too: what is made
  // from the documents (the print file) can tell from them whether it changed.
  std::vector<std::string> keys;
  // Per planned document, in order: whether this run wrote it (new or changed).
  std::vector<bool> made_now;
};

// A fingerprint of the font manifest and the files it names (content of the manifest,
// size and modification time of each font).
std::string fonts_fingerprint(const pdf::FontManifest& fonts);

BatchSummary run_batch(const std::vector<documents::PlannedDocument>& documents, const render::TemplateSet& templates,
                       const pdf::FontManifest& fonts, const std::filesystem::path& output,
                       const std::filesystem::path& manifest_file, Database& db, const BatchOptions& options,
                       std::ostream& out, std::ostream& err);

}  // namespace inovasi::batch
