#include "xlsx/reader.h"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <expat.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <future>
#include <thread>
#include <charconv>
#include <cstring>
#include <fstream>
#include <optional>

namespace inovasi::xlsx {
namespace {

using Poco::XML::Element;

constexpr std::size_t kChunkBytes = 64u << 10;
constexpr std::size_t kMaxColumns = 16384;
constexpr std::size_t kMaxRows = 1'048'576;

// One part of the zip, inflated a chunk at a time within the limits: the sizes the zip
// declares may lie, so the bytes really inflated, and the compressed bytes really read,
// are counted. zlib is used directly (raw deflate from the entry's data): Poco's
// inflating stream passes every byte through two stream buffers, and the national
// workbook's largest sheet is some 200 MB of XML, inflated twice (merges, then rows).
class PartReader {
 public:
  PartReader(const std::filesystem::path& path, const Poco::Zip::ZipLocalFileHeader& header, std::string name,
             const ReadLimits& limits, std::atomic<std::uint64_t>& workbook_total)
      : in_(path, std::ios::binary), name_(std::move(name)), limits_(limits), workbook_total_(workbook_total) {
    if (!in_) throw XlsxReadError(name_ + ": cannot read the workbook");
    in_.seekg(header.getDataStartPos());
    auto method = header.getCompressionMethod();
    if (method == Poco::Zip::ZipCommon::CM_STORE) {
      stored_left_ = header.getCompressedSize();
    } else if (method != Poco::Zip::ZipCommon::CM_DEFLATE) {
      throw XlsxReadError(name_ + ": compressed in a way workbooks are not (method " + std::to_string(method) + ")");
    } else if (inflateInit2(&stream_, -MAX_WBITS) != Z_OK) {
      throw XlsxReadError(name_ + ": cannot start inflating");
    } else {
      inflating_ = true;
    }
  }
  ~PartReader() {
    if (inflating_) inflateEnd(&stream_);
  }
  PartReader(const PartReader&) = delete;
  PartReader& operator=(const PartReader&) = delete;

  // Up to `size` bytes into `buffer`; 0 at the end.
  std::size_t read(char* buffer, std::size_t size) {
    std::size_t got = inflating_ ? inflate_into(buffer, size) : copy_into(buffer, size);
    total_ += got;
    std::uint64_t workbook_total = workbook_total_ += got;
    if (total_ > limits_.part_bytes) {
      throw XlsxReadError(name_ + ": inflates to more than " + std::to_string(limits_.part_bytes >> 20) +
                          " MiB; not a workbook of records (a zip bomb?)");
    }
    if (workbook_total > limits_.workbook_bytes) {
      throw XlsxReadError("the workbook inflates to more than " + std::to_string(limits_.workbook_bytes >> 20) +
                          " MiB; not a workbook of records (a zip bomb?)");
    }
    if (total_ > limits_.ratio_from && total_ / std::max<std::uint64_t>(read_, 1) > limits_.ratio) {
      throw XlsxReadError(name_ + ": inflates more than " + std::to_string(limits_.ratio) + " times its " +
                          std::to_string(read_) + " compressed bytes; not a workbook of records (a zip bomb?)");
    }
    return got;
  }

  std::string read_all(std::uint64_t most) {
    std::string text;
    std::vector<char> buffer(kChunkBytes);
    while (std::size_t got = read(buffer.data(), buffer.size())) {
      if (text.size() + got > most) throw XlsxReadError(name_ + ": larger than " + std::to_string(most >> 20) + " MiB");
      text.append(buffer.data(), got);
    }
    return text;
  }

  const std::string& name() const { return name_; }

 private:
  std::size_t copy_into(char* buffer, std::size_t size) {
    auto wanted = static_cast<std::size_t>(std::min<std::uint64_t>(size, stored_left_));
    in_.read(buffer, static_cast<std::streamsize>(wanted));
    auto got = static_cast<std::size_t>(in_.gcount());
    if (got < wanted) throw XlsxReadError(name_ + ": the workbook is cut short");
    stored_left_ -= got;
    read_ += got;
    return got;
  }

