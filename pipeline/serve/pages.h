#pragma once
// The public pages, from the Mustache templates in templates/web/ (read once, at start):
// every value is HTML-escaped by the template ({{...}}), so a name like `<script>` shows as
// text. The JSON form says the same for machines.

#include <kainjow/mustache.hpp>

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "serve/verification.h"

namespace inovasi::serve {

// How an uploaded file compares with the issued one. SignedAfter: the issued file with
// only electronic signatures added since, each of them whole; SignatureBroken: the
// same, but a signature does not hold; ChangedAfter: the issued file, then changed.
enum class UploadCheck { Identical, SignedAfter, SignatureBroken, ChangedAfter, Different, NotPdf };

// One electronic signature in an uploaded file, as the page states it.
struct UploadedSignature {
  std::string signer;  // the certificate's common name
  std::string time;    // "24 Februari 2026 pukul 09.00 +07:00"
  bool holds = false;  // intact, and nothing but signatures after it
  std::string chain;   // "trusted", why not, or empty when no trust store was given
};

struct UploadResult {
  UploadCheck check = UploadCheck::Different;
  std::vector<UploadedSignature> signatures;
};

class Pages {
 public:
  // Throws LocatedError (Template) when a template is missing or not valid Mustache.
  explicit Pages(const std::filesystem::path& folder);

  std::string landing(const Region& region, const std::string& error = {}) const;
  // `address`: the page's own path ("/verifikasi/K7Q2M9X4TB"); `typed`: the code as asked for.
  std::string verification(const Region& region, const Verification& found, const std::string& address,
                           const std::string& typed, const std::optional<UploadResult>& upload = std::nullopt) const;
  const std::string& stylesheet() const { return stylesheet_; }

  // A template parsed once and rendered by many threads: kainjow's render changes the
  // parsed template's state, so each render borrows a parsed copy of its own.
  class Template {
   public:
    explicit Template(std::string text) : text_(std::move(text)) {}
    std::string render(const kainjow::mustache::data& data) const;

   private:
    std::string text_;
    mutable std::mutex mutex_;
    mutable std::vector<std::unique_ptr<kainjow::mustache::mustache>> free_;
  };

 private:
  std::unique_ptr<Template> landing_, verification_;
  std::string stylesheet_;
};

std::string verification_json(const Region& region, const Verification& found);

// "2026-03-09" as "9 Maret 2026" (the text itself when it is not a date).
std::string long_date(std::string_view iso);
// A Mustache truth value.
inline kainjow::mustache::data flag(bool value) {
  return value ? kainjow::mustache::data::type::bool_true : kainjow::mustache::data::type::bool_false;
}

// A page template's text, checked as Mustache. Throws LocatedError (Template) naming the
// file when it cannot be read or parsed.
std::string read_page_template(const std::filesystem::path& path);

}  // namespace inovasi::serve
