#include <algorithm>
#include <future>
#include <stdexcept>

#include "exports/exports.h"
#include "model/narrative.h"
#include "support/ordered_batches.h"
#include "validation/validation.h"
#include "xlsx/workbook.h"

namespace inovasi::exports {
namespace {

xlsx::Cell text(std::string_view value) { return std::string(value); }
xlsx::Cell number(std::string_view value) { return value.empty() ? xlsx::Cell{} : xlsx::Cell{std::stod(std::string(value))}; }
xlsx::Cell date(std::string_view iso) {
  auto parsed = parse_date(iso);
  return parsed.date ? xlsx::Cell{*parsed.date} : xlsx::Cell{};
}
xlsx::Cell narrative(std::string_view json) { return narrative_to_text(narrative_from_json(json)); }

using Row = std::vector<xlsx::Cell>;

// The indicative score is each row's own: computed from the innovation's answers as the
// row is made, not held for the year.
Row innovation_row(const Record& r, const Snapshot& snapshot, const IndicatorCatalogue& edition) {
  IndicativeScore score = score_innovation(snapshot, edition, r);
  std::string urusan_lain;
  if (r.has("urusan_lain")) urusan_lain = std::string(r.get("urusan_lain"));
  Narrative design = narrative_from_json(r.get("rancang_bangun"));
  return {text(r.get("kode")), number(r.get("tahun")), text(r.get("nama")), text(r.get("instansi")),
          text(r.has("tahapan") ? r.get("tahapan") : r.get("tahapan_asli")), text(r.get("inisiator")),
          text(r.get("jenis")), text(r.has("bentuk") ? r.get("bentuk") : r.get("bentuk_asli")), text(r.get("urusan")),
          text(urusan_lain), date(r.get("waktu_uji_coba")), date(r.get("waktu_penerapan")),
          narrative_to_text(design), static_cast<double>(narrative_word_count(design)),
          narrative(r.get("tujuan")), narrative(r.get("manfaat")), narrative(r.get("hasil")),
          number(r.get("diajukan_iga")), number(r.get("anggaran")), static_cast<double>(score.score),
          static_cast<double>(score.max_score)};
}

// Rows are turned from stored narratives into text on other threads, a few hundred at a
// time and at most two batches ahead of the sheet, so memory stays flat however many
// innovations the year has.
constexpr std::size_t kRowsPerBatch = 256;
constexpr std::size_t kBatchesAhead = 2;

// The selected innovations' indicator answers of the year, in store order. One agency's
// are looked up per innovation; the whole year's are every answer of the year (the
// store's foreign key ties each to an innovation of that year).
std::vector<const Record*> indicator_answers(const Snapshot& snapshot, const std::vector<const Record*>& innovations,
                                             const std::string& year, bool one_agency) {
  std::vector<const Record*> answers;
  if (one_agency) {
    for (const Record* innovation : innovations) {
      auto found = snapshot.where("jawaban_indikator", "inovasi", innovation->get("kode"), year);
      answers.insert(answers.end(), found.begin(), found.end());
    }
    std::sort(answers.begin(), answers.end());  // records of a kind are one vector, in store order
    return answers;
  }
  for (const auto& answer : snapshot.all("jawaban_indikator")) {
    if (answer.get("tahun") == year) answers.push_back(&answer);
  }
  return answers;
}

}  // namespace

bool write_iga_export(const ExportContext& context, const std::filesystem::path& target, bool only_when_changed) {
  std::string year = std::to_string(context.year);
  const auto& edition = context.catalog.indicators_for(context.year);
  auto is_selected = [&](const Record& r) {
    return r.get("tahun") == year && (context.agency.empty() || r.get("instansi") == context.agency);
  };
  // An agency's workbook reads that agency's records through the snapshot's indexes: a
  // national desk-packet run writes some 1,850 of them, and scanning the whole year for
  // each was quadratic.
  const bool one_agency = !context.agency.empty();
  // Without the innovations (WithoutInnovations), they are read from the store a slice
  // at a time as their rows are written, and the year is validated a slice at a time.
  const bool from_store = !context.snapshot.holds_innovations();
  if (from_store && !context.store) throw std::logic_error("write_iga_export: no innovations and no store to read them");
  if (one_agency && from_store) throw std::logic_error("write_iga_export: an agency's workbook needs its innovations");
  if (!from_store && !context.snapshot.holds_narratives("inovasi")) {
    throw std::logic_error("write_iga_export: the snapshot holds innovations without their narratives");
  }
  std::vector<const Record*> selected;
  if (one_agency) {
    selected = context.snapshot.where("inovasi", "instansi", context.agency, year);
  } else if (!from_store) {
    for (const auto& r : context.snapshot.all("inovasi")) {
      if (is_selected(r)) selected.push_back(&r);
    }
  }
  // The findings are only needed for the last sheet. From a snapshot that holds the
  // innovations, validation runs meanwhile (the snapshot's lookups are safe from several
  // threads); from the store, each slice is validated as its rows are written.
  std::future<ValidationReport> validation;
  if (!context.report && context.snapshot.can_validate()) {
    validation = std::async(std::launch::async, [&] { return validate(context.snapshot, context.catalog, context.year); });
  }
  std::optional<YearValidation> validating;
  if (!context.report && from_store) validating.emplace(context.snapshot, context.catalog, context.year, false);

  // Every narrative of a year (37,000 innovations nationally): streamed, not held. The
  // sheets are written side by side, a slice of innovations at a time.
  xlsx::WorkbookWriter book(target, {"Ekspor IGA " + year, "Innovative Government Award", "inovasi", year, context.date},
                            xlsx::WorkbookWriter::Memory::Streaming);
  auto& innovations = book.add_sheet("Inovasi");
  innovations.header({"kode", "tahun", "nama", "instansi", "tahapan", "inisiator", "jenis", "bentuk", "urusan",
                      "urusan_lain", "waktu_uji_coba", "waktu_penerapan", "rancang_bangun", "jumlah_kata_rancang_bangun",
                      "tujuan", "manfaat", "hasil", "diajukan_iga", "anggaran", "skor_indikatif", "skor_maksimal"});
  auto& answers = book.add_sheet("Indikator");
  answers.header({"inovasi", "tahun", "nomor", "indikator", "bobot", "level", "skor", "bukti", "status_bukti"});
  auto& findings = book.add_sheet("Temuan");
  findings.header({"tingkat", "data", "kolom", "pesan"});

  auto write_row = [&](Row&& row) { innovations.row(row); };
  // Each row is made from its innovation and scored from its answers in `held`.
  auto write_rows = [&](const Snapshot& held, const std::vector<const Record*>& records) {
    OrderedBatches<const Record*, Row> rows(
        kRowsPerBatch, kBatchesAhead, [&](const Record* record) { return innovation_row(*record, held, edition); },
        write_row);
    for (const Record* record : records) rows.add(record);
    rows.finish();
  };
  auto write_answer = [&](const Record& a) {
    const Indicator* indicator = edition.indicator(std::stoi(std::string(a.get("indikator"))));
    double weight = indicator ? indicator->weight : 0;
    double level = a.has("level") ? std::stod(std::string(a.get("level"))) : 0;
    answers.row({text(a.get("inovasi")), number(a.get("tahun")), number(a.get("indikator")),
                 text(indicator ? indicator->label : std::string()), weight, level, weight * level, text(a.get("bukti")),
                 text(a.get("status_bukti"))});
  };
  if (from_store) {
    // A slice of innovations and their answers at a time, in key order: the next slice
    // is read meanwhile (the store's connection is used by one thread at a time), and
    // this one is validated on another thread as its rows are made.
    auto starts = context.store->slice_starts(*find_record_kind("inovasi"), kInnovationsPerValidationSlice);
    auto read = [&](std::size_t s) {
      return std::make_shared<const Snapshot>(read_innovation_slice(
          context.snapshot, *context.store, starts[s], s + 1 < starts.size() ? starts[s + 1] : std::vector<std::string>{}));
    };
    std::future<std::shared_ptr<const Snapshot>> next;
    std::future<void> checking;
    if (!starts.empty()) next = std::async(std::launch::async, read, 0);
    for (std::size_t s = 0; s < starts.size(); ++s) {
      auto slice = next.get();
      if (s + 1 < starts.size()) next = std::async(std::launch::async, read, s + 1);
      if (checking.valid()) checking.get();
      if (validating) checking = std::async(std::launch::async, [&validating, slice] { validating->add_innovations(*slice); });
      std::vector<const Record*> records;
      for (const auto& record : slice->all("inovasi")) {
        if (is_selected(record)) records.push_back(&record);
      }
      write_rows(*slice, records);
      // Their answers, in store order: the slices are in key order, and so are the
      // answers of each.
      for (const auto& answer : slice->all("jawaban_indikator")) {
        if (answer.get("tahun") == year) write_answer(answer);
      }
    }
    if (checking.valid()) checking.get();
  } else {
    write_rows(context.snapshot, selected);
    for (const Record* answer : indicator_answers(context.snapshot, selected, year, one_agency)) write_answer(*answer);
  }

  std::optional<ValidationReport> computed;
  if (validation.valid()) {
    computed = validation.get();
  } else if (validating) {
    computed = validating->finish();
  }
  const ValidationReport& report = context.report ? *context.report : *computed;
  auto write_finding = [&](const Diagnostic& f) {
    findings.row({std::string(severity_name(f.severity)), f.record, f.field, f.message});
  };
  if (!one_agency) {
    for (const auto& f : report.findings) write_finding(f);
  } else {
    // The caller's grouping holds pointers into its report: used only with that report.
    FindingsByAgency own;
    bool given = context.findings_by_agency && context.report;
    if (!given) own = findings_by_agency(report);
    const FindingsByAgency& grouped = given ? *context.findings_by_agency : own;
    if (auto it = grouped.find(context.agency); it != grouped.end()) {
      for (const Diagnostic* f : it->second) write_finding(*f);
    }
  }
  return book.close(only_when_changed ? xlsx::WorkbookWriter::Replace::WhenChanged : xlsx::WorkbookWriter::Replace::Always);
}

}  // namespace inovasi::exports