  std::size_t inflate_into(char* buffer, std::size_t size) {
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(size);
    while (stream_.avail_out == size && !ended_) {
      if (stream_.avail_in == 0) {
        in_.read(input_.data(), static_cast<std::streamsize>(input_.size()));
        auto got = static_cast<std::size_t>(in_.gcount());
        if (got == 0) throw XlsxReadError(name_ + ": the workbook is cut short");
        read_ += got;
        stream_.next_in = reinterpret_cast<Bytef*>(input_.data());
        stream_.avail_in = static_cast<uInt>(got);
      }
      int rc = ::inflate(&stream_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        ended_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        throw XlsxReadError(name_ + ": the part cannot be inflated (a damaged workbook)");
      }
    }
    return size - stream_.avail_out;
  }

  std::ifstream in_;
  std::string name_;
  const ReadLimits& limits_;
  std::atomic<std::uint64_t>& workbook_total_;
  std::uint64_t total_ = 0;  // inflated
  std::uint64_t read_ = 0;   // compressed bytes read
  std::uint64_t stored_left_ = 0;
  z_stream stream_{};
  bool inflating_ = false;
  bool ended_ = false;
  std::vector<char> input_ = std::vector<char>(kChunkBytes * 4);
};

// Element names without a namespace prefix ("x:row" -> "row"): some tools write them so.
std::string_view local_name(const char* name) {
  std::string_view view(name);
  auto colon = view.rfind(':');
  return colon == std::string_view::npos ? view : view.substr(colon + 1);
}

// An attribute's value; an empty one counts as absent, as for a row or cell without `r`.
const char* attribute(const char** attributes, std::string_view wanted) {
  for (int i = 0; attributes[i]; i += 2) {
    if (local_name(attributes[i]) == wanted) return *attributes[i + 1] ? attributes[i + 1] : nullptr;
  }
  return nullptr;
}

// Feeds a part to an expat parser a chunk at a time; stops early when the handlers
// stop the parser.
void parse_part(PartReader& part, XML_Parser parser) {
  char buffer[kChunkBytes];
  while (true) {
    std::size_t got = part.read(buffer, sizeof buffer);
    if (XML_Parse(parser, buffer, static_cast<int>(got), got == 0) == XML_STATUS_ERROR) {
      if (XML_GetErrorCode(parser) == XML_ERROR_ABORTED) return;
      throw XlsxReadError(part.name() + ":" + std::to_string(XML_GetCurrentLineNumber(parser)) + ": " +
                          XML_ErrorString(XML_GetErrorCode(parser)));
    }
    if (got == 0) return;
  }
}

struct ExpatParser {
  XML_Parser parser = XML_ParserCreate(nullptr);
  ExpatParser() {
    if (!parser) throw XlsxReadError("cannot make an XML parser");
  }
  ~ExpatParser() { XML_ParserFree(parser); }
  ExpatParser(const ExpatParser&) = delete;
  ExpatParser& operator=(const ExpatParser&) = delete;
};

Poco::AutoPtr<Poco::XML::Document> parse_dom(const std::string& xml, const std::string& what) {
  try {
    Poco::XML::DOMParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
    return parser.parseString(xml);
  } catch (const Poco::Exception& e) {
    throw XlsxReadError(what + ": " + e.displayText());
  }
}

// Every element named `name` below `root`, in document order, collected in one walk
// (Poco's getElementsByTagName list walks the tree again for each item).
std::vector<Element*> elements_named(Poco::XML::Node* root, const std::string& name) {
  std::vector<Element*> found;
  Poco::XML::Node* node = root->firstChild();
  while (node) {
    if (node->nodeType() == Poco::XML::Node::ELEMENT_NODE && node->nodeName() == name) {
      found.push_back(static_cast<Element*>(node));
    }
    if (Poco::XML::Node* child = node->firstChild()) {
      node = child;
      continue;
    }
    while (node != root && !node->nextSibling()) node = node->parentNode();
    if (node == root) break;
    node = node->nextSibling();
  }
  return found;
}

// "BC12" -> column 54 (0-based)
int column_of(std::string_view reference) {
  int column = 0;
  for (char c : reference) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
  }
  return column - 1;
}

// "B3" -> row 2, column 1; false when it is not a cell reference.
bool parse_cell(std::string_view reference, std::size_t& row, std::size_t& column) {
  std::size_t letters = 0;
  while (letters < reference.size() && reference[letters] >= 'A' && reference[letters] <= 'Z') ++letters;
  if (letters == 0 || letters > 3 || letters == reference.size() || reference.size() - letters > 7) return false;
  std::size_t r = 0;
  auto digits = reference.substr(letters);
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), r);
  if (error != std::errc() || end != digits.data() + digits.size()) return false;
  int c = column_of(reference);
  if (c < 0 || c >= static_cast<int>(kMaxColumns) || r < 1 || r > kMaxRows) return false;
  row = r - 1;
  column = static_cast<std::size_t>(c);
  return true;
}

