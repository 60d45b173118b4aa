#include "cli/launch_support.h"

#include <algorithm>
#include <future>
#include <map>
#include <mutex>
#include <ostream>
#include <stdexcept>
#include <utility>

#include "output/manifest.h"
#include "cli/batch_options.h"
#include "store/number_registry.h"
#include "support/sha256.h"
#include "output/atomic_file.h"
#include "render/print_file.h"
#include "validation/validation.h"

namespace inovasi::cli {
std::vector<documents::PlannedDocument> plan_kinds(Store& store, const Snapshot& snapshot, const Catalog& catalog,
                                                   const std::vector<std::string_view>& kinds,
                                                   const documents::Selection& selection, bool signed_copy,
                                                   const ValidationReport* report) {
  const Record* region = snapshot.region();
  if (!region) throw UsageError("the store has no regional profile (daerah): import one first");
  std::vector<documents::PlannedDocument> planned;
  Transaction transaction(store.database());  // numbers are handed out all or none
  NumberRegistry registry(store.database());
  documents::DocumentContext context{{snapshot, catalog, *region, signed_copy}, registry};
  context.report = report;
  for (auto name : kinds) {
    auto docs = documents::plan_documents(*documents::find_document_kind(name), context, selection);
    if (planned.empty()) {
      planned = std::move(docs);
    } else {
      planned.insert(planned.end(), std::make_move_iterator(docs.begin()), std::make_move_iterator(docs.end()));
    }
  }
  transaction.commit();
  return planned;
}

batch::SlicedPlan plan_by_innovation_slices(Store& store, const Snapshot& base, const Catalog& catalog,
                                            std::vector<std::string_view> kinds, documents::Selection selection,
                                            bool signed_copy, std::vector<documents::PlannedDocument> first,
                                            std::size_t per_slice) {
  const RecordKind& innovation = *find_record_kind("inovasi");
  auto starts = store.slice_starts(innovation, per_slice);
  if (starts.empty()) starts.emplace_back();  // no innovations: one empty slice, planned as the kinds plan none
  std::size_t leading = first.empty() ? 0 : 1;
  std::size_t slices = leading + starts.size();
  auto whole = std::make_shared<const std::vector<documents::PlannedDocument>>(std::move(first));
  auto make = [&store, &base, &innovation, &catalog, kinds = std::move(kinds), selection = std::move(selection), signed_copy,
               starts = std::move(starts), whole, leading](std::size_t index) {
    if (index < leading) return batch::PlanSlice{*whole, whole};
    std::size_t at = index - leading;
    std::vector<Record> innovations;
    store.scan_range(innovation, store_columns(innovation, /*narratives=*/false), starts[at],
                     at + 1 < starts.size() ? starts[at + 1] : std::vector<std::string>(),
                     [&](Record& record) { innovations.push_back(std::move(record)); });
    auto snapshot = std::make_shared<const Snapshot>(base.with_records("inovasi", std::move(innovations)));
    return batch::PlanSlice{plan_kinds(store, *snapshot, catalog, kinds, selection, signed_copy), snapshot};
  };
  return batch::SlicedPlan(slices, std::move(make));
}

namespace {

// Store::scan_where_in a few hundred values a query: well under SQLite's limit on a
// statement's parameters.
void scan_where_in_chunks(const Store& store, std::string_view kind_name, std::string_view field,
                          const std::vector<std::string>& values, const std::function<void(Record&)>& each,
                          bool narratives = true) {
  constexpr std::size_t kValuesPerQuery = 500;
  const RecordKind& kind = *find_record_kind(kind_name);
  auto columns = store_columns(kind, narratives);
  for (std::size_t first = 0; first < values.size(); first += kValuesPerQuery) {
    auto end = std::min(values.size(), first + kValuesPerQuery);
    std::vector<std::string> chunk(values.begin() + static_cast<std::ptrdiff_t>(first),
                                   values.begin() + static_cast<std::ptrdiff_t>(end));
    store.scan_where_in(kind, columns, field, chunk, each);
  }
}

}  // namespace

AgencyGroups::AgencyGroups(const Store& store, const Snapshot& base, std::string_view agency, std::size_t per_slice)
    : store_(store), base_(base) {
  if (base.holds_innovations()) {
    throw std::logic_error("AgencyGroups: the snapshot holds innovations");
  }
  const auto& agencies = base.all("instansi");
  std::vector<std::size_t> group;
  for (std::size_t i = 0; i < agencies.size(); ++i) {
    if (!agency.empty() && agencies[i].get("kode") != agency) continue;
    group.push_back(i);
    if (group.size() == per_slice) groups_.push_back(std::exchange(group, {}));
  }
  // No agency at all is one empty group: planned, it plans nothing.
  if (!group.empty() || groups_.empty()) groups_.push_back(std::move(group));
}

Snapshot AgencyGroups::snapshot(std::size_t index) const {
  const auto& agencies = base_.all("instansi");
  std::vector<Record> held;
  std::vector<std::string> codes;
  for (std::size_t position : groups_.at(index)) {
    held.push_back(agencies[position]);
    codes.emplace_back(agencies[position].get("kode"));
  }
  const RecordKind& innovation = *find_record_kind("inovasi");
  std::vector<Record> innovations;
  store_.scan_where_in(innovation, store_columns(innovation), "instansi", codes,
                       [&](Record& record) { innovations.push_back(std::move(record)); });
  // Their indicator answers (the packets score them), a few hundred innovations a query.
  // The codes are in key order and each is asked once, so the answers come in store
  // order, as the year's snapshot would hold them.
  std::vector<std::string> named;
  for (const auto& record : innovations) {
    if (named.empty() || named.back() != record.get("kode")) named.emplace_back(record.get("kode"));
  }
  std::vector<Record> answers;
  scan_where_in_chunks(store_, "jawaban_indikator", "inovasi", named,
                       [&](Record& record) { answers.push_back(std::move(record)); });
  return base_.with_records("instansi", std::move(held))
      .with_records("inovasi", std::move(innovations), Snapshot::Narratives::Held)
      .with_records("jawaban_indikator", std::move(answers), Snapshot::Narratives::Held);
}

batch::SlicedPlan plan_by_agency_slices(Store& store, const AgencyGroups& slices, const Catalog& catalog,
                                        std::vector<std::string_view> kinds, documents::Selection selection,
                                        const ValidationReport* report) {
  auto make = [&store, &slices, &catalog, kinds = std::move(kinds), selection = std::move(selection),
               report](std::size_t index) {
    auto snapshot = std::make_shared<const Snapshot>(slices.snapshot(index));
    return batch::PlanSlice{plan_kinds(store, *snapshot, catalog, kinds, selection, false, report), snapshot};
  };
  return batch::SlicedPlan(slices.size(), std::move(make));
}

Snapshot with_contracted_innovations(const Store& store, const Snapshot& base, int year) {
  std::string year_text = std::to_string(year);
  std::vector<std::string> named;
  for (const auto& line : base.all("perjanjian_kinerja")) {
    if (line.get("tahun") == year_text) named.emplace_back(line.get("inovasi"));
  }
  // Each code asked once, in order: the chunks' innovations then come in store order, as a
  // snapshot holding them all would list them.
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  std::vector<Record> innovations;
  scan_where_in_chunks(store, "inovasi", "kode", named, [&](Record& innovation) {
    if (innovation.get("tahun") == year_text) innovations.push_back(std::move(innovation));
  }, /*narratives=*/false);
  return base.with_records("inovasi", std::move(innovations));
}

batch::KeyVisitor PrintFileContents::keys() {
  return [this](std::size_t slice, const documents::PlannedDocument& doc, const std::string& key) {
    if (included_.size() <= slice) included_.resize(slice + 1);
    positions_.resize(slice + 1);
    std::uint32_t position = positions_[slice]++;
    if (!doc.error.empty() || doc.kind != "certificate" || key.empty()) return;
    included_[slice].push_back(position);
    joined_keys_.update(key);
    joined_keys_.update("\n");
    latest_ = std::max(latest_, doc.date);
    ++count_;
  };
}

void PrintFileContents::drop_failed(const std::vector<bool>& standing) {
  std::size_t first = 0;  // the slice's first document in the whole plan
  for (std::size_t slice = 0; slice < included_.size(); ++slice) {
    std::erase_if(included_[slice], [&](std::uint32_t position) {
      std::size_t index = first + position;
      if (index >= standing.size() || standing[index]) return false;
      // Its key is in the joined one: what was left out goes in too, so the file is made
      // again once the certificate is.
      joined_keys_.update("without " + std::to_string(index) + "\n");
      --count_;
      return true;
    });
    first += positions_[slice];
  }
}

namespace {

// The print file's parts from a sliced plan: part i is the i-th certificate, found in its
// slice. The slice after the one in use is planned ahead, on its own thread, so that the
// workers do not wait for the store; older slices are let go (the volumes in flight span
// one or two).
class PrintFileParts {
 public:
  using Slice = std::shared_ptr<const std::vector<documents::PlannedDocument>>;

