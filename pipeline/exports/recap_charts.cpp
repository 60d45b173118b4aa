#include "exports/recap_charts.h"

#include <algorithm>
#include <cmath>

#include "exports/report_frame.h"

namespace inovasi::exports {
namespace {

using xlsx::ColumnStyle;

constexpr const char* kChartSheet = "Grafik";
constexpr const char* kStageSheet = "Data Tahapan";
constexpr const char* kReadinessSheet = "Data Kesiapan";
constexpr const char* kScoreSheet = "Data Skor";

// libxlsxwriter's default chart is 480 × 288 pixels; rows are 20 pixels high.
constexpr double kChartWidth = 480, kChartHeight = 288, kRowPixels = 20;
// Past this a chart is no longer something to look at; its sheet still holds every row.
constexpr double kMostScale = 12;

constexpr std::array<std::string_view, 5> kSteps{"fasilitator_ditunjuk", "sk_tim", "inovasi_dirancang",
                                                 "perjanjian_ditandatangani", "diajukan_iga"};

// The rows of a data sheet's table: from the row under its labels to its last row.
struct Range {
  lxw_row_t first = 0, last = 0;
};

Range data_rows(const xlsx::SheetWriter& sheet, std::size_t rows) {
  auto first = static_cast<lxw_row_t>(sheet.header_row() + 1);
  return {first, static_cast<lxw_row_t>(first + rows - 1)};
}

// Places `chart` on the chart sheet at `row`, scaled; returns the row under it.
lxw_row_t place(xlsx::SheetWriter& sheet, lxw_chart* chart, lxw_row_t row, double x_scale, double y_scale) {
  lxw_chart_options options{};
  options.x_scale = std::min(x_scale, kMostScale);
  options.y_scale = std::min(y_scale, kMostScale);
  if (worksheet_insert_chart_opt(sheet.handle(), row, 0, chart, &options) != LXW_NO_ERROR) {
    throw xlsx::XlsxError("cannot place a chart on the sheet " + std::string(kChartSheet));
  }
  return static_cast<lxw_row_t>(row + std::ceil(kChartHeight * options.y_scale / kRowPixels) + 2);
}

lxw_chart* new_chart(xlsx::WorkbookWriter& book, std::uint8_t type, const std::string& title) {
  lxw_chart* chart = workbook_add_chart(book.handle(), type);
  if (!chart) throw xlsx::XlsxError("cannot add a chart");
  chart_title_set_name(chart, title.c_str());
  return chart;
}

lxw_row_t stage_chart(xlsx::WorkbookWriter& book, xlsx::SheetWriter& charts, lxw_row_t at, const ExportContext& context,
                      const RecapChartData& data) {
  const ReportWords& words = context.catalog.report_words();
  // The catalogue's stages in its order, then any other value, then those not filled in.
  std::vector<std::pair<std::string, double>> rows;
  auto remaining = data.by_stage;
  if (const Enumeration* stages = context.catalog.enumeration("tahapan")) {
    for (const auto& stage : stages->values) {
      auto it = remaining.find(stage);
      rows.emplace_back(stage, it == remaining.end() ? 0.0 : it->second);
      if (it != remaining.end()) remaining.erase(it);
    }
  }
  for (const auto& [stage, count] : remaining) {
    rows.emplace_back(stage.empty() ? words.word("tanpa_tahapan") : stage, count);
  }
  auto& sheet = book.add_sheet(kStageSheet);
  start_report(sheet, context, {"grafik", false},
               {{"tahapan"}, {"jumlah", ColumnStyle::Count, true, "jumlah_inovasi"}});
  for (const auto& [stage, count] : rows) sheet.row({stage, count});
  Range range = data_rows(sheet, rows.size());
  sheet.totals_row(words.word("jumlah"));
  if (rows.empty()) return at;

  lxw_chart* chart = new_chart(book, LXW_CHART_COLUMN, words.word("grafik_tahapan"));
  lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
  chart_series_set_categories(series, kStageSheet, range.first, 0, range.last, 0);
  chart_series_set_values(series, kStageSheet, range.first, 1, range.last, 1);
  chart_series_set_name(series, words.column("jumlah_inovasi").c_str());
  chart_series_set_labels(series);
  chart_axis_set_name(chart->y_axis, words.word("sumbu_jumlah").c_str());
  chart_axis_set_min(chart->y_axis, 0);
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  return place(charts, chart, at, 1.5, 1);
}

lxw_row_t readiness_chart(xlsx::WorkbookWriter& book, xlsx::SheetWriter& charts, lxw_row_t at,
                          const ExportContext& context, const RecapChartData& data) {
  const ReportWords& words = context.catalog.report_words();
  auto& sheet = book.add_sheet(kReadinessSheet);
  std::vector<ColumnSpec> columns{{"nama", ColumnStyle::General, false, "nama_instansi"}};
  for (auto step : kSteps) columns.push_back({step, ColumnStyle::Count, true});
  columns.push_back({"langkah_terpenuhi", ColumnStyle::Count});
  start_report(sheet, context, {"grafik"}, columns);
  for (const auto& row : data.readiness) {
    std::vector<xlsx::Cell> cells{row.agency};
    double met = 0;
    for (bool step : row.steps) {
      cells.emplace_back(step ? 1.0 : 0.0);
      met += step;
    }
    cells.emplace_back(met);
    sheet.row(cells);
  }
  Range range = data_rows(sheet, data.readiness.size());
  sheet.totals_row(words.word("jumlah"));
  if (data.readiness.empty()) return at;

  // A stacked bar per agency: its length is the steps met, its segments say which.
  lxw_chart* chart = new_chart(book, LXW_CHART_BAR_STACKED, words.word("grafik_kesiapan"));
  for (std::size_t i = 0; i < kSteps.size(); ++i) {
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    auto column = static_cast<lxw_col_t>(i + 1);
    chart_series_set_categories(series, kReadinessSheet, range.first, 0, range.last, 0);
    chart_series_set_values(series, kReadinessSheet, range.first, column, range.last, column);
    chart_series_set_name(series, words.column(kSteps[i]).c_str());
  }
  // A bar chart lies on its side: its values run along the x axis.
  chart_axis_set_min(chart->x_axis, 0);
  chart_axis_set_max(chart->x_axis, static_cast<double>(kSteps.size()));
  chart_axis_set_major_unit(chart->x_axis, 1);
  chart_axis_set_reverse(chart->y_axis);  // the first agency on top, as in the recap
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  chart_set_series_gap(chart, 40);
  double height = 100 + 22 * static_cast<double>(data.readiness.size());
  return place(charts, chart, at, 2, std::max(1.0, height / kChartHeight));
}

lxw_row_t score_chart(xlsx::WorkbookWriter& book, xlsx::SheetWriter& charts, lxw_row_t at, const ExportContext& context,
                      const RecapChartData& data) {
  const ReportWords& words = context.catalog.report_words();
  const auto& edition = context.catalog.indicators_for(context.year());
  std::vector<const IndexBand*> bands;  // the thresholds worth a line: above zero
  for (const auto& band : edition.bands) {
    if (band.threshold > 0) bands.push_back(&band);
  }
  auto& sheet = book.add_sheet(kScoreSheet);
  std::vector<ColumnSpec> columns{{"inovasi", ColumnStyle::Text},        {"nama"},
                                  {"instansi", ColumnStyle::Text},       {"skor_indikatif", ColumnStyle::Count},
                                  {"skor_maksimal", ColumnStyle::Count}, {"predikat_indikatif"}};
  for (const auto* band : bands) {
    columns.push_back(
        {"batas_predikat", ColumnStyle::Count, false, {}, 0, words.column("batas_predikat") + " " + band->label});
  }
  start_report(sheet, context, {"grafik"}, columns);
  for (const auto& score : data.scores) {
    std::vector<xlsx::Cell> cells{score.inovasi,
                                  score.nama,
                                  score.instansi,
                                  static_cast<double>(score.score),
                                  static_cast<double>(score.max_score),
                                  edition.band_for(score.score)};
    for (const auto* band : bands) cells.emplace_back(band->threshold);
    sheet.row(cells);
  }
  if (data.scores.empty()) return at;
  Range range = data_rows(sheet, data.scores.size());

  // A line chart whose score series draws no line: each score is a bar made of an error
  // bar down to zero (libxlsxwriter 1.1.4 cannot combine a column chart with lines), and
  // each band's threshold is a dashed line across every innovation.
  lxw_chart* chart = new_chart(book, LXW_CHART_LINE, words.word("grafik_skor"));
  lxw_chart_series* scores = chart_add_series(chart, nullptr, nullptr);
  chart_series_set_categories(scores, kScoreSheet, range.first, 1, range.last, 1);
  chart_series_set_values(scores, kScoreSheet, range.first, 3, range.last, 3);
  chart_series_set_name(scores, words.column("skor_indikatif").c_str());
  lxw_chart_line no_line{};
  no_line.none = LXW_TRUE;
  chart_series_set_line(scores, &no_line);
  chart_series_set_marker_type(scores, LXW_CHART_MARKER_SQUARE);
  chart_series_set_marker_size(scores, 4);
  chart_series_set_labels(scores);
  chart_series_set_labels_position(scores, LXW_CHART_LABEL_POSITION_ABOVE);
  lxw_series_error_bars* bars = chart_series_get_error_bars(scores, LXW_CHART_ERROR_BAR_AXIS_Y);
  chart_series_set_error_bars(bars, LXW_CHART_ERROR_BAR_TYPE_PERCENTAGE, 100);
  chart_series_set_error_bars_direction(bars, LXW_CHART_ERROR_BAR_DIR_MINUS);
  chart_series_set_error_bars_endcap(bars, LXW_CHART_ERROR_BAR_NO_CAP);
  lxw_chart_line bar_line{};
  bar_line.color = 0x4472C4;
  bar_line.width = 9;
  chart_series_set_error_bars_line(bars, &bar_line);
  for (std::size_t i = 0; i < bands.size(); ++i) {
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    auto column = static_cast<lxw_col_t>(6 + i);
    chart_series_set_categories(series, kScoreSheet, range.first, 1, range.last, 1);
    chart_series_set_values(series, kScoreSheet, range.first, column, range.last, column);
    char threshold[32];
    std::snprintf(threshold, sizeof threshold, "%g", bands[i]->threshold);
    chart_series_set_name(series, (bands[i]->label + " (" + threshold + ")").c_str());
    lxw_chart_line dashed{};
    dashed.color = i == 0 ? 0x2E7D32 : 0xC62828;
    dashed.width = 1.5;
    dashed.dash_type = LXW_CHART_LINE_DASH_DASH;
    chart_series_set_line(series, &dashed);
    chart_series_set_marker_type(series, LXW_CHART_MARKER_NONE);
  }
  chart_axis_set_name(chart->y_axis, words.word("sumbu_skor").c_str());
  chart_axis_set_min(chart->y_axis, 0);
  chart_axis_set_max(chart->y_axis, edition.max_score());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  double width = 160 + 28 * static_cast<double>(data.scores.size());
  return place(charts, chart, at, std::max(2.0, width / kChartWidth), 2.4);
}

}  // namespace

void write_recap_charts(xlsx::WorkbookWriter& book, const ExportContext& context, const RecapChartData& data) {
  auto& charts = book.add_sheet(kChartSheet);
  start_chart_sheet(charts, context, {"grafik"});
  // Each chart starts a printed page of its own: a chart cut across two pages is
  // unreadable on both.
  auto at = static_cast<lxw_row_t>(charts.rows());
  std::vector<lxw_row_t> breaks;
  at = stage_chart(book, charts, at, context, data);
  breaks.push_back(at);
  at = readiness_chart(book, charts, at, context, data);
  breaks.push_back(at);
  score_chart(book, charts, at, context, data);
  breaks.push_back(0);  // the list's end
  if (worksheet_set_h_pagebreaks(charts.handle(), breaks.data()) != LXW_NO_ERROR) {
    throw xlsx::XlsxError("cannot break the chart sheet into pages");
  }
}

}  // namespace inovasi::exports
