#include "batch/batch_signing.h"

#include <openssl/x509.h>

#include "layout/markup.h"
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

// The data of the first <qr> in the filled markup: that element read by the markup
// parser, which decodes its entities as the page's own QR code was decoded.
std::string first_qr_data(const std::string& markup, const std::string& source) {
  auto at = markup.find("<qr ");
  if (at == std::string::npos) return {};
  auto end = markup.find('>', at);  // values are escaped: a '>' in one is &gt;
  if (end == std::string::npos) return {};
  std::string element = markup.substr(at, end + 1 - at);
  if (!element.ends_with("/>")) element += "</qr>";
  auto fragment = layout::parse_markup(element, source, {false, true});
  for (const auto& child : fragment.children) {
    if (const auto* data = child.attribute("data")) return *data;
  }
  return {};
}

}  // namespace

std::string sign_rendered(const BatchSigning& signing, std::string_view pdf, const std::string& markup,
                          const std::string& source) {
  sign::SignatureRequest request = signing.request;
  request.field_must_exist = true;
  request.look = sign::standard_look(*signing.signer, request, first_qr_data(markup, source));
  return sign::sign_pdf(pdf, source, *signing.signer, request).bytes;
}

}  // namespace inovasi::batch
