#include "cli/launch_support.h"

#include <map>
#include <ostream>

#include "output/manifest.h"
#include "cli/batch_options.h"
#include "documents/registry.h"
#include "model/sha256.h"
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
  documents::NumberRegistry registry(store.database());
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

std::filesystem::path write_print_file(const std::vector<documents::PlannedDocument>& certificates,
                                       const std::vector<std::string>& keys, const render::TemplateSet& templates,
                                       const pdf::FontManifest& fonts, const Environment& env, int year, bool force,
                                       int jobs) {
  std::vector<const documents::PlannedDocument*> included;
  Sha256 joined_keys;  // each certificate's key covers its data, template, fonts, images and date
  Date latest{year, 1, 1};
  for (std::size_t i = 0; i < certificates.size(); ++i) {
    const auto& doc = certificates[i];
    if (!doc.error.empty() || doc.kind != "certificate" || i >= keys.size() || keys[i].empty()) continue;
    included.push_back(&doc);
    joined_keys.update(keys[i]);
    joined_keys.update("\n");
    latest = std::max(latest, doc.date);
  }
  if (included.empty()) return {};
  auto relative = std::filesystem::path(std::to_string(year)) / "certificates" / "certificates-print.pdf";
  auto manifest_file = manifest_path(env, year);
  std::string key = joined_keys.hex_digest();
  {  // not held while the file is made: a national manifest is some 16 MB
    auto manifest = Manifest::load(manifest_file);
    const auto* entry = manifest.find(relative.generic_string());
    std::error_code error;
    auto size = std::filesystem::file_size(env.output / relative, error);
    if (!force && entry && entry->key == key && !error && entry->size == size) return env.output / relative;
  }

  // Filled on the workers, in any order: reads the plan and the templates only.
  auto part = [&](std::size_t i) {
    const auto& doc = *included[i];
    const auto data = doc.data();
    std::string bookmark = data.get("nomor")->string_value() + " " + data.get("instansi")->get("nama")->string_value();
    return render::PrintPart{templates.render(templates.resolve(doc.template_name), data, /*strict=*/false, doc.shared.get(),
                                              /*with_skeleton=*/true),
                             bookmark};
  };
  // Streamed to disk as it is joined: the whole file is never in memory.
  AtomicFileWriter file(env.output / relative);
  Sha256 digest;
  std::uintmax_t size_written = 0;
  render::render_print_file(included.size(), part, templates.folder(), fonts,
                            {"Sertifikat " + std::to_string(year), "", "", ""}, {false, latest}, jobs,
                            [&](std::string_view bytes) {
                              file.write(bytes);
                              digest.update(bytes);
                              size_written += bytes.size();
                            });
  file.commit();
  Manifest::record(manifest_file, {{relative.generic_string(), digest.hex_digest(), key, "certificate-print-file",
                                     std::to_string(included.size()) + " certificates", size_written}});
  return env.output / relative;
}

void print_not_ready(const Snapshot& snapshot, const Catalog& catalog, int year, std::ostream& out) {
  auto report = validate(snapshot, catalog, year);
  std::map<std::string, std::vector<const Diagnostic*>> by_agency;
  for (const auto& finding : report.findings) {
    if (finding.severity != Severity::Error) continue;
    std::string agency = agency_of_finding(finding.record, snapshot);
    if (!agency.empty()) by_agency[agency].push_back(&finding);
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
