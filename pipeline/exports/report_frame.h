#pragma once
// What every report workbook shares (the recap, the register, the findings, the desk
// packets' workbooks): its title block, its columns labelled from the catalogue
// (laporan.json) with their keys kept, and its page setup on the region's paper.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exports/exports.h"
#include "xlsx/workbook.h"

namespace inovasi::exports {

// A report column: its data key, and the catalogue's key of its label when that is not
// the data key itself (the recap's "instansi" holds a code: "Kode Perangkat Daerah").
struct ColumnSpec {
  std::string_view key;
  xlsx::ColumnStyle style = xlsx::ColumnStyle::General;
  bool total = false;
  std::string_view label = {};
  double width = 0;
  std::string caption = {};  // a label made at run time ("Batas Sangat Inovatif"), used as it is
};

struct ReportSpec {
  std::string_view title;  // laporan.json's key of the report's name: "rekap"
  bool landscape = true;
  std::string subtitle = {};  // a line under the name (a desk packet's agency)
};

// Writes the sheet's head: "PEMERINTAH KABUPATEN KARO", the report's name, the year and
// the date it was made, then the columns' keys (hidden) and labels; and its page setup.
// Throws DataError for a region whose kertas_laporan is neither A4 nor F4.
void start_report(xlsx::SheetWriter& sheet, const ExportContext& context, const ReportSpec& report,
                  std::initializer_list<ColumnSpec> columns);
// The same with columns built at run time.
void start_report(xlsx::SheetWriter& sheet, const ExportContext& context, const ReportSpec& report,
                  const std::vector<ColumnSpec>& columns);

// A sheet's head from its columns: a report's (start_report) with `report`, else only the
// keys, on row 1 (data for programs: the IGA export).
void start_table(xlsx::SheetWriter& sheet, const ExportContext& context, const std::optional<ReportSpec>& report,
                 const std::vector<ColumnSpec>& columns);

// The title block of a sheet without a table of its own (the charts), and its page setup.
void start_chart_sheet(xlsx::SheetWriter& sheet, const ExportContext& context, const ReportSpec& report);

// The workbook's document title: "Rekapitulasi Program Inovasi Daerah 2026".
std::string report_title(const ExportContext& context, std::string_view title);

}  // namespace inovasi::exports
