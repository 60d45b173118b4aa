#include <iostream>

#include "cli/commands.h"
#include "batch/planning.h"
#include "batch/print_file.h"
#include "cli/year_data.h"
#include "documents/document_kind.h"
#include "batch/batch_run.h"
#include "cli/batch_options.h"
#include "output/atomic_file.h"
#include "store/store.h"

namespace inovasi::cli {
namespace {

// Each planned document's data as its template reads it, DIR/<its path>.json, for
// `preview --data` (and the samples beside the templates); nothing is rendered.
int save_data(const std::vector<documents::PlannedDocument>& planned, const std::filesystem::path& folder,
              const Environment& env) {
  render::TemplateSet templates(env.templates);
  std::size_t saved = 0, failed = 0;
  for (const auto& doc : planned) {
    if (!doc.error.empty()) {
      env.err << doc.kind->name << ": " << doc.label << ": " << doc.error << '\n';
      ++failed;
      continue;
    }
    auto file = folder / std::filesystem::path(doc.path).replace_extension(".json");
    std::filesystem::create_directories(file.parent_path());
    write_file_atomically(file, templates.sample_data(templates.resolve(std::string(doc.kind->template_name)),
                                                      doc.data(), doc.shared.get()));
    env.out << file.string() << '\n';
    ++saved;
  }
  env.out << "saved the data of " << saved << " document(s), " << failed << " failed\n";
  return failed ? kDataErrors : kOk;
}

int run_render(const Args& args, const Environment& env) {
  if (args.positionals().size() != 1) throw UsageError("render needs one document kind (or 'all')");
  std::string kind_name = args.positionals().front();
  std::vector<const documents::DocumentKind*> kinds;
  if (kind_name == "all") {
    for (const auto& kind : documents::document_kinds()) kinds.push_back(&kind);
  } else if (const auto* kind = documents::find_document_kind(kind_name)) {  // or its template's name
    kinds.push_back(kind);
  }
  if (kinds.empty()) {
    std::string known;
    for (const auto& kind : documents::document_kinds()) known += (known.empty() ? "" : ", ") + std::string(kind.name);
    throw UsageError("unknown document kind '" + kind_name + "' (one of: " + known + ", all)");
  }
  // Documents of any kind may read any innovation: the year is one slice, held whole.
  YearData loaded(args, env, kWholeYear);
  auto& [catalog, store, source, year] = loaded;
  Snapshot snapshot = source.slice(0, YearSource::Depth::Narratives);
  documents::Selection selection{year,
                                 args.value("agency").value_or(""),
                                 args.value("innovation").value_or(""),
                                 args.value("session").value_or(""),
                                 args.value("request").value_or(""),
                                 args.value("event").value_or("")};
  std::vector<std::string_view> names;
  for (const auto* kind : kinds) names.push_back(kind->name);
  auto planned = batch::plan_kinds(store, snapshot, catalog, names, selection, args.flag("signed"));
  if (planned.empty()) {
    env.out << "nothing to render for " << kind_name << " with this selection\n";
    return kOk;
  }
  if (auto folder = args.value("save-data")) return save_data(planned, *folder, env);
  auto lock = lock_year_folder(env, year, args);
  render::TemplateSet templates(env.templates);
  auto fonts = pdf::FontManifest::load(env.fonts);
  Manifest manifest = Manifest::load(manifest_path(env, year));
  auto summary = run_documents(planned, templates, fonts, store.database(), args, env, year, manifest);
  return report_batch(args, summary, env);
}

// The usage text, with the kinds as the build lists them: made once, then only read.
std::string_view render_usage() {
  static const std::string usage = [] {
    std::string text =
        "inovasi render KIND [--year Y] [--agency KODE] [--innovation KODE] [--session KODE]\n"
        "                    [--request KODE] [--event KODE] [--signed] [--out DIR]\n\n"
        "KIND (or its template's name: `render ringkasan`), or all:\n";
    for (const auto& kind : documents::document_kinds()) {
      text += "  " + std::string(kind.name) + ": " + std::string(kind.summary) + "\n      template " +
              std::string(kind.template_name) + ".xml, files Y/" + std::string(kind.path);
      if (kind.numbering) text += ", numbered by daerah." + std::string(kind.numbering->pattern_field);
      text += "\n";
    }
    return text +
           "Without a selector: every record of the year (default: the latest in the store).\n"
           "Numbers are handed out once and kept.";
  }();
  return usage;
}

}  // namespace

Command render_command() {
  return {"render", "make the programme's documents from the store", render_usage(),
          with_batch_options({{"year", "Y", "the programme year"},
                              {"agency", "KODE", "only this agency"},
                              {"innovation", "KODE", "only this innovation"},
                              {"session", "KODE", "only this discussion session"},
                              {"request", "KODE", "only this discussion request"},
                              {"event", "KODE", "only this event (kegiatan)"},
                              {"signed", "", "place scanned signatures and stamps where the store has them"},
                              {"save-data", "DIR",
                               "write each document's data, as its template reads it, to DIR/<path>.json for "
                               "`preview --data`; render nothing (numbers are handed out as for rendering)"}}),
          run_render};
}

}  // namespace inovasi::cli
