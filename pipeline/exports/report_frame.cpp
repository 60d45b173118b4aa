#include "exports/report_frame.h"

#include "model/indonesian.h"
#include "model/report_paper.h"
#include "model/text.h"

namespace inovasi::exports {
namespace {

xlsx::PageSetup::Paper region_paper(const Snapshot& snapshot) {
  const Record* region = snapshot.region();
  std::string_view value = region ? region->get("kertas_laporan") : std::string_view{};
  auto paper = report_paper(value);
  if (!paper) {
    throw DataError("daerah: kertas_laporan: '" + std::string(value) +
                    "' is not a paper size for reports (A4 or F4); reports cannot be printed on it");
  }
  return *paper == ReportPaper::F4 ? xlsx::PageSetup::Paper::F4 : xlsx::PageSetup::Paper::A4;
}

}  // namespace

std::string report_title(const ExportContext& context, std::string_view title) {
  return context.catalog.report_words().title(title) + " " + std::to_string(context.year());
}

namespace {

std::vector<std::string> title_lines(const ExportContext& context, const ReportSpec& report) {
  const ReportWords& words = context.catalog.report_words();
  std::vector<std::string> title;
  if (const Record* region = context.snapshot().region()) {
    title.push_back("PEMERINTAH " + ascii_upper(region->get("nama_daerah")));
  }
  title.push_back(words.title(report.title));
  if (!report.subtitle.empty()) title.push_back(report.subtitle);
  title.push_back(words.word("tahun") + " " + std::to_string(context.year()));
  title.push_back(words.word("dibuat") + ": " + indonesian::date_long(context.date));
  return title;
}

xlsx::PageSetup page_of(const ExportContext& context, const ReportSpec& report) {
  const ReportWords& words = context.catalog.report_words();
  xlsx::PageSetup page;
  page.paper = region_paper(context.snapshot());
  page.landscape = report.landscape;
  page.name = report_title(context, report.title);
  page.page = words.word("halaman");
  page.of = words.word("dari");
  return page;
}

}  // namespace

void start_report(xlsx::SheetWriter& sheet, const ExportContext& context, const ReportSpec& report,
                  const std::vector<ColumnSpec>& columns) {
  const ReportWords& words = context.catalog.report_words();
  std::vector<xlsx::ReportColumn> report_columns;
  for (const auto& column : columns) {
    std::string label =
        !column.caption.empty() ? column.caption : words.column(column.label.empty() ? column.key : column.label);
    // A column of counts is narrow: its label wraps instead of widening it.
    double width = column.width > 0 ? column.width : column.style == xlsx::ColumnStyle::Count ? 14 : 0;
    report_columns.push_back({std::string(column.key), std::move(label), column.style, column.total, width});
  }
  sheet.report_header(title_lines(context, report), report_columns, page_of(context, report));
}

void start_table(xlsx::SheetWriter& sheet, const ExportContext& context, const std::optional<ReportSpec>& report,
                 const std::vector<ColumnSpec>& columns) {
  if (report) {
    start_report(sheet, context, *report, columns);
    return;
  }
  std::vector<std::string> keys;
  for (const auto& column : columns) keys.emplace_back(column.key);
  sheet.header(keys);
}

void start_chart_sheet(xlsx::SheetWriter& sheet, const ExportContext& context, const ReportSpec& report) {
  sheet.title_block(title_lines(context, report));
  sheet.page_setup(page_of(context, report));
}

void start_report(xlsx::SheetWriter& sheet, const ExportContext& context, const ReportSpec& report,
                  std::initializer_list<ColumnSpec> columns) {
  start_report(sheet, context, report, std::vector<ColumnSpec>(columns));
}

}  // namespace inovasi::exports
