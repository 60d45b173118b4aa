#pragma once
// manifest.json: every file a batch made (documents, print file, workbooks, zips), with
// its SHA-256, the key of the inputs it was made from (so a re-run can skip it), its kind
// and the record it came from.

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace inovasi {

struct ManifestEntry {
  std::string path;  // relative to the output folder
  std::string sha256;
  std::string key;   // content key of the inputs
  std::string kind;
  std::string source;
  std::uintmax_t size = 0;
};

class Manifest {
 public:
  // A missing or unreadable manifest is an empty one: everything is then remade.
  static Manifest load(const std::filesystem::path& file);
  void save(const std::filesystem::path& file) const;  // atomically
  // Saves when put() changed something or the file is missing.
  void save_if_changed(const std::filesystem::path& file) const;

  const ManifestEntry* find(const std::string& path) const;
  void put(ManifestEntry entry);
  std::size_t size() const { return entries_.size(); }
  // Whether put() changed anything since load: a re-run that made nothing need not
  // rewrite (and flush) a manifest of thousands of entries.
  bool changed() const { return changed_; }
  // Every entry, in the order of their paths.
  template <typename Visit>
  void for_each(Visit visit) const {
    for (const auto& entry : entries_) visit(entry);
  }

  // Puts `entries` into the manifest file: read, updated, and written again only when
  // something changed (or it was missing).
  static void record(const std::filesystem::path& file, std::vector<ManifestEntry> entries);

 private:
  // Ordered by path, each path held once (a national run has tens of thousands).
  struct ByPath {
    using is_transparent = void;
    static std::string_view path(const ManifestEntry& entry) { return entry.path; }
    static std::string_view path(std::string_view path) { return path; }
    bool operator()(const auto& a, const auto& b) const { return path(a) < path(b); }
  };
  std::set<ManifestEntry, ByPath> entries_;
  bool changed_ = false;
};

// The entry of a file written under `output` (`path` relative to it): its SHA-256 and size
// read back from the file. A workbook is made whole on every run and kept only when its
// bytes change, so with no `key` its key is its own SHA-256.
ManifestEntry file_entry(const std::filesystem::path& output, std::string path, std::string kind, std::string source,
                         std::string key = {});

}  // namespace inovasi
