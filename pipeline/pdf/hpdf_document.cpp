#include "pdf/hpdf_document.h"

#include <hpdf_doc.h>
#include <hpdf_fontdef.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace inovasi::pdf {
namespace {

std::string describe(HPDF_STATUS code) {
  switch (code) {
    case HPDF_FILE_OPEN_ERROR:
      return "cannot open the file";
    case HPDF_FILE_IO_ERROR:
      return "cannot read or write the file";
    case HPDF_INVALID_FONTDEF_DATA:
      return "the font file is not a usable TrueType font";
    case HPDF_TTF_INVALID_FOMAT:
      return "the font file is not a TrueType font";
    case HPDF_TTF_INVALID_CMAP:
      return "the font has no usable character map";
    case HPDF_TTF_MISSING_TABLE:
      return "the font file lacks a required table";
    case HPDF_INVALID_PNG_IMAGE:
      return "not a usable PNG image";
    case HPDF_UNSUPPORTED_JPEG_FORMAT:
      return "unsupported JPEG format";
    case HPDF_INVALID_JPEG_DATA:
      return "not a usable JPEG image";
    case HPDF_FAILD_TO_ALLOC_MEM:
      return "out of memory";
    case HPDF_INVALID_ENCODER:
      return "invalid text encoder";
    case HPDF_INVALID_FONT_NAME:
      return "invalid font name";
    default: {
      char text[32];
      std::snprintf(text, sizeof text, "libharu error 0x%04X", static_cast<unsigned>(code));
      return text;
    }
  }
}

}  // namespace

// A read cursor over font bytes, for libharu's callback stream.
struct HpdfDocument::MemoryReader {
  std::string_view bytes;
  std::size_t at = 0;

  static MemoryReader& of(HPDF_Stream stream) { return *static_cast<MemoryReader*>(stream->attr); }
  static HPDF_STATUS read(HPDF_Stream stream, HPDF_BYTE* into, HPDF_UINT* size) {
    auto& self = of(stream);
    std::size_t wanted = *size;
    std::size_t n = std::min(wanted, self.bytes.size() - self.at);
    std::memcpy(into, self.bytes.data() + self.at, n);
    self.at += n;
    *size = static_cast<HPDF_UINT>(n);
    return n < wanted ? HPDF_STREAM_EOF : HPDF_OK;
  }
  static HPDF_STATUS seek(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
    auto& self = of(stream);
    long long base = mode == HPDF_SEEK_SET   ? 0
                     : mode == HPDF_SEEK_CUR ? static_cast<long long>(self.at)
                                             : static_cast<long long>(self.bytes.size());
    long long target = base + pos;
    if (target < 0 || target > static_cast<long long>(self.bytes.size())) {
      return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
    }
    self.at = static_cast<std::size_t>(target);
    return HPDF_OK;
  }
  static HPDF_INT32 tell(HPDF_Stream stream) { return static_cast<HPDF_INT32>(of(stream).at); }
  static HPDF_UINT32 size(HPDF_Stream stream) { return static_cast<HPDF_UINT32>(of(stream).bytes.size()); }
};

std::string HpdfDocument::load_truetype(std::string_view file, std::string_view what, int tag) {
  readers_.push_back(std::make_unique<MemoryReader>(MemoryReader{file, 0}));
  HPDF_Stream stream = HPDF_CallbackReader_New(doc_->mmgr, &MemoryReader::read, &MemoryReader::seek,
                                               &MemoryReader::tell, &MemoryReader::size, readers_.back().get());
  if (!stream) {
    check(what);
    throw PdfError(std::string(what) + ": out of memory");
  }
  // What HPDF_LoadTTFontFromFile does after opening the file (libharu has no public
  // call that takes memory): parse, register, and give the subset its tag.
  HPDF_FontDef def = HPDF_TTFontDef_Load(doc_->mmgr, stream, HPDF_TRUE);
  check(what);
  if (!def) throw PdfError(std::string(what) + ": libharu could not read the font");
  HPDF_Doc_RegisterFontDef(doc_, def);
  check(what);
  if (tag >= 0) {
    char fixed[7] = "AAAAAA";
    for (int i = 5, rest = tag; i >= 0 && rest > 0; --i, rest /= 26) fixed[i] = static_cast<char>('A' + rest % 26);
    HPDF_TTFontDef_SetTagName(def, fixed);
  } else {
    if (doc_->ttfont_tag[0] == 0) {
      std::memcpy(doc_->ttfont_tag, "HPDFAA", 6);
    } else {
      for (int i = 5; i >= 0; --i) {
        if (++doc_->ttfont_tag[i] <= 'Z') break;
        doc_->ttfont_tag[i] = 'A';
      }
    }
    HPDF_TTFontDef_SetTagName(def, reinterpret_cast<char*>(doc_->ttfont_tag));
  }
  check(what);
  return def->base_font;
}

std::string HpdfDocument::adopt_truetype(std::string file, std::string_view what) {
  adopted_.push_back(std::make_unique<std::string>(std::move(file)));
  return load_truetype(*adopted_.back(), what);
}

void HpdfDocument::on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* state = static_cast<ErrorState*>(user);
  if (state->code == 0) *state = {code, detail};  // keep the first: later ones follow from it
}

HpdfDocument::HpdfDocument() : error_(std::make_unique<ErrorState>()) {
  doc_ = HPDF_New(&HpdfDocument::on_error, error_.get());
  if (!doc_) throw PdfError("cannot create a PDF document (out of memory)");
}

HpdfDocument::~HpdfDocument() { HPDF_Free(doc_); }

void HpdfDocument::check(std::string_view what) {
  if (error_->code == 0) return;
  std::string message = std::string(what) + ": " + describe(error_->code);
  if (error_->detail) message += " (detail " + std::to_string(error_->detail) + ")";
  *error_ = {};
  HPDF_ResetError(doc_);
  throw PdfError(message);
}

std::string HpdfDocument::save_to_memory() {
  HPDF_SaveToStream(doc_);
  check("writing the PDF");
  // Copied straight out of libharu's buffers: HPDF_ReadFromStream copies byte by byte.
  HPDF_Stream stream = doc_->stream;
  std::string bytes;
  bytes.reserve(HPDF_GetStreamSize(doc_));
  for (HPDF_UINT i = 0, count = HPDF_MemStream_GetBufCount(stream); i < count; ++i) {
    HPDF_UINT length = 0;
    const HPDF_BYTE* part = HPDF_MemStream_GetBufPtr(stream, i, &length);
    check("reading the PDF back");
    bytes.append(reinterpret_cast<const char*>(part), std::min<std::size_t>(length, bytes.capacity() - bytes.size()));
  }
  if (bytes.size() != HPDF_GetStreamSize(doc_)) throw PdfError("reading the PDF back: size mismatch");
  return bytes;
}

}  // namespace inovasi::pdf
