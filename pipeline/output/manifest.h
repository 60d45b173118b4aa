#pragma once
// manifest.json: every file a batch made (documents, print file, workbooks, zips), with
// its SHA-256, the key of the inputs it was made from (so a re-run can skip it), its kind
// and the record it came from.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace inovasi {

struct ManifestEntry {
  std::string path;  // relative to the output folder
  std::string sha256;
  std::string key;  // content key of the inputs
  std::string kind;
  std::string source;
  std::uintmax_t size = 0;
};

// The entries live in a scratch SQLite database, not in memory: a national year's
// manifest has tens of thousands of entries (some 15 MB as C++ strings), and a batch
// that held them all could not keep its memory flat in the number of documents. One
// thread at a time: look-ups use the database's prepared statements.
class Manifest {
 public:
  Manifest();
  Manifest(Manifest&&) noexcept;
  Manifest& operator=(Manifest&&) noexcept;
  ~Manifest();

  // A missing or unreadable manifest is an empty one: everything is then remade.
  static Manifest load(const std::filesystem::path& file);
  void save(const std::filesystem::path& file) const;  // atomically
  // Saves when put() changed something since the load or the last save, or the file is
  // missing: one manifest can serve a whole command (batch, print file, workbooks).
  void save_if_changed(const std::filesystem::path& file);

  std::optional<ManifestEntry> find(std::string_view path) const;
  void put(const ManifestEntry& entry);
  std::size_t size() const;
  // Whether put() changed anything since load: a re-run that made nothing need not
  // rewrite (and flush) a manifest of thousands of entries.
  bool changed() const { return changed_; }
  // Every entry, in the order of their paths (bytewise, as std::string compares).
  void for_each(const std::function<void(const ManifestEntry&)>& visit) const;

 private:
  void write_row(const ManifestEntry& entry);
  struct Tables;  // the scratch database and its statements
  std::unique_ptr<Tables> tables_;
  bool changed_ = false;
};

// The entry of a file written under `output` (`path` relative to it): its SHA-256 and size
// read back from the file. A workbook is made whole on every run and kept only when its
// bytes change, so with no `key` its key is its own SHA-256.
ManifestEntry file_entry(const std::filesystem::path& output, std::string path, std::string kind, std::string source,
                         std::string key = {});

}  // namespace inovasi
