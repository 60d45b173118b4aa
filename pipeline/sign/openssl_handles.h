#pragma once
// Owning handles for the OpenSSL objects the signing code holds: each freed by its own
// OpenSSL function when the handle goes, whatever path the code takes out.

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <memory>
#include <string>

namespace inovasi::sign {

template <auto Free>
struct OpenSslFree {
  template <typename T>
  void operator()(T* pointer) const {
    Free(pointer);
  }
};

using PrivateKey = std::unique_ptr<EVP_PKEY, OpenSslFree<EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, OpenSslFree<X509_free>>;
inline void free_certificates(STACK_OF(X509) * stack) { sk_X509_pop_free(stack, X509_free); }
using CertificateStack = std::unique_ptr<STACK_OF(X509), OpenSslFree<free_certificates>>;
using Bio = std::unique_ptr<BIO, OpenSslFree<BIO_free_all>>;
using Pkcs12 = std::unique_ptr<PKCS12, OpenSslFree<PKCS12_free>>;
using CmsContent = std::unique_ptr<CMS_ContentInfo, OpenSslFree<CMS_ContentInfo_free>>;
using CertificateStore = std::unique_ptr<X509_STORE, OpenSslFree<X509_STORE_free>>;
using StoreContext = std::unique_ptr<X509_STORE_CTX, OpenSslFree<X509_STORE_CTX_free>>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, OpenSslFree<EVP_MD_CTX_free>>;

// OpenSSL's error queue as one line (and emptied): what a refusal quotes.
std::string openssl_errors();

}  // namespace inovasi::sign
