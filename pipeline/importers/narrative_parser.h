#pragma once
// Turns free text as the portals and spreadsheets carry it into a Narrative: paragraphs
// and (nested) lists. Tolerates markers written as `1.`, `1)`, `a.`, `i.`, `·`, `•`, `-`,
// tabs or odd indentation, non-breaking spaces, lines of one space, continuation lines
// and words hyphenated across a line break.

#include <string>
#include <string_view>
#include <vector>

#include "model/narrative.h"

namespace inovasi {

Narrative parse_narrative(const std::vector<std::string>& lines);
Narrative parse_narrative_text(std::string_view text);

}  // namespace inovasi
