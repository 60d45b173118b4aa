#pragma once
// RFC 3161 signature time stamps (PAdES B-T): asked of a time-stamping authority over
// HTTP, and read back from a signature.

#include <openssl/cms.h>

#include <optional>
#include <string>
#include <string_view>

namespace inovasi::sign {

// The DER TimeStampToken the authority at `url` returns for the SHA-256 of `signed_value`.
// Throws SignError naming the authority when it cannot be reached or refuses.
std::string request_timestamp(const std::string& url, std::string_view signed_value);

struct TimestampFound {
  std::string time;     // as the token states it, ISO 8601 UTC
  bool intact = false;  // the token's own signature holds and it covers this signature value
};

// The signature-time-stamp attribute of a signer, when it has one.
std::optional<TimestampFound> timestamp_of(CMS_SignerInfo* info);

}  // namespace inovasi::sign
