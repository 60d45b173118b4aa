// Certificates planned a slice of innovations at a time: the same documents, numbers,
// files, manifest and print file as the plan made whole, and a plan that changes
// between its passes fails its documents rather than writing the wrong ones.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "batch/batch_run.h"
#include "cli/batch_options.h"
#include "batch/planning.h"
#include "batch/print_file.h"
#include "exports/exports.h"
#include "validation/validation.h"
#include "model/file_text.h"
#include "store/store.h"
#include "test_support.h"

namespace inovasi {
namespace {

using testing::catalog;
using ::testing::HasSubstr;
using testing::ScratchDir;
using testing::source_dir;

std::filesystem::path import_bundled(const ScratchDir& dir, const std::string& name) {
  ImportOptions options;
  options.agency = "bappedalitbang";
  options.year = 2026;
  auto db = dir.path() / name;
  EXPECT_TRUE(import_into_store(db, {source_dir() / "inputs"}, options, catalog()).saved);
  return db;
}

// Every file under `folder` (relative path -> bytes).
std::map<std::string, std::string> files_under(const std::filesystem::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) {
      files[std::filesystem::relative(entry.path(), folder).generic_string()] = *read_file_text(entry.path());
    }
  }
  return files;
}

const documents::Selection kYear{2026, "", "", "", "", ""};

TEST(Store, ScanRangeGivesEachRecordOnceAcrossSlices) {
  ScratchDir dir;
  Store store = Store::open(import_bundled(dir, "s.db"), false);
  const auto& kind = *find_record_kind("inovasi");
  auto columns = store_columns(kind, false);
  std::vector<std::string> whole;
  store.scan(kind, columns, [&](Record& record) { whole.push_back(record.key_label()); });
  ASSERT_EQ(whole.size(), 14u);
  auto starts = store.slice_starts(kind, 4);
  ASSERT_EQ(starts.size(), 4u);  // 4 + 4 + 4 + 2
  std::vector<std::string> sliced;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    std::size_t before = sliced.size();
    store.scan_range(kind, columns, starts[i], i + 1 < starts.size() ? starts[i + 1] : std::vector<std::string>(),
                     [&](Record& record) {
                       EXPECT_FALSE(record.has("rancang_bangun")) << "no narratives";
                       sliced.push_back(record.key_label());
                     });
    EXPECT_EQ(sliced.size() - before, i + 1 < starts.size() ? 4u : 2u);
  }
  EXPECT_EQ(sliced, whole);
  EXPECT_EQ(store.max_integer(kind, "tahun"), 2026);

  // An innovation's (kode, tahun) bounds its indicator answers, keyed (inovasi, tahun,
  // indikator): each slice's answers are its innovations', all of them once, in order.
  const auto& answers = *find_record_kind("jawaban_indikator");
  std::vector<std::string> every, by_slice;
  store.scan(answers, store_columns(answers), [&](Record& record) { every.push_back(record.key_label()); });
  ASSERT_GT(every.size(), 100u);
  for (std::size_t i = 0; i < starts.size(); ++i) {
    std::set<std::string> codes;
    store.scan_range(kind, columns, starts[i], i + 1 < starts.size() ? starts[i + 1] : std::vector<std::string>(),
                     [&](Record& record) { codes.emplace(record.get("kode")); });
    store.scan_range(answers, store_columns(answers), starts[i],
                     i + 1 < starts.size() ? starts[i + 1] : std::vector<std::string>(), [&](Record& record) {
                       EXPECT_TRUE(codes.contains(std::string(record.get("inovasi")))) << record.key_label();
                       by_slice.push_back(record.key_label());
                     });
  }
  EXPECT_EQ(by_slice, every);
  EXPECT_THROW(store.scan_range(kind, columns, {"a", "2026", "extra"}, {}, [](Record&) {}), StoreError);
}

