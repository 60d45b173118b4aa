#pragma once
// A batch: documents planned first, each with a content key (the filled markup, the
// fonts and the images it uses), then only new or changed ones rendered, in parallel,
// one libharu document per worker and no handle shared between threads. Files are
// written atomically; numbers' SHA-256 and the manifest are updated as each slice of the
// plan is done, the manifest's file at the end.

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <vector>

#include "batch/batch_signing.h"
#include "batch/sliced_plan.h"
#include "documents/document_kind.h"
#include "output/manifest.h"
#include "pdf/font_set.h"
#include "render/template_engine.h"

namespace inovasi::batch {

struct BatchOptions {
  int jobs = 1;
  bool force = false;    // remake even unchanged documents
  bool dry_run = false;  // print the plan, make nothing
  bool quiet = false;
  bool replace_missing_glyphs = false;          // render::RenderOptions
  std::shared_ptr<const BatchSigning> signing;  // sign each document made; none: unsigned
};

struct BatchSummary {
  std::size_t made = 0;
  std::size_t unchanged = 0;
  std::size_t failed = 0;
  std::size_t pages = 0;
  double seconds = 0;
  std::uintmax_t bytes = 0;  // the size of every document of the batch that exists now
  // Per planned document, in order: whether this run wrote it (new or changed), and
  // whether its file is there as this document's (written now, or unchanged): what is
  // made beside a document (a desk packet's workbook and zip) goes only beside those.
  std::vector<bool> made_now;
  std::vector<bool> standing;
  // The output's filesystem filled up: the documents not made then were counted as
  // failed and reported in one line, not one each. The command writes nothing more.
  bool disk_full = false;
};

// Called for each planned document, in plan order, with its slice and key (a hash of
// its filled template, fonts, images, date and engine; empty when it failed). Called by
// a dry run too: what is made from the documents (the print file) can tell from the
// keys whether it changed.
using KeyVisitor =
    std::function<void(std::size_t slice, const documents::PlannedDocument& document, const std::string& key)>;

// A fingerprint of the font manifest and the files it names (content of the manifest,
// size and modification time of each font).
std::string fonts_fingerprint(const pdf::FontManifest& fonts);

// Plans every slice (keys, and what is new, changed or unchanged), then plans again and
// renders the slices with something to make, recording each slice's files as it ends: a
// run holds one slice's documents at a time. `manifest` (the command's, loaded from
// `manifest_file`) gets the files made and is saved there at the end.
BatchSummary run_batch(const SlicedPlan& plan, const render::TemplateSet& templates, const pdf::FontManifest& fonts,
                       const std::filesystem::path& output, Manifest& manifest,
                       const std::filesystem::path& manifest_file, Database& db, const BatchOptions& options,
                       std::ostream& out, std::ostream& err, const KeyVisitor& on_key = {});
// A plan held whole, with the manifest read from `manifest_file`.
BatchSummary run_batch(const std::vector<documents::PlannedDocument>& documents, const render::TemplateSet& templates,
                       const pdf::FontManifest& fonts, const std::filesystem::path& output,
                       const std::filesystem::path& manifest_file, Database& db, const BatchOptions& options,
                       std::ostream& out, std::ostream& err, const KeyVisitor& on_key = {});

}  // namespace inovasi::batch
