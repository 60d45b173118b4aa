#pragma once
// libharu crashes (rather than failing) on files that are not TrueType fonts, so every
// font file is checked here first: the sfnt header, a table directory that lies inside
// the file, and the tables libharu reads.

#include <string>
#include <string_view>

namespace inovasi::pdf {

// Empty when the file's bytes are usable; otherwise why not.
std::string truetype_problem(std::string_view file);

}  // namespace inovasi::pdf