  PrintFileParts(const batch::SlicedPlan& plan, const std::vector<std::vector<std::uint32_t>>& included)
      : plan_(plan), included_(included) {
    std::size_t total = 0;
    for (const auto& positions : included_) {
      ends_.push_back(total += positions.size());
    }
  }

  // The certificate and what keeps it planned.
  std::pair<Slice, const documents::PlannedDocument*> part(std::size_t index) {
    auto slice = static_cast<std::size_t>(std::upper_bound(ends_.begin(), ends_.end(), index) - ends_.begin());
    std::size_t offset = index - (slice ? ends_[slice - 1] : 0);
    std::shared_future<Slice> planned;
    {
      std::lock_guard lock(mutex_);
      planned = plan(slice);
      if (slice + 1 < ends_.size()) plan(slice + 1);
      std::erase_if(planned_, [&](const auto& entry) { return entry.first + 1 < slice; });
    }
    const Slice& documents = planned.get();
    std::uint32_t position = included_[slice][offset];
    if (position >= documents->size()) throw std::runtime_error("the store changed while the print file was made (run it again)");
    return {documents, &(*documents)[position]};
  }

 private:
  std::shared_future<Slice> plan(std::size_t slice) {
    auto& planned = planned_[slice];
    if (!planned.valid()) {
      planned = std::async(std::launch::async, [this, slice] { return plan_.slice(slice); }).share();
    }
    return planned;
  }

