#include "batch/batch_signing.h"

#include <openssl/x509.h>

#include "support/sha256.h"

namespace inovasi::batch {

std::string BatchSigning::fingerprint() const {
  unsigned char* der = nullptr;
  int size = i2d_X509(signer->certificate(), &der);
  std::string certificate = size > 0 ? sha256_hex(std::string_view(reinterpret_cast<char*>(der), size)) : "";
  OPENSSL_free(der);
  return "sign:" + certificate + ":" + request.field_name + ":" + request.reason + ":" + request.location + ":" +
         request.tsa_url;
}

namespace {

// The data of the first <qr data="..."> in the filled markup, its entities decoded.
std::string first_qr_data(const std::string& markup) {
  auto at = markup.find("<qr ");
  if (at == std::string::npos) return {};
  auto data = markup.find("data=\"", at);
  if (data == std::string::npos) return {};
  data += 6;
  auto end = markup.find('"', data);
  if (end == std::string::npos) return {};
  std::string text = markup.substr(data, end - data);
  static const std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string decoded;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    for (const auto& [entity, character] : kEntities) {
      if (text.compare(i, entity.size(), entity) == 0) {
        c = character;
        i += entity.size() - 1;
        break;
      }
    }
    decoded += c;
  }
  return decoded;
}

}  // namespace

std::string sign_rendered(const BatchSigning& signing, std::string_view pdf, const std::string& markup,
                          const std::string& source) {
  sign::SignatureRequest request = signing.request;
  request.field_must_exist = true;
  request.look = sign::standard_look(*signing.signer, request, first_qr_data(markup));
  return sign::sign_pdf(pdf, source, *signing.signer, request).bytes;
}

}  // namespace inovasi::batch
