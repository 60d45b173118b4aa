#include "cli/readiness.h"

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace inovasi::cli {

void print_not_ready(const ValidationReport& report, std::ostream& out) {
  std::map<std::string, std::vector<const Diagnostic*>> by_agency;
  for (const auto& finding : report.findings) {
    if (finding.severity != Severity::Error) continue;
    if (!finding.agency.empty()) by_agency[finding.agency].push_back(&finding);
  }
  if (by_agency.empty()) {
    out << "every agency is ready\n";
    return;
  }
  out << by_agency.size() << " agenc" << (by_agency.size() == 1 ? "y is" : "ies are") << " not ready:\n";
  for (const auto& [agency, findings] : by_agency) {
    out << "  " << agency << ":\n";
    for (const auto* f : findings) {
      out << "    " << f->record << ": " << (f->field.empty() ? "" : f->field + ": ") << f->message << '\n';
    }
  }
}

}  // namespace inovasi::cli
