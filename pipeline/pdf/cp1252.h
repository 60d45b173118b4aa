#pragma once
// Windows-1252, the single-byte encoding that Indonesian text almost always fits and
// that libharu draws fastest and smallest. A document uses it when all its text fits.

#include <optional>
#include <string>
#include <string_view>

namespace inovasi::pdf {

std::optional<unsigned char> cp1252_byte(char32_t code_point);
// Whether every character has a CP1252 byte.
bool fits_cp1252(std::string_view utf8);
// nullopt when some character has no CP1252 byte.
std::optional<std::string> to_cp1252(std::string_view utf8);
// Characters without a byte become '?': for bookmark titles and metadata.
std::string to_cp1252_lossy(std::string_view utf8);

}  // namespace inovasi::pdf
