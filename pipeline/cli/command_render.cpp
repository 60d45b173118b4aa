#include <iostream>

#include "cli/commands.h"
#include "cli/launch_support.h"
#include "cli/year_data.h"
#include "documents/document_kind.h"
#include "batch/batch_run.h"
#include "cli/batch_options.h"
#include "store/store.h"

namespace inovasi::cli {
namespace {

int run_render(const Args& args, const Environment& env) {
  if (args.positionals().size() != 1) throw UsageError("render needs one document kind (or 'all')");
  std::string kind_name = args.positionals().front();
  std::vector<const documents::DocumentKind*> kinds;
  for (const auto& kind : documents::document_kinds()) {
    if (kind_name == "all" || kind.name == kind_name) kinds.push_back(&kind);
  }
  if (kinds.empty()) {
    std::string known;
    for (const auto& kind : documents::document_kinds()) known += (known.empty() ? "" : ", ") + std::string(kind.name);
    throw UsageError("unknown document kind '" + kind_name + "' (one of: " + known + ", all)");
  }
  auto [catalog, store, snapshot, year] = load_year(args, env);
  documents::Selection selection{year,
                                 args.value("agency").value_or(""),
                                 args.value("innovation").value_or(""),
                                 args.value("session").value_or(""),
                                 args.value("request").value_or(""),
                                 args.value("event").value_or("")};
  std::vector<std::string_view> names;
  for (const auto* kind : kinds) names.push_back(kind->name);
  auto planned = plan_kinds(store, snapshot, catalog, names, selection, args.flag("signed"));
  if (planned.empty()) {
    env.out << "nothing to render for " << kind_name << " with this selection\n";
    return kOk;
  }
  auto lock = lock_year_folder(env, year, args);
  render::TemplateSet templates(env.templates);
  auto fonts = pdf::FontManifest::load(env.fonts);
  Manifest manifest = Manifest::load(manifest_path(env, year));
  auto summary = run_documents(planned, templates, fonts, store.database(), args, env, year, manifest);
  return report_batch(args, summary, env);
}

}  // namespace

Command render_command() {
  return {"render",
          "make the programme's documents from the store",
          "inovasi render KIND [--year Y] [--agency KODE] [--innovation KODE] [--session KODE]\n"
          "                    [--request KODE] [--event KODE] [--signed] [--out DIR]\n\n"
          "KIND: contract, discussion-form, minutes, certificate, iga-narrative,\n"
          "escalation-report, attendance, desk-packet, or all. Without a selector: every\n"
          "record of the year (default: the latest in the store). Numbers are handed out\n"
          "once and kept.",
          with_batch_options({{"year", "Y", "the programme year"},
           {"agency", "KODE", "only this agency"},
           {"innovation", "KODE", "only this innovation"},
           {"session", "KODE", "only this discussion session"},
           {"request", "KODE", "only this discussion request"},
           {"event", "KODE", "only this event (kegiatan)"},
           {"signed", "", "place scanned signatures and stamps where the store has them"}}),
          run_render};
}

}  // namespace inovasi::cli
