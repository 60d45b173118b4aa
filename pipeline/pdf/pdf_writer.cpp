#include "support/utf8.h"
#include "pdf/pdf_writer.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <charconv>

#include <map>
#include <vector>

#include "layout/inline.h"
#include "pdf/cp1252.h"
#include "pdf/font_subset.h"
#include "pdf/stream_compression.h"

namespace inovasi::pdf {
namespace {

using namespace layout;

// A number as page content writes it: at most four decimals, no trailing zeros.
void append_number(std::string& out, double value) {
  char buffer[32];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 4).ptr;
  std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
  if (text.find('.') != std::string_view::npos) {
    while (text.ends_with('0')) text.remove_suffix(1);
    if (text.ends_with('.')) text.remove_suffix(1);
  }
  out += text == "-0" ? "0" : text;
}

// The characters each face draws in the document, for its subset.
CharactersByFace characters_by_face(const LaidOutDocument& laid_out) {
  CharactersByFace used;
  for (const auto& page : laid_out.pages) {
    for (const auto& op : page.ops) {
      const auto* text = std::get_if<TextOp>(&op);
      if (!text) continue;
      auto& characters = used[text->face];
      for (std::size_t i = 0; i < text->text.size();) characters.insert(next_code_point(text->text, i));
    }
  }
  return used;
}

TextEncoding choose_encoding(const LaidOutDocument& laid_out) {
  for (const auto& page : laid_out.pages) {
    for (const auto& op : page.ops) {
      if (const auto* text = std::get_if<TextOp>(&op); text && !fits_cp1252(text->text)) return TextEncoding::Utf8;
    }
  }
  return TextEncoding::Cp1252;
}

class PageWriter {
 public:
  PageWriter(HpdfDocument& document, FontSet& fonts, TextEncoding encoding, std::optional<CharactersByFace> subsets)
      : document_(document), fonts_(fonts), encoding_(encoding), subsets_(std::move(subsets)) {}

  HPDF_Page draw(const Page& page, const PaperSize& paper) {
    HPDF_Page handle = HPDF_AddPage(document_.get());
    document_.check("adding a page");
    if (!handle) throw PdfError("adding a page: libharu refused it");
    HPDF_Page_SetWidth(handle, static_cast<HPDF_REAL>(paper.width));
    HPDF_Page_SetHeight(handle, static_cast<HPDF_REAL>(paper.height));
    height_ = paper.height;
    page_ = handle;
    current_font_ = nullptr;
    current_size_ = 0;
    for (const auto& op : page.ops) std::visit([&](const auto& o) { draw_op(o); }, op);
    document_.check("drawing a page");
    return handle;
  }

 private:
  HPDF_Font font(int face) {
    auto it = fonts_cache_.find(face);
    if (it != fonts_cache_.end()) return it->second;
    const char* encoding = encoding_ == TextEncoding::Cp1252 ? "CP1252" : "UTF-8";
    // Embedded on first use: a page names only the faces layout chose for its text.
    const FontFace& source = fonts_.face(face);
    std::string what = "embedding font " + source.path.string();
    auto used = subsets_ ? subsets_->find(face) : CharactersByFace::const_iterator{};
    std::string name = subsets_ && used != subsets_->end()
                           ? document_.adopt_truetype(subset_font(source, used->second), what)
                           : document_.load_truetype(source.bytes, what, subsets_ ? -1 : face);
    HPDF_Font font = HPDF_GetFont(document_.get(), name.c_str(), encoding);
    document_.check(what);
    if (!subsets_) use_every_glyph(font, source);
    fonts_cache_[face] = font;
    return font;
  }

  // libharu embeds the glyphs text was measured or drawn with, and lists their widths:
  // measuring every one makes the embedding the same whatever a volume's pages draw.
  void use_every_glyph(HPDF_Font font, const FontFace& face) {
    std::string text;
    if (encoding_ == TextEncoding::Cp1252) {
      for (int byte = 32; byte < 256; ++byte) text += static_cast<char>(byte);
    } else {
      for (char32_t c = 0x20; c < 0x3000; ++c) {
        if (face.has_glyph(c)) append_utf8(text, c);
      }
    }
    HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
    document_.check("embedding font " + face.path.string());
  }

  void draw_op(const TextOp& op) {
    if (op.text.empty()) return;
    HPDF_Font f = font(op.face);
    HPDF_Page_BeginText(page_);
    if (f != current_font_ || op.size != current_size_) {
      HPDF_Page_SetFontAndSize(page_, f, static_cast<HPDF_REAL>(op.size));
      current_font_ = f;
      current_size_ = op.size;
    }
    std::string text = encoding_ == TextEncoding::Cp1252 ? *to_cp1252(op.text) : op.text;
    HPDF_Page_TextOut(page_, static_cast<HPDF_REAL>(op.x), static_cast<HPDF_REAL>(height_ - op.baseline), text.c_str());
    HPDF_Page_EndText(page_);
    if (op.underline) {
      double y = op.baseline + op.size * 0.12;
      draw_op(LineOp{op.x, y, op.x + op.width, y, op.size * 0.06});
    }
  }

