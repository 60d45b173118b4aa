#include "output/manifest.h"

#include <fstream>

#include <Poco/Exception.h>
#include <Poco/JSON/Handler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/UTF8String.h>

#include "model/file_text.h"
#include "support/sha256.h"
#include "output/atomic_file.h"
#include "store/sqlite.h"

namespace inovasi {

struct Manifest::Tables {
  // Rows kept in path order (a WITHOUT ROWID table is its primary key's b-tree), so
  // saving reads them in the order the file lists them. BINARY collation compares bytes,
  // as std::string does.
  Database db = [] {
    Database db = Database::open_scratch();
    db.execute(
        "CREATE TABLE berkas (jalur TEXT PRIMARY KEY, sha256 TEXT, ukuran INTEGER, jenis TEXT, sumber TEXT, "
        "kunci TEXT) WITHOUT ROWID");
    // One transaction for the manifest's life: it is never committed, as nothing in the
    // scratch database outlives the process; each put() is then no write of its own.
    db.execute("BEGIN");
    return db;
  }();
  Statement find = db.prepare("SELECT jalur, sha256, ukuran, jenis, sumber, kunci FROM berkas WHERE jalur = ?");
  Statement put = db.prepare("INSERT OR REPLACE INTO berkas VALUES (?, ?, ?, ?, ?, ?)");
  Statement all = db.prepare("SELECT jalur, sha256, ukuran, jenis, sumber, kunci FROM berkas ORDER BY jalur");
  Statement count = db.prepare("SELECT count(*) FROM berkas");
};

namespace {

ManifestEntry entry_of(const Statement& row) {
  return {row.column_text(0), row.column_text(1),
          row.column_text(5), row.column_text(3),
          row.column_text(4), static_cast<std::uintmax_t>(std::max<long long>(0, row.column_int(2)))};
}

// Reads {"berkas": [{...}, ...]} entry by entry as the parser goes: a national batch's
// manifest has tens of thousands of entries, and a JSON tree of them was several times
// their size in memory.
class EntryReader : public Poco::JSON::Handler {
 public:
  explicit EntryReader(std::function<void(const ManifestEntry&)> take) : take_(std::move(take)) {}

  void reset() override {}
  void startObject() override {
    ++depth_;
    if (in_entry()) entry_ = {};
  }
  void endObject() override {
    if (in_entry() && !entry_.path.empty()) take_(entry_);  // no path, no file: nothing to skip or list
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
    if (key_ == "jalur")
      entry_.path = v;
    else if (key_ == "sha256")
      entry_.sha256 = v;
    else if (key_ == "kunci")
      entry_.key = v;
    else if (key_ == "jenis")
      entry_.kind = v;
    else if (key_ == "sumber")
      entry_.source = v;
  }
  void value(double) override {}
  void value(bool) override {}

 private:
  static constexpr int kEntryDepth = 3;  // root object, the berkas array, an entry
  bool in_entry() const { return in_files_ && depth_ == kEntryDepth; }
  void number(Poco::Int64 v) {
    if (in_entry() && key_ == "ukuran") entry_.size = v > 0 ? static_cast<std::uintmax_t>(v) : 0;
  }

  std::function<void(const ManifestEntry&)> take_;
  int depth_ = 0;
  bool in_files_ = false;
  std::string key_;
  ManifestEntry entry_;
};

std::string quoted(const std::string& text) { return '"' + Poco::UTF8::escape(text, true) + '"'; }

// Cuts the manifest's text, fed a block at a time, into runs of whole entries of its
// "berkas" array, each handed on as {"berkas": [...]} to be parsed: the parser then never
// holds more than a run. A national manifest is some 12 MB of text; parsed whole, the
// text and the parser's copies of it were what a re-run's memory grew with. It follows
// strings (and their escapes) and nesting only; each run is parsed, the rest skipped.
class EntryRuns {
 public:
  explicit EntryRuns(std::function<void(const std::string&)> parse) : parse_(std::move(parse)) {}

  void feed(std::string_view block) {
    for (char c : block) take(c);
  }
  void finish() {
    if (depth_ != 0 || in_string_) throw Poco::DataFormatException("the text ends inside a value");
  }

 private:
  static constexpr std::size_t kRunBytes = 1 << 20;
  static constexpr int kTop = 1;  // inside the root object

  void take(char c) {
    if (in_berkas_) run_ += c;
    if (in_string_) {
      if (depth_ == kTop) string_ += c;
      if (escaped_)
        escaped_ = false;
      else if (c == '\\')
        escaped_ = true;
      else if (c == '"')
        in_string_ = false;
      return;
    }
    switch (c) {
      case '"':
        in_string_ = true;
        string_.clear();
        break;
      case ':':
        if (depth_ == kTop) key_ = string_;  // the string before is the member's name (with its closing quote)
        break;
      case '{':
      case '[':
        if (c == '[' && depth_ == kTop && key_ == "berkas\"") {
          in_berkas_ = true;
          run_.clear();
        }
        ++depth_;
        break;
      case '}':
      case ']':
        if (--depth_ < 0) throw Poco::DataFormatException("a bracket closes what was not opened");
        if (in_berkas_ && depth_ == kTop) {
          run_.pop_back();  // the array's own ']'
          hand_on(false);
          in_berkas_ = false;
        }
        break;
      case ',':
        if (in_berkas_ && depth_ == kTop + 1 && run_.size() >= kRunBytes) {
          run_.pop_back();  // the comma between two entries
          hand_on(true);
        }
        break;
      default:
        break;
    }
  }
  void hand_on(bool more) {
    bool blank = run_.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank && more) throw Poco::DataFormatException("an entry is missing between two commas");
    if (!blank) parse_("{\"berkas\": [" + run_ + "]}");
    run_.clear();
  }