// The shared strings, back to back in one buffer: a workbook saved by Excel keeps every
// text cell here, and a std::string each would cost twice the text again.
class SharedStrings {
 public:
  std::string_view at(std::size_t index) const {
    std::size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(text_).substr(begin, ends_[index] - begin);
  }
  std::size_t size() const { return ends_.size(); }
  void append(std::string_view part) { text_ += part; }
  void end_item() { ends_.push_back(text_.size()); }
  std::size_t current_item_size() const { return text_.size() - (ends_.empty() ? 0 : ends_.back()); }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;
};

struct StringsState {
  SharedStrings* strings;
  std::size_t cell_bytes;
  bool in_item = false;
  int in_text = 0;
  bool too_long = false;
};

SharedStrings read_shared_strings(PartReader& part, std::size_t cell_bytes) {
  SharedStrings strings;
  StringsState state{&strings, cell_bytes};
  ExpatParser expat;
  XML_SetUserData(expat.parser, &state);
  XML_SetElementHandler(
      expat.parser,
      [](void* data, const char* name, const char**) {
        auto* s = static_cast<StringsState*>(data);
        auto local = local_name(name);
        if (local == "si") s->in_item = true;
        if (local == "t" && s->in_item) ++s->in_text;  // rich text: every <t> of the item
      },
      [](void* data, const char* name) {
        auto* s = static_cast<StringsState*>(data);
        auto local = local_name(name);
        if (local == "t" && s->in_text > 0) --s->in_text;
        if (local == "si") {
          s->strings->end_item();
          s->in_item = false;
        }
      });
  XML_SetCharacterDataHandler(expat.parser, [](void* data, const XML_Char* text, int length) {
    auto* s = static_cast<StringsState*>(data);
    if (s->in_text == 0) return;
    if (s->strings->current_item_size() + static_cast<std::size_t>(length) > s->cell_bytes) {
      s->too_long = true;
      return;
    }
    s->strings->append(std::string_view(text, static_cast<std::size_t>(length)));
  });
  parse_part(part, expat.parser);
  if (state.too_long) {
    throw XlsxReadError(part.name() + ": a text longer than " + std::to_string(cell_bytes >> 20) + " MiB");
  }
  return strings;
}

struct Merge {
  std::size_t first_row, column, last_row;
};

// The merged ranges of a sheet: found by their text in the inflated bytes, without
// parsing the sheet (they come after its rows, which are read in the pass after).
std::vector<Merge> read_merges(PartReader& part) {
  std::vector<Merge> merges;
  std::string carry;
  char buffer[kChunkBytes];
  const std::string_view marker = "mergeCell ";
  while (std::size_t got = part.read(buffer, sizeof buffer)) {
    carry.append(buffer, got);
    std::size_t at = 0;
    while ((at = carry.find(marker, at)) != std::string::npos) {
      auto close = carry.find('>', at);
      if (close == std::string::npos) break;  // the rest comes with the next chunk
      std::string_view element = std::string_view(carry).substr(at, close - at);
      auto ref = element.find("ref=\"");
      if (ref != std::string_view::npos) {
        auto end = element.find('"', ref + 5);
        std::string_view range = element.substr(ref + 5, end == std::string_view::npos ? 0 : end - ref - 5);
        auto colon = range.find(':');
        std::size_t first_row = 0, first_column = 0, last_row = 0, last_column = 0;
        if (colon == std::string_view::npos || !parse_cell(range.substr(0, colon), first_row, first_column) ||
            !parse_cell(range.substr(colon + 1), last_row, last_column) || last_row < first_row ||
            last_column < first_column) {
          throw XlsxReadError(part.name() + ": bad merged range '" + std::string(range) + "'");
        }
        if (last_row > first_row) merges.push_back({first_row, first_column, last_row});
      }
      at = close;
    }
    // Keep only what may begin a marker cut by the chunk's end.
    std::size_t keep = std::min<std::size_t>(carry.size(), 512);
    auto last = carry.rfind('<');
    if (last != std::string::npos && carry.size() - last < 4096) keep = std::max(keep, carry.size() - last);
    carry.erase(0, carry.size() - keep);
  }
  std::sort(merges.begin(), merges.end(), [](const Merge& a, const Merge& b) { return a.first_row < b.first_row; });
  return merges;
}

