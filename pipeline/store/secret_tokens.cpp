#include "store/secret_tokens.h"

#include <sys/random.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "store/sqlite.h"
#include "support/sha256.h"

namespace inovasi {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

}  // namespace

std::string new_secret_token() {
  std::array<unsigned char, 32> bytes{};
  std::size_t filled = 0;
  while (filled < bytes.size()) {
    ssize_t got = getrandom(bytes.data() + filled, bytes.size() - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw StoreError(std::string("cannot read the system's random source: ") + std::strerror(errno));
    }
    filled += static_cast<std::size_t>(got);
  }
  std::string token;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      token += kAlphabet[(buffer >> bits) & 0x3F];
    }
  }
  if (bits > 0) token += kAlphabet[(buffer << (6 - bits)) & 0x3F];
  return token;
}

bool has_secret_token_shape(std::string_view text) {
  return text.size() == kSecretTokenLength &&
         std::all_of(text.begin(), text.end(), [](char c) { return kAlphabet.find(c) != std::string_view::npos; });
}

std::string secret_token_hash(std::string_view token) { return sha256_hex(token); }

}  // namespace inovasi
