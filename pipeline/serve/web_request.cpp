#include "serve/web_request.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/URI.h>

#include <algorithm>

namespace inovasi::serve {
namespace {

// The one file of a multipart form, up to the limit; a second file part is read and
// dropped.
class FilePart : public Poco::Net::PartHandler {
 public:
  explicit FilePart(std::size_t limit) : limit_(limit) {}
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    char buffer[65536];
    if (file_) {
      while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
      }
      return;
    }
    file_.emplace();
    std::string disposition, ignored;
    Poco::Net::NameValueCollection params;
    if (header.has("Content-Disposition")) {
      Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition"), disposition, params);
      file_->name = params.get("filename", "").substr(0, 200);
    }
    while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
      auto got = static_cast<std::size_t>(stream.gcount());
      if (file_->bytes.size() + got > limit_) {
        file_->too_large = true;
        file_->bytes.clear();
        while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
        }
        return;
      }
      file_->bytes.append(buffer, got);
    }
  }
  std::optional<UploadedFile> take() { return std::move(file_); }

 private:
  std::size_t limit_;
  std::optional<UploadedFile> file_;
};

std::string first_of(const std::vector<std::pair<std::string, std::string>>& pairs, std::string_view name) {
  for (const auto& [key, value] : pairs) {
    if (key == name) return value;
  }
  return {};
}

}  // namespace

FileType sniff_file_type(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return FileType::Pdf;
  if (bytes.size() >= 4 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xD8 && static_cast<unsigned char>(bytes[2]) == 0xFF) {
    return FileType::Jpeg;
  }
  if (bytes.starts_with("\x89PNG\r\n\x1a\n")) return FileType::Png;
  return FileType::Other;
}

std::string_view file_extension(FileType type) {
  switch (type) {
    case FileType::Pdf:
      return "pdf";
    case FileType::Jpeg:
      return "jpg";
    case FileType::Png:
      return "png";
    case FileType::Other:
      break;
  }
  return "bin";
}

std::string WebRequest::field(std::string_view name) const { return first_of(fields, name); }

std::vector<std::string> WebRequest::all(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : fields) {
    if (key == name) values.push_back(value);
  }
  return values;
}

std::string WebRequest::cookie(std::string_view name) const { return first_of(cookies, name); }

WebRequest read_web_request(Poco::Net::HTTPServerRequest& request, const std::string& path, bool secure,
                            const FormLimits& limits) {
  WebRequest web;
  web.method = request.getMethod();
  web.path = path;
  web.client = request.clientAddress().host().toString();
  web.secure = secure;
  std::string host = request.getHost();
  bool plain_host = !host.empty() && host.size() < 256 && std::all_of(host.begin(), host.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
           c == ':' || c == '[' || c == ']';
  });
  if (plain_host) web.origin = std::string(secure ? "https://" : "http://") + host;
  Poco::Net::NameValueCollection cookies;
  request.getCookies(cookies);
  for (const auto& [name, value] : cookies) web.cookies.emplace_back(name, value);
  try {
    for (auto& [name, value] : Poco::URI(request.getURI()).getQueryParameters()) {
      if (web.fields.size() >= limits.fields || value.size() > limits.value_bytes) break;
      web.fields.emplace_back(std::move(name), std::move(value));
    }
  } catch (const Poco::Exception&) {
    web.malformed = true;
  }
  if (web.method != "POST") return web;
  FilePart part(limits.file_bytes);
  try {
    Poco::Net::HTMLForm form;
    form.setFieldLimit(static_cast<int>(limits.fields));
    form.setValueLengthLimit(static_cast<int>(limits.value_bytes));
    form.load(request, request.stream(), part);
    for (const auto& [name, value] : form) web.fields.emplace_back(name, value);
  } catch (const Poco::Exception&) {
    web.malformed = true;
  }
  web.file = part.take();
  if (web.file && web.file->too_large) web.malformed = false;  // said as "too large", not "malformed"
  return web;
}

}  // namespace inovasi::serve