// Streams one sheet's rows through expat.
class SheetParser {
 public:
  SheetParser(const std::string& part, const SharedStrings& strings, std::vector<Merge> merges, std::size_t cell_bytes,
              const std::function<bool(const SheetRow&)>& each, XML_Parser parser)
      : part_(part),
        strings_(strings),
        merges_(std::move(merges)),
        cell_bytes_(cell_bytes),
        each_(each),
        parser_(parser) {}

  void start(std::string_view name, const char** attributes) {
    if (name == "row") {
      std::size_t index = next_row_;
      if (const char* number = attribute(attributes, "r")) {
        std::size_t ignored = 0;
        if (!parse_cell("A" + std::string(number), index, ignored))
          fail("bad row number '" + std::string(number) + "'");
      }
      if (index < next_row_ && next_row_ > 0) fail("row " + std::to_string(index + 1) + " comes after a later row");
      const char* hidden = attribute(attributes, "hidden");
      row_ = SheetRow{index, {}, {}, hidden && (std::string_view(hidden) == "1" || std::string_view(hidden) == "true")};
      next_row_ = index + 1;
      next_column_ = 0;
      in_row_ = true;
    } else if (name == "c" && in_row_) {
      column_ = next_column_;
      if (const char* reference = attribute(attributes, "r")) {
        std::size_t cell_row = 0;
        if (!parse_cell(reference, cell_row, column_)) fail("bad cell reference '" + std::string(reference) + "'");
      }
      next_column_ = column_ + 1;
      const char* type = attribute(attributes, "t");
      type_ = type ? type : "";
      value_.clear();
      in_cell_ = true;
    } else if (in_cell_ && (name == "v" || (name == "t" && in_inline_))) {
      in_value_ = true;
    } else if (in_cell_ && name == "is") {
      in_inline_ = true;
    }
  }

  void end(std::string_view name) {
    if (name == "v" || name == "t") {
      in_value_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      end_cell();
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      end_row();
    }
  }

  void text(std::string_view chunk) {
    if (!in_value_) return;
    if (value_.size() + chunk.size() > cell_bytes_) {
      fail("cell " + cell_reference(row_.index, column_) + " holds more than " + std::to_string(cell_bytes_ >> 20) +
           " MiB");
    }
    value_ += chunk;
  }

 private:
  [[noreturn]] void fail(const std::string& message) { throw XlsxReadError(part_ + ": " + message); }

  void put(std::size_t column, std::string value, char type) {
    if (row_.values.size() <= column) {
      row_.values.resize(column + 1);
      row_.types.resize(column + 1, 0);
    }
    row_.values[column] = std::move(value);
    row_.types[column] = type;
  }

  void end_cell() {
    std::string value;
    char kind = 'n';
    if (type_ == "s") {
      std::size_t item = 0;
      auto [end, error] = std::from_chars(value_.data(), value_.data() + value_.size(), item);
      if (error != std::errc() || end != value_.data() + value_.size() || item >= strings_.size()) {
        fail("cell " + cell_reference(row_.index, column_) + " names shared string '" + value_ +
             "', which the workbook does not have");
      }
      value = std::string(strings_.at(item));
      kind = 's';
    } else {
      value = std::move(value_);
      kind = type_ == "inlineStr" || type_ == "str" ? 's' : type_ == "b" ? 'b' : type_ == "e" ? 'e' : 'n';
    }
    if (value.empty()) kind = 0;
    put(column_, std::move(value), kind);
  }

  void end_row() {
    // Merged ranges whose top row has passed fill their first column down.
    while (next_merge_ < merges_.size() && merges_[next_merge_].first_row <= row_.index) {
      active_.push_back({merges_[next_merge_], {}, 0, false});
      ++next_merge_;
    }
    for (auto& fill : active_) {
      if (fill.merge.first_row == row_.index) {
        if (fill.merge.column < row_.values.size()) {
          fill.value = row_.values[fill.merge.column];
          fill.type = row_.types[fill.merge.column];
        }
        fill.started = true;
      } else if (fill.started && row_.index <= fill.merge.last_row && !fill.value.empty()) {
        put(fill.merge.column, fill.value, fill.type);
      }
    }
    std::erase_if(active_, [&](const Fill& f) { return f.merge.last_row <= row_.index; });
    bool any = std::any_of(row_.values.begin(), row_.values.end(), [](const std::string& v) { return !v.empty(); });
    if (any && !each_(row_)) XML_StopParser(parser_, XML_FALSE);
  }

