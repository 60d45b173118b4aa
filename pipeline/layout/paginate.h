#pragma once
// Pagination: slices placed onto pages (decide), then running headers and footers with
// "Halaman N dari M" filled in once the page count is known (emit).

#include "layout/blocks.h"
#include "layout/flow.h"

namespace inovasi::layout {

LaidOutDocument paginate(const DocumentSpec& spec, FlowContext& context);

}  // namespace inovasi::layout
