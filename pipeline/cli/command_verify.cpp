#include <filesystem>
#include "model/file_text.h"
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "cli/commands.h"
#include "documents/registry.h"
#include "store/store.h"

namespace inovasi::cli {
namespace {

void describe(const documents::IssuedNumber& issued, std::ostream& out) {
  out << "  " << issued.kind << " " << issued.number << " (" << issued.key << ")\n"
      << "  verification code " << issued.verification_code << "\n";
  if (!issued.file.empty()) out << "  issued as " << issued.file << ", SHA-256 " << issued.sha256 << "\n";
}

int run_verify(const Args& args, const Environment& env) {
  if (args.positionals().size() != 1) throw UsageError("verify needs a verification code or a PDF file");
  const std::string& subject = args.positionals().front();
  Store store = Store::open(env.database, false);
  documents::NumberRegistry registry(store.database());
  if (!std::filesystem::is_regular_file(subject)) {
    auto issued = registry.by_code(subject);
    if (!issued) {
      env.out << "UNKNOWN: no document was issued with code " << subject << "\n";
      return kDataErrors;
    }
    env.out << "VALID: code " << subject << " belongs to an issued document\n";
    describe(*issued, env.out);
    return kOk;
  }
  auto read = read_file_text(subject);
  if (!read) throw UsageError(subject + ": cannot read the file");
  std::string bytes = std::move(*read);
  if (auto issued = registry.by_sha256(documents::sha256_hex(bytes))) {
    env.out << "VALID: " << subject << " is, byte for byte, the document issued as\n";
    describe(*issued, env.out);
    return kOk;
  }
  // Not the issued bytes: does it claim a code (kept in the PDF's keywords)?
  static const std::regex kKeywords(R"(/Keywords \(([0-9A-Z]{10})\))");
  std::smatch match;
  if (std::regex_search(bytes, match, kKeywords)) {
    if (auto claimed = registry.by_code(match[1].str())) {
      env.out << "MODIFIED: " << subject << " carries code " << claimed->verification_code
              << ", but its content differs from the issued document\n";
      describe(*claimed, env.out);
      return kDataErrors;
    }
  }
  env.out << "UNKNOWN: " << subject << " is not a document issued from this store\n";
  return kDataErrors;
}

}  // namespace

Command verify_command() {
  return {"verify",
          "check a verification code, or whether a PDF is the document issued",
          "inovasi verify CODE|FILE.pdf\n\n"
          "Exit 0 when the code exists or the file is byte for byte the issued one, 1 otherwise.",
          {},
          run_verify};
}

}  // namespace inovasi::cli
