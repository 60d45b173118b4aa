#include "importers/import_job.h"
#include "model/file_text.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "importers/csv_importer.h"
#include "importers/innovation_identity.h"
#include "importers/reference_index.h"
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

}  // namespace

ImportResult read_inputs(const std::vector<std::filesystem::path>& paths, const ImportOptions& options,
                         const Catalog& catalog, const Store* store) {
  ImportResult result;
  result.diagnostics.keep_at_most(options.findings_kept);
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
  link_owning_agencies(result.dataset, store);
  assign_derived_codes(result.dataset, store, result.diagnostics);
  merge_duplicate_keys(result.dataset, result.diagnostics);
  report_missing_required(result.dataset, result.diagnostics);
  return result;
}

ImportResult import_into_store(const std::filesystem::path& database, const std::vector<std::filesystem::path>& paths,
                               const ImportOptions& options, const Catalog& catalog, const ChangeListener& on_change) {
  std::optional<Store> store;
  if (std::filesystem::exists(database)) store.emplace(Store::open(database, false));
  ImportResult result = read_inputs(paths, options, catalog, store ? &*store : nullptr);
  resolve_references(result.dataset, store ? &*store : nullptr, result.diagnostics);
  check_distinct_file_names(result.dataset, store ? &*store : nullptr, result.diagnostics);
  if (result.diagnostics.has_errors()) return result;
  if (options.dry_run) {
    if (store) {
      result.previewed = store->preview(result.dataset, on_change);
    } else {  // no store yet: everything would be new
      SaveSummary summary;
      for (const auto& kind : record_kinds()) {
        for (const auto& record : result.dataset.records) {
          if (record.kind != &kind) continue;
          RecordChange change{&record, 'n', {}};
          for (const auto& [field, value] : record.values) {
            if (!value.empty()) change.fields.push_back({std::string(field), {}, std::string(value)});
          }
          ++summary.inserted;
          if (on_change) on_change(change);
        }
      }
      result.previewed = summary;
    }
    return result;
  }
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

void check_distinct_file_names(const Dataset& dataset, const Store* store, Diagnostics& diagnostics) {
  for (const auto& kind : record_kinds()) {
    if (!code_names_files(kind)) continue;
    // The name each code becomes, and the first code (with where it came from) that became it.
    std::map<std::string, std::pair<std::string, std::string>> by_name;
    if (store) {
      store->scan(kind, {"kode"}, [&](Record& record) {
        std::string code(record.get("kode"));
        by_name.emplace(slugify(code), std::make_pair(code, std::string("the store")));
      });
    }
    for (const auto& record : dataset.records) {
      if (record.kind != &kind || !record.has("kode")) continue;
      std::string code(record.get("kode"));
      std::string where = record.where.file + (record.where.line > 0 ? ":" + std::to_string(record.where.line) : "");
      auto [it, inserted] = by_name.emplace(slugify(code), std::make_pair(code, where));
      if (!inserted && it->second.first != code) {
        diagnostics.error(record.where, "kode",
                          quote_value(code) + " and " + quote_value(it->second.first) + " (" + it->second.second +
                              ") would write the same files (" + it->first + "); give one of them another kode");
      }
    }
  }
}

void link_owning_agencies(Dataset& dataset, const Store* store) {
  const RecordKind* agencies = find_record_kind("instansi");
  ReferenceIndex index(dataset, store, {agencies});
  for (auto& record : dataset.records) {
    if (record.kind->code_from.empty() || !record.has("instansi")) continue;
    auto match = index.resolve(*agencies, record.get("instansi"), "");
    if (!match.key.empty()) record.set("instansi", match.key);
  }
}

void resolve_references(Dataset& dataset, const Store* store, Diagnostics& diagnostics) {
  ReferenceIndex index(dataset, store);
  for (auto& record : dataset.records) {
    for (const auto& spec : record.kind->fields) {
      if (spec.references.empty() || spec.type != FieldType::Text || !record.has(spec.name)) continue;
      const RecordKind& target = *find_record_kind(spec.references);
      std::string year = reference_year(record, target);
      bool by_year = !year.empty();
      // A record of an agency chooses among same-named records of several agencies.
      std::string_view agency = spec.name == "instansi" ? std::string_view() : record.get("instansi");
      auto match = index.resolve(target, record.get(spec.name), year, agency);
      if (!match.error.empty()) {
        diagnostics.error(record.where, std::string(spec.name), match.error);
        continue;
      }
      std::string resolved = match.key;
      if (resolved.empty()) {
        diagnostics.error(record.where, std::string(spec.name),
                          "no " + std::string(target.name) + " " + quote_value(record.get(spec.name)) +
                              (by_year ? " in " + year : std::string()) + " in this import or in the store");
        continue;
      }
      record.set(spec.name, resolved);
    }
  }
}

}  // namespace inovasi
