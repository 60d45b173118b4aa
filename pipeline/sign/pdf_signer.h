#pragma once
// Signs a PDF by an incremental update (ISO 32000-1 12.8): the original bytes are kept
// as they are and a new revision is appended, holding a signature field, its widget on
// a page, and the signature dictionary whose /Contents is the CMS over every byte of
// the file but that value. A second signer appends a second revision in turn, and the
// first signature still covers its own revision byte for byte.

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sign/signing_key.h"

namespace inovasi::sign {

// What a visible signature shows: lines of text top down (UTF-8, drawn in Helvetica,
// so Windows-1252 characters only), and a QR code at the left when `qr_text` is set.
struct SignatureLook {
  std::vector<std::string> lines;
  std::string qr_text;
};

struct SignatureRequest {
  std::string field_name;  // the field's /T, unique in the document; "Tanda tangan N" when empty
  std::string reason, location;
  std::time_t time = 0;        // the signing time, /M
  int utc_offset_minutes = 0;  // how /M states the time
  std::string tsa_url;         // a signature time stamp (B-T) from this authority
  // The look, shown in the empty field of that name (one the template left); a field
  // made here is invisible.
  std::optional<SignatureLook> look;
  // Refuse rather than add a field when the PDF has no empty one of that name.
  bool field_must_exist = false;
};

// The signed file. `source` names the input in errors. Signs the empty field named
// `field_name` when the PDF has one, else adds a field. Refuses, naming the file, a PDF
// that is damaged, encrypted, certified against changes, or whose field of that name
// is already signed.
struct SignedPdf {
  std::string bytes;
  std::string field_name;  // as given, or as chosen
};

SignedPdf sign_pdf(std::string_view pdf, const std::string& source, const SigningKey& signer,
                   const SignatureRequest& request);

// What a visible signature shows: the signer's name, "Ditandatangani secara elektronik",
// the date and time as Indonesians write them (with WIB, WITA or WIT), and the
// document's verification QR code when `qr_text` is given.
SignatureLook standard_look(const SigningKey& signer, const SignatureRequest& request, std::string qr_text);

// Calendar fields as a broken-down time (no zone: for timegm or mktime).
std::tm calendar_time(int year, int month, int day, int hour, int minute, int second);

// "D:20260224093000+07'00'".
std::string pdf_date(std::time_t time, int utc_offset_minutes);

}  // namespace inovasi::sign
