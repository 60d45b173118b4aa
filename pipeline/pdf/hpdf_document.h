#pragma once
// RAII around libharu's HPDF_Doc. libharu reports errors through a C callback, after
// which the document refuses every later call; we never throw through its C frames:
// the callback records the error and check() throws in our own frames.

#include <hpdf.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "support/located_error.h"

namespace inovasi::pdf {

// libharu failed to make a PDF, or a PDF cannot be read back.
class PdfError : public LocatedError {
 public:
  explicit PdfError(const std::string& message) : LocatedError(ErrorKind::Output, message) {}
  PdfError(ErrorPlace place, const std::string& message) : LocatedError(ErrorKind::Output, std::move(place), message) {}
};

class HpdfDocument {
 public:
  HpdfDocument();
  ~HpdfDocument();
  HpdfDocument(const HpdfDocument&) = delete;
  HpdfDocument& operator=(const HpdfDocument&) = delete;

  HPDF_Doc get() const { return doc_; }
  // Throws PdfError naming `what` when libharu recorded an error since the last check.
  void check(std::string_view what);
  // The whole file, from libharu's memory stream.
  std::string save_to_memory();
  // Registers a TrueType font, embedded, read from `file` (which must outlive this
  // document: libharu reads the glyphs again when it saves), and returns libharu's name
  // for it (HPDF_GetFont). Throws PdfError naming `what`. The subset tag libharu puts
  // before the name counts up per document; with `tag` >= 0 it is made from `tag`
  // instead, so the same face gets the same name in every document.
  std::string load_truetype(std::string_view file, std::string_view what, int tag = -1);
  // The same for a font made for this document only (a subset): the document keeps it.
  std::string adopt_truetype(std::string file, std::string_view what);

 private:
  struct ErrorState {
    HPDF_STATUS code = 0;
    HPDF_STATUS detail = 0;
  };
  static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user);

  struct MemoryReader;

  std::unique_ptr<ErrorState> error_;                   // on the heap: libharu keeps a pointer to it
  std::vector<std::unique_ptr<MemoryReader>> readers_;  // freed after HPDF_Free, which may still read
  std::vector<std::unique_ptr<std::string>> adopted_;   // fonts the readers read
  HPDF_Doc doc_ = nullptr;
};

}  // namespace inovasi::pdf
