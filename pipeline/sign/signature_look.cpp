#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "model/date.h"
#include "model/indonesian.h"
#include "sign/pdf_signer.h"

namespace inovasi::sign {

SignatureLook standard_look(const SigningKey& signer, const SignatureRequest& request, std::string qr_text) {
  std::time_t local = request.time + static_cast<std::time_t>(request.utc_offset_minutes) * 60;
  std::tm parts{};
  gmtime_r(&local, &parts);
  // Indonesia's three zones by name; elsewhere the offset.
  std::string zone;
  switch (request.utc_offset_minutes) {
    case 420:
      zone = "WIB";
      break;
    case 480:
      zone = "WITA";
      break;
    case 540:
      zone = "WIT";
      break;
    default: {
      int minutes = std::abs(request.utc_offset_minutes);
      char text[16];
      std::snprintf(text, sizeof text, "UTC%c%02d.%02d", request.utc_offset_minutes < 0 ? '-' : '+', minutes / 60 % 100,
                    minutes % 60);
      zone = text;
    }
  }
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d.%02d", parts.tm_hour % 100, parts.tm_min % 100);
  SignatureLook look;
  look.lines = {signer.common_name(), "Ditandatangani secara elektronik",
                indonesian::date_long(Date{parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday}) + " pukul " + clock +
                    " " + zone};
  look.qr_text = std::move(qr_text);
  return look;
}

}  // namespace inovasi::sign
