#include <algorithm>
#include <ctime>
#include <optional>
#include <filesystem>
#include "model/file_text.h"
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "model/clock.h"
#include "cli/signature_report.h"
#include "sign/pdf_revisions.h"
#include "documents/document_kind.h"
#include "store/number_registry.h"
#include "output/manifest.h"
#include "model/date.h"
#include "model/text.h"
#include "store/store.h"

namespace inovasi::cli {
namespace {

void describe(const IssuedNumber& issued, std::ostream& out) {
  out << "  " << issued.kind << " " << issued.number << " (" << issued.key << ")\n";
  if (const auto* kind = documents::find_numbered_kind(issued.kind)) out << "  " << kind->summary << "\n";
  out << "  verification code " << issued.verification_code << "\n";
  if (!issued.file.empty()) out << "  issued as " << issued.file << ", SHA-256 " << issued.sha256 << "\n";
}

// A revoked document is reported so whatever else is true of it: exit 1.
int report_revoked(const IssuedNumber& issued, std::ostream& out) {
  out << "REVOKED: the document with code " << issued.verification_code << " was revoked on " << issued.revoked_on
      << ": " << issued.revoke_reason << "\n";
  describe(issued, out);
  return kDataErrors;
}

// Today in the machine's time zone: the date a revocation is made, when none is given.
// Whether the argument was meant as a file: it names a folder or ends like a file name.
bool looks_like_a_path(std::string_view subject) {
  return subject.find('/') != std::string_view::npos || subject.find('.') != std::string_view::npos;
}

// The manifests that may list `file`: those of the year folders it lies in, and those of
// the output folder's years (a copy taken elsewhere is found by its bytes).
std::vector<std::filesystem::path> manifests_for(const std::filesystem::path& file,
                                                 const std::filesystem::path& output) {
  std::vector<std::filesystem::path> found;
  auto add = [&](const std::filesystem::path& manifest) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(manifest, error)) return;
    auto canonical = std::filesystem::weakly_canonical(manifest, error);
    if (std::find(found.begin(), found.end(), canonical) == found.end()) found.push_back(canonical);
  };
  std::error_code error;
  for (auto folder = std::filesystem::absolute(file, error).parent_path(); !folder.empty();
       folder = folder.parent_path()) {
    add(folder / "exports" / "manifest.json");
    if (folder == folder.root_path()) break;
  }
  for (const auto& year : std::filesystem::directory_iterator(output, error))
    add(year.path() / "exports" / "manifest.json");
  return found;
}

// A file a batch made that is not a numbered document (the print file, a workbook, a
// zip): recognised by the manifest that lists it. Nothing when no manifest does.
std::optional<int> verify_listed(const std::string& subject, const std::string& sha256, const Environment& env) {
  std::error_code error;
  auto absolute = std::filesystem::weakly_canonical(subject, error);
  std::optional<ManifestEntry> same_bytes, same_place;
  std::filesystem::path listed_in;
  for (const auto& file : manifests_for(subject, env.output)) {
    // <out>/<year>/exports/manifest.json lists paths relative to <out>: the subject's own,
    // worked out once, is compared with each entry's as text.
    auto output = file.parent_path().parent_path().parent_path();
    std::string place = absolute.lexically_relative(output).generic_string();
    Manifest manifest = Manifest::load(file);
    manifest.for_each([&](const ManifestEntry& entry) {
      if (!same_bytes && entry.sha256 == sha256) {
        same_bytes = entry;
        listed_in = file;
      }
      if (!same_place && entry.path == place) {
        same_place = entry;
        if (listed_in.empty()) listed_in = file;
      }
    });
    if (same_bytes) break;
  }
  if (same_bytes) {
    env.out << "LISTED: " << subject << " is, byte for byte, the file " << same_bytes->path << " (" << same_bytes->kind
            << ", " << same_bytes->source << ") listed in " << listed_in.string()
            << "\n  it carries no number of its own: each numbered document in it verifies by its code\n";
    return kOk;
  }
  if (same_place) {
    env.out << "MODIFIED: " << subject << " is listed in " << listed_in.string() << " (" << same_place->kind << ", "
            << same_place->source << ") with SHA-256 " << same_place->sha256 << ", but its content differs\n";
    return kDataErrors;
  }
  return std::nullopt;
}

