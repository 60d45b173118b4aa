#include "importers/import_job.h"
#include "model/file_text.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "importers/csv_importer.h"
#include "importers/json_importer.h"
#include "importers/profile_parser.h"
#include "importers/xlsx_importer.h"
#include "model/text.h"

namespace inovasi {
namespace {

// Files larger than this are not inputs a regional team produces by hand.
constexpr std::uintmax_t kMaxInputBytes = 256u << 20;

enum class Format { Profile, Csv, Json, Xlsx, Unknown };

Format format_by_extension(const std::filesystem::path& path) {
  std::string extension = ascii_lower(path.extension().string());
  if (extension == ".txt") return Format::Profile;
  if (extension == ".csv") return Format::Csv;
  if (extension == ".json") return Format::Json;
  if (extension == ".xlsx") return Format::Xlsx;
  return Format::Unknown;
}

Format format_by_content(std::string_view content) {
  auto start = trim(content.substr(0, 4096));
  if (start.starts_with("{")) return Format::Json;
  if (start.starts_with("PK")) return Format::Xlsx;
  if (looks_like_profile(content)) return Format::Profile;
  return Format::Csv;
}

void collect_files(const std::filesystem::path& path, std::vector<std::filesystem::path>& files,
                   Diagnostics& diagnostics, std::vector<std::string>& notes) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path, error)) {
      if (!entry.is_regular_file()) continue;
      if (format_by_extension(entry.path()) == Format::Unknown) {
        notes.push_back(entry.path().string() + ": not an input format (.txt, .csv, .json, .xlsx), skipped");
        continue;
      }
      found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  } else if (std::filesystem::is_regular_file(path, error)) {
    files.push_back(path);
  } else {
    diagnostics.error({path.string(), 0}, "", "no such file or folder");
  }
}

std::optional<std::string> read_file(const std::filesystem::path& path, Diagnostics& diagnostics) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  if (!error && size > kMaxInputBytes) {
    diagnostics.error({path.string(), 0}, "", "file is " + std::to_string(size >> 20) + " MiB; inputs are limited to " +
                                                  std::to_string(kMaxInputBytes >> 20) + " MiB");
    return std::nullopt;
  }
  auto text = read_file_text(path);
  if (!text) diagnostics.error({path.string(), 0}, "", "cannot read the file");
  return text;
}

// Finds the record a reference names: by key, or by one of the kind's lookup names.
class ReferenceIndex {
 public:
  ReferenceIndex(const Dataset& dataset, const Store* store) {
    for (const auto& record : dataset.records) add(record);
    if (!store) return;
    for (const auto& kind : record_kinds()) {
      if (kind.lookup_names.empty() && !is_referenced(kind)) continue;
      for (const auto& record : store->load(kind)) add(record);
    }
  }

  // The key (first key field) of the record `text` names, with `year` for kinds keyed
  // by year; empty when nothing matches.
  std::string resolve(const RecordKind& kind, std::string_view text, std::string_view year) const {
    auto by_key = keys_.find({std::string(kind.name), std::string(text), std::string(year)});
    if (by_key != keys_.end()) return by_key->second;
    auto by_name = names_.find({std::string(kind.name), match_key(text), std::string(year)});
    if (by_name != names_.end()) return by_name->second;
    auto by_slug = keys_.find({std::string(kind.name), slugify(text), std::string(year)});
    if (by_slug != keys_.end()) return by_slug->second;
    return {};
  }

  static bool is_referenced(const RecordKind& target) {
    for (const auto& kind : record_kinds()) {
      for (const auto& spec : kind.fields) {
        if (spec.references == target.name) return true;
      }
    }
    return false;
  }

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // kind, text, year

  void add(const Record& record) {
    const RecordKind& kind = *record.kind;
    auto keys = kind.key_fields();
    if (keys.empty()) return;
    std::string code(record.get(keys.front()));
    std::string year = year_part(record);
    keys_[{std::string(kind.name), code, year}] = code;
    for (auto name_field : kind.lookup_names) {
      if (record.has(name_field)) names_[{std::string(kind.name), match_key(record.get(name_field)), year}] = code;
    }
  }

  static std::string year_part(const Record& record) {
    auto keys = record.kind->key_fields();
    bool keyed_by_year = std::find(keys.begin(), keys.end(), "tahun") != keys.end();
    return keyed_by_year ? std::string(record.get("tahun")) : std::string();
  }

