#include "sign/pdf_signer.h"

#include "sign/qpdf_fields.h"  // first: it includes qpdf in the order clang needs

#include <qpdf/QPDFExc.hh>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <sstream>

#include "layout/qr.h"
#include "pdf/cp1252.h"
#include "sign/cades.h"
#include "sign/pdf_revisions.h"
#include "support/sha256.h"

namespace inovasi::sign {
namespace {

using Object = QPDFObjectHandle;

// The width the byte range's four numbers are given before they are known: each is
// written later, padded with spaces, so nothing after it moves.
constexpr std::size_t kByteRangeWidth = 48;

std::string hex(std::string_view bytes) {
  static const char* digits = "0123456789ABCDEF";
  std::string text;
  text.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    text += digits[c >> 4];
    text += digits[c & 15];
  }
  return text;
}

std::string number(double value) {
  char text[32];
  int size = std::snprintf(text, sizeof text, "%.2f", value);
  std::string out(text, static_cast<std::size_t>(size));
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

// The space the CMS may take: the certificates it carries, the signature value, the
// attributes, and a time-stamp token when one is asked for.
std::size_t contents_reserve(const SigningKey& signer, bool timestamp) {
  std::size_t size = static_cast<std::size_t>(i2d_X509(signer.certificate(), nullptr));
  for (int i = 0; i < sk_X509_num(signer.chain()); ++i) {
    size += static_cast<std::size_t>(i2d_X509(sk_X509_value(signer.chain(), i), nullptr));
  }
  size += static_cast<std::size_t>(EVP_PKEY_get_size(signer.key())) + 1024;
  if (timestamp) size += 12288;
  return size;
}

// The appearance of a visible signature: the QR code at the left, its lines of text
// (Helvetica, WinAnsi) beside it, the two centred in the box. Helvetica's widths are
// not at hand here: half an em a character is a little wide for mixed text, which
// errs on the side of fitting.
std::string appearance_stream(const SignatureLook& look, double width, double height, const std::string& source) {
  std::vector<std::string> lines;
  std::size_t longest = 1;
  for (const auto& line : look.lines) {
    auto encoded = pdf::to_cp1252(line);
    if (!encoded) {
      throw SignError({source, 0, 0, {}, {}},
                      "the signature's appearance cannot draw '" + line + "' (characters outside Windows-1252)");
    }
    longest = std::max(longest, encoded->size());
    lines.push_back(std::move(*encoded));
  }
  double qr = look.qr_text.empty() ? 0 : std::min(height, width / 3);
  double gap = qr > 0 ? 4 : 0;
  double font_size = std::min(height / (static_cast<double>(lines.size()) * 1.25 + 0.5), 9.0);
  font_size = std::max(4.0, std::min(font_size, (width - qr - gap - 2) / (static_cast<double>(longest) * 0.5)));
  double text_width = static_cast<double>(longest) * font_size * 0.5;
  double left = std::max(0.0, (width - qr - gap - text_width) / 2);
  std::ostringstream content;
  if (qr > 0) {
    // The modules as an inline stencil mask, a bit each in hex, as the page draws its own
    // QR code (pdf_writer.cpp): a rectangle per module would be 20 times the bytes.
    for (const auto& op : layout::qr_ops(look.qr_text, qr)) {
      const auto* mask = std::get_if<layout::MaskOp>(&op);
      if (!mask) continue;
      static constexpr char kHex[] = "0123456789ABCDEF";
      std::string bits;
      for (int row = 0; row < mask->rows; ++row) {
        for (int column = 0; column < mask->columns; column += 8) {
          unsigned byte = 0;
          for (int bit = 0; bit < 8; ++bit) {
            int c = column + bit;
            if (c < mask->columns && mask->painted[static_cast<std::size_t>(row * mask->columns + c)]) {
              byte |= 0x80u >> bit;
            }
          }
          bits += kHex[byte >> 4];
          bits += kHex[byte & 15];
        }
      }
      double bottom = (height + qr) / 2 - mask->y - mask->height;
      content << "q 0 g " << number(mask->width) << " 0 0 " << number(mask->height) << ' ' << number(left + mask->x)
              << ' ' << number(bottom) << " cm\nBI /IM true /W " << mask->columns << " /H " << mask->rows
              << " /BPC 1 /D [1 0] /F /AHx ID\n"
              << bits << ">\nEI Q\n";
    }
  }
  double block = static_cast<double>(lines.size()) * font_size * 1.25;
  double y = (height + block) / 2 - font_size;
  content << "BT /F1 " << number(font_size) << " Tf 0 g\n";
  for (const auto& line : lines) {
    content << "1 0 0 1 " << number(left + qr + gap) << ' ' << number(y) << " Tm " << Object::newString(line).unparse()
            << " Tj\n";
    y -= font_size * 1.25;
  }
  content << "ET\n";
  return content.str();
}

// Where the last cross-reference section starts, from the file's final "startxref".
std::size_t last_startxref(std::string_view pdf, const std::string& source) {
  if (pdf.substr(0, 5) != "%PDF-") throw SignError({source, 0, 0, {}, {}}, "not a PDF (it does not begin with %PDF-)");
  auto at = pdf.rfind("startxref");
  if (at == std::string_view::npos || pdf.size() - at > 1024) {
    throw SignError({source, 0, 0, {}, {}}, "the PDF is damaged: it does not end with startxref and %%EOF");
  }
  auto digits = pdf.substr(at + 9);
  while (!digits.empty() && std::isspace(static_cast<unsigned char>(digits.front()))) digits.remove_prefix(1);
  std::size_t offset = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), offset);
  if (error != std::errc() || offset >= pdf.size()) {
    throw SignError({source, 0, 0, {}, {}}, "the PDF is damaged: its startxref offset is not in the file");
  }
  if (pdf.substr(offset, 4) != "xref") {
    throw SignError({source, 0, 0, {}, {}},
                    "the PDF keeps its cross-references in a stream (PDF 1.5 and later); inovasi signs files "
                    "with a classic cross-reference table, as it writes them");
  }
  return offset;
}

