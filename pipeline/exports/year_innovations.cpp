#include <stdexcept>

#include "exports/exports.h"

namespace inovasi::exports {

void for_each_innovation(const ExportContext& context, const std::function<void(const Record&)>& each) {
  std::string year = std::to_string(context.year);
  auto of_year = [&](const Record& innovation) {
    if (innovation.get("tahun") == year) each(innovation);
  };
  if (context.snapshot.holds_innovations()) {
    for (const auto& innovation : context.snapshot.all("inovasi")) of_year(innovation);
    return;
  }
  if (!context.store) throw std::logic_error("for_each_innovation: no innovations and no store to read them");
  const RecordKind& kind = *find_record_kind("inovasi");
  context.store->scan(kind, store_columns(kind, /*narratives=*/false), [&](Record& innovation) { of_year(innovation); });
}

}  // namespace inovasi::exports
