#include "layout/images.h"

#include <fstream>
#include <vector>

namespace inovasi::layout {
namespace {

unsigned read_be(const unsigned char* p, int bytes) {
  unsigned value = 0;
  for (int i = 0; i < bytes; ++i) value = (value << 8) | p[i];
  return value;
}

}  // namespace

ImageInfo read_image_info(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ImageError(path + ": image not found");
  std::vector<unsigned char> head(64 * 1024);
  in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  static constexpr unsigned char kPng[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  if (head.size() >= 24 && std::equal(std::begin(kPng), std::end(kPng), head.begin())) {
    ImageInfo info{ImageInfo::Format::Png, static_cast<int>(read_be(&head[16], 4)),
                   static_cast<int>(read_be(&head[20], 4))};
    if (info.width <= 0 || info.height <= 0 || info.width > 30000 || info.height > 30000) {
      throw ImageError(path + ": PNG with an impossible size");
    }
    return info;
  }
  if (head.size() >= 4 && head[0] == 0xFF && head[1] == 0xD8) {
    // Walk the JPEG segments to the frame header (SOF0..SOF15 except DHT, JPG, DAC).
    std::size_t i = 2;
    while (i + 9 < head.size()) {
      if (head[i] != 0xFF) break;
      unsigned marker = head[i + 1];
      unsigned length = read_be(&head[i + 2], 2);
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        return ImageInfo{ImageInfo::Format::Jpeg, static_cast<int>(read_be(&head[i + 7], 2)),
                         static_cast<int>(read_be(&head[i + 5], 2))};
      }
      i += 2 + length;
    }
    throw ImageError(path + ": JPEG without a readable size");
  }
  throw ImageError(path + ": not a PNG or JPEG image");
}

const ImageInfo& ImageInfoCache::get(const std::string& path) {
  auto it = infos_.find(path);
  if (it == infos_.end()) it = infos_.emplace(path, read_image_info(path)).first;
  return it->second;
}

}  // namespace inovasi::layout
