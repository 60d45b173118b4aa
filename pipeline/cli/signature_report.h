#pragma once
// What `verify FILE.pdf` says of a PDF's electronic signatures.

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "sign/pdf_revisions.h"

namespace inovasi::cli {

// The certificate files in a --trust folder (.pem, .crt, .cer, .der).
std::vector<std::string> trust_files(const std::filesystem::path& folder);

// Prints each signature: signer, time, integrity, what it covers, the chain. Returns
// whether every one holds (and, with a trust store, chains to it).
bool print_signatures(const std::vector<sign::SignatureReport>& reports, const std::string& subject, bool trust_given,
                      std::size_t file_size, std::ostream& out);

}  // namespace inovasi::cli
