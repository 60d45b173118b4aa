#include "output/manifest.h"

#include <Poco/JSON/Handler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/UTF8String.h>

#include "model/file_text.h"
#include "model/sha256.h"
#include "output/atomic_file.h"

namespace inovasi {
namespace {

// Reads {"berkas": [{...}, ...]} entry by entry as the parser goes: a national batch's
// manifest has tens of thousands of entries, and a JSON tree of them was several times
// their size in memory.
class EntryReader : public Poco::JSON::Handler {
 public:
  explicit EntryReader(Manifest& manifest) : manifest_(manifest) {}

  void reset() override {}
  void startObject() override {
    ++depth_;
    if (in_entry()) entry_ = {};
  }
  void endObject() override {
    if (in_entry()) manifest_.put(std::move(entry_));
    --depth_;
  }
  void startArray() override {
    ++depth_;
    if (depth_ == kEntryDepth - 1 && key_ == "berkas") in_files_ = true;
  }
  void endArray() override {
    if (depth_ == kEntryDepth - 1) in_files_ = false;
    --depth_;
  }
  void key(const std::string& k) override { key_ = k; }
  void null() override {}
  void value(int v) override { number(v); }
  void value(unsigned v) override { number(static_cast<Poco::Int64>(v)); }
  void value(Poco::Int64 v) override { number(v); }
  void value(Poco::UInt64 v) override { number(static_cast<Poco::Int64>(v)); }
  void value(const std::string& v) override {
    if (!in_entry()) return;
    if (key_ == "jalur") entry_.path = v;
    else if (key_ == "sha256") entry_.sha256 = v;
    else if (key_ == "kunci") entry_.key = v;
    else if (key_ == "jenis") entry_.kind = v;
    else if (key_ == "sumber") entry_.source = v;
  }
  void value(double) override {}
  void value(bool) override {}

 private:
  static constexpr int kEntryDepth = 3;  // root object, the berkas array, an entry
  bool in_entry() const { return in_files_ && depth_ == kEntryDepth; }
  void number(Poco::Int64 v) {
    if (in_entry() && key_ == "ukuran") entry_.size = v > 0 ? static_cast<std::uintmax_t>(v) : 0;
  }

  Manifest& manifest_;
  int depth_ = 0;
  bool in_files_ = false;
  std::string key_;
  ManifestEntry entry_;
};

std::string quoted(const std::string& text) { return '"' + Poco::UTF8::escape(text, true) + '"'; }

}  // namespace

Manifest Manifest::load(const std::filesystem::path& file) {
  Manifest manifest;
  auto text = read_file_text(file);
  if (!text) return manifest;
  try {
    Poco::JSON::Parser parser(new EntryReader(manifest));
    parser.parse(*text);
    manifest.changed_ = false;
  } catch (const Poco::Exception&) {
    return Manifest{};  // damaged: remake everything rather than trust it
  }
  return manifest;
}

void Manifest::save(const std::filesystem::path& file) const {
  // Written as it goes rather than through a JSON tree, for the same reason as load,
  // and to disk in pieces: the text of 37,000 entries is some 40 MB.
  AtomicFileWriter writer(file);
  std::string out = "{\n  \"versi\": 1,\n  \"berkas\": [";
  const char* separator = "\n";
  for (const auto& entry : entries_) {
    out += separator;
    out += "    {\"jalur\": " + quoted(entry.path) + ", \"sha256\": " + quoted(entry.sha256) +
           ", \"ukuran\": " + std::to_string(entry.size) + ", \"jenis\": " + quoted(entry.kind) +
           ", \"sumber\": " + quoted(entry.source) + ", \"kunci\": " + quoted(entry.key) + "}";
    separator = ",\n";
    if (out.size() >= 1 << 16) {
      writer.write(out);
      out.clear();
    }
  }
  out += "\n  ]\n}\n";
  writer.write(out);
  writer.commit();
}

void Manifest::save_if_changed(const std::filesystem::path& file) const {
  if (changed_ || !std::filesystem::exists(file)) save(file);
}

void Manifest::record(const std::filesystem::path& file, std::vector<ManifestEntry> entries) {
  Manifest manifest = load(file);
  for (auto& entry : entries) manifest.put(std::move(entry));
  manifest.save_if_changed(file);
}

ManifestEntry file_entry(const std::filesystem::path& output, std::string path, std::string kind, std::string source,
                         std::string key) {
  auto bytes = read_file_text(output / path);
  if (!bytes) throw OutputError((output / path).string() + ": cannot read back what was written");
  std::string sha256 = sha256_hex(*bytes);
  if (key.empty()) key = sha256;
  return {std::move(path), std::move(sha256), std::move(key), std::move(kind), std::move(source), bytes->size()};
}

const ManifestEntry* Manifest::find(const std::string& path) const {
  auto it = entries_.find(std::string_view(path));
  return it == entries_.end() ? nullptr : &*it;
}

void Manifest::put(ManifestEntry entry) {
  auto it = entries_.find(entry.path);
  if (it != entries_.end()) {
    const auto& old = *it;
    if (old.sha256 == entry.sha256 && old.key == entry.key && old.kind == entry.kind && old.source == entry.source &&
        old.size == entry.size) {
      return;
    }
  }
  changed_ = true;
  if (it != entries_.end()) entries_.erase(it);
  entries_.insert(std::move(entry));
}

}  // namespace inovasi