// An array's text with one more item (a new array when `array` is not one).
std::string appended(Object array, const std::string& item) {
  std::string text = "[";
  for (int i = 0; array.isArray() && i < array.getArrayNItems(); ++i) text += array.getArrayItem(i).unparse() + " ";
  return text + item + "]";
}

// A dictionary's text with each key set to its value (PDF syntax), whatever it held.
std::string with_keys(Object dictionary, const std::vector<std::pair<std::string, std::string>>& entries) {
  Object copy = dictionary.shallowCopy();
  std::string added;
  for (const auto& [key, value] : entries) {
    copy.removeKey(key);
    added += key + " " + value + " ";
  }
  std::string text = copy.unparse();
  text.insert(text.rfind(">>"), added);
  return text;
}

struct NewObject {
  int id;
  std::string body;  // between "N 0 obj" and "endobj"
};

std::string xref_and_trailer(const std::vector<std::pair<int, std::size_t>>& offsets, const std::string& trailer,
                             std::size_t xref_offset) {
  std::string text = "xref\n";
  for (std::size_t i = 0; i < offsets.size();) {
    std::size_t j = i;
    while (j + 1 < offsets.size() && offsets[j + 1].first == offsets[j].first + 1) ++j;
    text += std::to_string(offsets[i].first) + " " + std::to_string(j - i + 1) + "\n";
    for (std::size_t k = i; k <= j; ++k) {
      char entry[24];
      std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offsets[k].second);
      text += entry;
    }
    i = j + 1;
  }
  text += "trailer\n" + trailer + "\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
  return text;
}

}  // namespace

