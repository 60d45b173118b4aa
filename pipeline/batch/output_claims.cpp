#include "batch/output_claims.h"

namespace inovasi::batch {
namespace {

constexpr const char* kWhy = " (their codes or numbers make the same file name)";

std::string same_file_in_run(const std::string& path, const std::string& other) {
  return path + " is also the file of " + other + " in this run" + kWhy +
         ": neither is written over the other, so neither is made";
}

}  // namespace

std::optional<Clash> OutputClaims::claim(const documents::PlannedDocument& doc, std::size_t index,
                                         const std::optional<ManifestEntry>& listed) {
  auto [owner, claimed] = owners_.try_emplace(doc.path, Owner{index, std::string(doc.kind->name), doc.label});
  Owner& first = owner->second;
  if (!claimed && (first.kind != doc.kind->name || first.label != doc.label)) {
    Clash clash{doc.path, same_file_in_run(doc.path, first.kind + " " + first.label), std::nullopt, {}, {}, {}};
    if (!first.failed) {
      first.failed = true;
      clash.earlier = first.index;
      clash.earlier_kind = first.kind;
      clash.earlier_label = first.label;
      clash.earlier_error = same_file_in_run(doc.path, std::string(doc.kind->name) + " " + doc.label);
    }
    return clash;
  }
  // A listed file of another document, still there: a run that did not plan that
  // document (another agency's, another selection) must not replace it.
  if (listed && (listed->kind != doc.kind->name || listed->source != doc.label)) {
    std::error_code error;
    if (std::filesystem::exists(output_ / doc.path, error)) {
      first.failed = true;
      return Clash{doc.path,
                   doc.path + " is the file of " + listed->kind + " " + listed->source + ", made by an earlier run" +
                       kWhy + ": it is not written over, so this document is not made",
                   std::nullopt,
                   {},
                   {},
                   {}};
    }
  }
  return std::nullopt;
}

}  // namespace inovasi::batch
