#pragma once
// Text styles as the layout sees them. A family name is resolved to font files by the
// measurer (the font manifest), so layout never touches files.

#include <compare>
#include <string>

namespace inovasi::layout {

enum class Align { Left, Center, Right, Justify };

struct FaceKey {
  std::string family = "serif";
  bool bold = false;
  bool italic = false;
  auto operator<=>(const FaceKey&) const = default;
};

struct TextStyle {
  FaceKey face;
  double size = 12;
  bool underline = false;
  bool operator==(const TextStyle&) const = default;
};

}  // namespace inovasi::layout
