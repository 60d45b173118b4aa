#include "model/diagnostics.h"

#include <algorithm>
#include <ostream>

namespace inovasi {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.where.file.empty()) {
    out = d.where.file;
    if (d.where.line > 0) out += ":" + std::to_string(d.where.line);
    out += ": ";
  }
  if (!d.record.empty()) out += d.record + ": ";
  if (!d.field.empty()) out += d.field + ": ";
  if (d.severity != Severity::Error) out += std::string(severity_name(d.severity)) + ": ";
  out += d.message;
  return out;
}

void Diagnostics::add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }

void Diagnostics::error(const SourceLocation& where, std::string field, std::string message) {
  add({Severity::Error, where, {}, std::move(field), std::move(message), {}});
}

void Diagnostics::warning(const SourceLocation& where, std::string field, std::string message) {
  add({Severity::Warning, where, {}, std::move(field), std::move(message), {}});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return count(Severity::Error) > 0; }

std::size_t Diagnostics::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

void Diagnostics::print(std::ostream& out) const {
  for (const auto& d : items_) out << format_diagnostic(d) << '\n';
}

}  // namespace inovasi
