#include "pdf/hpdf_document.h"

#include <cstdio>

namespace inovasi::pdf {
namespace {

std::string describe(HPDF_STATUS code) {
  switch (code) {
    case HPDF_FILE_OPEN_ERROR: return "cannot open the file";
    case HPDF_FILE_IO_ERROR: return "cannot read or write the file";
    case HPDF_INVALID_FONTDEF_DATA: return "the font file is not a usable TrueType font";
    case HPDF_TTF_INVALID_FOMAT: return "the font file is not a TrueType font";
    case HPDF_TTF_INVALID_CMAP: return "the font has no usable character map";
    case HPDF_TTF_MISSING_TABLE: return "the font file lacks a required table";
    case HPDF_INVALID_PNG_IMAGE: return "not a usable PNG image";
    case HPDF_UNSUPPORTED_JPEG_FORMAT: return "unsupported JPEG format";
    case HPDF_INVALID_JPEG_DATA: return "not a usable JPEG image";
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    case HPDF_INVALID_ENCODER: return "invalid text encoder";
    case HPDF_INVALID_FONT_NAME: return "invalid font name";
    default: {
      char text[32];
      std::snprintf(text, sizeof text, "libharu error 0x%04X", static_cast<unsigned>(code));
      return text;
    }
  }
}

}  // namespace

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
  HPDF_UINT32 size = HPDF_GetStreamSize(doc_);
  std::string bytes(size, '\0');
  HPDF_UINT32 read = size;
  HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read);
  // ReadFromStream reports end of stream as an error once everything is read.
  if (error_->code == HPDF_STREAM_EOF) {
    *error_ = {};
    HPDF_ResetError(doc_);
  }
  check("reading the PDF back");
  bytes.resize(read);
  return bytes;
}

}  // namespace inovasi::pdf