// Numbers are issued in the same order whether the plan is made whole or in slices:
// two fresh stores, one planned each way, give the same paths (made of the numbers).
TEST(SlicedPlan, NumbersAreIssuedAsAWholePlanIssuesThem) {
  ScratchDir dir;
  Store whole_store = Store::open(import_bundled(dir, "whole.db"), false);
  Store sliced_store = Store::open(import_bundled(dir, "sliced.db"), false);
  Snapshot everything = Snapshot::load(whole_store);
  auto whole = batch::plan_kinds(whole_store, everything, catalog(), {"certificate"}, kYear, false);
  YearSource source(sliced_store, std::nullopt, 3);
  EXPECT_TRUE(source.base().all("inovasi").empty());
  EXPECT_EQ(source.year(), 2026);
  auto plan = batch::plan_by_innovation_slices(sliced_store, source, catalog(), {"certificate"}, kYear, false);
  ASSERT_EQ(plan.slices(), 5u);  // 14 innovations, 3 a slice
  std::vector<std::string> sliced_paths, sliced_labels;
  for (std::size_t s = 0; s < plan.slices(); ++s) {
    auto documents = plan.slice(s);  // held: the documents live as long as it
    for (const auto& doc : *documents) {
      sliced_paths.push_back(doc.path);
      sliced_labels.push_back(doc.label);
    }
  }
  ASSERT_EQ(sliced_paths.size(), whole.size());
  for (std::size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(sliced_paths[i], whole[i].path);
    EXPECT_EQ(sliced_labels[i], whole[i].label);
  }
  // Planned again, a slice is what it was: its numbers are already issued.
  auto again = plan.slice(1);
  auto first = plan.slice(1);
  ASSERT_EQ(again->size(), first->size());
  for (std::size_t i = 0; i < again->size(); ++i) EXPECT_EQ((*again)[i].path, (*first)[i].path);
}

// The bundled inputs in a store, with what a batch renders them with.
class BundledBatch : public ::testing::Test {
 protected:
  ScratchDir dir;
  std::filesystem::path db = import_bundled(dir, "s.db");
  Store store = Store::open(db, false);
  render::TemplateSet templates{source_dir() / "templates"};
  pdf::FontManifest fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  std::ostringstream out, err;
  batch::BatchOptions options = two_quiet_jobs();

  static batch::BatchOptions two_quiet_jobs() {
    batch::BatchOptions options;
    options.jobs = 2;
    options.quiet = true;
    return options;
  }
  cli::Environment environment(const std::filesystem::path& output) {
    return {db, source_dir() / "templates", output, source_dir() / "fonts" / "fonts.json", out, err};
  }
};

// The same store rendered both ways: the same bytes in every file, the print file and
// the manifest included.
TEST_F(BundledBatch, ABatchInSlicesWritesWhatTheWholePlanWrites) {
  auto run = [&](const batch::SlicedPlan& plan, const std::filesystem::path& output) {
    auto env = environment(output);
    batch::PrintFileContents print_file(store);
    Manifest manifest = Manifest::load(cli::manifest_path(env, 2026));
    auto summary = batch::run_batch(plan, templates, fonts, output, manifest, cli::manifest_path(env, 2026),
                                    store.database(), options, out, err, print_file.keys());
    EXPECT_EQ(print_file.count(), 7u);
    EXPECT_FALSE(batch::write_print_file(plan, print_file, templates, fonts, env.output, cli::manifest_path(env, 2026),
                                         2026, false, 2, manifest)
                     .empty());
    return summary;
  };
  Snapshot everything = Snapshot::load(store);
  auto whole = batch::plan_kinds(store, everything, catalog(), {"certificate"}, kYear, false);
  auto whole_summary = run(batch::SlicedPlan(whole), dir.path() / "whole");
  YearSource source(store, 2026, 2);
  auto sliced_summary = run(batch::plan_by_innovation_slices(store, source, catalog(), {"certificate"}, kYear, false),
                            dir.path() / "sliced");
  EXPECT_EQ(whole_summary.made, 7u);
  EXPECT_EQ(sliced_summary.made, 7u);
  EXPECT_EQ(sliced_summary.pages, whole_summary.pages);
  EXPECT_EQ(sliced_summary.made_now, whole_summary.made_now);
  auto whole_files = files_under(dir.path() / "whole");
  auto sliced_files = files_under(dir.path() / "sliced");
  EXPECT_EQ(whole_files.size(), 9u);  // 7 certificates, the print file, the manifest
  ASSERT_EQ(sliced_files.size(), whole_files.size());
  for (const auto& [path, bytes] : whole_files) {
    EXPECT_TRUE(sliced_files[path] == bytes) << path << " differs";
  }
  EXPECT_EQ(err.str(), "");
}

