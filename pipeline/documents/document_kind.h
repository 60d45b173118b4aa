#pragma once
// A document kind is a template plus one binding file, documents/binding_<name>.cpp,
// defining `DocumentKind <name>_kind()`: one descriptor holding the kind's name, its
// template, where its documents go, how they are numbered, and how it picks its records
// and binds each one's data. The build lists the kinds from those files
// (document_kinds()); `render`'s help, `render all` and `verify` read that list.

#include <filesystem>
#include <functional>
#include <map>
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

struct DocumentKind;

struct PlannedDocument {
  PlannedDocument(const DocumentKind& kind, Date date, std::string label)
      : kind(&kind), date(date), label(std::move(label)) {}

  const DocumentKind* kind;  // its descriptor (the kinds outlive every plan)
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

// How a kind's documents are numbered: the number registry's jenis (which `verify`
// reports) and the field of the regional profile holding the pattern.
struct Numbering {
  std::string_view registry_kind;  // e.g. "sertifikat"
  std::string_view pattern_field;  // e.g. "pola_nomor_sertifikat"
};

struct DocumentKind {
  std::string_view name;           // `render <name>`, and the manifest's jenis
  std::string_view summary;        // one line for --help and verify (English)
  std::string_view title;          // the document's name as people read it ("Sertifikat Penghargaan")
  std::string_view template_name;  // templates/<template_name>.xml
  // Where each document goes inside the year's folder, with {placeholders} the binding
  // fills (output_path): e.g. "launching/{instansi}/perjanjian-kinerja.pdf".
  std::string_view path;
  std::optional<Numbering> numbering;  // none: the kind's documents carry no number
  // Picks the kind's records for a selection and plans a document for each (its label,
  // date, path, number and data source), using the helpers below.
  std::function<std::vector<PlannedDocument>(const DocumentKind&, DocumentContext&, const Selection&)> plan;

  // A document of this kind, dated 1 January of `year` until the binding knows better.
  PlannedDocument document(int year, std::string label) const { return {*this, {year, 1, 1}, std::move(label)}; }
  // `path` with each {placeholder} replaced by the slug of its value, under the year's
  // folder. A placeholder without a value is a mistake in the binding: logic_error.
  std::string output_path(int year, const std::map<std::string_view, std::string_view>& values) const;
};

const std::vector<DocumentKind>& document_kinds();
const DocumentKind* find_document_kind(std::string_view name);
// The kind numbered under a registry jenis ("sertifikat"), if one is.
const DocumentKind* find_numbered_kind(std::string_view registry_kind);

// Shared by bindings.
// The latest date the year's records carry (awards, sessions, contracts signed, requests),
// else 1 January: a summary or workbook of the year is dated as of its data, so the same
// data gives the same file.
Date latest_year_date(const Snapshot& snapshot, int year);
int selected_year(const DocumentContext& context, const Selection& selection);
const Record* find_one(const Snapshot& snapshot, std::string_view kind, std::string_view field, std::string_view value);
// The kode of a discussion session's agency: its request's ("" when it has none).
std::string_view agency_of_session(const Snapshot& snapshot, const Record& session);
// What every document has: {daerah, ditandatangani}, built once per context.
std::shared_ptr<const Data> shared_data(const DocumentContext& context);
// Plans a kind's documents, each with the context's shared data.
std::vector<PlannedDocument> plan_documents(const DocumentKind& kind, DocumentContext& context,
                                            const Selection& selection);
// A number for `doc` from the pattern its kind's numbering names (e.g.
// pola_nomor_sertifikat). Issuing it also makes it the document's registry entry, so the
// file written is recorded with its number and `verify` knows every numbered document
// (no kind can forget the second step). Nothing, with doc.error set, when another
// document holds the number the pattern gives; throws DataError when the profile has no
// pattern or a pattern that cannot number documents apart (the whole plan stops before
// anything is written).
std::optional<IssuedNumber> issue_number(DocumentContext& context, PlannedDocument& doc, const std::string& key,
                                         int year, const Date& date, const std::map<std::string, std::string>& fields);
// The same for a number the data gives (a session's own nomor).
std::optional<IssuedNumber> adopt_number(DocumentContext& context, PlannedDocument& doc, const std::string& key,
                                         int year, const std::string& number);

// Which records of one kind a selection chooses: those of the year, of the selected
// agency and with the selected code, in the snapshot's order.
struct RecordFilter {
  std::string_view records;      // the record kind, e.g. "inovasi"
  std::string_view year_field;   // "tahun", a date field whose year counts, or "" (any year)
  std::string Selection::*code;  // the selection's code for these records (nullptr: none)
  // The kode of a record's agency: a field of the record ("instansi"; "kode" for
  // agencies), or, when agency_of is set, what it finds (through another record). Both
  // empty: the records belong to no agency, and a selected agency leaves them all in.
  std::string_view agency_field = "instansi";
  std::string_view (*agency_of)(const Snapshot&, const Record&) = nullptr;
};
std::vector<const Record*> selected_records(const DocumentContext& context, const Selection& selection, int year,
                                            const RecordFilter& filter);

// The IGA narrative's fields of one innovation (nama, tahapan, ..., rancang_bangun,
// indikator, skor), shared by the narrative export and the desk packet.
void add_narrative_fields(Data& data, const DataContext& context, const Record& innovation, int year,
                          int bookmark_level);

// The number registry's key of an innovation's certificate in a year (the award's
// record label, "penghargaan <kode>/<tahun>", whether or not an award record exists).
std::string certificate_key(const Record& innovation, int year);

// Trophy and certificate go to innovations applied (Penerapan) and submitted to the IGA.
bool qualifies_for_certificate(const Record& innovation);

// The verification QR payload: the region's base URL + code, or the code alone.
std::string verification_payload(const Record& region, const std::string& code);

// The verification code a document's PDF claims: its templates write it as the PDF's
// keywords. Empty when it claims none.
std::string claimed_verification_code(const std::string& pdf);

}  // namespace inovasi::documents
