#pragma once
// SHA-256 (OpenSSL), whole or fed in pieces: document keys, the manifest's file digests,
// and the print file's test of which objects its volumes share.

#include <memory>
#include <string>
#include <string_view>

namespace inovasi {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  // The 32-byte digest; the hash cannot be fed after.
  std::string digest();
  // The same as 64 lowercase hex digits.
  std::string hex_digest();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace inovasi
