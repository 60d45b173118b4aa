#include "documents/render_job.h"

#include <ostream>

#include "output/atomic_file.h"
#include "render/render_pdf.h"

namespace inovasi::documents {

RenderSummary render_documents(const std::vector<PlannedDocument>& documents, const render::TemplateSet& templates,
                               const pdf::FontManifest& fonts, const std::filesystem::path& output, Database& db,
                               std::ostream& out, std::ostream& err) {
  RenderSummary summary;
  NumberRegistry registry(db);
  for (const auto& document : documents) {
    if (!document.error.empty()) {
      err << document.kind << ": " << document.label << ": " << document.error << '\n';
      ++summary.failed;
      continue;
    }
    try {
      auto rendered = render::render_pdf(templates, templates.resolve(document.template_name), document.data, fonts,
                                         {false, document.date});
      for (const auto& warning : rendered.warnings) err << "warning: " << document.label << ": " << warning << '\n';
      auto target = output / document.path;
      write_file_atomically(target, rendered.bytes);
      if (document.registry_entry) {
        Transaction transaction(db);
        registry.record_file(document.registry_entry->first, document.registry_entry->second,
                             sha256_hex(rendered.bytes), document.path.generic_string());
        transaction.commit();
      }
      out << target.string() << " (" << rendered.pages << " page" << (rendered.pages == 1 ? "" : "s") << ")\n";
      summary.files.push_back(target);
      ++summary.made;
    } catch (const std::exception& e) {
      err << document.kind << ": " << document.label << ": " << e.what() << '\n';
      ++summary.failed;
    }
  }
  return summary;
}

}  // namespace inovasi::documents
