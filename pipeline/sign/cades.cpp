#include "sign/cades.h"

#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include "sign/timestamp.h"

namespace inovasi::sign {
namespace {

std::string der_length(std::size_t length) {
  if (length < 0x80) return std::string(1, static_cast<char>(length));
  std::string bytes;
  for (std::size_t rest = length; rest > 0; rest >>= 8) bytes.insert(bytes.begin(), static_cast<char>(rest & 0xff));
  return std::string(1, static_cast<char>(0x80 | bytes.size())) + bytes;
}

// The signed attributes as the signature covers them: a DER SET OF (tag 0x31), its
// members sorted by their encodings, as OpenSSL also orders them when it writes the
// SignerInfo (RFC 5652 5.4).
std::string signed_attributes_der(CMS_SignerInfo* info) {
  std::vector<std::string> members;
  for (int i = 0; i < CMS_signed_get_attr_count(info); ++i) {
    X509_ATTRIBUTE* attribute = CMS_signed_get_attr(info, i);
    unsigned char* encoded = nullptr;
    int size = i2d_X509_ATTRIBUTE(attribute, &encoded);
    if (size <= 0) throw SignError("cannot encode a signed attribute: " + openssl_errors());
    members.emplace_back(reinterpret_cast<char*>(encoded), static_cast<std::size_t>(size));
    OPENSSL_free(encoded);
  }
  std::sort(members.begin(), members.end(), [](const std::string& a, const std::string& b) {
    int order = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
    return order != 0 ? order < 0 : a.size() < b.size();
  });
  std::string body;
  for (const auto& member : members) body += member;
  return "\x31" + der_length(body.size()) + body;
}

std::string sign_bytes(EVP_PKEY* key, const std::string& bytes) {
  DigestContext context(EVP_MD_CTX_new());
  std::size_t size = 0;
  if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
      EVP_DigestSign(context.get(), nullptr, &size, reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size()) != 1) {
    throw SignError("cannot sign with the key: " + openssl_errors());
  }
  std::string signature(size, '\0');
  if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                     reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()) != 1) {
    throw SignError("cannot sign with the key: " + openssl_errors());
  }
  signature.resize(size);
  return signature;
}

std::string der_of(CMS_ContentInfo* cms) {
  unsigned char* encoded = nullptr;
  int size = i2d_CMS_ContentInfo(cms, &encoded);
  if (size <= 0) throw SignError("cannot encode the signature: " + openssl_errors());
  std::string der(reinterpret_cast<char*>(encoded), static_cast<std::size_t>(size));
  OPENSSL_free(encoded);
  return der;
}

}  // namespace

std::string cades_signature(const SigningKey& signer, std::string_view digest, const std::string& tsa_url) {
  if (digest.size() != 32) throw std::logic_error("cades_signature takes a SHA-256 digest");
  CmsContent cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, CMS_PARTIAL | CMS_DETACHED | CMS_BINARY));
  if (!cms) throw SignError("cannot start a CMS signature: " + openssl_errors());
  // Signed attributes are made here, not by CMS_final: OpenSSL would add a signing-time
  // attribute, which PAdES forbids (the time is the dictionary's /M).
  CMS_SignerInfo* info = CMS_add1_signer(cms.get(), signer.certificate(), signer.key(), EVP_sha256(),
                                         CMS_PARTIAL | CMS_BINARY | CMS_NOSMIMECAP | CMS_CADES);
  if (!info) throw SignError("cannot add the signer: " + openssl_errors());
  for (int i = 0; i < sk_X509_num(signer.chain()); ++i) {
    if (!CMS_add1_cert(cms.get(), sk_X509_value(signer.chain(), i))) {
      throw SignError("cannot add a chain certificate: " + openssl_errors());
    }
  }
  if (!CMS_signed_add1_attr_by_NID(info, NID_pkcs9_contentType, V_ASN1_OBJECT, OBJ_nid2obj(NID_pkcs7_data), -1) ||
      !CMS_signed_add1_attr_by_NID(info, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, digest.data(),
                                   static_cast<int>(digest.size()))) {
    throw SignError("cannot add the signed attributes: " + openssl_errors());
  }
  std::string value = sign_bytes(signer.key(), signed_attributes_der(info));
  if (!ASN1_STRING_set(CMS_SignerInfo_get0_signature(info), value.data(), static_cast<int>(value.size()))) {
    throw SignError("cannot set the signature value: " + openssl_errors());
  }
  if (!tsa_url.empty()) {
    std::string token = request_timestamp(tsa_url, value);
    // The token (a ContentInfo) is the attribute's one value (RFC 3161 appendix A).
    bool added = CMS_unsigned_add1_attr_by_NID(info, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, token.data(),
                                               static_cast<int>(token.size())) == 1;
    if (!added) throw SignError("cannot add the time stamp: " + openssl_errors());
  }
  return der_of(cms.get());
}

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Loads a PEM (one or more certificates) or DER certificate file into the store.
bool add_trusted(X509_STORE* store, const std::string& path) {
  std::string bytes = read_all(path);
  Bio in(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
  int added = 0;
  while (X509* certificate = PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr)) {
    added += X509_STORE_add_cert(store, certificate);
    X509_free(certificate);
  }
  ERR_clear_error();
  if (added == 0) {
    const auto* cursor = reinterpret_cast<const unsigned char*>(bytes.data());
    Certificate der(d2i_X509(nullptr, &cursor, static_cast<long>(bytes.size())));
    if (der) added = X509_STORE_add_cert(store, der.get());
    ERR_clear_error();
  }
  return added > 0;
}

