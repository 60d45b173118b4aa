#pragma once
// A document kind is a template plus a small binding: the binding picks the records
// (planning) and turns each into template data. Adding a kind means adding a template
// and one binding file, documents/binding_<name>.cpp defining `DocumentKind
// <name>_kind()`: the build lists the kinds from those files (document_kinds()), and
// `render`'s help and `render all` from that list.

#include <filesystem>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "store/number_registry.h"
#include "documents/values.h"
#include "store/snapshot.h"
#include "validation/validation.h"

namespace inovasi::documents {

// What a document's data is built from, borrowed from the planning context (which lives
// only while planning): the snapshot, catalogue and region must outlive the plan.
struct DataContext {
  const Snapshot& snapshot;
  const Catalog& catalog;
  const Record& region;
  bool signed_copy = false;
};

// Planning's context: what data is built from, plus the registry numbers come from.
// A data source captures DataContext(context), never the context itself.
struct DocumentContext : DataContext {
  NumberRegistry& registry;
  // shared_data, built once per plan.
  mutable std::shared_ptr<const Data> shared_cache = {};
  // The year's validation, when the caller has made it already (desk-packet needs it
  // for its workbooks too): kinds that print findings then do not validate again.
  const ValidationReport* report = nullptr;
  // The region's pattern fields already found sound: checked once per plan, not once per
  // document numbered (a national year numbers tens of thousands).
  std::set<std::string, std::less<>> sound_patterns = {};
};

// What the user asked for; empty fields select everything.
struct Selection {
  std::optional<int> year;
  std::string agency;      // instansi kode
  std::string innovation;  // inovasi kode
  std::string session;     // sesi_diskusi kode
  std::string request;     // permohonan_diskusi kode
  std::string event;       // kegiatan kode
};

// Builds a planned document's template data when it is needed: for its key while
// planning, for its pages while rendering (on worker threads, so it only reads). A plan
// holds this rather than the data, so planning 37,000 certificates holds a few hundred
// bytes each instead of their filled-in data.
using DataSource = std::function<Data()>;

struct PlannedDocument {
  PlannedDocument(std::string kind, std::string template_name, Date date, std::string label)
      : kind(std::move(kind)), template_name(std::move(template_name)), date(date), label(std::move(label)) {}

  std::string kind;
  std::string template_name;
  // Inside the output folder, made of slugs only, '/'-separated: a string, not a
  // filesystem::path, which keeps each component apart (some 200 bytes more each).
  std::string path;
  DataSource source;   // unset when the document failed (error)
  Date date;           // the document's own date, written as its creation date
  std::string label;   // the record it comes from, for messages
  std::string agency;  // kode of the agency it belongs to, when it belongs to one
  std::string error;   // set when the record cannot make this document (the others go on)
  std::optional<std::pair<std::string, std::string>> registry_entry;  // (jenis, kunci) of its number
  // What every document of the plan has ({daerah, ditandatangani}), held once instead of
  // copied into each document's data: templates look names up in the data, then here.
  std::shared_ptr<const Data> shared;

  // The document's own data (without `shared`), built now.
  Data data() const;
};

struct DocumentKind {
  std::string_view name;
  std::string_view summary;
  std::function<std::vector<PlannedDocument>(DocumentContext&, const Selection&)> plan;
};

const std::vector<DocumentKind>& document_kinds();
const DocumentKind* find_document_kind(std::string_view name);

// Shared by bindings.
int selected_year(const DocumentContext& context, const Selection& selection);
const Record* find_one(const Snapshot& snapshot, std::string_view kind, std::string_view field, std::string_view value);
// What every document has: {daerah, ditandatangani}, built once per context.
std::shared_ptr<const Data> shared_data(const DocumentContext& context);
// Plans a kind's documents, each with the context's shared data.
std::vector<PlannedDocument> plan_documents(const DocumentKind& kind, DocumentContext& context, const Selection& selection);
// A number for `doc` from the region's pattern field (e.g. pola_nomor_sertifikat). Issuing
// it also makes it the document's registry entry, so the file written is recorded with
// its number and `verify` knows every numbered document (no kind can forget the second
// step). Nothing, with doc.error set, when another document holds the number the
// pattern gives; throws DataError when the profile has no pattern or a pattern that
// cannot number documents apart (the whole plan stops before anything is written).
std::optional<IssuedNumber> issue_number(DocumentContext& context, PlannedDocument& doc, const std::string& kind,
                                         const std::string& key, int year, std::string_view pattern_field,
                                         const Date& date, const std::map<std::string, std::string>& fields);
// The same for a number the data gives (a session's own nomor).
std::optional<IssuedNumber> adopt_number(DocumentContext& context, PlannedDocument& doc, const std::string& kind,
                                         const std::string& key, int year, const std::string& number);
// The IGA narrative's fields of one innovation (nama, tahapan, ..., rancang_bangun,
// indikator, skor), shared by the narrative export and the desk packet.
void add_narrative_fields(Data& data, const DataContext& context, const Record& innovation, int year,
                          int bookmark_level);

// A document's path in the output folder: the year's folder, then `parts` (names and
// slugs the binding made), '/'-separated.
std::string document_path(int year, std::initializer_list<std::string_view> parts);

// The number registry's key of an innovation's certificate in a year (the award's
// record label, "penghargaan <kode>/<tahun>", whether or not an award record exists).
std::string certificate_key(const Record& innovation, int year);

// Trophy and certificate go to innovations applied (Penerapan) and submitted to the IGA.
bool qualifies_for_certificate(const Record& innovation);

// The verification QR payload: the region's base URL + code, or the code alone.
std::string verification_payload(const Record& region, const std::string& code);


}  // namespace inovasi::documents