  std::map<Key, std::string> keys_;
  std::map<Key, std::string> names_;
};

}  // namespace

ImportResult read_inputs(const std::vector<std::filesystem::path>& paths, const ImportOptions& options,
                         const Catalog& catalog) {
  ImportResult result;
  std::vector<std::filesystem::path> files;
  for (const auto& path : paths) collect_files(path, files, result.diagnostics, result.notes);
  ImportContext context{catalog, options, result.dataset, result.diagnostics, result.notes};
  for (const auto& path : files) {
    auto content = read_file(path, result.diagnostics);
    if (!content) continue;
    std::string file = path.string();
    result.files.push_back(file);
    Format format = format_by_extension(path);
    if (format == Format::Unknown) format = format_by_content(*content);
    switch (format) {
      case Format::Profile: import_profile(std::move(*content), file, context); break;
      case Format::Csv: import_csv(std::move(*content), file, context); break;
      case Format::Json: import_json(std::move(*content), file, context); break;
      case Format::Xlsx: import_xlsx(file, context); break;
      case Format::Unknown: break;
    }
  }
  merge_duplicate_keys(result.dataset, result.diagnostics);
  report_missing_required(result.dataset, result.diagnostics);
  return result;
}

ImportResult import_into_store(const std::filesystem::path& database, const std::vector<std::filesystem::path>& paths,
                               const ImportOptions& options, const Catalog& catalog) {
  ImportResult result = read_inputs(paths, options, catalog);
  std::optional<Store> store;
  if (std::filesystem::exists(database)) store.emplace(Store::open(database, false));
  resolve_references(result.dataset, store ? &*store : nullptr, result.diagnostics);
  if (result.diagnostics.has_errors()) return result;
  if (!store) store.emplace(Store::open(database, true));
  result.saved = store->save(result.dataset);
  return result;
}

void merge_duplicate_keys(Dataset& dataset, Diagnostics& diagnostics) {
  std::map<std::pair<std::string_view, std::vector<std::string>>, std::size_t> first_index;
  std::vector<Record> merged;
  merged.reserve(dataset.records.size());
  for (auto& record : dataset.records) {
    auto key = record.key_values();
    bool incomplete = std::any_of(key.begin(), key.end(), [](const auto& part) { return part.empty(); });
    auto [it, inserted] = first_index.emplace(std::make_pair(record.kind->name, key), merged.size());
    if (incomplete || inserted) {
      merged.push_back(std::move(record));
      continue;
    }
    Record& first = merged[it->second];
    std::string first_place = first.where.file + ":" + std::to_string(first.where.line);
    if (first.where.file == record.where.file) {
      diagnostics.error(record.where, "", record.key_label() + " appears twice (first at " + first_place + ")");
      continue;
    }
    for (const auto& [field, value] : record.values) {
      auto existing = first.get(field);
      if (!existing.empty() && !value.empty() && existing != value) {
        diagnostics.error(record.where, std::string(field), "differs from " + first_place + " for the same " + record.key_label() +
                                                   " ('" + std::string(existing).substr(0, 40) + "' there)");
      } else if (existing.empty()) {
        first.set(field, value);
      }
    }
  }
  dataset.records = std::move(merged);
}

void resolve_references(Dataset& dataset, const Store* store, Diagnostics& diagnostics) {
  ReferenceIndex index(dataset, store);
  for (auto& record : dataset.records) {
    for (const auto& spec : record.kind->fields) {
      if (spec.references.empty() || spec.type != FieldType::Text || !record.has(spec.name)) continue;
      const RecordKind& target = *find_record_kind(spec.references);
      auto target_keys = target.key_fields();
      bool by_year = std::find(target_keys.begin(), target_keys.end(), "tahun") != target_keys.end();
      std::string year = by_year ? std::string(record.get("tahun")) : std::string();
      std::string resolved = index.resolve(target, record.get(spec.name), year);
      if (resolved.empty()) {
        diagnostics.error(record.where, std::string(spec.name),
                          "no " + std::string(target.name) + " '" + std::string(record.get(spec.name)) + "'" +
                              (by_year ? " in " + year : std::string()) + " in this import or in the store");
        continue;
      }
      record.set(spec.name, resolved);
    }
  }
}

}  // namespace inovasi
