#include "sign/timestamp.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/URI.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ts.h>

#include <cstring>
#include <memory>
#include <sstream>

#include "sign/signing_key.h"

namespace inovasi::sign {
namespace {

using TimestampRequest = std::unique_ptr<TS_REQ, OpenSslFree<TS_REQ_free>>;
using TimestampResponse = std::unique_ptr<TS_RESP, OpenSslFree<TS_RESP_free>>;
using TimestampVerify = std::unique_ptr<TS_VERIFY_CTX, OpenSslFree<TS_VERIFY_CTX_free>>;
using TstInfo = std::unique_ptr<TS_TST_INFO, OpenSslFree<TS_TST_INFO_free>>;
using Pkcs7 = std::unique_ptr<PKCS7, OpenSslFree<PKCS7_free>>;

std::string sha256(std::string_view bytes) {
  unsigned char digest[32];
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<char*>(digest), size);
}

TimestampRequest make_request(std::string_view signed_value) {
  TimestampRequest request(TS_REQ_new());
  std::unique_ptr<TS_MSG_IMPRINT, OpenSslFree<TS_MSG_IMPRINT_free>> imprint(TS_MSG_IMPRINT_new());
  std::unique_ptr<X509_ALGOR, OpenSslFree<X509_ALGOR_free>> algorithm(X509_ALGOR_new());
  X509_ALGOR_set0(algorithm.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr);
  std::string digest = sha256(signed_value);
  std::unique_ptr<ASN1_INTEGER, OpenSslFree<ASN1_INTEGER_free>> nonce(ASN1_INTEGER_new());
  unsigned char random[8];
  RAND_bytes(random, sizeof random);
  random[0] &= 0x7f;
  std::unique_ptr<BIGNUM, OpenSslFree<BN_free>> number(BN_bin2bn(random, sizeof random, nullptr));
  BN_to_ASN1_INTEGER(number.get(), nonce.get());
  if (!TS_REQ_set_version(request.get(), 1) || !TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) ||
      !TS_MSG_IMPRINT_set_msg(imprint.get(), reinterpret_cast<unsigned char*>(digest.data()),
                              static_cast<int>(digest.size())) ||
      !TS_REQ_set_msg_imprint(request.get(), imprint.get()) || !TS_REQ_set_nonce(request.get(), nonce.get()) ||
      !TS_REQ_set_cert_req(request.get(), 1)) {
    throw SignError("cannot make the time-stamp request: " + openssl_errors());
  }
  return request;
}

std::string post(const std::string& url, const std::string& body) {
  Poco::URI uri(url);
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  if (uri.getScheme() == "https") {
    // The system's certificate authorities vouch for the authority's server.
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", "",
                                                             Poco::Net::Context::VERIFY_RELAXED, 9, true);
    session = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), context);
  } else if (uri.getScheme() == "http") {
    session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
  } else {
    throw SignError("--tsa " + url + ": the time-stamping authority's address must start with http:// or https://");
  }
  session->setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST,
                                 uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery(),
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType("application/timestamp-query");
  request.setContentLength(static_cast<std::streamsize>(body.size()));
  session->sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session->receiveResponse(response);
  std::ostringstream answer;
  answer << in.rdbuf();
  if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) {
    throw SignError("the time-stamping authority " + url + " answered " + std::to_string(response.getStatus()) + " " +
                    response.getReason());
  }
  return answer.str();
}

}  // namespace

std::string request_timestamp(const std::string& url, std::string_view signed_value) {
  TimestampRequest request = make_request(signed_value);
  unsigned char* encoded = nullptr;
  int size = i2d_TS_REQ(request.get(), &encoded);
  std::string body(reinterpret_cast<char*>(encoded), static_cast<std::size_t>(size));
  OPENSSL_free(encoded);
  std::string answer;
  try {
    answer = post(url, body);
  } catch (const Poco::Exception& e) {
    throw SignError("cannot reach the time-stamping authority " + url + ": " + e.displayText());
  }
  const auto* cursor = reinterpret_cast<const unsigned char*>(answer.data());
  TimestampResponse response(d2i_TS_RESP(nullptr, &cursor, static_cast<long>(answer.size())));
  if (!response) throw SignError("the time-stamping authority " + url + " sent something that is not a time stamp");
  // The answer must be for this request: granted, the same digest, the same nonce.
  TimestampVerify verify(TS_REQ_to_TS_VERIFY_CTX(request.get(), nullptr));
  if (!verify || TS_RESP_verify_response(verify.get(), response.get()) != 1) {
    throw SignError("the time-stamping authority " + url + " refused or answered another request: " + openssl_errors());
  }
  PKCS7* token = TS_RESP_get_token(response.get());
  encoded = nullptr;
  size = i2d_PKCS7(token, &encoded);
  if (size <= 0) throw SignError("cannot encode the time-stamp token: " + openssl_errors());
  std::string der(reinterpret_cast<char*>(encoded), static_cast<std::size_t>(size));
  OPENSSL_free(encoded);
  return der;
}

std::optional<TimestampFound> timestamp_of(CMS_SignerInfo* info) {
  int at = CMS_unsigned_get_attr_by_NID(info, NID_id_smime_aa_timeStampToken, -1);
  if (at < 0) return std::nullopt;
  TimestampFound found;
  ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(info, at), 0);
  if (!value || value->type != V_ASN1_SEQUENCE) return found;
  const unsigned char* cursor = value->value.sequence->data;
  Pkcs7 token(d2i_PKCS7(nullptr, &cursor, value->value.sequence->length));
  if (!token) {
    ERR_clear_error();
    return found;
  }
  TstInfo tst(PKCS7_to_TS_TST_INFO(token.get()));
  if (!tst) {
    ERR_clear_error();
    return found;
  }
  const ASN1_GENERALIZEDTIME* time = TS_TST_INFO_get_time(tst.get());
  Bio out(BIO_new(BIO_s_mem()));
  ASN1_TIME_print_ex(out.get(), time, ASN1_DTFLGS_ISO8601);
  char* text = nullptr;
  long length = BIO_get_mem_data(out.get(), &text);
  found.time.assign(text, static_cast<std::size_t>(length));
  // It must cover this signature value, and its own signature must hold.
  ASN1_OCTET_STRING* imprint = TS_MSG_IMPRINT_get_msg(TS_TST_INFO_get_msg_imprint(tst.get()));
  const ASN1_OCTET_STRING* signature = CMS_SignerInfo_get0_signature(info);
  std::string expected = sha256(std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(signature)),
                                                 static_cast<std::size_t>(ASN1_STRING_length(signature))));
  bool covers = ASN1_STRING_length(imprint) == static_cast<int>(expected.size()) &&
                std::memcmp(ASN1_STRING_get0_data(imprint), expected.data(), expected.size()) == 0;
  Bio sink(BIO_new(BIO_s_null()));
  bool holds = PKCS7_verify(token.get(), nullptr, nullptr, nullptr, sink.get(), PKCS7_NOVERIFY) == 1;
  ERR_clear_error();
  found.intact = covers && holds;
  return found;
}

}  // namespace inovasi::sign
