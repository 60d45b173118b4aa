#include "model/catalog.h"
#include "model/file_text.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "model/schema.h"
#include "model/text.h"

namespace inovasi {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Poco::Dynamic::Var parse_file(const std::filesystem::path& path) {
  auto text = read_file_text(path);
  if (!text) throw CatalogError(path.string() + ": cannot read catalogue file");
  try {
    Poco::JSON::Parser parser;
    return parser.parse(*text);
  } catch (const Poco::Exception& e) {
    throw CatalogError(path.string() + ": not valid JSON: " + e.displayText());
  }
}

Object::Ptr as_object(const Poco::Dynamic::Var& value, const std::string& where) {
  try {
    return value.extract<Object::Ptr>();
  } catch (const Poco::Exception&) {
    throw CatalogError(where + ": expected a JSON object");
  }
}

Array::Ptr as_array(const Object::Ptr& object, const std::string& key, const std::string& where) {
  auto array = object->getArray(key);
  if (!array) throw CatalogError(where + ": '" + key + "' must be an array");
  return array;
}

std::vector<std::string> strings_of(const Array::Ptr& array) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < array->size(); ++i)
    out.push_back(array->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

std::map<std::string, Enumeration, std::less<>> load_enumerations(const std::filesystem::path& path) {
  std::map<std::string, Enumeration, std::less<>> enumerations;
  auto root = as_object(parse_file(path), path.string());
  for (const auto& name : root->getNames()) {
    std::string where = path.string() + ": " + name;
    auto entry = root->getObject(name);
    if (!entry) throw CatalogError(where + ": expected an object with 'nilai' and 'alias'");
    Enumeration enumeration;
    enumeration.name = name;
    enumeration.values = strings_of(as_array(entry, "nilai", where));
    for (const auto& value : enumeration.values) enumeration.aliases[match_key(value)] = value;
    if (auto aliases = entry->getObject("alias")) {
      for (const auto& alias : aliases->getNames()) {
        auto canonical = aliases->getValue<std::string>(alias);
        bool known = canonical.empty() || std::find(enumeration.values.begin(), enumeration.values.end(), canonical) !=
                                              enumeration.values.end();
        if (!known) throw CatalogError(where + ": alias '" + alias + "' maps to unknown value '" + canonical + "'");
        enumeration.aliases[match_key(alias)] = canonical;
      }
    }
    enumerations.emplace(name, std::move(enumeration));
  }
  return enumerations;
}

std::vector<Rank> load_ranks(const std::filesystem::path& path) {
  auto root = as_object(parse_file(path), path.string());
  std::vector<Rank> ranks;
  auto array = as_array(root, "pangkat", path.string());
  for (std::size_t i = 0; i < array->size(); ++i) {
    auto entry = array->getObject(static_cast<unsigned>(i));
    if (!entry || !entry->has("pangkat") || !entry->has("golongan")) {
      throw CatalogError(path.string() + ": pangkat[" + std::to_string(i) + "] needs 'pangkat' and 'golongan'");
    }
    ranks.push_back({entry->getValue<std::string>("pangkat"), entry->getValue<std::string>("golongan")});
  }
  return ranks;
}

std::map<std::string, std::string> load_profile_labels(const std::filesystem::path& path) {
  auto root = as_object(parse_file(path), path.string());
  std::map<std::string, std::string> labels;
  for (const auto& field : root->getNames()) {
    for (const auto& label : strings_of(as_array(root, field, path.string()))) labels[match_key(label)] = field;
  }
  return labels;
}

// A count in a catalogue file (a rule, a weight, an edition), checked like an input: a
// JSON whole number within bounds, or `fallback` when the key is absent. "dua", null,
// 1.5 or -1 name the file and the key instead of becoming a silent default or a
// wrapped-around count.
int whole_number(const Object::Ptr& root, const std::string& key, std::optional<int> fallback, int least, int most,
                 const std::string& where) {
  if (!root->has(key)) {
    if (fallback) return *fallback;
    throw CatalogError(where + ": " + key + ": missing (a whole number from " + std::to_string(least) + " to " +
                       std::to_string(most) + ")");
  }
  auto value = root->get(key);
  bool whole = value.isInteger() && !value.isBoolean();
  long long number = whole ? value.convert<long long>() : 0;
  if (!whole || number < least || number > most) {
    std::string written = value.isEmpty() ? std::string("null") : value.toString();
    throw CatalogError(where + ": " + key + ": expected a whole number from " + std::to_string(least) + " to " +
                       std::to_string(most) + ", not " + quote_value(written));
  }
  return static_cast<int>(number);
}

bool rule_flag(const Object::Ptr& root, const std::string& key, bool fallback, const std::string& file) {
  if (!root->has(key)) return fallback;
  auto value = root->get(key);
  if (!value.isBoolean()) {
    std::string written = value.isEmpty() ? std::string("null") : value.toString();
    throw CatalogError(file + ": " + key + ": expected true or false, not " + quote_value(written));
  }
  return value.extract<bool>();
}

ProgrammeRules load_rules(const std::filesystem::path& path) {
  std::string file = path.string();
  auto root = as_object(parse_file(path), file);
  static const std::set<std::string> kKnown = {"fasilitator_per_instansi", "fasilitator_wajib_pns",
                                               "fasilitator_anggota_tim", "inovasi_per_instansi_per_tahun"};
  for (const auto& key : root->getNames()) {
    if (!kKnown.contains(key))
      throw CatalogError(file + ": " + key + ": unknown rule (a misspelt key would be ignored)");
  }
  ProgrammeRules rules;
  rules.facilitators_per_agency = whole_number(root, "fasilitator_per_instansi", 2, 0, 100, file);
  rules.facilitators_must_be_pns = rule_flag(root, "fasilitator_wajib_pns", true, file);
  rules.facilitators_in_team = rule_flag(root, "fasilitator_anggota_tim", true, file);
  rules.innovations_per_agency_per_year = whole_number(root, "inovasi_per_instansi_per_tahun", 1, 0, 1000, file);
  return rules;
}

IndicatorCatalogue load_edition(const std::filesystem::path& path) {
  std::string where = path.string();
  auto root = as_object(parse_file(path), where);
  IndicatorCatalogue catalogue;
  catalogue.edition = whole_number(root, "edisi", std::nullopt, 2000, 2100, where);
  catalogue.source = root->optValue<std::string>("sumber", "");
  auto indicators = as_array(root, "indikator", where);
  for (std::size_t i = 0; i < indicators->size(); ++i) {
    auto entry = indicators->getObject(static_cast<unsigned>(i));
    std::string item_where = where + ": indikator[" + std::to_string(i) + "]";
    if (!entry) throw CatalogError(item_where + ": expected an object");
    Indicator indicator;
    indicator.number = whole_number(entry, "nomor", std::nullopt, 1, 99, item_where);
    indicator.label = entry->optValue<std::string>("nama", "");
    indicator.weight = whole_number(entry, "bobot", std::nullopt, 0, 100, item_where);
    indicator.evidence = entry->optValue<std::string>("bukti", "");
    if (entry->has("level")) indicator.levels = strings_of(entry->getArray("level"));
    if (indicator.number <= 0 || indicator.label.empty() || indicator.weight < 0) {
      throw CatalogError(item_where + ": needs 'nomor', 'nama' and 'bobot'");
    }
    catalogue.indicators.push_back(std::move(indicator));
  }
  auto bands = as_array(root, "predikat", where);
  for (std::size_t i = 0; i < bands->size(); ++i) {
    auto entry = bands->getObject(static_cast<unsigned>(i));
    if (!entry || !entry->has("nama") || (entry->has("di_atas") == entry->has("mulai"))) {
      throw CatalogError(where + ": predikat[" + std::to_string(i) + "] needs 'nama' and one of 'di_atas' or 'mulai'");
    }
    bool exclusive = entry->has("di_atas");
    catalogue.bands.push_back(
        {entry->getValue<std::string>("nama"), entry->getValue<double>(exclusive ? "di_atas" : "mulai"), exclusive});
  }
  if (auto minimums = root->getObject("minimum_kata")) {
    for (const auto& field : minimums->getNames()) {
      catalogue.minimum_words[field] = whole_number(minimums, field, std::nullopt, 0, 100000, where + ": minimum_kata");
    }
  }
  return catalogue;
}

WorkbookGuide load_workbook_guide(const std::filesystem::path& path) {
  std::string where = path.string();
  auto root = as_object(parse_file(path), where);
  WorkbookGuide guide;
  guide.title = root->optValue<std::string>("judul", "Buku Kerja Isian");
  guide.instructions = strings_of(as_array(root, "petunjuk", where));
  guide.agency_sheets = strings_of(as_array(root, "lembar_instansi", where));
  for (const auto& kind : guide.agency_sheets) {
    if (!find_record_kind(kind)) throw CatalogError(where + ": lembar_instansi: '" + kind + "' is not a record kind");
  }
  if (auto types = root->getObject("jenis_isian")) {
    for (const auto& [name, value] : *types) guide.type_names[name] = value.toString();
  }
  if (auto sheets = root->getObject("lembar")) {
    for (const auto& [kind, value] : *sheets) {
      auto sheet = as_object(value, where + ": lembar." + kind);
      guide.sheet_titles[kind] = sheet->optValue<std::string>("judul", kind);
      if (auto columns = sheet->getObject("kolom")) {
        for (const auto& [field, help] : *columns) guide.columns[kind][field] = help.toString();
      }
    }
  }
  return guide;
}

}  // namespace

