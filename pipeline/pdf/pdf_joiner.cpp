#include "support/utf8.h"
#include "pdf/pdf_joiner.h"

#include <cstdio>
#include <unordered_set>

#include "layout/inline.h"
#include "support/sha256.h"

namespace inovasi::pdf {
namespace {

// Pages per node under the root: viewers page slowly through one long flat list, and a
// two-level tree of 512 holds millions.
constexpr std::size_t kPagesPerNode = 512;
constexpr std::size_t kFlushAt = 1 << 20;

// Resource categories whose objects volumes may share.
bool is_resource_category(std::string_view key) {
  return key == "/Font" || key == "/XObject" || key == "/ExtGState" || key == "/ColorSpace" || key == "/Pattern" ||
         key == "/Shading" || key == "/Properties";
}

std::string number_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", value);
  std::string s = text;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

PdfValue name(std::string text) {
  PdfValue v;
  v.kind = PdfValue::Kind::Name;
  v.text = std::move(text);
  return v;
}

PdfValue dictionary(std::initializer_list<std::pair<std::string, PdfValue>> entries) {
  PdfValue v;
  v.kind = PdfValue::Kind::Dictionary;
  for (const auto& [key, value] : entries) v.entries.emplace_back(key, value);
  return v;
}

PdfValue array_of(std::vector<PdfValue> items) {
  PdfValue v;
  v.kind = PdfValue::Kind::Array;
  v.items = std::move(items);
  return v;
}

// A text string as UTF-16BE with its byte-order mark, in hex: any title, exactly.
PdfValue text_string(std::string_view utf8) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  PdfValue v;
  v.kind = PdfValue::Kind::String;
  v.text = "<FEFF";
  auto unit = [&](unsigned value) {
    for (int shift = 12; shift >= 0; shift -= 4) v.text += kHex[(value >> shift) & 15];
  };
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t c = next_code_point(utf8, i);
    if (c >= 0x10000) {
      c -= 0x10000;
      unit(0xD800 + static_cast<unsigned>(c >> 10));
      unit(0xDC00 + static_cast<unsigned>(c & 0x3FF));
    } else {
      unit(static_cast<unsigned>(c));
    }
  }
  v.text += '>';
  return v;
}

}  // namespace

// One volume's objects copied into the joined file: each is written once, under a new
// number, the first time something refers to it.
class PdfJoiner::VolumeCopy {
 public:
  // Whether an object may be the same as one of an earlier volume. Image masks (the QR
  // codes) are each page's own: comparing them would only cost time.
  enum class Sharing { PageOwn, Shared, SharedUnlessMask };

  VolumeCopy(PdfJoiner& joiner, const PdfFile& file) : joiner_(joiner), file_(file) {}

  void page(int number, int parent) {
    int out = joiner_.allocate();
    copied_[number] = out;
    joiner_.pages_.push_back(out);
    PdfValue page = file_.object(number).value;
    for (auto& [key, value] : page.entries) {
      if (key == "/Parent") {
        value = PdfValue::reference(parent);
      } else if (key == "/Resources") {
        value = resources(value.is(PdfValue::Kind::Reference) ? file_.resolve(value) : std::move(value));
      } else {
        renumber(value, Sharing::PageOwn);
      }
    }
    if (!page.get("/Parent")) page.entries.emplace_back("/Parent", PdfValue::reference(parent));
    joiner_.write_object(out, page);
  }

  int object(int number, Sharing sharing) {
    if (auto it = copied_.find(number); it != copied_.end()) return it->second;
    // libharu's deepest chain is a page's font, its descriptor and its font file; a
    // damaged volume must not copy itself down a chain of thousands.
    if (depth_ >= kMaxDepth) {
      throw PdfError("joining the print file: object " + std::to_string(number) + " is " + std::to_string(kMaxDepth) +
                     " references deep");
    }
    ++depth_;
    struct Leave {
      int& depth;
      ~Leave() { --depth; }
    } leave{depth_};
    PdfObject source = file_.object(number);
    if (sharing == Sharing::SharedUnlessMask) {
      const PdfValue* mask = source.value.get("/ImageMask");
      sharing = mask && mask->named("true") ? Sharing::PageOwn : Sharing::Shared;
    }
    // A length object of the volume is not copied: write_copy writes the length in.
    if (PdfValue* length = source.value.get("/Length"); length && source.has_stream) *length = PdfValue::number(0);
    if (sharing == Sharing::PageOwn) {
      int out = joiner_.allocate();
      copied_[number] = out;  // before its children: a reference back finds it
      source.value = mapped(std::move(source.value), sharing);
      joiner_.write_copy(out, std::move(source));
      return out;
    }
    // A shared object is compared once its children have their numbers in the joined
    // file, so equal fonts from two volumes come out equal here.
    if (!in_progress_.insert(number).second) {
      throw PdfError("joining the print file: shared object " + std::to_string(number) + " refers back to itself");
    }
    PdfValue value = mapped(source.value, Sharing::Shared);
    in_progress_.erase(number);
    std::string text;
    write_value(value, text);
    Sha256 hash;
    hash.update(text);
    hash.update(source.has_stream ? "\nstream\n" : "\n");
    hash.update(source.stream);
    auto [it, fresh] = joiner_.shared_.try_emplace(hash.digest(), 0);
    if (fresh) {
      it->second = joiner_.allocate();
      source.value = std::move(value);
      joiner_.write_copy(it->second, std::move(source));
    }
    copied_[number] = it->second;
    return it->second;
  }