  struct Fill {
    Merge merge;
    std::string value;
    char type;
    bool started;
  };

  std::string part_;
  const SharedStrings& strings_;
  std::vector<Merge> merges_;
  std::size_t next_merge_ = 0;
  std::vector<Fill> active_;
  std::size_t cell_bytes_;
  const std::function<bool(const SheetRow&)>& each_;
  XML_Parser parser_;
  SheetRow row_;
  std::size_t next_row_ = 0, next_column_ = 0, column_ = 0;
  std::string type_, value_;
  bool in_row_ = false, in_cell_ = false, in_value_ = false, in_inline_ = false;
};

}  // namespace

struct WorkbookReader::Impl {
  std::filesystem::path path;
  ReadLimits limits;
  std::ifstream in;
  std::unique_ptr<Poco::Zip::ZipArchive> archive;
  std::atomic<std::uint64_t> inflated = 0;  // by this thread and the merge scan's
  std::vector<std::string> names;
  std::vector<std::string> targets;
  bool date1904 = false;
  std::optional<SharedStrings> strings;

  // The merged ranges of every sheet, scanned in order on another thread from the first
  // read on, so that a sheet's scan (an inflate of the whole sheet) overlaps the reading
  // of the sheets before it.
  std::vector<std::shared_future<std::vector<Merge>>> merges;
  std::atomic<bool> stop_scanning = false;
  std::thread scanner;

  ~Impl() {
    stop_scanning = true;
    if (scanner.joinable()) scanner.join();
  }

  void start_merge_scan() {
    if (scanner.joinable()) return;
    auto promises = std::make_shared<std::vector<std::promise<std::vector<Merge>>>>(targets.size());
    for (auto& promise : *promises) merges.push_back(promise.get_future().share());
    scanner = std::thread([this, promises] {
      for (std::size_t i = 0; i < targets.size(); ++i) {
        auto& promise = (*promises)[i];
        if (stop_scanning) {
          promise.set_exception(std::make_exception_ptr(XlsxReadError("the workbook was closed")));
          continue;
        }
        try {
          auto part = open(targets[i]);
          promise.set_value(read_merges(*part));
        } catch (...) {
          promise.set_exception(std::current_exception());
        }
      }
    });
  }

  std::unique_ptr<PartReader> open(const std::string& name) {
    auto header = archive->findHeader(name);
    if (header == archive->headerEnd()) {
      throw XlsxReadError(path.string() + ": no " + name + " inside (not an XLSX workbook?)");
    }
    try {
      return std::make_unique<PartReader>(path, header->second, name, limits, inflated);
    } catch (const Poco::Exception& e) {
      throw XlsxReadError(name + ": " + e.displayText());
    }
  }
  bool has(const std::string& name) const { return archive->findHeader(name) != archive->headerEnd(); }
  std::string small(const std::string& name) { return open(name)->read_all(limits.small_part_bytes); }

  const SharedStrings& shared_strings() {
    if (!strings) {
      strings.emplace();
      if (has("xl/sharedStrings.xml")) {
        auto part = open("xl/sharedStrings.xml");
        strings = read_shared_strings(*part, limits.cell_bytes);
      }
    }
    return *strings;
  }
};

WorkbookReader::WorkbookReader(const std::filesystem::path& path, ReadLimits limits) : impl_(std::make_unique<Impl>()) {
  Impl& w = *impl_;
  w.path = path;
  w.limits = limits;
  w.in.open(path, std::ios::binary);
  if (!w.in) throw XlsxReadError(path.string() + ": cannot read the file");
  try {
    w.archive = std::make_unique<Poco::Zip::ZipArchive>(w.in);
  } catch (const Poco::Exception& e) {
    throw XlsxReadError(path.string() + ": not a zip file (" + e.displayText() + ")");
  }
  auto relations = parse_dom(w.small("xl/_rels/workbook.xml.rels"), "xl/_rels/workbook.xml.rels");
  std::map<std::string, std::string> targets;
  for (Element* rel : elements_named(relations, "Relationship")) {
    std::string target = rel->getAttribute("Target");
    targets[rel->getAttribute("Id")] = target.starts_with("/") ? target.substr(1) : "xl/" + target;
  }
  auto workbook = parse_dom(w.small("xl/workbook.xml"), "xl/workbook.xml");
  if (auto properties = elements_named(workbook, "workbookPr"); !properties.empty()) {
    std::string flag = properties.front()->getAttribute("date1904");
    w.date1904 = flag == "1" || flag == "true";
  }
  for (Element* sheet : elements_named(workbook, "sheet")) {
    auto target = targets.find(sheet->getAttribute("r:id"));
    if (target == targets.end()) {
      throw XlsxReadError("xl/workbook.xml: sheet '" + sheet->getAttribute("name") + "' has no part in the workbook");
    }
    w.names.push_back(sheet->getAttribute("name"));
    w.targets.push_back(target->second);
  }
}

