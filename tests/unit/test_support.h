#pragma once
// Shared helpers for the unit tests: the bundled catalogue, scratch folders, and
// importing text given inline.

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "importers/import_job.h"
#include "model/catalog.h"

namespace inovasi::testing {

inline std::filesystem::path source_dir() { return INOVASI_SOURCE_DIR; }

inline const Catalog& catalog() {
  static const Catalog loaded = Catalog::load(source_dir() / "templates" / "catalog");
  return loaded;
}

// A fresh folder under the system temp dir, removed when the object goes.
class ScratchDir {
 public:
  ScratchDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / ("inovasi-test-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, const std::string& content) const {
    auto file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

 private:
  std::filesystem::path path_;
};

inline ImportResult import_text(const ScratchDir& dir, const std::string& name, const std::string& content,
                                const ImportOptions& options = {}) {
  return read_inputs({dir.write(name, content)}, options, catalog());
}

// All messages joined, for EXPECT_THAT(..., HasSubstr(...)).
inline std::string messages(const Diagnostics& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics.all()) text += format_diagnostic(d) + "\n";
  return text;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace inovasi::testing