// Desk packets print every narrative: a run reads them a group of agencies at a time,
// and validates the year a slice at a time. Its packets and workbooks are the whole
// year's, byte for byte.
TEST_F(BundledBatch, DeskPacketsInGroupsOfAgenciesAreTheWholeYearsPackets) {
  auto run = [&](const batch::SlicedPlan& plan, const std::filesystem::path& output) {
    auto env = environment(output);
    Manifest manifest = Manifest::load(cli::manifest_path(env, 2026));
    return batch::run_batch(plan, templates, fonts, output, manifest, cli::manifest_path(env, 2026), store.database(),
                            options, out, err);
  };
  Snapshot everything = Snapshot::load(store);
  ValidationReport whole_report = validate(everything, catalog(), 2026);
  auto whole = batch::plan_kinds(store, everything, catalog(), {"desk-packet"}, kYear, false, &whole_report);
  auto whole_summary = run(batch::SlicedPlan(whole), dir.path() / "whole");

  YearSource source(store, 2026, 3);
  const Snapshot& base = source.base();
  ValidationReport report = validate(source, catalog(), false);
  batch::AgencyGroups slices(source, "", 2);
  EXPECT_EQ(slices.size(), (base.all("instansi").size() + 1) / 2);
  auto sliced_summary = run(batch::plan_by_agency_slices(store, slices, catalog(), {"desk-packet"}, kYear, &report),
                            dir.path() / "sliced");
  EXPECT_EQ(whole_summary.made, base.all("instansi").size());
  EXPECT_EQ(sliced_summary.made, whole_summary.made);
  EXPECT_EQ(sliced_summary.pages, whole_summary.pages);
  auto whole_files = files_under(dir.path() / "whole");
  auto sliced_files = files_under(dir.path() / "sliced");
  ASSERT_EQ(sliced_files.size(), whole_files.size());
  for (const auto& [path, bytes] : whole_files) EXPECT_TRUE(sliced_files[path] == bytes) << path << " differs";

  // Each agency's workbook, from its group's snapshot and the sliced validation.
  FindingsByAgency findings = findings_by_agency(report);
  std::size_t workbooks = 0;
  for (std::size_t s = 0; s < slices.size(); ++s) {
    Snapshot held = slices.snapshot(s);
    EXPECT_LE(held.all("instansi").size(), 2u);
    for (const auto& agency : held.all("instansi")) {
      std::string code(agency.get("kode"));
      auto from_whole = dir.path() / (code + "-whole.xlsx"), from_group = dir.path() / (code + "-group.xlsx");
      YearSource whole_year(everything, 2026), group(held, 2026);
      exports::write_iga_export({whole_year, catalog(), {2026, 8, 17}, code}, from_whole);
      exports::write_iga_export({group, catalog(), {2026, 8, 17}, code, &report, &findings}, from_group);
      EXPECT_EQ(testing::read_file(from_whole), testing::read_file(from_group)) << code;
      ++workbooks;
    }
  }
  EXPECT_EQ(workbooks, base.all("instansi").size());
  batch::AgencyGroups one(source, "dinkes");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one.snapshot(0).all("instansi").size(), 1u);
  EXPECT_FALSE(one.snapshot(0).all("inovasi").empty());
  EXPECT_EQ(err.str(), "");
}

// `launch` plans its contracts from a snapshot holding only the innovations their lines
// name: the same contracts, byte for byte, as from one holding every innovation.
TEST_F(BundledBatch, ContractsFromTheInnovationsTheirLinesNameAreTheSame) {
  store.database().execute(
      "INSERT INTO inovasi (kode, tahun, nama, instansi) VALUES ('tanpa-perjanjian', 2026, 'Tanpa Perjanjian', "
      "'dinkes')");
  Snapshot everything = Snapshot::load(store);
  auto whole = batch::plan_kinds(store, everything, catalog(), {"contract"}, kYear, false);
  YearSource source(store, 2026);
  const Snapshot& base = source.base();
  Snapshot contracted = source.with_contracted_innovations();
  std::set<std::string> named;
  for (const auto& line : base.all("perjanjian_kinerja")) named.emplace(line.get("inovasi"));
  ASSERT_FALSE(named.empty());
  EXPECT_EQ(contracted.all("inovasi").size(), named.size());
  EXPECT_LT(contracted.all("inovasi").size(), everything.all("inovasi").size());
  auto planned = batch::plan_kinds(store, contracted, catalog(), {"contract"}, kYear, false);
  ASSERT_EQ(planned.size(), whole.size());
  ASSERT_FALSE(whole.empty());
  for (const auto& [plan, folder] : {std::pair{&whole, "whole"}, std::pair{&planned, "contracted"}}) {
    auto output = dir.path() / folder;
    auto summary = batch::run_batch(*plan, templates, fonts, output, cli::manifest_path(environment(output), 2026),
                                    store.database(), options, out, err);
    EXPECT_EQ(summary.made, whole.size()) << folder;
  }
  auto whole_files = files_under(dir.path() / "whole");
  auto contracted_files = files_under(dir.path() / "contracted");
  ASSERT_EQ(contracted_files.size(), whole_files.size());
  for (const auto& [path, bytes] : whole_files) EXPECT_TRUE(contracted_files[path] == bytes) << path << " differs";
  EXPECT_EQ(err.str(), "");
}

