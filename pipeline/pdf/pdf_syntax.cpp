#include "pdf/pdf_syntax.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>

namespace inovasi::pdf {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_delimiter(char c) { return std::strchr("()<>[]{}/%", c) != nullptr && c != '\0'; }
bool is_regular(char c) { return !is_space(c) && !is_delimiter(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Nesting deeper than this is not something libharu writes; refusing it keeps a damaged
// file from exhausting the stack.
constexpr int kMaxDepth = 64;

class Reader {
 public:
  Reader(std::string_view bytes, std::size_t at, const std::string& what) : s_(bytes), at_(at), what_(what) {}

  std::size_t at() const { return at_; }
  void seek(std::size_t at) { at_ = at; }

  [[noreturn]] void fail(const std::string& message) const {
    throw PdfError(what_ + ": byte " + std::to_string(at_) + ": " + message);
  }

  void skip_space() {
    while (at_ < s_.size()) {
      if (is_space(s_[at_])) {
        ++at_;
      } else if (s_[at_] == '%') {
        while (at_ < s_.size() && s_[at_] != '\n' && s_[at_] != '\r') ++at_;
      } else {
        break;
      }
    }
  }

  bool looking_at(std::string_view word) {
    skip_space();
    return s_.substr(at_, word.size()) == word;
  }

  void expect(std::string_view word) {
    if (!looking_at(word)) fail("expected '" + std::string(word) + "'");
    at_ += word.size();
  }

  long long integer() {
    skip_space();
    long long value = 0;
    auto [end, error] = std::from_chars(s_.data() + at_, s_.data() + s_.size(), value);
    if (error != std::errc{} || end == s_.data() + at_) fail("expected a whole number");
    at_ = static_cast<std::size_t>(end - s_.data());
    return value;
  }

  PdfValue value(int depth = 0) {
    if (depth > kMaxDepth) fail("objects nested too deeply");
    skip_space();
    if (at_ >= s_.size()) fail("unexpected end of file");
    char c = s_[at_];
    PdfValue v;
    if (c == '<' && at_ + 1 < s_.size() && s_[at_ + 1] == '<') {
      at_ += 2;
      v.kind = PdfValue::Kind::Dictionary;
      while (!looking_at(">>")) {
        if (at_ >= s_.size() || s_[at_] != '/') fail("expected a name as dictionary key");
        std::string key = name();
        v.entries.emplace_back(std::move(key), value(depth + 1));
      }
      at_ += 2;
    } else if (c == '[') {
      ++at_;
      v.kind = PdfValue::Kind::Array;
      while (!looking_at("]")) {
        if (at_ >= s_.size()) fail("unterminated array");
        v.items.push_back(value(depth + 1));
      }
      ++at_;
    } else if (c == '(') {
      v.kind = PdfValue::Kind::String;
      v.text = literal_string();
    } else if (c == '<') {
      auto end = s_.find('>', at_);
      if (end == std::string_view::npos) fail("unterminated hex string");
      v.kind = PdfValue::Kind::String;
      v.text = std::string(s_.substr(at_, end + 1 - at_));
      at_ = end + 1;
    } else if (c == '/') {
      v.kind = PdfValue::Kind::Name;
      v.text = name();
    } else if (is_digit(c) || c == '+' || c == '-' || c == '.') {
      v = number_or_reference();
    } else if (is_regular(c)) {
      std::size_t start = at_;
      while (at_ < s_.size() && is_regular(s_[at_])) ++at_;
      v.text = std::string(s_.substr(start, at_ - start));
      if (v.text != "true" && v.text != "false" && v.text != "null") fail("unexpected '" + v.text + "'");
      v.kind = v.text == "null" ? PdfValue::Kind::Null : PdfValue::Kind::Keyword;
    } else {
      fail(std::string("unexpected '") + c + "'");
    }
    return v;
  }

 private:
  std::string name() {
    std::size_t start = at_++;
    while (at_ < s_.size() && is_regular(s_[at_])) ++at_;
    return std::string(s_.substr(start, at_ - start));
  }

  std::string literal_string() {
    std::size_t start = at_++;
    int depth = 1;
    while (depth > 0) {
      if (at_ >= s_.size()) fail("unterminated string");
      char c = s_[at_++];
      if (c == '\\') {
        ++at_;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        --depth;
      }
    }
    return std::string(s_.substr(start, at_ - start));
  }

  // "12", "-3.5", or "12 0 R" (a reference), told apart by looking ahead.
  PdfValue number_or_reference() {
    std::size_t start = at_;
    while (at_ < s_.size() && (is_digit(s_[at_]) || s_[at_] == '+' || s_[at_] == '-' || s_[at_] == '.')) ++at_;
    PdfValue v;
    v.kind = PdfValue::Kind::Number;
    v.text = std::string(s_.substr(start, at_ - start));
    bool whole = v.text.find_first_not_of("0123456789") == std::string::npos;
    if (!whole) return v;
    std::size_t after = at_;
    skip_space();
    std::size_t generation = at_;
    while (at_ < s_.size() && is_digit(s_[at_])) ++at_;
    if (at_ > generation) {
      skip_space();
      if (at_ < s_.size() && s_[at_] == 'R' && (at_ + 1 == s_.size() || !is_regular(s_[at_ + 1]))) {
        ++at_;
        int object = 0;
        std::from_chars(v.text.data(), v.text.data() + v.text.size(), object);
        return PdfValue::reference(object);
      }
    }
    at_ = after;
    return v;
  }

  std::string_view s_;
  std::size_t at_;
  const std::string& what_;
};

}  // namespace

PdfValue PdfValue::reference(int object) {
  PdfValue v;
  v.kind = Kind::Reference;
  v.object = object;
  return v;
}

PdfValue PdfValue::number(long long value) {
  PdfValue v;
  v.kind = Kind::Number;
  v.text = std::to_string(value);
  return v;
}

const PdfValue* PdfValue::get(std::string_view key) const {
  for (const auto& [name, value] : entries) {
    if (name == key) return &value;
  }
  return nullptr;
}

PdfValue* PdfValue::get(std::string_view key) {
  return const_cast<PdfValue*>(static_cast<const PdfValue&>(*this).get(key));
}

void write_value(const PdfValue& value, std::string& out) {
  switch (value.kind) {
    case PdfValue::Kind::Null:
      out += "null";
      break;
    case PdfValue::Kind::Keyword:
    case PdfValue::Kind::Number:
    case PdfValue::Kind::Name:
    case PdfValue::Kind::String:
      out += value.text;
      break;
    case PdfValue::Kind::Reference:
      out += std::to_string(value.object);
      out += " 0 R";
      break;
    case PdfValue::Kind::Array:
      out += '[';
      for (const auto& item : value.items) {
        out += ' ';
        write_value(item, out);
      }
      out += " ]";
      break;
    case PdfValue::Kind::Dictionary:
      out += "<<";
      for (const auto& [key, item] : value.entries) {
        out += '\n';
        out += key;
        out += ' ';
        write_value(item, out);
      }
      out += "\n>>";
      break;
  }
}

void write_file_end(const std::vector<std::uint64_t>& offsets, const PdfValue& trailer, std::uint64_t at,
                    const std::function<void(std::string_view)>& out) {
  std::string piece = "xref\n0 " + std::to_string(offsets.size()) + "\n";
  char entry[32];
  for (std::size_t n = 0; n < offsets.size(); ++n) {
    if (n == 0 || offsets[n] == 0) {
      piece += "0000000000 65535 f \n";
    } else {
      std::snprintf(entry, sizeof entry, "%010llu 00000 n \n", static_cast<unsigned long long>(offsets[n]));
      piece += entry;
    }
    if (piece.size() >= 1 << 16) {
      out(piece);
      piece.clear();
    }
  }
  piece += "trailer\n";
  write_value(trailer, piece);
  piece += "\nstartxref\n" + std::to_string(at) + "\n%%EOF\n";
  out(piece);
}

PdfFile::PdfFile(std::string_view bytes, std::string what) : bytes_(bytes), what_(std::move(what)) {
  auto start = bytes_.rfind("startxref");
  if (start == std::string_view::npos) fail(bytes_.size(), "no startxref: not a whole PDF");
  Reader reader(bytes_, start + 9, what_);
  auto xref = reader.integer();
  if (xref < 0 || static_cast<std::size_t>(xref) >= bytes_.size()) fail(start, "startxref points outside the file");
  reader.seek(static_cast<std::size_t>(xref));
  reader.expect("xref");
  while (!reader.looking_at("trailer")) {
    long long first = reader.integer();
    long long count = reader.integer();
    constexpr long long kMaxObjects = 10'000'000;
    if (first < 0 || count < 0 || first > kMaxObjects || count > kMaxObjects - first) {
      reader.fail("implausible cross-reference section");
    }
    if (offsets_.size() < static_cast<std::size_t>(first + count))
      offsets_.resize(static_cast<std::size_t>(first + count));
    for (long long i = 0; i < count; ++i) {
      long long offset = reader.integer();
      reader.integer();  // generation
      reader.skip_space();
      bool in_use = reader.looking_at("n");
      if (!in_use && !reader.looking_at("f")) reader.fail("bad cross-reference entry");
      reader.seek(reader.at() + 1);
      if (offset < 0 || static_cast<std::size_t>(offset) >= bytes_.size()) reader.fail("offset outside the file");
      offsets_[static_cast<std::size_t>(first + i)] = in_use ? static_cast<std::uint64_t>(offset) : 0;
    }
  }
  reader.expect("trailer");
  trailer_ = reader.value();
  if (!trailer_.is(PdfValue::Kind::Dictionary)) reader.fail("the trailer is not a dictionary");
  // Incremental updates chain older tables with /Prev; libharu writes none.
  if (trailer_.get("/Prev")) reader.fail("incrementally updated files are not supported");
  std::vector<std::pair<std::uint64_t, std::size_t>> by_offset;
  for (std::size_t n = 0; n < offsets_.size(); ++n) {
    if (offsets_[n] != 0) by_offset.emplace_back(offsets_[n], n);
  }
  std::sort(by_offset.begin(), by_offset.end());
  ends_.assign(offsets_.size(), 0);
  for (std::size_t i = 0; i < by_offset.size(); ++i) {
    std::uint64_t end = i + 1 < by_offset.size() ? by_offset[i + 1].first : static_cast<std::uint64_t>(xref);
    if (end < by_offset[i].first) end = bytes_.size();  // objects after the table
    ends_[by_offset[i].second] = end;
  }
}

void PdfFile::fail(std::size_t at, const std::string& message) const {
  throw PdfError(what_ + ": byte " + std::to_string(at) + ": " + message);
}

PdfValue PdfFile::value_at(int number, std::size_t& end) const {
  if (!in_use(number)) {
    fail(bytes_.size(), "object " + std::to_string(number) + " is not in the file");
  }
  Reader reader(bytes_, offsets_[static_cast<std::size_t>(number)], what_);
  if (reader.integer() != number) reader.fail("object " + std::to_string(number) + " is not where the table says");
  reader.integer();
  reader.expect("obj");
  PdfValue value = reader.value();
  end = reader.at();
  return value;
}

PdfObject PdfFile::object(int number) const {
  std::size_t end = 0;
  PdfObject object;
  object.value = value_at(number, end);
  Reader reader(bytes_, end, what_);
  if (!reader.looking_at("stream")) return object;
  // The keyword ends its line with CRLF or LF, and the data starts right after.
  std::size_t data = reader.at() + 6;
  if (bytes_.substr(data, 2) == "\r\n") {
    data += 2;
  } else if (bytes_.substr(data, 1) == "\n") {
    data += 1;
  } else {
    fail(data, "object " + std::to_string(number) + ": 'stream' not followed by a line end");
  }
  const PdfValue* length = object.value.get("/Length");
  PdfValue resolved = length ? resolve(*length) : PdfValue{};
  long long size = -1;
  if (resolved.is(PdfValue::Kind::Number))
    std::from_chars(resolved.text.data(), resolved.text.data() + resolved.text.size(), size);
  if (size < 0 || data + static_cast<std::size_t>(size) > bytes_.size()) {
    fail(data, "object " + std::to_string(number) + ": stream without a usable /Length");
  }
  object.stream = bytes_.substr(data, static_cast<std::size_t>(size));
  object.has_stream = true;
  reader.seek(data + static_cast<std::size_t>(size));
  reader.expect("endstream");
  return object;
}

std::string_view PdfFile::header() const {
  std::uint64_t first = bytes_.size();
  for (auto offset : offsets_) {
    if (offset != 0) first = std::min(first, offset);
  }
  return bytes_.substr(0, static_cast<std::size_t>(first));
}

std::string_view PdfFile::raw(int number) const {
  if (!in_use(number)) fail(bytes_.size(), "object " + std::to_string(number) + " is not in the file");
  auto offset = offsets_[static_cast<std::size_t>(number)];
  return bytes_.substr(static_cast<std::size_t>(offset),
                       static_cast<std::size_t>(ends_[static_cast<std::size_t>(number)] - offset));
}

PdfValue PdfFile::resolve(const PdfValue& value) const {
  if (!value.is(PdfValue::Kind::Reference)) return value;
  // Only the value: a stream whose /Length refers to itself must not recurse.
  std::size_t end = 0;
  return value_at(value.object, end);
}

std::vector<int> PdfFile::pages() const {
  const PdfValue* root = trailer_.get("/Root");
  if (!root || !root->is(PdfValue::Kind::Reference)) fail(bytes_.size(), "the trailer names no catalog");
  PdfValue catalog = object(root->object).value;
  const PdfValue* tree = catalog.get("/Pages");
  if (!tree || !tree->is(PdfValue::Kind::Reference)) fail(bytes_.size(), "the catalog names no page tree");
  std::vector<int> pages;
  collect_pages(tree->object, pages, 0);
  return pages;
}

void PdfFile::collect_pages(int node, std::vector<int>& pages, int depth) const {
  if (depth > kMaxDepth) fail(bytes_.size(), "the page tree is too deep (a loop?)");
  PdfValue value = object(node).value;
  const PdfValue* type = value.get("/Type");
  if (type && type->named("/Page")) {
    pages.push_back(node);
    return;
  }
  const PdfValue* kids = value.get("/Kids");
  if (!kids || !kids->is(PdfValue::Kind::Array))
    fail(bytes_.size(), "page tree node " + std::to_string(node) + " has no /Kids");
  for (const auto& kid : kids->items) {
    if (!kid.is(PdfValue::Kind::Reference))
      fail(bytes_.size(), "page tree node " + std::to_string(node) + ": a kid is not a reference");
    collect_pages(kid.object, pages, depth + 1);
  }
}

}  // namespace inovasi::pdf
