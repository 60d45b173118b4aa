#include <algorithm>
#include <future>
#include <optional>

#include "exports/exports.h"
#include "exports/report_frame.h"
#include "model/narrative.h"
#include "support/ordered_batches.h"
#include "validation/validation.h"
#include "xlsx/workbook.h"

namespace inovasi::exports {
namespace {

xlsx::Cell text(std::string_view value) { return std::string(value); }
xlsx::Cell number(std::string_view value) {
  return value.empty() ? xlsx::Cell{} : xlsx::Cell{std::stod(std::string(value))};
}
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
  return {text(r.get("kode")),
          number(r.get("tahun")),
          text(r.get("nama")),
          text(r.get("instansi")),
          text(r.has("tahapan") ? r.get("tahapan") : r.get("tahapan_asli")),
          text(r.get("inisiator")),
          text(r.get("jenis")),
          text(r.has("bentuk") ? r.get("bentuk") : r.get("bentuk_asli")),
          text(r.get("urusan")),
          text(urusan_lain),
          date(r.get("waktu_uji_coba")),
          date(r.get("waktu_penerapan")),
          narrative_to_text(design),
          static_cast<double>(narrative_word_count(design)),
          narrative(r.get("tujuan")),
          narrative(r.get("manfaat")),
          narrative(r.get("hasil")),
          number(r.get("diajukan_iga")),
          number(r.get("anggaran")),
          static_cast<double>(score.score),
          static_cast<double>(score.max_score)};
}

// Rows are turned from stored narratives into text on other threads, a few hundred at a
// time and at most two batches ahead of the sheet, so memory stays flat however many
// innovations the year has.
constexpr std::size_t kRowsPerBatch = 256;
constexpr std::size_t kBatchesAhead = 2;

// The indicator answers of `innovations` (a slice's selected ones), in store order. One
// agency's are looked up per innovation; otherwise every answer of the year in the slice
// (the store's foreign key ties each to an innovation of that year).
std::vector<const Record*> indicator_answers(const Snapshot& slice, const std::vector<const Record*>& innovations,
                                             const std::string& year, bool one_agency) {
  std::vector<const Record*> answers;
  if (one_agency) {
    for (const Record* innovation : innovations) {
      auto found = slice.where("jawaban_indikator", "inovasi", innovation->get("kode"), year);
      answers.insert(answers.end(), found.begin(), found.end());
    }
    std::sort(answers.begin(), answers.end());  // records of a kind are one vector, in store order
    return answers;
  }
  for (const auto& answer : slice.all("jawaban_indikator")) {
    if (answer.get("tahun") == year) answers.push_back(&answer);
  }
  return answers;
}

// The slice's innovations of the year (and of the agency, when one is given), in store order.
std::vector<const Record*> selected_innovations(const Snapshot& slice, const std::string& year,
                                                const std::string& agency) {
  // An agency's are found through the snapshot's index: a national desk-packet run writes
  // some 1,850 workbooks, and scanning the whole year for each was quadratic.
  if (!agency.empty()) return slice.where("inovasi", "instansi", agency, year);
  std::vector<const Record*> selected;
  for (const auto& r : slice.all("inovasi")) {
    if (r.get("tahun") == year) selected.push_back(&r);
  }
  return selected;
}

}  // namespace