EnumMatch Enumeration::match(std::string_view raw) const {
  std::string key = match_key(raw);
  if (key.empty()) return {"", true};
  auto it = aliases.find(key);
  if (it == aliases.end()) return {"", false};
  return {it->second, true};
}

int IndicatorCatalogue::max_score() const {
  int total = 0;
  for (const auto& indicator : indicators) total += indicator.weight * 3;  // levels run 1..3
  return total;
}

const Indicator* IndicatorCatalogue::indicator(int number) const {
  for (const auto& indicator : indicators) {
    if (indicator.number == number) return &indicator;
  }
  return nullptr;
}

std::string IndicatorCatalogue::band_for(double score) const {
  for (const auto& band : bands) {
    if (band.exclusive ? score > band.threshold : score >= band.threshold) return band.label;
  }
  return {};
}

Catalog Catalog::load(const std::filesystem::path& folder) {
  if (!std::filesystem::is_directory(folder)) throw CatalogError(folder.string() + ": catalogue folder not found");
  Catalog catalog;
  catalog.enumerations_ = load_enumerations(folder / "enums.json");
  catalog.ranks_ = load_ranks(folder / "ranks.json");
  catalog.profile_labels_ = load_profile_labels(folder / "profile-labels.json");
  catalog.rules_ = load_rules(folder / "rules.json");
  std::vector<std::filesystem::path> edition_files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    auto name = entry.path().filename().string();
    if (name.starts_with("iga-") && name.ends_with(".json")) edition_files.push_back(entry.path());
  }
  std::sort(edition_files.begin(), edition_files.end());
  for (const auto& path : edition_files) catalog.editions_.push_back(load_edition(path));
  if (catalog.editions_.empty()) throw CatalogError(folder.string() + ": no IGA indicator catalogue (iga-YYYY.json)");
  std::sort(catalog.editions_.begin(), catalog.editions_.end(),
            [](const auto& a, const auto& b) { return a.edition < b.edition; });
  catalog.finding_texts_ = FindingTexts::load(folder / "temuan.json");
  catalog.report_words_ = ReportWords::load(folder / "laporan.json");
  if (auto guide = folder / "buku-kerja-isian.json"; std::filesystem::exists(guide)) {
    catalog.workbook_guide_ = load_workbook_guide(guide);
  }
  return catalog;
}