std::tm calendar_time(int year, int month, int day, int hour, int minute, int second) {
  std::tm parts{};
  parts.tm_year = year - 1900;
  parts.tm_mon = month - 1;
  parts.tm_mday = day;
  parts.tm_hour = hour;
  parts.tm_min = minute;
  parts.tm_sec = second;
  return parts;
}

std::string pdf_date(std::time_t time, int utc_offset_minutes) {
  std::time_t local = time + static_cast<std::time_t>(utc_offset_minutes) * 60;
  std::tm parts{};
  gmtime_r(&local, &parts);
  char text[96];
  int offset = std::abs(utc_offset_minutes);
  if (utc_offset_minutes == 0) {
    std::snprintf(text, sizeof text, "D:%04d%02d%02d%02d%02d%02dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec);
  } else {
    std::snprintf(text, sizeof text, "D:%04d%02d%02d%02d%02d%02d%c%02d'%02d'", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, utc_offset_minutes < 0 ? '-' : '+',
                  offset / 60, offset % 60);
  }
  return text;
}

namespace {

SignedPdf sign_read_pdf(std::string_view pdf, const std::string& source, const SigningKey& signer,
                        const SignatureRequest& request) {
  ErrorPlace place{source, 0, 0, {}, {}};
  std::size_t previous_xref = last_startxref(pdf, source);
  QPDF document;
  document.setSuppressWarnings(true);
  document.setAttemptRecovery(false);
  std::vector<Object> pages;
  try {
    document.processMemoryFile(source.c_str(), pdf.data(), pdf.size());
    pages = document.getAllPages();
  } catch (const std::exception& e) {
    throw SignError(place, std::string("the PDF is damaged: ") + e.what());
  }
  if (document.anyWarnings()) throw SignError(place, "the PDF is damaged (its structure needed repair to be read)");
  if (document.isEncrypted()) throw SignError(place, "the PDF is encrypted: inovasi signs unencrypted files only");
  Object root = document.getRoot();
  Object trailer = document.getTrailer();

  // A document certified with "no changes allowed" (DocMDP P=1) would be broken by any
  // new revision, a signature included.
  Object perms = root.getKey("/Perms");
  if (perms.isDictionary() && perms.hasKey("/DocMDP")) {
    Object references = perms.getKey("/DocMDP").getKey("/Reference");
    for (int i = 0; references.isArray() && i < references.getArrayNItems(); ++i) {
      Object params = references.getArrayItem(i).getKey("/TransformParams");
      if (params.isDictionary() && params.getKey("/P").isInteger() && params.getKey("/P").getIntValue() == 1) {
        throw SignError(place, "the PDF is certified with no changes allowed: another signature would break it");
      }
    }
  }
  auto existing_fields = signature_fields(document);
  std::string field_name = request.field_name;
  if (field_name.empty()) {
    for (std::size_t n = existing_fields.size() + 1; field_name.empty(); ++n) {
      std::string candidate = "Tanda tangan " + std::to_string(n);
      if (std::none_of(existing_fields.begin(), existing_fields.end(),
                       [&](const SignatureField& f) { return f.name == candidate; })) {
        field_name = candidate;
      }
    }
  }
  // A field the template left for this signer is signed where it is; otherwise a new
  // field is made, shown where the request places it or nowhere.
  SignatureField* empty_field = nullptr;
  for (auto& existing : existing_fields) {
    if (existing.name != field_name) continue;
    if (existing.signed_) {
      throw SignError(place, "the field '" + field_name + "' is already signed: give another --signer-field");
    }
    if (!existing.widget.isIndirect() || !existing.widget.getKey("/Rect").isArray()) {
      throw SignError(place, "the field '" + field_name + "' is not one inovasi can sign (it has separate widgets)");
    }
    empty_field = &existing;
  }

  if (request.field_must_exist && !empty_field) {
    throw SignError(place, "the document has no empty signature field '" + field_name +
                               "' (its template names the space left for each signature with signature-field; a "
                               "scanned signature, --signed, takes that space)");
  }

  int next = static_cast<int>(trailer.getKey("/Size").getIntValue());
  int signature_id = next++, appearance_id = next++;
  int widget_id = empty_field ? empty_field->widget.getObjectID() : next++;
  std::vector<NewObject> objects;

  // The signature dictionary; /ByteRange and /Contents filled in last.
  std::size_t reserve = contents_reserve(signer, !request.tsa_url.empty());
  std::string signature = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange " +
                          std::string(kByteRangeWidth, ' ') + " /Contents <" + std::string(reserve * 2, '0') + "> /M " +
                          Object::newString(pdf_date(request.time, request.utc_offset_minutes)).unparse() + " /Name " +
                          Object::newUnicodeString(signer.common_name()).unparse();
  if (!request.reason.empty()) signature += " /Reason " + Object::newUnicodeString(request.reason).unparse();
  if (!request.location.empty()) signature += " /Location " + Object::newUnicodeString(request.location).unparse();
  signature += " /Prop_Build << /App << /Name /inovasi >> >> >>";
  objects.push_back({signature_id, signature});

  // The box the signature shows in: the empty field's; a new field has none.
  double width = 0, height = 0;
  if (empty_field) {
    Object rect = empty_field->widget.getKey("/Rect");
    auto at = [&](int i) { return rect.getArrayItem(i).getNumericValue(); };
    width = std::abs(at(2) - at(0));
    height = std::abs(at(3) - at(1));
  }
  bool visible = request.look && width > 0 && height > 0;
  std::string stream = visible ? appearance_stream(*request.look, width, height, source) : "";
  std::string resources = visible ? " /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                                    "/Encoding /WinAnsiEncoding >> >> >>"
                                  : "";
  objects.push_back({appearance_id, "<< /Type /XObject /Subtype /Form /BBox [0 0 " + number(width) + " " +
                                        number(height) + "]" + resources + " /Length " + std::to_string(stream.size()) +
                                        " >>\nstream\n" + stream + "\nendstream"});
  std::string signature_ref = std::to_string(signature_id) + " 0 R";
  std::string appearance_ref = "<< /N " + std::to_string(appearance_id) + " 0 R >>";
  Object form = root.getKey("/AcroForm");
  Object form_dictionary = form.isDictionary() ? form : Object::newDictionary();
  std::string form_text;
  if (empty_field) {
    objects.push_back({widget_id, with_keys(empty_field->widget, {{"/V", signature_ref}, {"/AP", appearance_ref}})});
    form_text = with_keys(form_dictionary, {{"/SigFlags", "3"}});
  } else {
    // An invisible signature (an empty box) on the first page.
    if (pages.empty()) throw SignError(place, "the PDF has no page to carry the signature");
    Object page = pages.front();
    objects.push_back({widget_id, "<< /Type /Annot /Subtype /Widget /FT /Sig /F 132 /T " +
                                      Object::newUnicodeString(field_name).unparse() + " /V " + signature_ref + " /P " +
                                      page.unparse() + " /Rect [0 0 0 0] /AP " + appearance_ref + " >>"});
    // The page lists the widget among its annotations; the form lists the field.
    std::string widget_ref = std::to_string(widget_id) + " 0 R";
    Object annots = page.getKey("/Annots");
    if (annots.isArray() && annots.isIndirect()) {
      objects.push_back({annots.getObjectID(), appended(annots, widget_ref)});
    } else {
      objects.push_back({page.getObjectID(), with_keys(page, {{"/Annots", appended(annots, widget_ref)}})});
    }
    Object fields = form_dictionary.getKey("/Fields");
    if (fields.isArray() && fields.isIndirect()) {
      // Written back in its own object: the form dictionary keeps pointing at it.
      objects.push_back({fields.getObjectID(), appended(fields, widget_ref)});
      form_text = with_keys(form_dictionary, {{"/SigFlags", "3"}});
    } else {
      form_text = with_keys(form_dictionary, {{"/Fields", appended(fields, widget_ref)}, {"/SigFlags", "3"}});
    }
  }
  if (form.isIndirect()) {
    objects.push_back({form.getObjectID(), form_text});
  } else {
    int form_id = next++;
    objects.push_back({form_id, form_text});
    objects.push_back({root.getObjectID(), with_keys(root, {{"/AcroForm", std::to_string(form_id) + " 0 R"}})});
  }

  // The new revision: the objects, then the cross-reference section pointing back.
  std::string out(pdf);
  if (out.back() != '\n') out += '\n';
  std::vector<std::pair<int, std::size_t>> offsets;
  std::size_t contents_at = 0, byte_range_at = 0;
  for (const auto& object : objects) {
    offsets.emplace_back(object.id, out.size());
    std::string head = std::to_string(object.id) + " 0 obj\n";
    if (object.id == signature_id) {
      byte_range_at = out.size() + head.size() + object.body.find("/ByteRange ") + 11;
      contents_at = out.size() + head.size() + object.body.find("/Contents <") + 10;
    }
    out += head + object.body + "\nendobj\n";
  }
  std::sort(offsets.begin(), offsets.end());
  Object id = trailer.getKey("/ID");
  std::string first_id =
      id.isArray() && id.getArrayNItems() == 2 ? id.getArrayItem(0).getStringValue() : sha256_hex(pdf).substr(0, 32);
  // The second file identifier changes with each revision; made from what the revision
  // holds so the same input, key and time give the same bytes.
  Sha256 revision_id;
  revision_id.update(pdf);
  revision_id.update(field_name + pdf_date(request.time, request.utc_offset_minutes));
  std::string second_id = revision_id.digest().substr(0, 16);
  std::string trailer_text = "<< /Size " + std::to_string(next) + " /Root " + root.unparse();
  if (trailer.hasKey("/Info")) trailer_text += " /Info " + trailer.getKey("/Info").unparse();
  trailer_text +=
      " /ID [<" + hex(first_id) + "> <" + hex(second_id) + ">] /Prev " + std::to_string(previous_xref) + " >>";
  std::size_t xref_at = out.size();
  out += xref_and_trailer(offsets, trailer_text, xref_at);

  // The byte range: everything but the hex string of /Contents, its angle brackets included.
  std::size_t contents_end = contents_at + 2 + reserve * 2;
  std::string range = "[0 " + std::to_string(contents_at) + " " + std::to_string(contents_end) + " " +
                      std::to_string(out.size() - contents_end) + "]";
  if (range.size() > kByteRangeWidth) throw SignError(place, "the PDF is too large to sign");
  out.replace(byte_range_at, range.size(), range);
  Sha256 hash;
  hash.update(std::string_view(out).substr(0, contents_at));
  hash.update(std::string_view(out).substr(contents_end));
  std::string cms = cades_signature(signer, hash.digest(), request.tsa_url);
  if (cms.size() > reserve) {
    throw SignError(place, "the signature (" + std::to_string(cms.size()) + " bytes) is larger than the " +
                               std::to_string(reserve) + " bytes kept for it");
  }
  std::string value = hex(cms);
  out.replace(contents_at + 1, value.size(), value);
  return {std::move(out), field_name};
}

}  // namespace

SignedPdf sign_pdf(std::string_view pdf, const std::string& source, const SigningKey& signer,
                   const SignatureRequest& request) {
  try {
    return sign_read_pdf(pdf, source, signer, request);
  } catch (const QPDFExc& e) {
    // qpdf reads objects when they are first used: a damaged one can surface late.
    throw SignError({source, 0, 0, {}, {}}, std::string("the PDF is damaged: ") + e.what());
  }
}

}  // namespace inovasi::sign
