#pragma once
// Renders planned documents one by one: a failure is reported with the record it
// concerns and the rest go on. Each file is written atomically and its SHA-256 goes
// into the number registry.

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "documents/document_kind.h"
#include "pdf/font_set.h"
#include "render/template_engine.h"

namespace inovasi::documents {

struct RenderSummary {
  std::size_t made = 0;
  std::size_t failed = 0;
  std::vector<std::filesystem::path> files;
};

RenderSummary render_documents(const std::vector<PlannedDocument>& documents, const render::TemplateSet& templates,
                               const pdf::FontManifest& fonts, const std::filesystem::path& output, Database& db,
                               std::ostream& out, std::ostream& err);

}  // namespace inovasi::documents
