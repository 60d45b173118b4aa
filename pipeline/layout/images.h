#pragma once
// Image files: the pixel size read from the PNG or JPEG header, so layout can scale
// without loading pixels; a file that is neither is an error naming the path.

#include <map>
#include <stdexcept>
#include <string>

#include "support/located_error.h"

namespace inovasi::layout {

// An image a template draws cannot be read.
class ImageError : public LocatedError {
 public:
  explicit ImageError(const std::string& message) : LocatedError(ErrorKind::Template, message) {}
  ImageError(ErrorPlace place, const std::string& message)
      : LocatedError(ErrorKind::Template, std::move(place), message) {}
};

struct ImageInfo {
  enum class Format { Png, Jpeg } format = Format::Png;
  int width = 0;
  int height = 0;
};

ImageInfo read_image_info(const std::string& path);

// Reads each file once per document.
class ImageInfoCache {
 public:
  const ImageInfo& get(const std::string& path);

 private:
  std::map<std::string, ImageInfo> infos_;
};

}  // namespace inovasi::layout
