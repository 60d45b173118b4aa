#pragma once
// One request's answer, as a page or handler builds it; the server sends it with the
// security headers every response carries.

#include <Poco/Net/HTTPResponse.h>

#include <string>
#include <vector>

namespace inovasi::serve {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

struct Answer {
  Status status = Poco::Net::HTTPResponse::HTTP_OK;
  std::string type = "text/html; charset=utf-8";
  std::string body;
  std::string location;              // for redirects
  int retry_after = 0;               // for 429 and 503
  bool cacheable = false;            // the stylesheet
  std::string download_name;         // Content-Disposition: attachment; filename=...
  std::vector<std::string> cookies;  // Set-Cookie values
};

inline Answer answer_of(Status status, std::string type, std::string body) {
  Answer answer;
  answer.status = status;
  answer.type = std::move(type);
  answer.body = std::move(body);
  return answer;
}

inline Answer page(Status status, std::string body) {
  return answer_of(status, "text/html; charset=utf-8", std::move(body));
}

inline Answer plain(Status status, const std::string& text) {
  return answer_of(status, "text/plain; charset=utf-8", text + "\n");
}

// 303 See Other: after a form is posted, the browser asks for `location` (so a reload
// does not post again).
inline Answer see_other(std::string location) {
  Answer answer = answer_of(Poco::Net::HTTPResponse::HTTP_SEE_OTHER, "text/plain; charset=utf-8", "");
  answer.location = std::move(location);
  return answer;
}

}  // namespace inovasi::serve
