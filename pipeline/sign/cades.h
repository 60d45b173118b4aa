#pragma once
// The signature value a PDF signature field holds for /SubFilter /ETSI.CAdES.detached:
// a detached CMS SignedData over the SHA-256 of the file's signed byte ranges (PAdES
// baseline B-B). Signed attributes: content type, message digest, and the ESS
// signing-certificate-v2 that binds the signer's certificate; no signing-time, which
// PAdES keeps in the signature dictionary's /M instead.

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sign/signing_key.h"

namespace inovasi::sign {

// DER of the ContentInfo. `digest` is the 32-byte SHA-256 of the signed bytes. With a
// time-stamping URL, the token is added as the signature-time-stamp unsigned attribute.
std::string cades_signature(const SigningKey& signer, std::string_view digest, const std::string& tsa_url = {});

// What a CMS signature says of the bytes it was checked against.
struct CmsCheck {
  bool intact = false;      // the signature value verifies and the message digest matches
  std::string problem;      // why not, when not
  std::string signer_name;  // the certificate's common name
  std::string signer_subject, signer_issuer, signer_serial;
  std::optional<std::string> timestamp;  // the time-stamp token's time, when it has one
  bool timestamp_intact = false;
  // The certificate chain against the trust store: "trusted", or why not; empty when no
  // trust store was given.
  std::string chain;
};

// `trust`: certificate files (PEM or DER); none to skip the chain.
CmsCheck check_cades(std::string_view cms_der, std::string_view signed_bytes_digest_input,
                     const std::vector<std::string>& trust_pem_files, std::time_t at);

}  // namespace inovasi::sign