// A code as typed: whether the store issued it, and whether it still stands.
int verify_code(const std::string& subject, const Environment& env) {
  Store store = Store::open(env.database, false);
  NumberRegistry registry(store.database());
  if (looks_like_a_path(subject)) {
    env.out << "UNKNOWN: there is no file " << subject << "\n";
    return kDataErrors;
  }
  auto code = normalize_verification_code(subject);
  if (!code) {
    env.out << "UNKNOWN: '" << subject << "' is not a verification code (10 letters and digits, as printed)\n";
    return kDataErrors;
  }
  auto issued = registry.by_code(*code);
  if (!issued) {
    env.out << "UNKNOWN: no document was issued with code " << *code << "\n";
    return kDataErrors;
  }
  if (!issued->revoked_on.empty()) return report_revoked(*issued, env.out);
  env.out << "VALID: code " << *code << " belongs to an issued document\n";
  describe(*issued, env.out);
  return kOk;
}

// A file against the store: byte for byte an issued document, an issued document with
// signatures appended, one that claims a code but differs, or a file a manifest lists.
int verify_issued(const std::string& subject, const std::string& bytes, bool has_signatures, const Environment& env) {
  Store store = Store::open(env.database, false);
  NumberRegistry registry(store.database());
  std::string sha256 = sha256_hex(bytes);
  if (auto issued = registry.by_sha256(sha256)) {
    if (!issued->revoked_on.empty()) return report_revoked(*issued, env.out);
    env.out << "VALID: " << subject << " is, byte for byte, the document issued as\n";
    describe(*issued, env.out);
    return kOk;
  }
  // Signed after it was issued: the issued file is the first revision, kept byte for
  // byte before the signatures' revisions.
  if (has_signatures) {
    auto earlier = sign::find_earlier_revision(
        bytes, [&](const std::string& sha256) { return registry.by_sha256(sha256).has_value(); }, subject);
    if (earlier) {
      auto issued = registry.by_sha256(earlier->sha256);
      if (!issued->revoked_on.empty()) return report_revoked(*issued, env.out);
      if (!earlier->changes.empty()) {
        env.out << "MODIFIED: " << subject << " began as the document issued below, but was changed after:";
        for (const auto& change : earlier->changes) env.out << " " << change << ";";
        env.out << "\n";
        describe(*issued, env.out);
        return kDataErrors;
      }
      env.out << "VALID: " << subject << " is the document issued as below, with only signatures added since\n";
      describe(*issued, env.out);
      return kOk;
    }
  }
  // Not the issued bytes: does it claim a code (kept in the PDF's keywords)?
  if (auto code = documents::claimed_verification_code(bytes); !code.empty()) {
    if (auto claimed = registry.by_code(code)) {
      env.out << "MODIFIED: " << subject << " carries code " << claimed->verification_code
              << ", but its content differs from the issued document\n";
      describe(*claimed, env.out);
      return kDataErrors;
    }
  }
  if (auto listed = verify_listed(subject, sha256, env)) return *listed;
  env.out << "UNKNOWN: " << subject << " is not a document issued from this store, nor a file listed in a manifest of "
          << env.output.string() << "\n";
  return kDataErrors;
}

