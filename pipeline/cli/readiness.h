#pragma once
// The summary `launch` ends with: the agencies whose validation errors block them.

#include <iosfwd>

#include "validation/validation.h"

namespace inovasi::cli {

// Agencies with validation errors for the year, each with the findings that block it.
void print_not_ready(const ValidationReport& report, std::ostream& out);

}  // namespace inovasi::cli
