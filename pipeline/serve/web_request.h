#pragma once
// A request to the private pages as they read it: method, path, cookies, and the form's
// fields (from the query of a GET, the body of a POST: URL-encoded or multipart, bounded
// in fields and sizes) with at most one uploaded file, held in memory for the request.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Poco::Net {
class HTTPServerRequest;
}

namespace inovasi::serve {

// What an upload is by its content (never its name or declared type).
enum class FileType { Pdf, Jpeg, Png, Other };
FileType sniff_file_type(std::string_view bytes);
std::string_view file_extension(FileType type);  // "pdf", "jpg", "png"

struct UploadedFile {
  std::string name;  // as the browser sent it, for messages only
  std::string bytes;
  bool too_large = false;
};

struct WebRequest {
  std::string method;
  std::string path;
  std::string client;   // the peer's address
  bool secure = false;  // came over TLS
  std::string origin;   // "http://host:port" from the Host header when it is a plain host name, else ""
  std::vector<std::pair<std::string, std::string>> cookies;
  std::vector<std::pair<std::string, std::string>> fields;  // query, then body
  std::optional<UploadedFile> file;
  bool malformed = false;  // the body could not be read as a form

  // The first value of a field ("" when absent), a cookie's value likewise.
  std::string field(std::string_view name) const;
  std::vector<std::string> all(std::string_view name) const;
  std::string cookie(std::string_view name) const;
};

struct FormLimits {
  std::size_t fields = 64;
  std::size_t value_bytes = 64 << 10;
  std::size_t file_bytes = 20 << 20;
};

// Reads the request's query and (for a POST) its body. `path` is the decoded path the
// server routed by.
WebRequest read_web_request(Poco::Net::HTTPServerRequest& request, const std::string& path, bool secure,
                            const FormLimits& limits);

}  // namespace inovasi::serve
