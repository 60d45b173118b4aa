#pragma once
// libharu crashes (rather than failing) on files that are not TrueType fonts, so every
// font file is checked here first: the sfnt header, a table directory that lies inside
// the file, and the tables libharu reads.

#include <string>
#include <string_view>

namespace inovasi::pdf {

// Empty when the file's bytes are usable; otherwise why not.
std::string truetype_problem(std::string_view file);

// libharu 2.3.0 always writes 'cvt ', 'fpgm' and 'prep' into the embedded font, empty
// when the font lacks them (fonts cut without hinting do), and then fails to save the
// document ("libharu error 0x1033") whenever the font data before an empty last table
// ends exactly on its 4,096-byte buffer boundary: about one document in six hundred,
// depending on which glyphs it uses. A font lacking them gets tiny no-op ones instead.
// `file` must pass truetype_problem.
std::string with_hinting_tables(std::string file);

}  // namespace inovasi::pdf
