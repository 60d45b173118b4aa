// A document kind is one descriptor: its name, what it plans and the data of each
// document. This test adds one the way a binding file does, with its own template, and
// renders it through the batch, as `render` would, with nothing else changed.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "batch/batch_run.h"
#include "batch/planning.h"
#include "documents/document_kind.h"
#include "documents/values.h"
#include "model/file_text.h"
#include "model/text.h"
#include "store/number_registry.h"
#include "store/store.h"
#include "test_support.h"

namespace inovasi {
namespace {

using ::testing::HasSubstr;
using namespace inovasi::testing;

// A note per agency, numbered from a pattern of the region's, naming its head: the
// whole of what a binding file holds.
documents::DocumentKind agency_note_kind() {
  using namespace documents;
  return {"agency-note",
          "catatan instansi: one per agency (a test-only kind)",
          "Catatan Instansi",
          "catatan",
          "notes/{instansi}.pdf",
          Numbering{"catatan", "pola_nomor_sertifikat"},
          [](const DocumentKind& kind, DocumentContext& context, const Selection& selection) {
            int year = selected_year(context, selection);
            std::vector<PlannedDocument> docs;
            for (const Record* agency : selected_records(context, selection, year, {"instansi", {}, nullptr, "kode"})) {
              PlannedDocument doc = kind.document(year, agency->key_label());
              auto number =
                  issue_number(context, doc, std::string(agency->get("kode")), year, doc.date, {{"kode_instansi", ""}});
              if (!number) continue;
              doc.path = kind.output_path(year, {{"instansi", agency->get("kode")}});
              doc.source = [agency, nomor = number->number] {
                Data data = object();
                data.set("nomor", nomor);
                data.set("nama", std::string(agency->get("nama")));
                data.set("kepala", std::string(agency->get("kepala_nama")));
                return data;
              };
              docs.push_back(std::move(doc));
            }
            return docs;
          }};
}

TEST(DocumentKind, AKindIsOneDescriptorAndATemplate) {
  ScratchDir dir;
  ImportOptions options;
  options.agency = "bappedalitbang";
  options.year = 2026;
  auto db = dir.path() / "s.db";
  ASSERT_TRUE(import_into_store(db, {source_dir() / "inputs"}, options, catalog()).saved);
  Store store = Store::open(db, false);
  Snapshot snapshot = Snapshot::load(store);
  // The kind's template, beside copies of the programme's partials.
  std::filesystem::create_directories(dir.path() / "templates" / "partials");
  dir.write("templates/catatan.xml",
            "<document><p>CATATAN {{nomor}}</p><p>{{nama}}</p><p>Kepala: {{kepala}}</p>"
            "<p>{{daerah.nama_daerah}}</p></document>\n");
  render::TemplateSet templates(dir.path() / "templates");
  auto fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");

  auto kind = agency_note_kind();
  auto planned = [&] {
    const Record* region = snapshot.region();
    Transaction transaction(store.database());
    NumberRegistry registry(store.database());
    documents::DocumentContext context{{snapshot, catalog(), *region, false}, registry};
    auto docs = documents::plan_documents(kind, context, {2026, "", "", "", "", ""});
    transaction.commit();
    return docs;
  }();
  ASSERT_EQ(planned.size(), snapshot.all("instansi").size());
  std::ostringstream out, err;
  batch::BatchOptions batch_options;
  batch_options.quiet = true;
  auto summary = batch::run_batch(planned, templates, fonts, dir.path() / "out", dir.path() / "out" / "manifest.json",
                                  store.database(), batch_options, out, err);
  EXPECT_EQ(summary.failed, 0u) << err.str();
  EXPECT_EQ(summary.made, planned.size());
  auto pdf = dir.path() / "out" / "2026" / "notes" / "dinkes.pdf";
  ASSERT_TRUE(std::filesystem::exists(pdf));
  auto text = dir.path() / "dinkes.txt";
  ASSERT_EQ(std::system(("pdftotext " + pdf.string() + " " + text.string()).c_str()), 0);
  std::string printed = *read_file_text(text);
  EXPECT_THAT(printed, HasSubstr("CATATAN 000.8.3.3/"));
  EXPECT_THAT(printed, HasSubstr("Dinas Kesehatan"));
  EXPECT_THAT(printed, HasSubstr("Kabupaten Karo"));
  // The selection's helper chooses for it as for the programme's kinds.
  {
    const Record* region = snapshot.region();
    Transaction transaction(store.database());
    NumberRegistry registry(store.database());
    documents::DocumentContext context{{snapshot, catalog(), *region, false}, registry};
    auto one = documents::plan_documents(kind, context, {2026, "dinkes", "", "", "", ""});
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].path, "2026/notes/dinkes.pdf");
  }
  // Its numbers are registered like any numbered kind's: the file verifies.
  NumberRegistry registry(store.database());
  auto issued = registry.by_key("catatan", "dinkes");
  ASSERT_TRUE(issued);
  EXPECT_EQ(issued->file, "2026/notes/dinkes.pdf");
}

TEST(DocumentKind, APathPlaceholderWithoutAValueIsTheBindingsMistake) {
  auto kind = agency_note_kind();
  EXPECT_EQ(kind.output_path(2026, {{"instansi", "Dinas Kesehatan/../x"}}), "2026/notes/dinas-kesehatan-x.pdf");
  EXPECT_THROW(kind.output_path(2026, {{"kode", "dinkes"}}), std::logic_error);
}

TEST(DocumentKind, EveryProgrammeKindHasItsTemplateAndASoundDescriptor) {
  const RecordKind* region = find_record_kind("daerah");
  for (const auto& kind : documents::document_kinds()) {
    SCOPED_TRACE(std::string(kind.name));
    EXPECT_TRUE(std::filesystem::exists(source_dir() / "templates" / (std::string(kind.template_name) + ".xml")));
    EXPECT_TRUE(kind.path.ends_with(".pdf"));
    EXPECT_FALSE(kind.summary.empty());
    EXPECT_FALSE(kind.title.empty());
    if (kind.numbering) {
      EXPECT_NE(region->field(kind.numbering->pattern_field), nullptr);
      EXPECT_EQ(documents::find_numbered_kind(kind.numbering->registry_kind), &kind);
    }
    EXPECT_EQ(documents::find_document_kind(kind.name), &kind);
  }
}

}  // namespace
}  // namespace inovasi
