#include "batch/manifest.h"
#include "model/file_text.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>

#include "output/atomic_file.h"

namespace inovasi::batch {

Manifest Manifest::load(const std::filesystem::path& file) {
  Manifest manifest;
  auto text = read_file_text(file);
  if (!text) return manifest;
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(*text).extract<Poco::JSON::Object::Ptr>();
    auto files = root->getArray("berkas");
    for (std::size_t i = 0; files && i < files->size(); ++i) {
      auto item = files->getObject(static_cast<unsigned>(i));
      if (!item) continue;
      manifest.put({item->optValue<std::string>("jalur", ""), item->optValue<std::string>("sha256", ""),
                    item->optValue<std::string>("kunci", ""), item->optValue<std::string>("jenis", ""),
                    item->optValue<std::string>("sumber", ""), item->optValue<std::uintmax_t>("ukuran", 0)});
    }
    manifest.changed_ = false;
  } catch (const Poco::Exception&) {
    return Manifest{};  // damaged: remake everything rather than trust it
  }
  return manifest;
}

void Manifest::save(const std::filesystem::path& file) const {
  Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("versi", 1);
  Poco::JSON::Array files;
  for (const auto& [path, entry] : entries_) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    item->set("jalur", entry.path);
    item->set("sha256", entry.sha256);
    item->set("ukuran", entry.size);
    item->set("jenis", entry.kind);
    item->set("sumber", entry.source);
    item->set("kunci", entry.key);
    files.add(item);
  }
  root.set("berkas", files);
  std::ostringstream out;
  root.stringify(out, 1);
  write_file_atomically(file, out.str());
}

const ManifestEntry* Manifest::find(const std::string& path) const {
  auto it = entries_.find(path);
  return it == entries_.end() ? nullptr : &it->second;
}

void Manifest::put(ManifestEntry entry) {
  auto it = entries_.find(entry.path);
  if (it != entries_.end()) {
    const auto& old = it->second;
    if (old.sha256 == entry.sha256 && old.key == entry.key && old.kind == entry.kind && old.source == entry.source &&
        old.size == entry.size) {
      return;
    }
  }
  changed_ = true;
  std::string path = entry.path;
  entries_.insert_or_assign(path, std::move(entry));
}

}  // namespace inovasi::batch
