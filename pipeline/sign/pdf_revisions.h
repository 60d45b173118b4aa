#pragma once
// Reading a signed PDF's signatures back: each signature field, the revision its byte
// range covers, whether the CMS over those bytes holds, and what any later revision
// changed (another signature is fine; edited content is not).

#include <ctime>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sign/cades.h"

namespace inovasi::sign {

// A signature field as the file states it: for tests and reports.
struct SignatureFieldInfo {
  std::string name;
  bool signed_ = false;
  std::string value;              // the signature value (/Contents: the CMS, zero padded), when signed
  double rect[4] = {0, 0, 0, 0};  // the widget's box on the page
};

// The form's signature fields, in the order the form lists them. Throws SignError.
std::vector<SignatureFieldInfo> list_signature_fields(std::string_view pdf, const std::string& source);

struct SignatureReport {
  std::string field, sub_filter, signing_time, name, reason, location;
  bool byte_range_ok = false;
  std::string byte_range_problem;
  std::size_t covered = 0;  // bytes from the start of the file the signature covers
  bool whole_file = false;
  CmsCheck cms;
  // When later revisions follow: whether they only add signatures, and if not, what
  // they change ("page 1 content", "object 12 (Font)").
  bool later_only_signatures = true;
  std::vector<std::string> later_changes;

  // Intact, and nothing but signatures added after it.
  bool holds() const { return byte_range_ok && cms.intact && later_only_signatures; }
};

// A PDF date ("D:20261207103000+07'00'") in its parts, as written; nullopt when the text
// is not one. `utc_offset_minutes` is empty when the date states no zone.
struct PdfDate {
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  std::optional<int> utc_offset_minutes;
};
std::optional<PdfDate> parse_pdf_date_parts(const std::string& text);

// " +07:00", " -01:30", " UTC", or "" when no zone is stated: after a time of day.
std::string utc_offset_text(std::optional<int> utc_offset_minutes);

// The time a PDF date names (UTC when it states no zone); now when it names none.
std::time_t parse_pdf_date(const std::string& text);

// Where each revision of the file ends: after each "%%EOF" and its end of line. The
// last is the file's end; an unsigned file from a batch has one.
std::vector<std::size_t> revision_ends(std::string_view pdf);

// What the file changes after its first `length` bytes, other than adding signatures
// (empty: only signatures were added). Throws SignError when the PDF cannot be read.
std::vector<std::string> changes_since(std::string_view pdf, std::size_t length, const std::string& source);

// The file as it was before later revisions were appended (a document issued, then
// signed): its first `length` bytes, cut after one of its "%%EOF"s (the whole file is
// not one), the first whose SHA-256 `known` accepts; and what the file changes after
// them (empty: only signatures were added; a file that cannot be read counts as changed).
struct EarlierRevision {
  std::size_t length = 0;
  std::string sha256;
  std::vector<std::string> changes;
};
std::optional<EarlierRevision> find_earlier_revision(std::string_view pdf,
                                                     const std::function<bool(const std::string&)>& known,
                                                     const std::string& source);

// Throws SignError naming `source` when the PDF cannot be read at all.
std::vector<SignatureReport> check_signatures(std::string_view pdf, const std::string& source,
                                              const std::vector<std::string>& trust_files);

}  // namespace inovasi::sign
