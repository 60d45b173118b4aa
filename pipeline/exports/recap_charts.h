#pragma once
// The recap's charts, made with libxlsxwriter's chart API so they stay live: each plots a
// range of a data sheet of its own, which the charts follow when someone edits it.

#include <array>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "exports/exports.h"
#include "xlsx/workbook.h"

namespace inovasi::exports {

// The programme's steps an agency has met, in this order: its facilitators named, its
// team's SK, an innovation designed, the contract signed, an innovation submitted to
// the IGA.
struct ReadinessRow {
  std::string agency;
  std::array<bool, 5> steps{};
};

struct RecapChartData {
  std::map<std::string, double> by_stage;   // tahapan ("" when not filled in) -> innovations
  std::vector<ReadinessRow> readiness;      // one per agency, in the recap's order
  std::span<const IndicativeScore> scores;  // one per innovation of the year (the caller's, not copied)
};

// Adds a Grafik sheet holding the three charts (innovations by stage; readiness per
// agency, a stacked bar per agency; the indicative scores with the year's band
// thresholds as lines), and the sheets of their data. A chart with nothing to plot is
// left out.
void write_recap_charts(xlsx::WorkbookWriter& book, const ExportContext& context, const RecapChartData& data);

}  // namespace inovasi::exports
