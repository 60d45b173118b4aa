#include "importers/import_job.h"
#include "model/file_text.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "importers/csv_importer.h"
#include "importers/import_codes.h"
#include "importers/innovation_identity.h"
#include "importers/reference_index.h"
#include "importers/json_importer.h"
#include "importers/profile_parser.h"
#include "importers/xlsx_importer.h"
#include "model/text.h"
#include "support/bounded_queue.h"
#include "support/ordered_batches.h"

namespace inovasi {
namespace {

// Files larger than this are not inputs a regional team produces by hand.
constexpr std::uintmax_t kMaxInputBytes = 256u << 20;
constexpr std::uintmax_t kMaxJsonBytes = 16u << 20;

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

bool within_size_limit(const std::filesystem::path& path, Diagnostics& diagnostics) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  if (!error && size > kMaxInputBytes) {
    diagnostics.error({path.string(), 0}, "",
                      "file is " + std::to_string(size >> 20) + " MiB; inputs are limited to " +
                          std::to_string(kMaxInputBytes >> 20) + " MiB");
    return false;
  }
  return true;
}

// The first few kilobytes, to tell a file without a telling name by its content.
std::optional<std::string> read_start(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string start(4096, '\0');
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  start.resize(static_cast<std::size_t>(in.gcount()));
  return start;
}

// Reads every file into `staged`, each by its format; a file's errors never stop the next.
void read_files(const std::vector<std::filesystem::path>& paths, const ImportOptions& options, const Catalog& catalog,
                ImportResult& result, BoundedQueue<Record>& staging) {
  std::vector<std::filesystem::path> files;
  for (const auto& path : paths) collect_files(path, files, result.diagnostics, result.notes);
  ImportContext context{catalog, options, staging, result.diagnostics, result.notes};
  for (const auto& path : files) {
    std::string file = path.string();
    Format format = format_by_extension(path);
    if (format == Format::Unknown) {
      auto start = read_start(path);
      if (!start) {
        result.diagnostics.error({file, 0}, "", "cannot read the file");
        continue;
      }
      format = format_by_content(*start);
    }
    if (!within_size_limit(path, result.diagnostics)) continue;
    result.files.push_back(file);
    // CSV and XLSX are read as they go; a profile or a JSON dataset is read whole.
    if (format == Format::Csv) {
      import_csv(path, context);
      continue;
    }
    if (format == Format::Xlsx) {
      import_xlsx(file, context);
      continue;
    }
    // Parsed whole (a JSON dataset becomes a document tree several times its size): a
    // dataset larger than this belongs in CSV files or a workbook, which are streamed.
    if (format == Format::Json && std::filesystem::file_size(path) > kMaxJsonBytes) {
      result.diagnostics.error({file, 0}, "",
                               "a JSON dataset is read whole and is limited to " + std::to_string(kMaxJsonBytes >> 20) +
                                   " MiB; give a larger one as CSV files or a workbook");
      continue;
    }
    auto content = read_file_text(path);
    if (!content) {
      result.diagnostics.error({file, 0}, "", "cannot read the file");
      continue;
    }
    if (format == Format::Profile) import_profile(std::move(*content), file, context);
    if (format == Format::Json) import_json(std::move(*content), file, context);
  }
}

// Flushes a file to disk before it is renamed into place.
void sync_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) throw StoreError(path.string() + ": cannot open to flush it");
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw StoreError(path.string() + ": cannot flush it to disk");
}

// Where an import's records met another's: "file:line".
std::string place(const Record& record) {
  return record.where.file + (record.where.line > 0 ? ":" + std::to_string(record.where.line) : "");
}

// Folds `record` into `first` (the same key from another file); a field both give with
// different values is an error naming both places.
void merge_into(Record& first, const Record& record, Diagnostics& diagnostics) {
  std::string first_place = place(first);
  if (first.where.file == record.where.file) {
    diagnostics.coded(Severity::Error, record.where, "", import_finding::kTwice,
                      {{"data", record.key_label()}, {"tempat", first_place}},
                      record.key_label() + " appears twice (first at " + first_place + ")");
    return;
  }
  for (const auto& [field, value] : record.values) {
    auto existing = first.get(field);
    if (!existing.empty() && !value.empty() && existing != value) {
      diagnostics.error(record.where, std::string(field),
                        "differs from " + first_place + " for the same " + record.key_label() + " (" +
                            quote_value(existing, 40) + " there)");
    } else if (existing.empty()) {
      first.set(field, value);
    }
  }
}

