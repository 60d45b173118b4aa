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
      auto readable = context.catalog.readable(*finding);
      sheet.row({agency, name, readable.record, readable.field, readable.severity, finding->code, readable.message});
    }
  }
  book.close();
}

}  // namespace inovasi::exports
