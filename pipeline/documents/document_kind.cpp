#include "documents/document_kind.h"

#include <stdexcept>

#include "model/number_pattern.h"
#include "model/text.h"

namespace inovasi::documents {

// Each binding file's kind (documents/binding_<name>.cpp defines <name>_kind()), listed
// by the build from the files themselves.
#include "documents/kind_declarations.inc"

const std::vector<DocumentKind>& document_kinds() {
  static const std::vector<DocumentKind> kinds{
#include "documents/kind_list.inc"
  };
  return kinds;
}

const DocumentKind* find_document_kind(std::string_view name) {
  for (const auto& kind : document_kinds()) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

int selected_year(const DocumentContext& context, const Selection& selection) {
  return selection.year.value_or(context.snapshot.latest_year());
}

const Record* find_one(const Snapshot& snapshot, std::string_view kind, std::string_view field, std::string_view value) {
  auto found = snapshot.where(kind, field, value);
  return found.empty() ? nullptr : found.front();
}

std::shared_ptr<const Data> shared_data(const DocumentContext& context) {
  if (!context.shared_cache) {
    Data data = object();
    data.set("daerah", region_data(context.region, context.catalog, context.signed_copy));
    data.set("ditandatangani", Data(context.signed_copy));
    context.shared_cache = std::make_shared<const Data>(std::move(data));
  }
  return context.shared_cache;
}

std::vector<PlannedDocument> plan_documents(const DocumentKind& kind, DocumentContext& context, const Selection& selection) {
  auto docs = kind.plan(context, selection);
  for (auto& doc : docs) doc.shared = shared_data(context);
  return docs;
}

Data PlannedDocument::data() const { return source ? source() : object(); }

namespace {

// What issuing calls on the registry, with a number already taken failing `doc` alone.
std::optional<IssuedNumber> issue_for(PlannedDocument& doc, const std::function<IssuedNumber()>& issue) {
  try {
    IssuedNumber issued = issue();
    doc.registry_entry = std::make_pair(issued.kind, issued.key);
    return issued;
  } catch (const NumberTaken& e) {
    doc.error = std::string("nomor: ") + e.what();
    return std::nullopt;
  }
}

}  // namespace

std::optional<IssuedNumber> issue_number(DocumentContext& context, PlannedDocument& doc, const std::string& kind,
                                         const std::string& key, int year, std::string_view pattern_field,
                                         const Date& date, const std::map<std::string, std::string>& fields) {
  auto pattern = context.region.get(pattern_field);
  if (pattern.empty()) {
    throw DataError("the regional profile (daerah) has no " + std::string(pattern_field) +
                    " to number this document with");
  }
  // Checked at import too; a store made before that check may still hold such a pattern.
  if (!context.sound_patterns.contains(pattern_field)) {
    if (auto problem = number_pattern_problem(pattern)) {
      throw DataError("daerah: " + std::string(pattern_field) + ": " + quote_value(pattern) + " " + *problem +
                      "; no document was made (correct it and import the regional profile again)");
    }
    context.sound_patterns.emplace(pattern_field);
  }
  return issue_for(doc, [&] { return context.registry.issue(kind, key, year, pattern, date, fields); });
}

std::optional<IssuedNumber> adopt_number(DocumentContext& context, PlannedDocument& doc, const std::string& kind,
                                         const std::string& key, int year, const std::string& number) {
  return issue_for(doc, [&] { return context.registry.adopt(kind, key, year, number); });
}

std::string document_path(int year, std::initializer_list<std::string_view> parts) {
  std::string path = std::to_string(year);
  for (auto part : parts) {
    path += '/';
    path += part;
  }
  return path;
}

std::string verification_payload(const Record& region, const std::string& code) {
  std::string base(region.get("url_verifikasi"));
  if (base.empty()) return code;
  if (base.back() != '/' && base.back() != '=') base += '/';
  return base + code;
}

}  // namespace inovasi::documents