  void draw_op(const LineOp& op) {
    HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(op.thickness));
    if (op.dashed) {
      static const HPDF_UINT16 kDash[] = {3, 2};
      HPDF_Page_SetDash(page_, kDash, 2, 0);
    }
    HPDF_Page_MoveTo(page_, static_cast<HPDF_REAL>(op.x1), static_cast<HPDF_REAL>(height_ - op.y1));
    HPDF_Page_LineTo(page_, static_cast<HPDF_REAL>(op.x2), static_cast<HPDF_REAL>(height_ - op.y2));
    HPDF_Page_Stroke(page_);
    if (op.dashed) HPDF_Page_SetDash(page_, nullptr, 0, 0);  // the next line is solid again
  }

  void draw_op(const RectOp& op) {
    // The line width belongs to the graphics state: set it before the path starts.
    if (!op.fill) HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(op.stroke));
    if (op.fill && op.gray > 0) HPDF_Page_SetGrayFill(page_, static_cast<HPDF_REAL>(op.gray));  // before the path
    HPDF_Page_Rectangle(page_, static_cast<HPDF_REAL>(op.x), static_cast<HPDF_REAL>(height_ - op.y - op.height),
                        static_cast<HPDF_REAL>(op.width), static_cast<HPDF_REAL>(op.height));
    if (op.fill) {
      HPDF_Page_Fill(page_);
      if (op.gray > 0) HPDF_Page_SetGrayFill(page_, 0);  // text and the next fill are black
    } else {
      HPDF_Page_Stroke(page_);
    }
  }

  void draw_op(const ImageOp& op) {
    auto it = images_.find(op.path);
    if (it == images_.end()) {  // loaded once per document: libharu does not de-duplicate
      bool png = op.path.size() >= 4 && (op.path.ends_with(".png") || op.path.ends_with(".PNG"));
      HPDF_Image image = png ? HPDF_LoadPngImageFromFile(document_.get(), op.path.c_str())
                             : HPDF_LoadJpegImageFromFile(document_.get(), op.path.c_str());
      if (!image && !png) image = HPDF_LoadPngImageFromFile(document_.get(), op.path.c_str());
      document_.check("loading image " + op.path);
      it = images_.emplace(op.path, image).first;
    }
    HPDF_Page_DrawImage(page_, it->second, static_cast<HPDF_REAL>(op.x),
                        static_cast<HPDF_REAL>(height_ - op.y - op.height), static_cast<HPDF_REAL>(op.width),
                        static_cast<HPDF_REAL>(op.height));
  }

  // An empty signature field over the box (a widget annotation that is its own field),
  // listed in the document's form, for `inovasi sign --signer-field NAME` or a PDF
  // reader to sign later. libharu has no form fields: its dictionary functions build one.
  // A print file's volumes (no subsets) carry none: they are for paper.
  void draw_op(const FieldOp& op) {
    if (!subsets_) return;
    // A field is one place: the same name twice (a block repeated for a second copy)
    // would be signed in one of them only.
    if (!field_names_.insert(op.name).second) {
      throw PdfError("the signature field '" + op.name +
                     "' is in the document twice: give each signature block's signature-field its own name");
    }
    HPDF_Doc doc = document_.get();
    HPDF_Dict widget = HPDF_Dict_New(doc->mmgr);
    if (!widget || HPDF_Xref_Add(doc->xref, widget) != HPDF_OK) throw PdfError("adding signature field " + op.name);
    HPDF_Dict_AddName(widget, "Type", "Annot");
    HPDF_Dict_AddName(widget, "Subtype", "Widget");
    HPDF_Dict_AddName(widget, "FT", "Sig");
    HPDF_Dict_Add(widget, "T", HPDF_String_New(doc->mmgr, op.name.c_str(), nullptr));
    HPDF_Dict_AddNumber(widget, "F", 4);  // printed (nothing shows until it is signed)
    HPDF_Array rect = HPDF_Array_New(doc->mmgr);
    HPDF_Dict_Add(widget, "Rect", rect);
    for (double value : {op.x, height_ - op.y - op.height, op.x + op.width, height_ - op.y}) {
      HPDF_Array_AddReal(rect, static_cast<HPDF_REAL>(value));
    }
    HPDF_Dict_Add(widget, "P", page_);
    auto* annots = static_cast<HPDF_Array>(HPDF_Dict_GetItem(page_, "Annots", HPDF_OCLASS_ARRAY));
    if (!annots) {
      annots = HPDF_Array_New(doc->mmgr);
      HPDF_Dict_Add(page_, "Annots", annots);
    }
    HPDF_Array_Add(annots, widget);
    if (!form_fields_) {
      HPDF_Dict form = HPDF_Dict_New(doc->mmgr);
      HPDF_Xref_Add(doc->xref, form);
      form_fields_ = HPDF_Array_New(doc->mmgr);
      HPDF_Dict_Add(form, "Fields", form_fields_);
      HPDF_Dict_Add(doc->catalog, "AcroForm", form);
    }
    HPDF_Array_Add(form_fields_, widget);
    document_.check("adding signature field " + op.name);
  }

  void draw_op(const MaskOp& op) {
    // An inline stencil mask: the cells as bits in the page's content (hex, so no byte of
    // it can read as the EI that ends it), deflated with the rest of the content. An
    // image object of libharu's would be CCITT encoded, which took a twentieth of a
    // certificate's page in a print file.
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string content = "q\n";
    for (double value : {op.width, 0.0, 0.0, op.height, op.x, height_ - op.y - op.height}) {
      append_number(content, value);
      content += ' ';
    }
    content += "cm\nBI /IM true /W " + std::to_string(op.columns) + " /H " + std::to_string(op.rows) +
               " /BPC 1 /D [1 0] /F /AHx ID\n";
    // /D [1 0]: a set bit paints. Rows are whole bytes, padded with unpainted bits.
    for (int row = 0; row < op.rows; ++row) {
      for (int column = 0; column < op.columns; column += 8) {
        unsigned byte = 0;
        for (int bit = 0; bit < 8 && column + bit < op.columns; ++bit) {
          if (op.painted[static_cast<std::size_t>(row * op.columns + column + bit)]) byte |= 0x80u >> bit;
        }
        content += kHex[byte >> 4];
        content += kHex[byte & 15];
      }
      content += '\n';
    }
    content += ">\nEI\nQ\n";
    write_content(content, "drawing a QR code");
  }

  // Content libharu has no operator for, written between its own operators (outside a
  // text object or path: the page is in its page description mode). Reaches into the
  // page's attributes (hpdf_pages.h), as libharu's operators themselves do.
  void write_content(std::string_view content, const char* what) {
    auto* attributes = static_cast<HPDF_PageAttr>(page_->attr);
    if (attributes->gmode != HPDF_GMODE_PAGE_DESCRIPTION)
      throw PdfError(std::string(what) + ": a path or text is open");
    HPDF_Stream_Write(attributes->stream, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                      static_cast<HPDF_UINT>(content.size()));
    document_.check(what);
  }

  HpdfDocument& document_;
  FontSet& fonts_;
  TextEncoding encoding_;
  std::optional<CharactersByFace> subsets_;  // none: a print file volume, every glyph embedded
  HPDF_Page page_ = nullptr;
  double height_ = 0;
  HPDF_Array form_fields_ = nullptr;
  std::set<std::string> field_names_;  // the document's form, made with its first signature field
  HPDF_Font current_font_ = nullptr;
  double current_size_ = 0;
  std::map<int, HPDF_Font> fonts_cache_;
  std::map<std::string, HPDF_Image> images_;
};