// A group of records with one key, as one record.
Record merge_group(std::vector<Record>& group, Diagnostics& diagnostics) {
  Record merged = std::move(group.front());
  for (std::size_t i = 1; i < group.size(); ++i) merge_into(merged, group[i], diagnostics);
  return merged;
}

// The file names that codes become (code_names_files), and the code that became each
// first, with where it came from.
class FileNames {
 public:
  explicit FileNames(const Store* store) {
    if (!store) return;
    for (const auto& kind : record_kinds()) {
      if (!code_names_files(kind)) continue;
      store->scan(kind, {"kode"}, [&](Record& record) {
        std::string code(record.get("kode"));
        names_.emplace(std::make_pair(&kind, slugify(code)), std::make_pair(code, std::string("the store")));
      });
    }
  }

  void check(const Record& record, Diagnostics& diagnostics) {
    if (!code_names_files(*record.kind) || !record.has("kode")) return;
    std::string code(record.get("kode"));
    auto [it, inserted] =
        names_.emplace(std::make_pair(record.kind, slugify(code)), std::make_pair(code, place(record)));
    if (!inserted && it->second.first != code) {
      diagnostics.error(record.where, "kode",
                        quote_value(code) + " and " + quote_value(it->second.first) + " (" + it->second.second +
                            ") would write the same files (" + it->first.second + "); give one of them another kode");
    }
  }

 private:
  std::map<std::pair<const RecordKind*, std::string>, std::pair<std::string, std::string>> names_;
};

// Rewrites a record's references to the key of the record they name, reporting those
// that name nothing or several.
void resolve_record(Record& record, const ReferenceIndex& index, Diagnostics& diagnostics) {
  for (const auto& spec : record.kind->fields) {
    if (spec.references.empty() || spec.type != FieldType::Text || !record.has(spec.name)) continue;
    const RecordKind& target = *find_record_kind(spec.references);
    std::string year = reference_year(record, target);
    // A record of an agency chooses among same-named records of several agencies.
    std::string agency = spec.name == "instansi" ? std::string() : std::string(record.get_or_empty("instansi"));
    auto match = index.resolve(target, record.get(spec.name), year, agency);
    if (!match.error.empty()) {
      diagnostics.error(record.where, std::string(spec.name), match.error);
    } else if (match.key.empty()) {
      std::string value = quote_value(record.get(spec.name)), within = year.empty() ? std::string() : " in " + year;
      diagnostics.coded(Severity::Error, record.where, std::string(spec.name), import_finding::kUnknownReference,
                        {{"jenis", std::string(target.name)}, {"nilai", value}, {"lingkup", within}},
                        "no " + std::string(target.name) + " " + value + within + " in this import or in the store");
    } else {
      record.set(spec.name, match.key);
    }
  }
}

// A group of records merged into one and checked, with what the checks found.
struct CheckedRecord {
  Record record;
  Diagnostics diagnostics;
};
constexpr std::size_t kGroupsPerBatch = 256;
constexpr std::size_t kStagingQueue = 1024;  // records waiting to be kept

// Reading, agencies linked and codes given: what read_inputs and import_into_store share.
void stage_inputs(const std::vector<std::filesystem::path>& paths, const ImportOptions& options, const Catalog& catalog,
                  const Store* store, ImportResult& result, StagedRecords& staged) {
  result.diagnostics.keep_at_most(options.findings_kept);
  // Records read are kept by a thread of their own: the scratch database's inserts
  // overlap the reading.
  BoundedQueue<Record> staging(kStagingQueue);
  run_beside(
      staging,
      [&] {
        while (auto record = staging.pop()) staged.add(*record);
      },
      [&] { read_files(paths, options, catalog, result, staging); });
  link_owning_agencies(staged, store);
  assign_derived_codes(staged, store, result.diagnostics);
}

}  // namespace

ImportResult read_inputs(const std::vector<std::filesystem::path>& paths, const ImportOptions& options,
                         const Catalog& catalog, const Store* store) {
  ImportResult result;
  StagedRecords staged;
  stage_inputs(paths, options, catalog, store, result, staged);
  std::vector<std::pair<std::int64_t, Record>> merged;
  staged.for_each_group([&](std::vector<Record>& group, std::int64_t first) {
    Record record = merge_group(group, result.diagnostics);
    report_missing_required(record, result.diagnostics);
    merged.emplace_back(first, std::move(record));
  });
  std::sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [first, record] : merged) result.dataset.records.push_back(std::move(record));
  result.records = result.dataset.records.size();
  return result;
}