int run_verify(const Args& args, const Environment& env) {
  if (args.positionals().size() != 1) throw UsageError("verify needs a verification code or a PDF file");
  const std::string& subject = args.positionals().front();
  if (!std::filesystem::is_regular_file(subject)) return verify_code(subject, env);
  auto read = read_file_text(subject);
  if (!read) throw DataError(subject + ": cannot read the file");
  std::string bytes = std::move(*read);
  std::vector<std::string> trust;
  if (auto folder = args.value("trust")) trust = trust_files(*folder);
  // Electronic signatures first: they are checked from the file alone.
  std::vector<sign::SignatureReport> signatures;
  if (bytes.starts_with("%PDF-")) {
    try {
      signatures = sign::check_signatures(bytes, subject, trust);
    } catch (const sign::SignError& e) {
      env.out << "DAMAGED: " << e.message() << "\n";
    }
  }
  bool signatures_hold = print_signatures(signatures, subject, !trust.empty(), bytes.size(), env.out);
  if (!std::filesystem::exists(env.database)) {
    if (signatures.empty()) throw DataError("no store at " + env.database.string() + ": give --db or set INOVASI_DB");
    env.out << "(no store at " << env.database.string() << ": not checked against the documents issued)\n";
    return signatures_hold ? kOk : kDataErrors;
  }
  int issued = verify_issued(subject, bytes, !signatures.empty(), env);
  return issued == kOk && signatures_hold ? kOk : kDataErrors;
}

}  // namespace

Command verify_command() {
  return {"verify",
          "check a verification code, or whether a PDF is the document issued",
          "inovasi verify CODE|FILE [--out DIR]\n\n"
          "CODE as printed, in any case, with spaces or hyphens between its groups; O is read as 0,\n"
          "I and L as 1. Exit 0 when the code exists or the file is byte for byte the issued one;\n"
          "1 when it is unknown, modified or REVOKED (with the date and reason). A file a batch made\n"
          "that has no number of its own (the print file, a workbook, a zip) is recognised by the\n"
          "manifest that lists it: that of the year folder it is in, or of the output folder's years.\n"
          "A signed PDF: each electronic signature is reported (signer, time, whether the signed bytes\n"
          "are intact, what revisions came after it, the certificate chain against --trust); exit 1\n"
          "when one does not hold. An issued document signed afterwards is recognised as issued.",
          {{"trust", "DIR", "certificates to trust (.pem, .crt, .cer, .der) for the signatures' chains"}},
          run_verify,
          false};
}

int run_revoke(const Args& args, const Environment& env) {
  if (args.positionals().size() != 1) throw UsageError("revoke needs the verification code of the document");
  auto reason = args.value("reason");
  if (!reason || trim(*reason).empty()) throw UsageError("revoke needs --reason TEXT: it is what verify will say");
  auto code = normalize_verification_code(args.positionals().front());
  if (!code) throw UsageError("'" + args.positionals().front() + "' is not a verification code");
  Date on = local_today();
  if (auto given = args.value("date")) {
    auto parsed = parse_date(*given);
    if (!parsed.date) throw UsageError("--date: " + parsed.error);
    on = *parsed.date;
  }
  Store store = Store::open(env.database, false);
  NumberRegistry registry(store.database());
  Transaction transaction(store.database());
  if (!registry.revoke(*code, on, std::string(trim(*reason)))) {
    env.out << "UNKNOWN: no document was issued with code " << *code << "\n";
    return kDataErrors;
  }
  transaction.commit();
  auto issued = registry.by_code(*code);
  env.out << "revoked: " << issued->kind << " " << issued->number << " (code " << *code << ") on " << issued->revoked_on
          << ": " << issued->revoke_reason << "\n";
  return kOk;
}

Command revoke_command() {
  return {"revoke",
          "mark an issued document revoked (its number is never given again)",
          "inovasi revoke CODE --reason TEXT [--date YYYY-MM-DD]\n\n"
          "verify then says REVOKED, with the date (today unless --date) and the reason, and exits 1.\n"
          "A document revoked once keeps its first date and reason.",
          {{"reason", "TEXT", "why the document no longer stands (required)"},
           {"date", "YYYY-MM-DD", "the date of the revocation (default: today)"}},
          run_revoke};
}

}  // namespace inovasi::cli
