#pragma once
// Before a batch writes anything, each planned document claims its output path. Two
// documents never share one: two agencies whose codes make the same folder name, or a
// numbering pattern whose numbers make the same file name, would otherwise overwrite
// each other (and a desk packet would zip one agency's workbook with another's PDF).
// Every document of a clash fails, each naming another: which of them should have the
// path is the user's to say (by correcting a code or the pattern), not the plan order's.
// A file the manifest says another document made is not replaced either, so a run for
// one agency cannot overwrite a file of another planned in an earlier run.

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

#include "documents/document_kind.h"
#include "output/manifest.h"

namespace inovasi::batch {

struct Clash {
  std::string path;
  std::string error;  // why `doc` may not write its path
  // The document planned earlier with the same path, the first time another claims it:
  // its place in the plan and why it fails too.
  std::optional<std::size_t> earlier;
  std::string earlier_kind, earlier_label, earlier_error;
};

class OutputClaims {
 public:
  explicit OutputClaims(std::filesystem::path output) : output_(std::move(output)) {}

  // Nothing when `doc` (the plan's `index`-th) may write its path. `listed`: the
  // manifest's entry for the path, if any.
  std::optional<Clash> claim(const documents::PlannedDocument& doc, std::size_t index,
                             const std::optional<ManifestEntry>& listed);

 private:
  struct Owner {
    std::size_t index;
    std::string kind, label;
    bool failed = false;
  };
  std::filesystem::path output_;
  std::unordered_map<std::string, Owner> owners_;  // by path
};

}  // namespace inovasi::batch