void write_info(HpdfDocument& document, const DocumentInfo& info, const PdfOptions& options) {
  auto set = [&](HPDF_InfoType type, const std::string& value) {
    if (!value.empty()) HPDF_SetInfoAttr(document.get(), type, to_cp1252_lossy(value).c_str());
  };
  set(HPDF_INFO_TITLE, info.title);
  set(HPDF_INFO_AUTHOR, info.author);
  set(HPDF_INFO_SUBJECT, info.subject);
  set(HPDF_INFO_KEYWORDS, info.keywords);
  set(HPDF_INFO_CREATOR, options.creator);
  set(HPDF_INFO_PRODUCER, options.creator);
  if (options.creation_date) {
    HPDF_Date date{
        options.creation_date->year, options.creation_date->month, options.creation_date->day, 0, 0, 0, 'Z', 0, 0};
    HPDF_SetInfoDateAttr(document.get(), HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(document.get(), HPDF_INFO_MOD_DATE, date);
  }
  document.check("writing document information");
}

void write_bookmarks(HpdfDocument& document, const std::vector<OutlineEntry>& outline,
                     const std::vector<HPDF_Page>& pages) {
  if (outline.empty()) return;
  HPDF_Encoder encoder = HPDF_GetEncoder(document.get(), "CP1252");
  std::vector<HPDF_Outline> parents;  // by level
  for (const auto& entry : outline) {
    int level = std::min<int>(entry.level, static_cast<int>(parents.size()));
    parents.resize(static_cast<std::size_t>(level));
    HPDF_Outline parent = level == 0 ? nullptr : parents.back();
    HPDF_Outline item = HPDF_CreateOutline(document.get(), parent, to_cp1252_lossy(entry.title).c_str(), encoder);
    HPDF_Destination destination = HPDF_Page_CreateDestination(pages.at(static_cast<std::size_t>(entry.page)));
    // libharu rejects zoom 0 ("keep the reader's zoom"), so 1 = 100%.
    HPDF_Destination_SetXYZ(destination, 0, static_cast<HPDF_REAL>(entry.top), 1);
    HPDF_Outline_SetDestination(item, destination);
    parents.push_back(item);
  }
  HPDF_SetPageMode(document.get(), HPDF_PAGE_MODE_USE_OUTLINE);
  document.check("writing bookmarks");
}

}  // namespace

