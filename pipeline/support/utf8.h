#pragma once
// UTF-8 one code point at a time: what line breaking, the PDF writer and the text
// encodings read and write.

#include <cstddef>
#include <string>
#include <string_view>

namespace inovasi {

// Decodes one code point at `i` and advances `i` past it. Invalid bytes give U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& i);
void append_utf8(std::string& out, char32_t code_point);

}  // namespace inovasi
