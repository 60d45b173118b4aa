#pragma once
// The secrets the service hands out: agency links, attendance links, login sessions,
// CSRF tokens and staged imports. Each is 256 random bits from the system, written as
// 43 characters of base64url; the store keeps only a token's SHA-256, so a copy of the
// store opens nothing.

#include <string>
#include <string_view>

namespace inovasi {

inline constexpr std::size_t kSecretTokenLength = 43;

// Throws StoreError when the system's random source cannot be read.
std::string new_secret_token();
// Whether `text` has a token's shape (its length and alphabet): anything else is refused
// before the store is asked.
bool has_secret_token_shape(std::string_view text);
// What the store keeps of a token: its SHA-256 in hex.
std::string secret_token_hash(std::string_view token);

}  // namespace inovasi