std::string serial_text(X509* certificate) {
  BIGNUM* number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr);
  char* hex = BN_bn2hex(number);
  std::string text = hex ? hex : "";
  OPENSSL_free(hex);
  BN_free(number);
  return text;
}

}  // namespace

CmsCheck check_cades(std::string_view cms_der, std::string_view signed_bytes,
                     const std::vector<std::string>& trust_files, std::time_t at) {
  CmsCheck check;
  const auto* cursor = reinterpret_cast<const unsigned char*>(cms_der.data());
  CmsContent cms(d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(cms_der.size())));
  if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
    ERR_clear_error();
    check.problem = "the signature value is not a CMS SignedData";
    return check;
  }
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
  if (sk_CMS_SignerInfo_num(infos) != 1) {
    check.problem = "the signature holds " + std::to_string(sk_CMS_SignerInfo_num(infos)) + " signers, not one";
    return check;
  }
  // The bytes behind a pass-through filter, not as a memory BIO: CMS_verify copies a
  // memory BIO into one of its own and, when the SignedData names a digest it cannot
  // make, returns without freeing that copy (OpenSSL 3.0 to today; found by fuzzing).
  Bio bytes(BIO_new_mem_buf(signed_bytes.data(), static_cast<int>(signed_bytes.size())));
  Bio content(BIO_new(BIO_f_null()));
  if (!bytes || !content) {
    check.problem = "out of memory reading the signed bytes";
    return check;
  }
  BIO_push(content.get(), bytes.release());
  // Integrity first, the chain on its own below: an untrusted signer's bytes can still
  // be intact, and the report says both.
  check.intact =
      CMS_verify(cms.get(), nullptr, nullptr, content.get(), nullptr, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) == 1;
  if (!check.intact) check.problem = "the signed bytes or the signature value were changed (" + openssl_errors() + ")";
  ERR_clear_error();
  CMS_SignerInfo* info = sk_CMS_SignerInfo_value(infos, 0);
  X509* signer = nullptr;
  STACK_OF(X509)* certificates = CMS_get1_certs(cms.get());
  CertificateStack owned(certificates ? certificates : sk_X509_new_null());
  for (int i = 0; i < sk_X509_num(owned.get()); ++i) {
    if (CMS_SignerInfo_cert_cmp(info, sk_X509_value(owned.get(), i)) == 0) signer = sk_X509_value(owned.get(), i);
  }
  if (!signer) {
    check.intact = false;
    check.problem = "the signature does not carry the signer's certificate";
    return check;
  }
  check.signer_name = common_name(signer);
  check.signer_subject = name_text(X509_get_subject_name(signer));
  check.signer_issuer = name_text(X509_get_issuer_name(signer));
  check.signer_serial = serial_text(signer);
  if (auto stamp = timestamp_of(info)) {
    check.timestamp = stamp->time;
    check.timestamp_intact = stamp->intact;
  }
  if (!trust_files.empty()) {
    CertificateStore store(X509_STORE_new());
    for (const auto& file : trust_files) add_trusted(store.get(), file);
    StoreContext context(X509_STORE_CTX_new());
    X509_STORE_CTX_init(context.get(), store.get(), signer, owned.get());
    // The chain as it stood when the document was signed, not today.
    X509_STORE_CTX_set_time(context.get(), 0, at);
    if (X509_verify_cert(context.get()) == 1) {
      check.chain = "trusted";
    } else {
      check.chain =
          std::string("not trusted: ") + X509_verify_cert_error_string(X509_STORE_CTX_get_error(context.get()));
    }
    ERR_clear_error();
  }
  return check;
}

}  // namespace inovasi::sign