TextEncoding encoding_for(std::string_view utf8_text) {
  return fits_cp1252(utf8_text) ? TextEncoding::Cp1252 : TextEncoding::Utf8;
}

struct StreamingPdfWriter::State {
  HpdfDocument& document;
  TextEncoding encoding;
  bool volume;
  PageWriter writer;
  std::vector<HPDF_Page> pages;
  std::vector<OutlineEntry> outline;
};

namespace {

// Text and fonts are saved uncompressed, and deflated afterwards with libdeflate,
// several times faster than libharu's zlib on the same bytes (stream_compression.h): a
// single document by finish(), a print file volume by the joiner as it copies it (its
// thread mostly waits for the workers). Certificates/s rose by a quarter; a print
// file's workers no longer spend a tenth of their time in zlib (4,484 against 4,056
// pages/s, medians of three alternating pairs on 2 cores).
// Images (emblems, signatures) are compressed by libharu as it loads them; QR codes are
// part of the page content (draw_op(MaskOp)).
void set_up(HpdfDocument& document, TextEncoding encoding) {
  HPDF_SetCompressionMode(document.get(), HPDF_COMP_IMAGE);
  if (encoding == TextEncoding::Utf8) {
    HPDF_UseUTFEncodings(document.get());
    HPDF_SetCurrentEncoder(document.get(), "UTF-8");
  }
  document.check("setting up the PDF");
}

}  // namespace

StreamingPdfWriter::StreamingPdfWriter(HpdfDocument& document, FontSet& fonts, TextEncoding encoding,
                                       CharactersByFace subsets)
    : state_(new State{document, encoding, false, PageWriter(document, fonts, encoding, std::move(subsets)), {}, {}}) {
  set_up(document, encoding);
}

StreamingPdfWriter::StreamingPdfWriter(HpdfDocument& document, FontSet& fonts, TextEncoding encoding)
    : state_(new State{document, encoding, true, PageWriter(document, fonts, encoding, std::nullopt), {}, {}}) {
  set_up(document, encoding);
}

StreamingPdfWriter::~StreamingPdfWriter() = default;

void StreamingPdfWriter::add(const LaidOutDocument& part, const std::string& bookmark) {
  int first = static_cast<int>(state_->pages.size());
  double height = part.paper.height;
  if (!bookmark.empty()) state_->outline.push_back({bookmark, 0, first, height});
  for (const auto& b : part.bookmarks) {
    state_->outline.push_back({b.title, b.level + (bookmark.empty() ? 0 : 1), b.page + first, height - b.y});
  }
  for (const auto& page : part.pages) state_->pages.push_back(state_->writer.draw(page, part.paper));
}

PdfResult StreamingPdfWriter::finish(const DocumentInfo& info, const PdfOptions& options) {
  PdfResult result;
  if (state_->volume) {
    result.outline = std::move(state_->outline);
  } else {
    write_bookmarks(state_->document, state_->outline, state_->pages);
  }
  write_info(state_->document, info, options);
  result.encoding = state_->encoding;
  result.bytes = state_->document.save_to_memory();
  if (!state_->volume) result.bytes = compress_streams(result.bytes, "the PDF libharu wrote");
  result.pages = static_cast<int>(state_->pages.size());
  return result;
}

PdfResult write_pdf(const LaidOutDocument& laid_out, HpdfDocument& document, FontSet& fonts,
                    const PdfOptions& options) {
  StreamingPdfWriter writer(document, fonts, choose_encoding(laid_out), characters_by_face(laid_out));
  writer.add(laid_out, "");
  return writer.finish(laid_out.info, options);
}

}  // namespace inovasi::pdf
