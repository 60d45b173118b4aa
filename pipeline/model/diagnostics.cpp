#include "model/diagnostics.h"

#include <algorithm>
#include <ostream>

namespace inovasi {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
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

void Diagnostics::add(Diagnostic diagnostic) {
  if (items_.size() < limit_) {
    items_.push_back(std::move(diagnostic));
  } else if (diagnostic.severity == Severity::Error) {
    ++left_out_errors_;
  } else {
    ++left_out_others_;
  }
}

void Diagnostics::error(const SourceLocation& where, std::string field, std::string message) {
  add({Severity::Error, where, {}, std::move(field), std::move(message), {}});
}

void Diagnostics::warning(const SourceLocation& where, std::string field, std::string message) {
  add({Severity::Warning, where, {}, std::move(field), std::move(message), {}});
}

void Diagnostics::coded(Severity severity, const SourceLocation& where, std::string field, std::string_view code,
                        FindingParams params, std::string message) {
  add({severity, where, {}, std::move(field), std::move(message), {}, std::string(code), std::move(params)});
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& item : other.items_) add(item);
  left_out_errors_ += other.left_out_errors_;
  left_out_others_ += other.left_out_others_;
}

bool Diagnostics::has_errors() const { return count(Severity::Error) > 0; }

std::size_t Diagnostics::count(Severity severity) const {
  auto kept = static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
  // Left-out findings other than errors are counted together, as warnings.
  if (severity == Severity::Error) return kept + left_out_errors_;
  if (severity == Severity::Warning) return kept + left_out_others_;
  return kept;
}

void Diagnostics::print(std::ostream& out) const {
  for (const auto& d : items_) out << format_diagnostic(d) << '\n';
  if (left_out() > 0) {
    out << "... and " << left_out_errors_ << " more errors and " << left_out_others_
        << " more warnings, not shown (the first " << items_.size() << " are above)\n";
  }
}

}  // namespace inovasi
