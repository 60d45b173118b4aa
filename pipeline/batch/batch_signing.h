#pragma once
// A batch's documents signed as they are made: one key, one role (the template's
// signature field it fills), one signing time for the run.

#include <memory>
#include <string>

#include "sign/pdf_signer.h"
#include "sign/signing_key.h"

namespace inovasi::batch {

struct BatchSigning {
  std::shared_ptr<const sign::SigningKey> signer;
  // The time, reason, place and time-stamping authority; field_name is the role.
  sign::SignatureRequest request;
  // Who signs as what, in each document's key: a run signed otherwise makes the
  // documents again, the same signer again leaves them alone.
  std::string fingerprint() const;
};

// Signs a document the batch just rendered, in its empty field for the role, with the
// page's own QR code (the first <qr> of `markup`) in the signature's appearance.
std::string sign_rendered(const BatchSigning& signing, std::string_view pdf, const std::string& markup,
                          const std::string& source);

}  // namespace inovasi::batch
