#pragma once
// The record kinds the programme keeps, described once. Importers, the store and the
// `list` command are driven by these descriptions, so a field is added in one place
// (plus a store migration). Names are the domain's Indonesian field names in
// snake_case: they are the CSV headers, the JSON keys and the template variables.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace inovasi {

enum class FieldType {
  Text,           // one line or a few; control characters rejected
  Narrative,      // structured paragraphs and lists, stored as JSON
  Date,           // stored ISO (YYYY-MM-DD)
  Nip,            // stored as 18 digits
  Integer,        // whole numbers only: years, indicator numbers, levels
  Amount,         // rupiah, stored exactly as a decimal string: "1500000" or "1500000.75"
  Bool,           // stored 0/1; accepts ya/tidak, yes/no, true/false, 1/0
  Enum,           // canonical value from the enumeration catalogue; raw text kept in <name>_asli
  EnumList,       // several values of one enumeration, stored as a JSON array
  NipList,        // several NIPs, stored as a JSON array
  NumberPattern,  // a region's document numbering, "000.8.3.3/{urut}/Bappeda/{tahun}" (model/number_pattern.h)
};

struct FieldSpec {
  std::string_view name;
  FieldType type = FieldType::Text;
  bool required = false;
  bool key = false;                         // part of the natural key
  std::string_view enumeration = {};        // Enum, EnumList: catalogue name
  std::string_view references = {};         // the record kind this value points at
  std::optional<long long> min_value = {};  // Integer bounds
  std::optional<long long> max_value = {};
};

struct RecordKind {
  std::string_view name;     // table name, CSV file stem, JSON key
  std::string_view summary;  // English, for --help and messages
  std::vector<FieldSpec> fields;
  bool singleton = false;                           // one record per store (the region's profile)
  std::vector<std::string_view> year_from = {};     // Date fields that supply `tahun` when blank, in order
  std::string_view code_from = {};                  // a Text field whose slug supplies `kode` when blank
  std::vector<std::string_view> lookup_names = {};  // fields a reference may name instead of the key

  const FieldSpec* field(std::string_view field_name) const;
  std::vector<std::string_view> key_fields() const;
};

// Every kind, in dependency order (a kind only references kinds listed before it).
const std::vector<RecordKind>& record_kinds();
const RecordKind* find_record_kind(std::string_view name);

// Kinds whose code becomes part of a file or folder name (documents/ bindings build
// paths from slugify(kode)): their codes must map to distinct names.
bool code_names_files(const RecordKind& kind);

// Enumerated fields keep the text as the input wrote it beside the canonical value.
bool keeps_raw_text(FieldType type);

// The column that keeps the raw text of an Enum field.
std::string raw_column(std::string_view field_name);

}  // namespace inovasi
