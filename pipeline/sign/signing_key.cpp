#include "sign/signing_key.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <sstream>

namespace inovasi::sign {

std::string openssl_errors() {
  std::string text;
  while (unsigned long code = ERR_get_error()) {
    char line[256];
    ERR_error_string_n(code, line, sizeof line);
    if (!text.empty()) text += "; ";
    text += line;
  }
  return text;
}

void Passphrase::wipe() {
  if (!text_.empty()) OPENSSL_cleanse(text_.data(), text_.size());
  text_.clear();
}

std::string name_text(const X509_NAME* name) {
  Bio out(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(out.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  long size = BIO_get_mem_data(out.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

std::string SigningKey::subject() const { return name_text(X509_get_subject_name(certificate_.get())); }

std::string common_name(X509* certificate) {
  X509_NAME* name = X509_get_subject_name(certificate);
  int at = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
  if (at < 0) return name_text(name);
  unsigned char* text = nullptr;
  int size = ASN1_STRING_to_UTF8(&text, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, at)));
  if (size < 0) return name_text(name);
  std::string cn(reinterpret_cast<char*>(text), static_cast<std::size_t>(size));
  OPENSSL_free(text);
  return cn;
}

std::string SigningKey::common_name() const { return sign::common_name(certificate_.get()); }

namespace {

std::string time_text(const ASN1_TIME* time) {
  Bio out(BIO_new(BIO_s_mem()));
  ASN1_TIME_print_ex(out.get(), time, ASN1_DTFLGS_ISO8601);
  char* data = nullptr;
  long size = BIO_get_mem_data(out.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

// Whether the certificate may sign documents: with a key usage extension, it must allow
// digital signature or non-repudiation (content commitment).
bool meant_for_signing(X509* certificate) {
  if (!(X509_get_extension_flags(certificate) & EXFLAG_KUSAGE)) return true;
  return (X509_get_key_usage(certificate) & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) != 0;
}

}  // namespace

SigningKey SigningKey::load(const std::filesystem::path& p12, const Passphrase& passphrase, std::time_t when) {
  ErrorPlace place{p12.string(), 0, 0, {}, {}};
  std::ifstream in(p12, std::ios::binary);
  if (!in) throw SignError(place, "cannot read the PKCS#12 file");
  std::ostringstream read;
  read << in.rdbuf();
  std::string bytes = read.str();
  const auto* cursor = reinterpret_cast<const unsigned char*>(bytes.data());
  Pkcs12 file(d2i_PKCS12(nullptr, &cursor, static_cast<long>(bytes.size())));
  if (!file) {
    ERR_clear_error();
    throw SignError(place, "not a PKCS#12 file (.p12/.pfx)");
  }
  if (!PKCS12_verify_mac(file.get(), passphrase.text().c_str(), static_cast<int>(passphrase.text().size()))) {
    ERR_clear_error();
    throw SignError(place, "wrong passphrase for the PKCS#12 file");
  }
  EVP_PKEY* key = nullptr;
  X509* certificate = nullptr;
  STACK_OF(X509)* chain = nullptr;
  if (!PKCS12_parse(file.get(), passphrase.text().c_str(), &key, &certificate, &chain)) {
    std::string why = openssl_errors();
    throw SignError(place, "cannot open the PKCS#12 file: " + why);
  }
  SigningKey loaded;
  loaded.key_.reset(key);
  loaded.certificate_.reset(certificate);
  loaded.chain_.reset(chain ? chain : sk_X509_new_null());
  if (!loaded.key_) throw SignError(place, "the PKCS#12 file holds no private key");
  if (!loaded.certificate_) throw SignError(place, "the PKCS#12 file holds no certificate for its key");
  if (X509_check_private_key(loaded.certificate_.get(), loaded.key_.get()) != 1) {
    ERR_clear_error();
    throw SignError(place, "the private key is not the certificate's");
  }
  X509* cert = loaded.certificate_.get();
  std::string who = loaded.subject();
  if (X509_cmp_time(X509_get0_notBefore(cert), &when) > 0) {
    throw SignError(place, "the certificate of " + who + " is not valid until " + time_text(X509_get0_notBefore(cert)) +
                               ": nothing signed");
  }
  if (X509_cmp_time(X509_get0_notAfter(cert), &when) < 0) {
    throw SignError(
        place, "the certificate of " + who + " expired on " + time_text(X509_get0_notAfter(cert)) + ": nothing signed");
  }
  if (!meant_for_signing(cert)) {
    throw SignError(place, "the certificate of " + who +
                               " is not meant for signing (its key usage allows neither digital signature nor "
                               "non-repudiation): nothing signed");
  }
  return loaded;
}

SigningKey SigningKey::throwaway(const std::string& common_name, std::time_t when) {
  SigningKey made;
  made.key_.reset(EVP_RSA_gen(2048));
  made.certificate_.reset(X509_new());
  made.chain_.reset(sk_X509_new_null());
  X509* cert = made.certificate_.get();
  if (!made.key_ || !cert) throw SignError("cannot make a throwaway key: " + openssl_errors());
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_time_adj_ex(X509_getm_notBefore(cert), -1, 0, &when);
  X509_time_adj_ex(X509_getm_notAfter(cert), 365, 0, &when);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "C", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("ID"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(common_name.c_str()), -1,
                             -1, 0);
  X509_set_issuer_name(cert, name);
  X509_set_pubkey(cert, made.key_.get());
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* usage =
      X509V3_EXT_conf_nid(nullptr, &context, NID_key_usage, "critical,digitalSignature,nonRepudiation");
  X509_add_ext(cert, usage, -1);
  X509_EXTENSION_free(usage);
  if (!X509_sign(cert, made.key_.get(), EVP_sha256()))
    throw SignError("cannot make a throwaway key: " + openssl_errors());
  return made;
}

}  // namespace inovasi::sign
