#pragma once
// Joins PDFs that libharu wrote (the print file's volumes) into one file, streamed out
// as the volumes come, so the whole file is never held in memory: libharu keeps every
// page of a document until it saves, about 22 KB each.
//
// Pages keep their content and their own images (the QR codes); the resources volumes
// share byte for byte (fonts embedded with every glyph, logos) are written once; the
// page tree, outline, catalog and cross-reference table are the joiner's own. Streams a
// volume left unfiltered (libharu saves them so) are deflated as they are copied.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pdf/pdf_syntax.h"
#include "pdf/stream_compression.h"

namespace inovasi::pdf {

// A bookmark of a volume: `page` counts from the volume's first page; `top` is the
// height on the page, in points from the bottom, the reader scrolls to.
struct OutlineEntry {
  std::string title;  // UTF-8
  int level = 0;      // 0 = top
  int page = 0;
  double top = 0;
};

class PdfJoiner {
 public:
  // Receives the file in order, in pieces of about a megabyte.
  using Sink = std::function<void(std::string_view)>;
  explicit PdfJoiner(Sink sink);

  // Appends every page of `volume`, in order, with its outline entries. The document
  // information of the first volume that has any becomes the file's. Throws PdfError.
  void append(std::string_view volume, const std::vector<OutlineEntry>& outline);
  // Writes what ties the pages together and the cross-reference table; returns the page
  // count. Nothing may be appended after.
  int finish();
  // Bytes handed to the sink so far.
  std::uint64_t size() const { return written_ + pending_.size(); }

 private:
  class VolumeCopy;
  int allocate();
  void write_object(int number, const PdfValue& value, std::string_view stream = {}, bool has_stream = false);
  // An object of a volume, its references already renumbered; a stream the volume left
  // unfiltered is deflated here, and its length written in.
  void write_copy(int number, PdfObject object);
  void emit(std::string_view bytes);
  void flush();
  void add_outline_entry(const OutlineEntry& entry, int page_object);
  // Writes the deepest open entry, whose next sibling is `next` (0: none).
  void close_outline_entry(int next);

  Sink sink_;
  std::uint64_t written_ = 0;
  std::string pending_;
  std::vector<std::uint64_t> offsets_{0};  // by object number; object 0 is the free list head
  int page_root_ = 0;
  std::vector<int> pages_;  // page objects in order
  std::vector<int> nodes_;  // page tree nodes under the root, kPagesPerNode pages each
  // The outline's entries not yet written: the last entry of each level, down to the
  // latest. Object numbers are never 0, which stands for none.
  struct OpenEntry {
    int number = 0;
    std::string title;
    int page_object = 0;
    double top = 0;
    int previous = 0, first = 0, last = 0;  // its previous sibling; its first and last child
    long long count = 0;                    // its descendants
  };
  std::vector<OpenEntry> open_;
  int outline_root_ = 0, outline_first_ = 0, outline_last_ = 0;
  long long outline_count_ = 0;
  std::unordered_map<std::string, int> shared_;  // SHA-256 of a written shared object -> its number
  // Volumes are saved without deflating: libdeflate here is several times faster than
  // libharu's zlib in the workers, and this thread mostly waits for them.
  Deflater deflater_;
  std::string deflated_;  // the last deflated stream, until it is written
  int info_ = 0;
  int volumes_ = 0;
};

}  // namespace inovasi::pdf
