#pragma once
// A signer's key and certificate, from a PKCS#12 file: checked, before anything is
// signed, for what would make a signature worthless (expired, not yet valid, a
// certificate not meant for signing, a key that is not the certificate's).

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "sign/openssl_handles.h"
#include "support/located_error.h"

namespace inovasi::sign {

class SignError : public LocatedError {
 public:
  explicit SignError(const std::string& message) : LocatedError(ErrorKind::Data, message) {}
  SignError(ErrorPlace place, const std::string& message) : LocatedError(ErrorKind::Data, std::move(place), message) {}
};

// A passphrase that wipes itself when it goes.
class Passphrase {
 public:
  Passphrase() = default;
  explicit Passphrase(std::string text) : text_(std::move(text)) {}
  Passphrase(Passphrase&& other) noexcept : text_(std::move(other.text_)) { other.wipe(); }
  Passphrase& operator=(Passphrase&&) = delete;
  Passphrase(const Passphrase&) = delete;
  ~Passphrase() { wipe(); }
  const std::string& text() const { return text_; }

 private:
  void wipe();
  std::string text_;
};

class SigningKey {
 public:
  // Reads the PKCS#12 file and checks the certificate is usable for signing at `when`.
  static SigningKey load(const std::filesystem::path& p12, const Passphrase& passphrase, std::time_t when);
  // A fresh RSA-2048 key with a self-signed certificate for `common_name`, valid from a
  // day before `when` for a year: for benchmarks and tests, never for documents.
  static SigningKey throwaway(const std::string& common_name, std::time_t when);

  EVP_PKEY* key() const { return key_.get(); }
  X509* certificate() const { return certificate_.get(); }
  // The certificates above the signer's that the file carries (may be none).
  STACK_OF(X509) * chain() const { return chain_.get(); }
  std::string subject() const;
  // The certificate's common name (CN), else its whole subject.
  std::string common_name() const;

 private:
  PrivateKey key_;
  Certificate certificate_;
  CertificateStack chain_;
};

// "CN=..., O=..., C=ID": a certificate name as people read it.
std::string name_text(const X509_NAME* name);
// The certificate's common name (CN), else its whole subject.
std::string common_name(X509* certificate);

}  // namespace inovasi::sign
