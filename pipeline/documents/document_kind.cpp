#include "documents/document_kind.h"

#include <regex>

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
  // Its template's name, as people call the document: `render ringkasan`.
  for (const auto& kind : document_kinds()) {
    if (kind.template_name == name) return &kind;
  }
  return nullptr;
}

Date latest_year_date(const Snapshot& snapshot, int year) {
  Date latest{year, 1, 1};
  for (const auto& [kind, field] : {std::pair{"penghargaan", "tanggal"},
                                    {"sesi_diskusi", "tanggal"},
                                    {"perjanjian_kinerja", "tanggal_tanda_tangan"},
                                    {"permohonan_diskusi", "tanggal_permohonan"}}) {
    for (const auto& record : snapshot.all(kind)) {
      auto parsed = parse_date(record.get(field));
      if (parsed.date && parsed.date->year == year && *parsed.date > latest) latest = *parsed.date;
    }
  }
  return latest;
}

const DocumentKind* find_numbered_kind(std::string_view registry_kind) {
  for (const auto& kind : document_kinds()) {
    if (kind.numbering && kind.numbering->registry_kind == registry_kind) return &kind;
  }
  return nullptr;
}

std::string DocumentKind::output_path(int year, const std::map<std::string_view, std::string_view>& values) const {
  std::string out = std::to_string(year) + "/";
  std::string_view rest = path;
  while (!rest.empty()) {
    auto open = rest.find('{');
    out += rest.substr(0, open);
    if (open == std::string_view::npos) break;
    auto close = rest.find('}', open);
    auto name = rest.substr(open + 1, close - open - 1);
    auto value = values.find(name);
    if (close == std::string_view::npos || value == values.end()) {
      throw std::logic_error("document kind '" + std::string(this->name) + "': no value for {" + std::string(name) +
                             "} in its path " + std::string(path));
    }
    out += slugify(value->second);
    rest = rest.substr(close + 1);
  }
  return out;
}

int selected_year(const DocumentContext& context, const Selection& selection) {
  return selection.year.value_or(context.snapshot.latest_year());
}

const Record* find_one(const Snapshot& snapshot, std::string_view kind, std::string_view field,
                       std::string_view value) {
  auto found = snapshot.where(kind, field, value);
  return found.empty() ? nullptr : found.front();
}

std::string_view agency_of_session(const Snapshot& snapshot, const Record& session) {
  const Record* request = find_one(snapshot, "permohonan_diskusi", "kode", session.get("permohonan"));
  return request ? request->get("instansi") : std::string_view();
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

std::vector<PlannedDocument> plan_documents(const DocumentKind& kind, DocumentContext& context,
                                            const Selection& selection) {
  auto docs = kind.plan(kind, context, selection);
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

std::optional<IssuedNumber> issue_number(DocumentContext& context, PlannedDocument& doc, const std::string& key,
                                         int year, const Date& date, const std::map<std::string, std::string>& fields) {
  const Numbering& numbering = doc.kind->numbering.value();
  auto pattern = context.region.get(numbering.pattern_field);
  if (pattern.empty()) {
    throw DataError("the regional profile (daerah) has no " + std::string(numbering.pattern_field) +
                    " to number this document with");
  }
  // Checked at import too; a store made before that check may still hold such a pattern.
  if (!context.sound_patterns.contains(numbering.pattern_field)) {
    if (auto problem = number_pattern_problem(pattern)) {
      throw DataError("daerah: " + std::string(numbering.pattern_field) + ": " + quote_value(pattern) + " " + *problem +
                      "; no document was made (correct it and import the regional profile again)");
    }
    context.sound_patterns.emplace(numbering.pattern_field);
  }
  std::string registry_kind(numbering.registry_kind);
  return issue_for(doc, [&] { return context.registry.issue(registry_kind, key, year, pattern, date, fields); });
}

std::optional<IssuedNumber> adopt_number(DocumentContext& context, PlannedDocument& doc, const std::string& key,
                                         int year, const std::string& number) {
  std::string registry_kind(doc.kind->numbering.value().registry_kind);
  return issue_for(doc, [&] { return context.registry.adopt(registry_kind, key, year, number); });
}

namespace {

// Whether a year ("2026") or a date ("2026-03-05") falls in `year`.
bool in_year(std::string_view value, std::string_view year) {
  return value.starts_with(year) && (value.size() == year.size() || value[year.size()] == '-');
}

}  // namespace

std::vector<const Record*> selected_records(const DocumentContext& context, const Selection& selection, int year,
                                            const RecordFilter& filter) {
  std::string year_text = std::to_string(year);
  std::string_view code = filter.code ? std::string_view(selection.*filter.code) : std::string_view();
  std::vector<const Record*> chosen;
  for (const auto& record : context.snapshot.all(filter.records)) {
    if (!filter.year_field.empty() && !in_year(record.get(filter.year_field), year_text)) continue;
    if (!code.empty() && record.get("kode") != code) continue;
    if (!selection.agency.empty() && (filter.agency_of || !filter.agency_field.empty())) {
      auto agency = filter.agency_of ? filter.agency_of(context.snapshot, record) : record.get(filter.agency_field);
      if (agency != selection.agency) continue;
    }
    chosen.push_back(&record);
  }
  return chosen;
}

std::string claimed_verification_code(const std::string& pdf) {
  static const std::regex kKeywords(R"(/Keywords \(([0-9A-Z]{10})\))");
  std::smatch match;
  return std::regex_search(pdf, match, kKeywords) ? match[1].str() : std::string();
}

std::string verification_payload(const Record& region, const std::string& code) {
  std::string base(region.get("url_verifikasi"));
  if (base.empty()) return code;
  if (base.back() != '/' && base.back() != '=') base += '/';
  return base + code;
}

}  // namespace inovasi::documents
