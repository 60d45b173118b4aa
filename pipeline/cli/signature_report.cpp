#include "cli/signature_report.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "cli/args.h"

namespace inovasi::cli {

std::vector<std::string> trust_files(const std::filesystem::path& folder) {
  if (!std::filesystem::is_directory(folder)) throw UsageError("--trust " + folder.string() + ": no such folder");
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::string extension = entry.path().extension().string();
    if (entry.is_regular_file() &&
        (extension == ".pem" || extension == ".crt" || extension == ".cer" || extension == ".der")) {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) throw UsageError("--trust " + folder.string() + ": no certificate files (.pem, .crt, .cer, .der)");
  return files;
}

namespace {

// "D:20261207090000+07'00'" as "2026-12-07 09:00:00 +07:00".
std::string readable(const std::string& pdf_date) {
  auto date = sign::parse_pdf_date_parts(pdf_date);
  if (!date) return pdf_date;
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d", date->year % 10000, date->month % 100,
                date->day % 100, date->hour % 100, date->minute % 100, date->second % 100);
  return text + sign::utc_offset_text(date->utc_offset_minutes);
}

}  // namespace

bool print_signatures(const std::vector<sign::SignatureReport>& reports, const std::string& subject, bool trust_given,
                      std::size_t file_size, std::ostream& out) {
  bool all_hold = true;
  int n = 0;
  for (const auto& report : reports) {
    ++n;
    bool holds = report.holds();
    bool trusted = !trust_given || report.cms.chain == "trusted";
    all_hold = all_hold && holds && trusted;
    out << (!holds    ? "BROKEN"
            : trusted ? "SIGNED"
                      : "UNTRUSTED")
        << ": signature " << n << " of " << reports.size() << " in " << subject << ", field '" << report.field << "'\n";
    if (!report.byte_range_ok) {
      out << "  " << report.byte_range_problem << "\n";
      continue;
    }
    if (!report.cms.signer_subject.empty()) {
      out << "  signer " << report.cms.signer_subject << "\n  issued by " << report.cms.signer_issuer << ", serial "
          << report.cms.signer_serial << "\n";
    }
    out << "  signed " << readable(report.signing_time) << " (" << report.sub_filter << ")";
    if (!report.reason.empty()) out << ", reason: " << report.reason;
    if (!report.location.empty()) out << ", at " << report.location;
    out << "\n";
    if (report.cms.timestamp) {
      out << "  time-stamped " << *report.cms.timestamp
          << (report.cms.timestamp_intact ? " by an authority, the token intact" : ": THE TOKEN DOES NOT HOLD") << "\n";
    }
    out << "  " << (report.cms.intact ? "the signed bytes are intact" : report.cms.problem) << "\n";
    if (report.whole_file) {
      out << "  it covers the whole file\n";
    } else {
      out << "  it covers the first " << report.covered << " of " << file_size << " bytes; revisions added after it "
          << (report.later_only_signatures ? "add only signatures" : "CHANGE THE DOCUMENT:");
      for (const auto& change : report.later_changes) out << " " << change << ";";
      out << "\n";
    }
    if (trust_given) {
      out << "  certificate chain: " << report.cms.chain << "\n";
    } else {
      out << "  certificate chain: not checked (give --trust DIR with the certificates you trust)\n";
    }
  }
  return all_hold;
}

}  // namespace inovasi::cli
