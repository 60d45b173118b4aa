#include "pdf/stream_compression.h"

#include <libdeflate.h>

#include <map>
#include <vector>

namespace inovasi::pdf {
namespace {

// libdeflate's fastest level: the same ratio as zlib's fastest on font data, and the
// largest saving of time.
constexpr int kLevel = 1;

struct Rewritten {
  bool parsed = false;  // false: copied as written
  PdfObject object;
  std::string deflated;  // when the stream was deflated here
};

}  // namespace

void Deflater::Free::operator()(libdeflate_compressor* compressor) const { libdeflate_free_compressor(compressor); }

Deflater::Deflater() : compressor_(libdeflate_alloc_compressor(kLevel)) {
  if (!compressor_) throw PdfError("out of memory for the stream compressor");
}

bool Deflater::deflate(std::string_view data, std::string& out) {
  out.resize(libdeflate_zlib_compress_bound(compressor_.get(), data.size()));
  std::size_t size = libdeflate_zlib_compress(compressor_.get(), data.data(), data.size(), out.data(), out.size());
  if (size == 0 || size >= data.size()) {
    out.clear();
    return false;
  }
  out.resize(size);
  return true;
}

bool Deflater::deflate_stream(PdfObject& object, std::string& storage) {
  if (!object.has_stream || object.stream.empty() || object.value.get("/Filter")) return false;
  if (!deflate(object.stream, storage)) return false;
  object.stream = storage;
  PdfValue filter;
  filter.kind = PdfValue::Kind::Name;
  filter.text = "/FlateDecode";
  object.value.entries.emplace_back("/Filter", std::move(filter));
  return true;
}

std::string compress_streams(std::string_view pdf, const std::string& what) {
  PdfFile file(pdf, what);
  Deflater deflater;

  // Pass 1: deflate, and note the new length of each stream whose /Length is an object
  // of its own (libharu's way), so that object can be written with it.
  std::vector<Rewritten> objects(static_cast<std::size_t>(file.size()));
  struct LengthObject {
    std::size_t length = 0;  // the new length of the (last) stream naming it
    int users = 0;           // streams naming it
  };
  std::map<int, LengthObject> lengths;
  for (int n = 1; n < file.size(); ++n) {
    if (!file.in_use(n)) continue;
    // Only stream objects need reading; the rest (font widths, descriptors) are copied
    // as they are, which is most of the saving of not parsing them.
    if (file.raw(n).find("stream") == std::string_view::npos) continue;
    Rewritten& entry = objects[static_cast<std::size_t>(n)];
    entry.object = file.object(n);
    entry.parsed = true;
    PdfObject& object = entry.object;
    if (!object.has_stream) continue;
    deflater.deflate_stream(object, entry.deflated);
    PdfValue* length = object.value.get("/Length");
    if (length && length->is(PdfValue::Kind::Reference)) {
      auto& named = lengths[length->object];
      named.length = object.stream.size();
      ++named.users;
    }
  }
  // A length object shared by several streams cannot hold all their lengths: those
  // streams get theirs written in.
  for (int n = 1; n < file.size(); ++n) {
    PdfObject& object = objects[static_cast<std::size_t>(n)].object;
    if (!object.has_stream) continue;
    PdfValue* length = object.value.get("/Length");
    if (!length) {
      object.value.entries.emplace_back("/Length", PdfValue::number(static_cast<long long>(object.stream.size())));
    } else if (!length->is(PdfValue::Kind::Reference) || lengths[length->object].users > 1) {
      *length = PdfValue::number(static_cast<long long>(object.stream.size()));
    }
  }

  // Pass 2: write, same numbers, new table.
  std::string out(file.header());
  out.reserve(pdf.size());
  std::vector<std::uint64_t> offsets(static_cast<std::size_t>(file.size()), 0);
  for (int n = 1; n < file.size(); ++n) {
    if (!file.in_use(n)) continue;
    offsets[static_cast<std::size_t>(n)] = out.size();
    const Rewritten& entry = objects[static_cast<std::size_t>(n)];
    const PdfObject& object = entry.object;
    auto length = lengths.find(n);
    bool new_length = length != lengths.end() && length->second.users == 1;
    if (!entry.parsed && !new_length) {
      std::string_view raw = file.raw(n);
      out += raw;
      if (!raw.empty() && raw.back() != '\n') out += '\n';
      continue;
    }
    out += std::to_string(n);
    out += " 0 obj\n";
    if (new_length) {
      out += std::to_string(length->second.length);
    } else {
      write_value(object.value, out);
    }
    if (object.has_stream) {
      out += "\nstream\n";
      out += object.stream;
      out += "\nendstream";
    }
    out += "\nendobj\n";
  }
  PdfValue trailer = file.trailer();
  if (PdfValue* size = trailer.get("/Size")) *size = PdfValue::number(file.size());
  write_file_end(offsets, trailer, out.size(), [&out](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace inovasi::pdf
