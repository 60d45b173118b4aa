#pragma once
// Just enough of PDF's object syntax to read back the files libharu writes (one classic
// cross-reference table, no object streams, no encryption) and write objects again with
// new numbers: the print file joins its volumes with it (pdf_joiner.h).

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pdf/hpdf_document.h"

namespace inovasi::pdf {

struct PdfValue {
  struct Entry;  // "/Key" and its value (defined below: a pair would need PdfValue complete)
  enum class Kind { Null, Keyword, Number, Name, String, Array, Dictionary, Reference };
  Kind kind = Kind::Null;
  // Keyword (true, false, null), Number, Name ("/Type") and String ("(...)" or "<...>")
  // keep their text as written, so writing them again changes nothing.
  std::string text;
  int object = 0;               // Reference: the object's number (generation is always 0 here)
  std::vector<PdfValue> items;  // Array
  std::vector<Entry> entries;   // Dictionary, in order

  static PdfValue reference(int object);
  static PdfValue number(long long value);

  // Dictionary lookup by name with its slash ("/Type"); null when absent.
  const PdfValue* get(std::string_view key) const;
  PdfValue* get(std::string_view key);
  bool is(Kind k) const { return kind == k; }
  // A Name or Keyword compared with its text: value.named("/Page").
  bool named(std::string_view name) const { return (kind == Kind::Name || kind == Kind::Keyword) && text == name; }
};

struct PdfValue::Entry {
  Entry(std::string key, PdfValue value) : first(std::move(key)), second(std::move(value)) {}
  std::string first;
  PdfValue second;
};

// Appends `value` in PDF syntax.
void write_value(const PdfValue& value, std::string& out);

// Appends the end of a file: the cross-reference table of objects at `offsets` (by
// number; 0 = free, and object 0 always is), the trailer, and where the table starts
// (`at`, the offset in the file where it begins), handed to `out` in pieces.
void write_file_end(const std::vector<std::uint64_t>& offsets, const PdfValue& trailer, std::uint64_t at,
                    const std::function<void(std::string_view)>& out);

// One indirect object: its value and, for a stream, its raw (still encoded) data.
struct PdfObject {
  PdfValue value;
  std::string_view stream;  // points into the file's bytes
  bool has_stream = false;
};

// A whole PDF held in memory, read object by object on demand. Throws PdfError naming
// `what` and the offset for anything it cannot read.
class PdfFile {
 public:
  PdfFile(std::string_view bytes, std::string what);
  // It reads the bytes in place: they must outlive it, so a temporary is refused.
  PdfFile(std::string&& bytes, std::string what) = delete;

  const PdfValue& trailer() const { return trailer_; }
  PdfObject object(int number) const;
  // Object numbers run from 1 to size() - 1; some may be free.
  int size() const { return static_cast<int>(offsets_.size()); }
  bool in_use(int number) const {
    return number > 0 && number < size() && offsets_[static_cast<std::size_t>(number)] != 0;
  }
  // What comes before the first object: the header and its binary-marker comment.
  std::string_view header() const;
  // An object's bytes as written, from its number to where the next object (or the
  // cross-reference table) starts.
  std::string_view raw(int number) const;
  // The object a value is, following one reference.
  PdfValue resolve(const PdfValue& value) const;
  // Page objects in order, read from the page tree under the catalog.
  std::vector<int> pages() const;

 private:
  [[noreturn]] void fail(std::size_t at, const std::string& message) const;
  // Object `number`'s value, without its stream; `end` is where the value ends.
  PdfValue value_at(int number, std::size_t& end) const;
  void collect_pages(int node, std::vector<int>& pages, int depth) const;

  std::string_view bytes_;
  std::string what_;
  std::vector<std::uint64_t> offsets_;  // by object number; 0 = free
  std::vector<std::uint64_t> ends_;     // by object number: where its bytes end
  PdfValue trailer_;
};

}  // namespace inovasi::pdf
