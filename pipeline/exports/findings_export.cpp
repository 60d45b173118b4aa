// The validation findings as a report people read: one row per finding, by agency, in
// Indonesian, the fields named as the forms call them.

#include <optional>

#include "exports/exports.h"
#include "exports/report_frame.h"
#include "xlsx/workbook.h"

namespace inovasi::exports {

void write_findings_report(const ExportContext& context, const std::filesystem::path& target) {
  using xlsx::ColumnStyle;
  std::optional<ValidationReport> own;
  const ValidationReport& report =
      context.report ? *context.report : own.emplace(validate(context.source, context.catalog, false));
  const ReportWords& words = context.catalog.report_words();
  std::string year = std::to_string(context.year());
  xlsx::WorkbookWriter book(target, {report_title(context, "temuan"), "Temuan validasi", "inovasi", year, context.date},
                            xlsx::WorkbookWriter::Memory::Streaming);  // a national year has many
  auto& sheet = book.add_sheet("Temuan");
  start_report(sheet, context, {"temuan"},
               {{"instansi", ColumnStyle::Text, false, "kode_instansi"},
                {"nama", ColumnStyle::Wrapped, false, "nama_instansi", 28},
                {"data", ColumnStyle::Wrapped, false, {}, 30},
                {"kolom", ColumnStyle::Wrapped, false, {}, 22},
                {"tingkat"},
                {"kode", ColumnStyle::Text, false, "kode_temuan"},
                {"pesan", ColumnStyle::Wrapped, false, {}, 60}});
  const Snapshot& snapshot = context.snapshot();
  for (const auto& [agency, findings] : findings_by_agency(report)) {
    std::string name;
    if (const auto found = snapshot.where("instansi", "kode", agency); !found.empty())
      name = found.front()->get("nama");
    for (const Diagnostic* finding : findings) {
      sheet.row({agency, name, words.record(finding->record),
                 finding->field.empty() ? std::string() : words.field(finding->field),
                 words.severity(finding->severity), finding->code,
                 context.catalog.finding_message(*finding, Language::Indonesian)});
    }
  }
  book.close();
}

}  // namespace inovasi::exports