 private:
  // The value with its references renumbered (copying what they refer to).
  PdfValue mapped(PdfValue value, Sharing sharing) {
    renumber(value, sharing);
    return value;
  }
  void renumber(PdfValue& value, Sharing sharing) {
    switch (value.kind) {
      case PdfValue::Kind::Reference:
        value.object = object(value.object, sharing);
        break;
      case PdfValue::Kind::Array:
        for (auto& item : value.items) renumber(item, sharing);
        break;
      case PdfValue::Kind::Dictionary:
        for (auto& [key, item] : value.entries) renumber(item, sharing);
        break;
      default:
        break;
    }
  }

  PdfValue resources(PdfValue dictionary) {
    for (auto& [key, value] : dictionary.entries) {
      if (!is_resource_category(key)) {
        renumber(value, Sharing::PageOwn);
        continue;
      }
      if (value.is(PdfValue::Kind::Reference)) value = file_.resolve(value);
      renumber(value, key == "/XObject" ? Sharing::SharedUnlessMask : Sharing::Shared);
    }
    return dictionary;
  }

  PdfJoiner& joiner_;
  const PdfFile& file_;
  static constexpr int kMaxDepth = 64;
  std::unordered_map<int, int> copied_;  // the volume's number -> the joined file's
  std::unordered_set<int> in_progress_;
  int depth_ = 0;  // references followed to reach the object being copied
};