  const batch::SlicedPlan& plan_;
  const std::vector<std::vector<std::uint32_t>>& included_;
  std::vector<std::size_t> ends_;  // per slice: the parts up to its end
  std::mutex mutex_;
  std::map<std::size_t, std::shared_future<Slice>> planned_;
};

}  // namespace

std::filesystem::path write_print_file(const batch::SlicedPlan& plan, PrintFileContents& contents,
                                       const render::TemplateSet& templates, const pdf::FontManifest& fonts,
                                       const Environment& env, int year, bool force, int jobs, Manifest& manifest) {
  if (contents.count_ == 0) return {};
  auto relative = std::filesystem::path(std::to_string(year)) / "certificates" / "certificates-print.pdf";
  std::string key = contents.joined_keys_.hex_digest();
  {
    auto entry = manifest.find(relative.generic_string());
    std::error_code error;
    auto size = std::filesystem::file_size(env.output / relative, error);
    if (!force && entry && entry->key == key && !error && entry->size == size) return env.output / relative;
  }

  // Streamed to disk as it is joined: the whole file is never in memory.
  AtomicFileWriter file(env.output / relative);
  Sha256 digest;
  std::uintmax_t size_written = 0;
  Date latest = std::max(contents.latest_, Date{year, 1, 1});
  {
    // Filled on the workers, in any order: reads the plan and the templates only.
    PrintFileParts parts(plan, contents.included_);
    auto part = [&](std::size_t i) {
      auto [keep, doc] = parts.part(i);
      const auto data = doc->data();
      std::string bookmark = data.get("nomor")->string_value() + " " + data.get("instansi")->get("nama")->string_value();
      return render::PrintPart{templates.render(templates.resolve(doc->template_name), data, /*strict=*/false,
                                                doc->shared.get(), /*with_skeleton=*/true),
                               bookmark};
    };
    render::render_print_file(contents.count_, part, templates.folder(), fonts,
                              {"Sertifikat " + std::to_string(year), "", "", ""}, {false, latest}, jobs,
                              [&](std::string_view bytes) {
                                file.write(bytes);
                                digest.update(bytes);
                                size_written += bytes.size();
                              });
  }  // every slice planned for it is done: the store's connection is this thread's again
  if (contents.store_.data_version() != contents.store_version_) {
    throw StoreError("the store changed while the certificates were made: the print file was not written (run it again)");
  }
  file.commit();
  manifest.put({relative.generic_string(), digest.hex_digest(), key, "certificate-print-file",
                std::to_string(contents.count_) + " certificates", size_written});
  manifest.save_if_changed(manifest_path(env, year));
  return env.output / relative;
}

void print_not_ready(const ValidationReport& report, std::ostream& out) {
  std::map<std::string, std::vector<const Diagnostic*>> by_agency;
  for (const auto& finding : report.findings) {
    if (finding.severity != Severity::Error) continue;
    if (!finding.agency.empty()) by_agency[finding.agency].push_back(&finding);
  }
  if (by_agency.empty()) {
    out << "every agency is ready\n";
    return;
  }
  out << by_agency.size() << " agenc" << (by_agency.size() == 1 ? "y is" : "ies are") << " not ready:\n";
  for (const auto& [agency, findings] : by_agency) {
    out << "  " << agency << ":\n";
    for (const auto* f : findings) {
      out << "    " << f->record << ": " << (f->field.empty() ? "" : f->field + ": ") << f->message << '\n';
    }
  }
}

}  // namespace inovasi::cli