const Enumeration* Catalog::enumeration(std::string_view name) const {
  auto it = enumerations_.find(name);
  return it == enumerations_.end() ? nullptr : &it->second;
}

const Rank* Catalog::rank_by_golongan(std::string_view golongan) const {
  std::string wanted = ascii_upper(collapse_spaces(golongan));
  for (const auto& rank : ranks_) {
    if (ascii_upper(rank.golongan) == wanted) return &rank;
  }
  return nullptr;
}

const Rank* Catalog::rank_by_pangkat(std::string_view pangkat) const {
  std::string wanted = match_key(pangkat);
  for (const auto& rank : ranks_) {
    if (match_key(rank.pangkat) == wanted) return &rank;
  }
  return nullptr;
}

const IndicatorCatalogue& Catalog::indicators_for(int year) const {
  const IndicatorCatalogue* chosen = &editions_.front();
  for (const auto& edition : editions_) {
    if (edition.edition <= year) chosen = &edition;
  }
  return *chosen;
}

Catalog::ReadableFinding Catalog::readable(const Diagnostic& finding) const {
  return {report_words_.severity(finding.severity), report_words_.record(finding.record),
          finding.field.empty() ? std::string() : report_words_.field(finding.field),
          finding_message(finding, Language::Indonesian)};
}

std::string Catalog::finding_message(const Diagnostic& finding, Language language) const {
  if (finding.code.empty()) return finding.message;
  return finding_texts_.render(finding.code, finding.params, language);
}

}  // namespace inovasi