PdfJoiner::PdfJoiner(Sink sink) : sink_(std::move(sink)) {
  // The second line's high bytes tell transfer programs the file is binary.
  emit("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
  page_root_ = allocate();
}

int PdfJoiner::allocate() {
  offsets_.push_back(0);
  return static_cast<int>(offsets_.size() - 1);
}

void PdfJoiner::emit(std::string_view bytes) {
  pending_ += bytes;
  if (pending_.size() >= kFlushAt) flush();
}

void PdfJoiner::flush() {
  if (pending_.empty()) return;
  sink_(pending_);
  written_ += pending_.size();
  pending_.clear();
}

void PdfJoiner::write_object(int number, const PdfValue& value, std::string_view stream, bool has_stream) {
  offsets_[static_cast<std::size_t>(number)] = size();
  std::string text = std::to_string(number) + " 0 obj\n";
  write_value(value, text);
  if (has_stream) {
    text += "\nstream\n";
    emit(text);
    emit(stream);
    emit("\nendstream\nendobj\n");
  } else {
    text += "\nendobj\n";
    emit(text);
  }
}

void PdfJoiner::write_copy(int number, PdfObject object) {
  if (object.has_stream) {
    deflater_.deflate_stream(object, deflated_);
    PdfValue length = PdfValue::number(static_cast<long long>(object.stream.size()));
    if (PdfValue* entry = object.value.get("/Length")) {
      *entry = length;
    } else {
      object.value.entries.emplace_back("/Length", length);
    }
  }
  write_object(number, object.value, object.stream, object.has_stream);
}

void PdfJoiner::append(std::string_view volume, const std::vector<OutlineEntry>& outline) {
  PdfFile file(volume, "print file volume " + std::to_string(++volumes_));
  VolumeCopy copy(*this, file);
  std::vector<int> pages = file.pages();
  int first = static_cast<int>(pages_.size());
  for (int page : pages) {
    if (pages_.size() % kPagesPerNode == 0) nodes_.push_back(allocate());
    copy.page(page, nodes_.back());
  }
  for (const auto& entry : outline) {
    if (entry.page < 0 || entry.page >= static_cast<int>(pages.size())) {
      throw PdfError("print file volume " + std::to_string(volumes_) + ": bookmark '" + entry.title + "' is on page " +
                     std::to_string(entry.page + 1) + " of " + std::to_string(pages.size()));
    }
  }
  for (const auto& entry : outline) add_outline_entry(entry, pages_[static_cast<std::size_t>(first + entry.page)]);
  const PdfValue* info = file.trailer().get("/Info");
  if (!info_ && info && info->is(PdfValue::Kind::Reference)) {
    info_ = copy.object(info->object, VolumeCopy::Sharing::PageOwn);
  }
  flush();
}

// An entry's parent is the nearest earlier entry one level up; levels that skip ahead
// are taken as one deeper than the parent. An entry is written once its subtree is
// complete and its next sibling, if any, has a number: only the open entries, one per
// level, are held, not the whole outline of a national print file.
void PdfJoiner::add_outline_entry(const OutlineEntry& entry, int page_object) {
  if (!outline_root_) outline_root_ = allocate();
  std::size_t level = std::min(static_cast<std::size_t>(std::max(0, entry.level)), open_.size());
  OpenEntry added{allocate(), entry.title, page_object, entry.top};
  while (open_.size() > level) {
    bool sibling = open_.size() == level + 1;
    if (sibling) added.previous = open_.back().number;
    close_outline_entry(sibling ? added.number : 0);
  }
  int& first = open_.empty() ? outline_first_ : open_.back().first;
  int& last = open_.empty() ? outline_last_ : open_.back().last;
  if (!first) first = added.number;
  last = added.number;
  for (auto& ancestor : open_) ++ancestor.count;
  ++outline_count_;
  open_.push_back(std::move(added));
}

void PdfJoiner::close_outline_entry(int next) {
  OpenEntry entry = std::move(open_.back());
  open_.pop_back();
  auto ref = [](int number) { return PdfValue::reference(number); };
  PdfValue item = dictionary(
      {{"/Title", text_string(entry.title)}, {"/Parent", ref(open_.empty() ? outline_root_ : open_.back().number)}});
  if (entry.previous) item.entries.emplace_back("/Prev", ref(entry.previous));
  if (next) item.entries.emplace_back("/Next", ref(next));
  if (entry.first) {
    item.entries.emplace_back("/First", ref(entry.first));
    item.entries.emplace_back("/Last", ref(entry.last));
    item.entries.emplace_back("/Count", PdfValue::number(entry.count));
  }
  PdfValue top;
  top.kind = PdfValue::Kind::Number;
  top.text = number_text(entry.top);
  // Zoom 0 keeps the reader's own.
  item.entries.emplace_back(
      "/Dest", array_of({ref(entry.page_object), name("/XYZ"), PdfValue::number(0), top, PdfValue::number(0)}));
  write_object(entry.number, item);
}

int PdfJoiner::finish() {
  if (pages_.empty()) throw PdfError("joining the print file: no pages");
  std::vector<PdfValue> node_refs;
  for (std::size_t node = 0; node < nodes_.size(); ++node) {
    std::vector<PdfValue> kids;
    std::size_t end = std::min(pages_.size(), (node + 1) * kPagesPerNode);
    for (std::size_t page = node * kPagesPerNode; page < end; ++page) kids.push_back(PdfValue::reference(pages_[page]));
    write_object(nodes_[node],
                 dictionary({{"/Type", name("/Pages")},
                             {"/Parent", PdfValue::reference(page_root_)},
                             {"/Kids", array_of(std::move(kids))},
                             {"/Count", PdfValue::number(static_cast<long long>(end - node * kPagesPerNode))}}));
    node_refs.push_back(PdfValue::reference(nodes_[node]));
  }
  write_object(page_root_, dictionary({{"/Type", name("/Pages")},
                                       {"/Kids", array_of(std::move(node_refs))},
                                       {"/Count", PdfValue::number(static_cast<long long>(pages_.size()))}}));
  PdfValue catalog = dictionary({{"/Type", name("/Catalog")}, {"/Pages", PdfValue::reference(page_root_)}});
  if (outline_root_) {
    while (!open_.empty()) close_outline_entry(0);
    write_object(outline_root_, dictionary({{"/Type", name("/Outlines")},
                                            {"/First", PdfValue::reference(outline_first_)},
                                            {"/Last", PdfValue::reference(outline_last_)},
                                            {"/Count", PdfValue::number(outline_count_)}}));
    catalog.entries.emplace_back("/Outlines", PdfValue::reference(outline_root_));
    catalog.entries.emplace_back("/PageMode", name("/UseOutlines"));
  }
  int catalog_number = allocate();
  write_object(catalog_number, catalog);

  PdfValue trailer = dictionary({{"/Size", PdfValue::number(static_cast<long long>(offsets_.size()))},
                                 {"/Root", PdfValue::reference(catalog_number)}});
  if (info_) trailer.entries.emplace_back("/Info", PdfValue::reference(info_));
  // 20 bytes an object, handed on in pieces: a few MB for the largest print file.
  write_file_end(offsets_, trailer, size(), [this](std::string_view piece) { emit(piece); });
  flush();
  return static_cast<int>(pages_.size());
}

}  // namespace inovasi::pdf
