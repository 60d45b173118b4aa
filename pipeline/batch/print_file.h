#pragma once
// The certificates' print file: every certificate of a batch in one PDF, in plan order,
// a bookmark each, made again only when one of its certificates changed (which the
// batch's keys tell), and only of the certificates the batch made or kept.

#include <cstdint>
#include <filesystem>
#include <vector>

#include "batch/batch_run.h"
#include "batch/sliced_plan.h"
#include "output/manifest.h"
#include "pdf/font_set.h"
#include "render/template_engine.h"
#include "store/store.h"
#include "support/sha256.h"

namespace inovasi::batch {

// What the print file holds, gathered from the batch's keys as it plans (keys()): the
// plan's certificates that have a key, in order, and one key for all of them.
class PrintFileContents {
 public:
  // The store the plan reads, noted before the batch: the print file plans its slices
  // again, and is not written when another process changed the store meanwhile (its
  // pages could then differ from the certificates its key was made from).
  explicit PrintFileContents(const Store& store) : store_(store), store_version_(store.data_version()) {}
  KeyVisitor keys();
  std::size_t count() const { return count_; }
  // Leaves out the certificates the batch did not make or keep (`standing`, per planned
  // document): the print file holds the certificates issued, and no page a single
  // document could not have (a character no font has, an image that is missing).
  void drop_failed(const std::vector<bool>& standing);

 private:
  friend std::filesystem::path write_print_file(const SlicedPlan&, PrintFileContents&, const render::TemplateSet&,
                                                const pdf::FontManifest&, const std::filesystem::path&,
                                                const std::filesystem::path&, int, bool, int, Manifest&);
  std::vector<std::vector<std::uint32_t>> included_;  // per slice: positions of its certificates
  std::vector<std::uint32_t> positions_;              // per slice: the documents seen
  Sha256 joined_keys_;  // each certificate's key covers its data, template, fonts, images and date
  std::size_t count_ = 0;
  Date latest_;  // the latest certificate's date: the file's own
  const Store& store_;
  long long store_version_ = 0;
};

// All certificates of the plan in one PDF (stable order, one bookmark each); remade only
// when a certificate changed, which the batch's keys tell without filling a template.
// `manifest` is the command's (the batch's): the file is looked up and listed there, and
// it is saved to `manifest_file`. The pages are rendered by render/print_file.h. Returns the file, or "" when there is
// none to make.
std::filesystem::path write_print_file(const SlicedPlan& plan, PrintFileContents& contents,
                                       const render::TemplateSet& templates, const pdf::FontManifest& fonts,
                                       const std::filesystem::path& output, const std::filesystem::path& manifest_file,
                                       int year, bool force, int jobs, Manifest& manifest);

}  // namespace inovasi::batch
