#include "sign/pdf_revisions.h"

#include "sign/qpdf_fields.h"

#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <map>
#include <set>

#include "sign/pdf_signer.h"
#include "sign/signing_key.h"
#include "support/sha256.h"

namespace inovasi::sign {
namespace {

using Object = QPDFObjectHandle;

void collect_fields(Object field, const std::string& parent_type, std::set<QPDFObjGen>& seen,
                    std::vector<SignatureField>& found) {
  if (!field.isDictionary() || (field.isIndirect() && !seen.insert(field.getObjGen()).second)) return;
  Object type = field.getKey("/FT");
  std::string field_type = type.isName() ? type.getName() : parent_type;
  Object kids = field.getKey("/Kids");
  if (kids.isArray() && !field.hasKey("/V")) {
    for (int i = 0; i < kids.getArrayNItems(); ++i) collect_fields(kids.getArrayItem(i), field_type, seen, found);
    return;
  }
  if (field_type != "/Sig") return;
  SignatureField entry;
  Object name = field.getKey("/T");
  entry.name = name.isString() ? name.getUTF8Value() : "";
  entry.value = field.getKey("/V");
  entry.widget = field;
  entry.signed_ = entry.value.isDictionary();
  found.push_back(std::move(entry));
}

std::string text_of(Object dictionary, const char* key) {
  Object value = dictionary.getKey(key);
  return value.isString() ? value.getUTF8Value() : "";
}

// The dictionary without `keys`, as text: to tell whether two versions differ elsewhere.
std::string without(Object dictionary, std::initializer_list<const char*> keys) {
  Object copy = dictionary.shallowCopy();
  for (const char* key : keys) copy.removeKey(key);
  return copy.unparse();
}

std::string describe(Object object) {
  std::string what = "object " + std::to_string(object.getObjectID());
  Object dictionary = object.isStream() ? object.getDict() : object;
  if (dictionary.isDictionary()) {
    Object type = dictionary.getKey("/Type");
    if (type.isName()) what += " (" + type.getName().substr(1) + ")";
  }
  return what;
}

bool is_signature_widget(Object object) {
  return object.isDictionary() && object.getKey("/FT").isName() && object.getKey("/FT").getName() == "/Sig";
}

bool is_signature_dictionary(Object object) {
  if (!object.isDictionary()) return false;
  Object type = object.getKey("/Type");
  return type.isName() && (type.getName() == "/Sig" || type.getName() == "/DocTimeStamp");
}

bool is_form_xobject(Object object) {
  return object.isStream() && object.getDict().getKey("/Subtype").isName() &&
         object.getDict().getKey("/Subtype").getName() == "/Form";
}

// Whether `after` holds every item of `before`, in order, and more after them.
bool appended_to(Object before, Object after) {
  if (!before.isArray() || !after.isArray() || after.getArrayNItems() < before.getArrayNItems()) return false;
  for (int i = 0; i < before.getArrayNItems(); ++i) {
    if (before.getArrayItem(i).unparse() != after.getArrayItem(i).unparse()) return false;
  }
  return true;
}

bool same(Object before, Object after) {
  if (before.isStream() != after.isStream()) return false;
  if (!before.isStream()) return before.unparseResolved() == after.unparseResolved();
  auto old_data = before.getRawStreamData();
  auto new_data = after.getRawStreamData();
  return before.getDict().unparse() == after.getDict().unparse() && old_data->getSize() == new_data->getSize() &&
         std::equal(old_data->getBuffer(), old_data->getBuffer() + old_data->getSize(), new_data->getBuffer());
}

// What the revisions after `covered` bytes change, other than adding signatures.
std::vector<std::string> changes_after(QPDF& whole, std::string_view pdf, std::size_t covered,
                                       const std::string& source) {
  QPDF earlier;
  earlier.setSuppressWarnings(true);
  earlier.setAttemptRecovery(false);
  try {
    earlier.processMemoryFile((source + " (signed revision)").c_str(), pdf.data(), covered);
  } catch (const std::exception& e) {
    return {"the signed revision cannot be read on its own: " + std::string(e.what())};
  }
  std::vector<std::string> changes;
  std::map<QPDFObjGen, int> page_number;
  int n = 0;
  for (const auto& page : whole.getAllPages()) page_number[page.getObjGen()] = ++n;
  for (auto object : whole.getAllObjects()) {
    Object before = earlier.getObject(object.getObjGen());
    if (before.isNull()) {
      // New objects: what a signature brings, or something else.
      if (is_signature_dictionary(object) || is_signature_widget(object) || is_form_xobject(object) ||
          object.isArray() || object.isNull() || (object.isDictionary() && object.hasKey("/Fields"))) {
        continue;
      }
      changes.push_back("adds " + describe(object));
      continue;
    }
    if (same(before, object)) continue;
    // An empty signature field, signed: it gains its value and appearance only.
    if (is_signature_widget(before) && is_signature_widget(object) && !before.hasKey("/V") &&
        without(before, {"/V", "/AP"}) == without(object, {"/V", "/AP"})) {
      continue;
    }
    auto page = page_number.find(object.getObjGen());
    if (page != page_number.end()) {
      if (without(before, {"/Annots"}) == without(object, {"/Annots"}) &&
          (before.getKey("/Annots").isNull() || appended_to(before.getKey("/Annots"), object.getKey("/Annots")))) {
        continue;
      }
      changes.push_back("page " + std::to_string(page->second));
      continue;
    }
    if (object.getObjGen() == whole.getRoot().getObjGen() &&
        without(before, {"/AcroForm"}) == without(object, {"/AcroForm"})) {
      continue;
    }
    if (object.isDictionary() && object.hasKey("/Fields") &&
        appended_to(before.getKey("/Fields"), object.getKey("/Fields")) &&
        without(before, {"/Fields", "/SigFlags"}) == without(object, {"/Fields", "/SigFlags"})) {
      continue;
    }
    if (appended_to(before, object)) continue;  // an /Annots or /Fields array kept in its own object
    changes.push_back("changes " + describe(object));
  }
  return changes;
}

}  // namespace

std::optional<PdfDate> parse_pdf_date_parts(const std::string& text) {
  PdfDate date;
  int offset_hours = 0, offset_minutes = 0;
  char sign = 0;
  int fields = std::sscanf(text.c_str(), "D:%4d%2d%2d%2d%2d%2d%c%2d'%2d", &date.year, &date.month, &date.day,
                           &date.hour, &date.minute, &date.second, &sign, &offset_hours, &offset_minutes);
  if (fields < 6) return std::nullopt;
  if (sign == 'Z') date.utc_offset_minutes = 0;
  if ((sign == '+' || sign == '-') && fields >= 8) {
    date.utc_offset_minutes = (offset_hours * 60 + offset_minutes) * (sign == '-' ? -1 : 1);
  }
  return date;
}

std::string utc_offset_text(std::optional<int> minutes) {
  if (!minutes) return "";
  if (*minutes == 0) return " UTC";
  char text[16];
  int size = std::abs(*minutes);
  std::snprintf(text, sizeof text, " %c%02d:%02d", *minutes < 0 ? '-' : '+', size / 60 % 100, size % 60);
  return text;
}

std::time_t parse_pdf_date(const std::string& text) {
  auto date = parse_pdf_date_parts(text);
  if (!date) return std::time(nullptr);
  std::tm parts = calendar_time(date->year, date->month, date->day, date->hour, date->minute, date->second);
  return timegm(&parts) - static_cast<std::time_t>(date->utc_offset_minutes.value_or(0)) * 60;
}

std::vector<std::size_t> revision_ends(std::string_view pdf) {
  std::vector<std::size_t> ends;
  for (std::size_t at = pdf.find("%%EOF"); at != std::string_view::npos; at = pdf.find("%%EOF", at + 5)) {
    std::size_t end = at + 5;
    if (end < pdf.size() && pdf[end] == '\r') ++end;
    if (end < pdf.size() && pdf[end] == '\n') ++end;
    ends.push_back(end);
  }
  return ends;
}

std::vector<std::string> changes_since(std::string_view pdf, std::size_t length, const std::string& source) {
  QPDF document;
  document.setSuppressWarnings(true);
  try {
    document.processMemoryFile(source.c_str(), pdf.data(), pdf.size());
    return changes_after(document, pdf, length, source);
  } catch (const std::exception& e) {
    throw SignError({source, 0, 0, {}, {}}, std::string("the PDF cannot be read: ") + e.what());
  }
}

std::optional<EarlierRevision> find_earlier_revision(std::string_view pdf,
                                                     const std::function<bool(const std::string&)>& known,
                                                     const std::string& source) {
  auto ends = revision_ends(pdf);
  for (std::size_t i = 0; i + 1 < ends.size(); ++i) {
    std::string sha256 = sha256_hex(pdf.substr(0, ends[i]));
    if (!known(sha256)) continue;
    EarlierRevision earlier{ends[i], std::move(sha256), {}};
    try {
      earlier.changes = changes_since(pdf, ends[i], source);
    } catch (const SignError& e) {
      earlier.changes = {e.message()};
    }
    return earlier;
  }
  return std::nullopt;
}

std::vector<SignatureFieldInfo> list_signature_fields(std::string_view pdf, const std::string& source) {
  QPDF document;
  document.setSuppressWarnings(true);
  std::vector<SignatureFieldInfo> listed;
  try {
    document.processMemoryFile(source.c_str(), pdf.data(), pdf.size());
    for (auto& field : signature_fields(document)) {
      SignatureFieldInfo info;
      info.name = field.name;
      info.signed_ = field.signed_;
      if (field.signed_ && field.value.getKey("/Contents").isString()) {
        info.value = field.value.getKey("/Contents").getStringValue();
      }
      QPDFObjectHandle rect = field.widget.getKey("/Rect");
      for (int i = 0; rect.isArray() && i < 4 && i < rect.getArrayNItems(); ++i) {
        info.rect[i] = rect.getArrayItem(i).getNumericValue();
      }
      listed.push_back(std::move(info));
    }
  } catch (const std::exception& e) {
    throw SignError({source, 0, 0, {}, {}}, std::string("the PDF cannot be read: ") + e.what());
  }
  return listed;
}

std::vector<SignatureField> signature_fields(QPDF& document) {
  std::vector<SignatureField> found;
  Object form = document.getRoot().getKey("/AcroForm");
  if (!form.isDictionary()) return found;
  Object fields = form.getKey("/Fields");
  std::set<QPDFObjGen> seen;
  for (int i = 0; fields.isArray() && i < fields.getArrayNItems(); ++i) {
    collect_fields(fields.getArrayItem(i), "", seen, found);
  }
  return found;
}

namespace {

std::vector<SignatureReport> check_read_signatures(std::string_view pdf, const std::string& source,
                                                   const std::vector<std::string>& trust_files) {
  QPDF document;
  document.setSuppressWarnings(true);
  try {
    document.processMemoryFile(source.c_str(), pdf.data(), pdf.size());
  } catch (const std::exception& e) {
    throw SignError({source, 0, 0, {}, {}}, std::string("the PDF cannot be read: ") + e.what());
  }
  std::vector<SignatureReport> reports;
  for (const auto& field : signature_fields(document)) {
    if (!field.signed_) continue;
    SignatureReport report;
    Object value = field.value;
    report.field = field.name;
    Object sub_filter = value.getKey("/SubFilter");
    report.sub_filter = sub_filter.isName() ? sub_filter.getName().substr(1) : "";
    report.signing_time = text_of(value, "/M");
    report.name = text_of(value, "/Name");
    report.reason = text_of(value, "/Reason");
    report.location = text_of(value, "/Location");
    Object range = value.getKey("/ByteRange");
    std::vector<long long> r;
    for (int i = 0; range.isArray() && i < range.getArrayNItems(); ++i) {
      Object item = range.getArrayItem(i);
      r.push_back(item.isInteger() ? item.getIntValue() : -1);
    }
    // Exactly two ranges, from the start of the file, around the /Contents hex string.
    if (r.size() != 4 || r[0] != 0 || r[1] <= 0 || r[2] <= r[1] || r[3] < 0 ||
        static_cast<std::size_t>(r[2] + r[3]) > pdf.size() || pdf[static_cast<std::size_t>(r[1])] != '<' ||
        pdf[static_cast<std::size_t>(r[2] - 1)] != '>') {
      report.byte_range_problem = "its /ByteRange does not frame the signature value";
      reports.push_back(std::move(report));
      continue;
    }
    report.byte_range_ok = true;
    report.covered = static_cast<std::size_t>(r[2] + r[3]);
    report.whole_file = report.covered == pdf.size();
    std::string signed_bytes(pdf.substr(0, static_cast<std::size_t>(r[1])));
    signed_bytes += pdf.substr(static_cast<std::size_t>(r[2]), static_cast<std::size_t>(r[3]));
    std::string contents = value.getKey("/Contents").isString() ? value.getKey("/Contents").getStringValue() : "";
    report.cms = check_cades(contents, signed_bytes, trust_files, parse_pdf_date(report.signing_time));
    if (!report.whole_file) {
      report.later_changes = changes_after(document, pdf, report.covered, source);
      report.later_only_signatures = report.later_changes.empty();
    }
    reports.push_back(std::move(report));
  }
  return reports;
}

}  // namespace

std::vector<SignatureReport> check_signatures(std::string_view pdf, const std::string& source,
                                              const std::vector<std::string>& trust_files) {
  try {
    return check_read_signatures(pdf, source, trust_files);
  } catch (const SignError&) {
    throw;
  } catch (const std::exception& e) {
    // qpdf reads objects when they are first used: a damaged one can surface late.
    throw SignError({source, 0, 0, {}, {}}, std::string("the PDF cannot be read: ") + e.what());
  }
}

}  // namespace inovasi::sign
