#pragma once
// The signing options that `sign` and the batch commands share: the key and its
// passphrase, the signing time, the reason and place, a time-stamping authority.

#include <optional>
#include <vector>

#include <memory>

#include "batch/batch_signing.h"
#include "cli/args.h"
#include "cli/environment.h"
#include "sign/pdf_signer.h"
#include "sign/signing_key.h"

namespace inovasi::cli {

struct SignSetup {
  std::optional<sign::SigningKey> signer;  // none without --p12
  sign::SignatureRequest request;          // time, reason, location, TSA
};

std::vector<OptionSpec> sign_option_specs();

// Reads the key (asking for its passphrase as the options say) and the request's
// settings. The passphrase is wiped once the key is read.
SignSetup sign_setup(const Args& args, const Environment& env);

// A batch's signing from --p12 and --sign-as; none without --p12.
std::shared_ptr<const batch::BatchSigning> batch_signing(const Args& args, const Environment& env);

// The verification address a document with code `code` prints, from the store's region;
// empty without a store or code.
std::string verification_address(const Environment& env, const std::string& code);

// "2026-12-07T10:30:00+07:00" (or Z, or no zone: the machine's) as a time and the
// offset to state it in.
std::pair<std::time_t, int> parse_sign_time(const std::string& text);

}  // namespace inovasi::cli