  std::function<void(const std::string&)> parse_;
  int depth_ = 0;
  bool in_string_ = false, escaped_ = false, in_berkas_ = false;
  std::string string_;  // the last string read at the top level, raw
  std::string key_;     // the name of the top-level member being read
  std::string run_;     // entries of berkas not yet handed on
};

}  // namespace

Manifest Manifest::load(const std::filesystem::path& file) {
  Manifest manifest;
  std::ifstream in(file, std::ios::binary);
  if (!in) return manifest;
  try {
    // Written as read, without comparing each with what is there: a path listed twice
    // keeps its last entry, as put() would.
    Poco::JSON::Parser parser(new EntryReader([&manifest](const ManifestEntry& entry) { manifest.write_row(entry); }));
    EntryRuns runs([&](const std::string& run) {
      parser.reset();
      parser.parse(run);
    });
    std::string block(1 << 16, '\0');
    while (in) {
      in.read(block.data(), static_cast<std::streamsize>(block.size()));
      runs.feed(std::string_view(block.data(), static_cast<std::size_t>(in.gcount())));
    }
    if (in.bad()) return Manifest{};
    runs.finish();
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
  for_each([&](const ManifestEntry& entry) {
    out += separator;
    out += "    {\"jalur\": " + quoted(entry.path) + ", \"sha256\": " + quoted(entry.sha256) +
           ", \"ukuran\": " + std::to_string(entry.size) + ", \"jenis\": " + quoted(entry.kind) +
           ", \"sumber\": " + quoted(entry.source) + ", \"kunci\": " + quoted(entry.key) + "}";
    separator = ",\n";
    if (out.size() >= 1 << 16) {
      writer.write(out);
      out.clear();
    }
  });
  out += "\n  ]\n}\n";
  writer.write(out);
  writer.commit();
}

void Manifest::save_if_changed(const std::filesystem::path& file) {
  if (changed_ || !std::filesystem::exists(file)) save(file);
  changed_ = false;
}

ManifestEntry file_entry(const std::filesystem::path& output, std::string path, std::string kind, std::string source,
                         std::string key) {
  // Hashed a megabyte at a time: the national IGA workbook alone is some 35 MB.
  std::ifstream in(output / path, std::ios::binary);
  if (!in) throw OutputError((output / path).string() + ": cannot read back what was written");
  Sha256 digest;
  std::string chunk(std::size_t{1} << 20, '\0');
  std::size_t size = 0;
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    auto got = static_cast<std::size_t>(in.gcount());
    digest.update(std::string_view(chunk.data(), got));
    size += got;
  }
  if (in.bad()) throw OutputError((output / path).string() + ": cannot read back what was written");
  std::string sha256 = digest.hex_digest();
  if (key.empty()) key = sha256;
  return {std::move(path), std::move(sha256), std::move(key), std::move(kind), std::move(source), size};
}

Manifest::Manifest() : tables_(std::make_unique<Tables>()) {}
Manifest::Manifest(Manifest&&) noexcept = default;
Manifest& Manifest::operator=(Manifest&&) noexcept = default;
Manifest::~Manifest() = default;

std::optional<ManifestEntry> Manifest::find(std::string_view path) const {
  auto& find = tables_->find;
  find.reset();
  find.bind_text_or_null(1, path);
  if (!find.step()) return std::nullopt;
  return entry_of(find);
}

void Manifest::put(const ManifestEntry& entry) {
  if (auto old = find(entry.path)) {
    if (old->sha256 == entry.sha256 && old->key == entry.key && old->kind == entry.kind &&
        old->source == entry.source && old->size == entry.size) {
      return;
    }
  }
  changed_ = true;
  write_row(entry);
}

void Manifest::write_row(const ManifestEntry& entry) {
  auto& put = tables_->put;
  put.reset();
  put.bind_text_or_null(1, entry.path);
  put.bind_text_or_null(2, entry.sha256);
  put.bind_int(3, static_cast<long long>(entry.size));
  put.bind_text_or_null(4, entry.kind);
  put.bind_text_or_null(5, entry.source);
  put.bind_text_or_null(6, entry.key);
  put.step();
}

std::size_t Manifest::size() const {
  auto& count = tables_->count;
  count.reset();
  count.step();
  return static_cast<std::size_t>(count.column_int(0));
}

void Manifest::for_each(const std::function<void(const ManifestEntry&)>& visit) const {
  auto& all = tables_->all;
  all.reset();
  while (all.step()) visit(entry_of(all));
}

}  // namespace inovasi