bool write_iga_export(const ExportContext& context, const std::filesystem::path& target, bool only_when_changed) {
  std::string year = std::to_string(context.year());
  const bool one_agency = !context.agency.empty();
  const auto& edition = context.catalog.indicators_for(context.year());

  // Every narrative of a year (37,000 innovations nationally): streamed, not held. The
  // sheets are written side by side, a slice of innovations at a time.
  xlsx::WorkbookWriter book(target,
                            {"Ekspor IGA " + year, "Innovative Government Award", "inovasi", year, context.date},
                            xlsx::WorkbookWriter::Memory::Streaming);
  // The IGA export is data for other programs and keeps its keys; an agency's copy (the
  // desk packet's workbook) is handed to people, and reads as a report.
  using xlsx::ColumnStyle;
  auto& innovations = book.add_sheet("Inovasi");
  auto& answers = book.add_sheet("Indikator");
  auto& findings = book.add_sheet("Temuan");
  // One list of columns per sheet: the keys are row 1 of the export, the hidden keys of
  // the report, so the two cannot drift apart.
  constexpr double kNarrative = 45;
  const std::vector<ColumnSpec> innovation_columns{{"kode", ColumnStyle::Text},
                                                   {"tahun"},
                                                   {"nama", ColumnStyle::Wrapped, false, {}, 30},
                                                   {"instansi", ColumnStyle::Text, false, "kode_instansi"},
                                                   {"tahapan"},
                                                   {"inisiator"},
                                                   {"jenis"},
                                                   {"bentuk", ColumnStyle::Wrapped, false, {}, 20},
                                                   {"urusan", ColumnStyle::Wrapped, false, {}, 20},
                                                   {"urusan_lain", ColumnStyle::Wrapped, false, {}, 20},
                                                   {"waktu_uji_coba", ColumnStyle::LongDate},
                                                   {"waktu_penerapan", ColumnStyle::LongDate},
                                                   {"rancang_bangun", ColumnStyle::Wrapped, false, {}, kNarrative},
                                                   {"jumlah_kata_rancang_bangun", ColumnStyle::Count},
                                                   {"tujuan", ColumnStyle::Wrapped, false, {}, kNarrative},
                                                   {"manfaat", ColumnStyle::Wrapped, false, {}, kNarrative},
                                                   {"hasil", ColumnStyle::Wrapped, false, {}, kNarrative},
                                                   {"diajukan_iga", ColumnStyle::Count},
                                                   {"anggaran", ColumnStyle::Amount},
                                                   {"skor_indikatif", ColumnStyle::Count},
                                                   {"skor_maksimal", ColumnStyle::Count}};
  const std::vector<ColumnSpec> answer_columns{{"inovasi", ColumnStyle::Text},
                                               {"tahun"},
                                               {"nomor", ColumnStyle::General, false, "nomor_indikator"},
                                               {"indikator", ColumnStyle::Wrapped, false, {}, 40},
                                               {"bobot", ColumnStyle::Count},
                                               {"level", ColumnStyle::Count},
                                               {"skor", ColumnStyle::Count},
                                               {"bukti", ColumnStyle::Wrapped, false, {}, 40},
                                               {"status_bukti"}};
  const std::vector<ColumnSpec> finding_columns{{"tingkat"},
                                                {"data", ColumnStyle::Wrapped, false, {}, 30},
                                                {"kolom", ColumnStyle::Wrapped, false, {}, 22},
                                                {"kode", ColumnStyle::Text, false, "kode_temuan"},
                                                {"pesan", ColumnStyle::Wrapped, false, {}, 60}};
  std::optional<ReportSpec> packet;
  if (one_agency) {
    const auto found = context.snapshot().where("instansi", "kode", context.agency);
    packet = ReportSpec{"paket_desk", true, found.empty() ? context.agency : std::string(found.front()->get("nama"))};
  }
  auto as_report = [&](std::string_view title) {
    return packet ? std::optional<ReportSpec>(ReportSpec{title, true, packet->subtitle}) : std::nullopt;
  };
  start_table(innovations, context, packet, innovation_columns);
  start_table(answers, context, as_report("indikator"), answer_columns);
  start_table(findings, context, as_report("temuan"), finding_columns);

  auto write_answer = [&](const Record& a) {
    const Indicator* indicator = edition.indicator(std::stoi(std::string(a.get("indikator"))));
    double weight = indicator ? indicator->weight : 0;
    double level = a.has("level") ? std::stod(std::string(a.get("level"))) : 0;
    answers.row({text(a.get("inovasi")), number(a.get("tahun")), number(a.get("indikator")),
                 text(indicator ? indicator->label : std::string()), weight, level, weight * level,
                 text(a.get("bukti")), text(a.get("status_bukti"))});
  };
  // Without the caller's report, the year is validated as its slices go by: each slice is
  // checked on another thread while its rows are made (the slices only read).
  std::optional<YearValidation> validating;
  if (!context.report) validating.emplace(context.snapshot(), context.catalog, context.year(), false);
  context.source.for_each_slice(YearSource::Depth::Narratives, [&](const Snapshot& slice) {
    std::future<void> checking;
    if (validating) checking = std::async(std::launch::async, [&] { validating->add_innovations(slice); });
    auto records = selected_innovations(slice, year, context.agency);
    // Each row is made from its innovation and scored from its answers in the slice.
    OrderedBatches<const Record*, Row> rows(
        kRowsPerBatch, kBatchesAhead, [&](const Record* record) { return innovation_row(*record, slice, edition); },
        [&](Row&& row) { innovations.row(row); });
    for (const Record* record : records) rows.add(record);
    rows.finish();
    for (const Record* answer : indicator_answers(slice, records, year, one_agency)) write_answer(*answer);
    if (checking.valid()) checking.get();
  });

  std::optional<ValidationReport> computed;
  if (validating) computed = validating->finish();
  const ValidationReport& report = context.report ? *context.report : *computed;
  auto write_finding = [&](const Diagnostic& f) {
    if (one_agency) {
      auto readable = context.catalog.readable(f);
      findings.row({readable.severity, readable.record, readable.field, f.code, readable.message});
    } else {
      findings.row({std::string(severity_name(f.severity)), f.record, f.field, f.code, f.message});
    }
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
  return book.close(only_when_changed ? xlsx::WorkbookWriter::Replace::WhenChanged
                                      : xlsx::WorkbookWriter::Replace::Always);
}

}  // namespace inovasi::exports