WorkbookReader::~WorkbookReader() = default;

const std::vector<std::string>& WorkbookReader::sheet_names() const { return impl_->names; }
bool WorkbookReader::date1904() const { return impl_->date1904; }

std::map<std::string, std::string> WorkbookReader::properties() {
  std::map<std::string, std::string> found;
  if (!impl_->has("docProps/core.xml")) return found;
  auto core = parse_dom(impl_->small("docProps/core.xml"), "docProps/core.xml");
  for (auto* node = core->documentElement()->firstChild(); node; node = node->nextSibling()) {
    if (node->nodeType() == Poco::XML::Node::ELEMENT_NODE) found[node->nodeName()] = node->innerText();
  }
  return found;
}

void WorkbookReader::read_rows(std::size_t sheet, const std::function<bool(const SheetRow&)>& each) {
  Impl& w = *impl_;
  const std::string& target = w.targets.at(sheet);
  const SharedStrings& strings = w.shared_strings();
  w.start_merge_scan();
  std::vector<Merge> merges = w.merges.at(sheet).get();
  auto part = w.open(target);
  ExpatParser expat;
  SheetParser parser(target, strings, std::move(merges), w.limits.cell_bytes, each, expat.parser);
  XML_SetUserData(expat.parser, &parser);
  XML_SetElementHandler(
      expat.parser,
      [](void* data, const char* name, const char** attributes) {
        static_cast<SheetParser*>(data)->start(local_name(name), attributes);
      },
      [](void* data, const char* name) { static_cast<SheetParser*>(data)->end(local_name(name)); });
  XML_SetCharacterDataHandler(expat.parser, [](void* data, const XML_Char* text, int length) {
    static_cast<SheetParser*>(data)->text(std::string_view(text, static_cast<std::size_t>(length)));
  });
  parse_part(*part, expat.parser);
}

void SheetData::put(std::size_t row, std::size_t column, std::string value, char type) {
  if (rows.size() <= row) {
    rows.resize(row + 1);
    types.resize(row + 1);
  }
  if (rows[row].size() <= column) {
    rows[row].resize(column + 1);
    types[row].resize(column + 1, 0);
  }
  rows[row][column] = std::move(value);
  types[row][column] = type;
}

int SheetData::column(std::string_view header) const {
  if (rows.empty()) return -1;
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    if (rows[0][i] == header) return static_cast<int>(i);
  }
  return -1;
}

SheetData SheetData::report_table() const {
  if (!keys_row || *keys_row >= rows.size()) return *this;
  SheetData table{name, {rows[*keys_row]}, {types[*keys_row]}};
  for (std::size_t r = *keys_row + 2; r < rows.size(); ++r) {  // past the labels
    table.rows.push_back(rows[r]);
    table.types.push_back(types[r]);
  }
  return table;
}

const SheetData* WorkbookData::sheet(std::string_view name) const {
  for (const auto& s : sheets) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string cell_reference(std::size_t row, std::size_t column) {
  std::string letters;
  for (std::size_t c = column + 1; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row + 1);
}

WorkbookData read_workbook(const std::filesystem::path& path) {
  WorkbookReader reader(path);
  WorkbookData data;
  data.date1904 = reader.date1904();
  for (std::size_t i = 0; i < reader.sheet_names().size(); ++i) {
    SheetData sheet{reader.sheet_names()[i], {}, {}};
    reader.read_rows(i, [&](const SheetRow& row) {
      if (row.hidden && !sheet.keys_row) sheet.keys_row = row.index;
      for (std::size_t c = 0; c < row.values.size(); ++c) {
        if (!row.values[c].empty()) sheet.put(row.index, c, row.values[c], row.types[c]);
      }
      return true;
    });
    data.sheets.push_back(std::move(sheet));
  }
  data.properties = reader.properties();
  return data;
}

}  // namespace inovasi::xlsx
