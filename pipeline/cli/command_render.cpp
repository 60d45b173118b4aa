#include <iostream>

#include "cli/commands.h"
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
  Catalog catalog = env.load_catalog();
  Store store = Store::open(env.database, false);
  Snapshot snapshot = Snapshot::load(store);
  const Record* region = snapshot.region();
  if (!region) throw UsageError("the store has no regional profile (daerah): import one first");
  documents::Selection selection{args.integer("year"),       args.value("agency").value_or(""),
                                 args.value("innovation").value_or(""), args.value("session").value_or(""),
                                 args.value("request").value_or(""),    args.value("event").value_or("")};
  if (!selection.year && snapshot.latest_year() == 0) throw UsageError("the store holds no innovations yet; give --year");

  // Numbers are handed out in one transaction, before anything is drawn.
  std::vector<documents::PlannedDocument> planned;
  {
    Transaction transaction(store.database());
    documents::NumberRegistry registry(store.database());
    documents::DocumentContext context{snapshot, catalog, *region, registry, args.flag("signed")};
    for (const auto* kind : kinds) {
      auto docs = kind->plan(context, selection);
      planned.insert(planned.end(), std::make_move_iterator(docs.begin()), std::make_move_iterator(docs.end()));
    }
    transaction.commit();
  }
  if (planned.empty()) {
    env.out << "nothing to render for " << kind_name << " with this selection\n";
    return kOk;
  }
  render::TemplateSet templates(env.templates);
  auto fonts = pdf::FontManifest::load(env.fonts);
  int year = selection.year.value_or(snapshot.latest_year());
  auto summary = run_documents(planned, templates, fonts, store.database(), args, env, year);
  return report_batch(args, summary, env);
}

}  // namespace

Command render_command() {
  return {"render",
          "make the programme's documents from the store",
          "inovasi render KIND [--year Y] [--agency KODE] [--innovation KODE] [--session KODE]\n"
          "                    [--request KODE] [--event KODE] [--signed] [--out DIR]\n\n"
          "KIND: contract, discussion-form, minutes, certificate, iga-narrative,\n"
          "escalation-report, attendance, or all. Without a selector: every record of the\n"
          "year (default: the latest in the store). Numbers are handed out once and kept.",
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