ImportResult import_into_store(const std::filesystem::path& database, const std::vector<std::filesystem::path>& paths,
                               const ImportOptions& options, const Catalog& catalog, const ChangeListener& on_change) {
  ImportResult result;
  std::optional<Store> store;
  bool existed = std::filesystem::exists(database);
  if (existed) store.emplace(Store::open(database, false));
  StagedRecords staged;
  stage_inputs(paths, options, catalog, store ? &*store : nullptr, result, staged);

  // A new store is made beside the path and renamed into place only when complete, so
  // a refused import leaves no file behind.
  std::filesystem::path fresh = database.string() + ".importing";
  if (!existed && !options.dry_run) {
    std::filesystem::remove(fresh);
    store.emplace(Store::open(fresh, true));
    // Nothing to protect in a file that is removed if anything fails: no journal to
    // write twice, nothing synced until it is complete.
    store->database().execute("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF");
  }
  if (store) store->database().execute("PRAGMA cache_size = -32768");  // 32 MB: the indexes of a national import
  const Store* before = existed ? &*store : nullptr;                   // what references and file names may find
  ReferenceIndex index(before);
  FileNames names(before);
  for (const auto* kind : index.kinds()) {
    for (const auto& entry : staged.light(*kind)) index.add(entry.record);
  }

  std::optional<Transaction> transaction;
  std::optional<RecordWriter> writer;
  if (store) {
    transaction.emplace(store->database());
    writer.emplace(*store, !options.dry_run);
  }
  SaveSummary nothing_stored;  // a dry run without a store: everything is new
  // Groups are read from the scratch database and saved to the store on this thread;
  // decoded, merged and resolved on others (they only read the index and the patches).
  auto check = [&](const StagedRecords::RawGroup& raw) {
    CheckedRecord checked;
    std::vector<Record> group;
    group.reserve(raw.records.size());
    for (const auto& record : raw.records) group.push_back(staged.decode(record));
    checked.record = merge_group(group, checked.diagnostics);
    report_missing_required(checked.record, checked.diagnostics);
    resolve_record(checked.record, index, checked.diagnostics);
    return checked;
  };
  auto save = [&](CheckedRecord&& checked) {
    Record& record = checked.record;
    result.diagnostics.append(checked.diagnostics);
    ++result.records;
    names.check(record, result.diagnostics);
    if (result.diagnostics.has_errors()) return;  // checked to the end, written no further
    if (writer) {
      RecordChange change = writer->save(record);
      if (on_change) on_change(change);
      return;
    }
    RecordChange change{&record, 'n', {}};
    for (const auto& [field, value] : record.values) {
      if (!value.empty()) change.fields.push_back({std::string(field), {}, std::string(value)});
    }
    ++nothing_stored.inserted;
    if (on_change) on_change(change);
  };
  // The scratch database is read on a thread of its own, so that this one only writes.
  BoundedQueue<StagedRecords::RawGroup> read(kGroupsPerBatch * 4);
  run_beside(
      read,
      [&] {
        staged.for_each_raw_group([&](StagedRecords::RawGroup&& group) {
          if (!read.push(std::move(group))) throw std::runtime_error("the import stopped reading its records");
        });
      },
      [&] {
        OrderedBatches<StagedRecords::RawGroup, CheckedRecord> groups(kGroupsPerBatch, 2, check, save);
        while (auto group = read.pop()) groups.add(std::move(*group));
        groups.finish();
      });
  if (result.diagnostics.has_errors()) {
    transaction.reset();  // rolled back
    store.reset();
    if (!existed) std::filesystem::remove(fresh);
    return result;
  }
  SaveSummary summary = writer ? writer->summary() : nothing_stored;
  if (options.dry_run) {
    result.previewed = summary;
    return result;  // the transaction rolls back
  }
  transaction->commit();
  writer.reset();
  if (!existed) store->database().execute("PRAGMA journal_mode = WAL");  // as every store is opened
  store.reset();
  if (!existed) {
    sync_file(fresh);
    std::filesystem::rename(fresh, database);
  }
  result.saved = summary;
  return result;
}

void link_owning_agencies(StagedRecords& staged, const Store* store) {
  const RecordKind* agencies = find_record_kind("instansi");
  ReferenceIndex index(store, {agencies});
  for (const auto& entry : staged.light(*agencies)) index.add(entry.record);
  for (const auto& kind : record_kinds()) {
    if (kind.code_from.empty() || !kind.field("instansi")) continue;
    const auto& records = staged.light(kind);
    for (std::size_t i = 0; i < records.size(); ++i) {
      std::string_view agency = records[i].record.get("instansi");
      if (agency.empty()) continue;
      auto match = index.resolve(*agencies, agency, "");
      if (!match.key.empty() && match.key != agency) staged.patch(kind, i, "instansi", match.key);
    }
  }
}

}  // namespace inovasi
