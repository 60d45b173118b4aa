#pragma once
// The paper a region prints its reports on (daerah.kertas_laporan): A4 unless it says
// F4, the folio many Indonesian offices still use.

#include <optional>
#include <string_view>

#include "model/text.h"

namespace inovasi {

enum class ReportPaper { A4, F4 };

// A4 for an empty value; nullopt for a value that is neither (a validation error).
inline std::optional<ReportPaper> report_paper(std::string_view value) {
  std::string key = match_key(value);
  if (key.empty() || key == "a4") return ReportPaper::A4;
  if (key == "f4") return ReportPaper::F4;
  return std::nullopt;
}

}  // namespace inovasi
