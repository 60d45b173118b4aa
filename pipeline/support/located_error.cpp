#include "support/located_error.h"

namespace inovasi {

std::string ErrorPlace::describe() const {
  std::string text = file;
  if (!cell.empty()) text += (text.empty() ? "" : ":") + cell;
  if (line > 0) {
    text += ":" + std::to_string(line);
    if (column > 0) text += ":" + std::to_string(column);
  }
  if (!field.empty()) text += (text.empty() ? "" : ": ") + field;
  return text;
}

namespace {

std::string with_place(const ErrorPlace& place, const std::string& message) {
  std::string where = place.describe();
  return where.empty() ? message : where + ": " + message;
}

}  // namespace

LocatedError::LocatedError(ErrorKind kind, ErrorPlace place, const std::string& message)
    : std::runtime_error(with_place(place, message)), kind_(kind), place_(std::move(place)), message_(message) {}

}  // namespace inovasi