// A slice planned again with other documents than the first pass keyed (the store
// changed in between): what was to be made fails, nothing is written in its place.
TEST_F(BundledBatch, ASliceThatChangesBetweenPassesFailsItsDocuments) {
  Snapshot everything = Snapshot::load(store);
  auto planned = batch::plan_kinds(store, everything, catalog(), {"certificate"}, kYear, false);
  ASSERT_EQ(planned.size(), 7u);
  int calls = 0;
  batch::SlicedPlan changing(1, [&](std::size_t) {
    auto documents = planned;
    // The render pass sees one certificate fewer, as if an innovation was deleted.
    if (++calls > 1) documents.pop_back();
    return batch::PlanSlice{std::move(documents), nullptr};
  });
  auto manifest_file = dir.path() / "out" / "manifest.json";
  Manifest manifest = Manifest::load(manifest_file);
  auto summary = batch::run_batch(changing, templates, fonts, dir.path() / "out", manifest, manifest_file,
                                  store.database(), options, out, err);
  EXPECT_EQ(summary.made, 0u);
  EXPECT_EQ(summary.failed, 7u);
  EXPECT_THAT(err.str(), HasSubstr("the store changed while the batch ran"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out" / "2026" / "certificates"));

  // The same documents in another order: each document's key no longer matches.
  calls = 0;
  batch::SlicedPlan reordered(1, [&](std::size_t) {
    auto documents = planned;
    if (++calls > 1) std::swap(documents.front(), documents.back());
    return batch::PlanSlice{std::move(documents), nullptr};
  });
  std::ostringstream out2, err2;
  summary = batch::run_batch(reordered, templates, fonts, dir.path() / "out", manifest, manifest_file, store.database(),
                             options, out2, err2);
  EXPECT_EQ(summary.made, 5u);
  EXPECT_EQ(summary.failed, 2u);
  EXPECT_THAT(err2.str(), HasSubstr("the store changed while the batch ran"));
}

// Another process changing the store between the batch and the print file (which plans
// its slices again): the print file is not written, rather than printing pages its key
// does not describe.
TEST_F(BundledBatch, APrintFileIsNotWrittenWhenTheStoreChangedSinceTheBatch) {
  auto output = dir.path() / "out";
  auto env = environment(output);
  YearSource source(store, 2026, 4);
  auto plan = batch::plan_by_innovation_slices(store, source, catalog(), {"certificate"}, kYear, false);
  batch::PrintFileContents print_file(store);
  auto manifest_file = cli::manifest_path(env, 2026);
  Manifest manifest = Manifest::load(manifest_file);
  auto summary = batch::run_batch(plan, templates, fonts, output, manifest, manifest_file, store.database(), options,
                                  out, err, print_file.keys());
  EXPECT_EQ(summary.made, 7u);
  {
    Store other = Store::open(db, false);  // as another process would
    auto innovations = other.load("inovasi");
    Dataset renamed;
    renamed.records.push_back(innovations.front());
    renamed.records.back().set("nama", "NAMA BARU");
    other.save(renamed);
  }
  EXPECT_THROW(batch::write_print_file(plan, print_file, templates, fonts, env.output, cli::manifest_path(env, 2026),
                                       2026, false, 2, manifest),
               StoreError);
  EXPECT_FALSE(std::filesystem::exists(output / "2026" / "certificates" / "certificates-print.pdf"));
  // Unchanged since, a new run writes it.
  batch::PrintFileContents again(store);
  batch::run_batch(plan, templates, fonts, output, manifest, manifest_file, store.database(), options, out, err,
                   again.keys());
  EXPECT_FALSE(batch::write_print_file(plan, again, templates, fonts, env.output, cli::manifest_path(env, 2026), 2026,
                                       false, 2, manifest)
                   .empty());
}

}  // namespace
}  // namespace inovasi
