#pragma once
// manifest.json: every file a batch made, with its SHA-256, the key of the inputs it was
// made from (so a re-run can skip it), its kind and the record it came from.

#include <filesystem>
#include <set>
#include <string>
#include <string_view>

namespace inovasi::batch {

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

  const ManifestEntry* find(const std::string& path) const;
  void put(ManifestEntry entry);
  std::size_t size() const { return entries_.size(); }
  // Whether put() changed anything since load: a re-run that made nothing need not
  // rewrite (and flush) a manifest of thousands of entries.
  bool changed() const { return changed_; }

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

}  // namespace inovasi::batch
