#pragma once
// libharu crashes (rather than failing) on files that are not TrueType fonts, so every
// font file is checked here first: the sfnt header, a table directory that lies inside
// the file, and the tables libharu reads.

#include <filesystem>
#include <string>

namespace inovasi::pdf {

// Empty when usable; otherwise why not.
std::string truetype_problem(const std::filesystem::path& path);

}  // namespace inovasi::pdf
