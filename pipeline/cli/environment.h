#pragma once
// What every command shares: where the store is, where editable resources (templates,
// catalogue, fonts) are found, and where outputs go. Built once from the options and
// the environment in main(); nothing here is global.

#include <filesystem>
#include <iosfwd>
#include <string>

#include "cli/args.h"
#include "model/catalog.h"

namespace inovasi::cli {

// Exit statuses, so scripts can tell "the data has problems" from "you called it wrong".
// The exit statuses the README promises: 1 the data has errors or a document or file
// failed, 2 the command line is wrong, 3 the store, the catalogue or anything else,
// 4 a template, partial, font or image is broken.
enum ExitStatus : int { kOk = 0, kDataErrors = 1, kUsage = 2, kFailure = 3, kTemplateErrors = 4 };

struct Environment {
  std::filesystem::path database;
  std::filesystem::path templates;  // holds catalog/, partials/ and the document templates
  std::filesystem::path output;
  std::filesystem::path fonts;  // the font manifest
  std::ostream& out;
  std::ostream& err;

  Catalog load_catalog() const { return Catalog::load(templates / "catalog"); }
};

// --templates DIR, else ./templates, else the installed share folder (also found next
// to the executable as ../share/inovasi/templates so a relocated install works).
std::filesystem::path find_templates(const Args& args, const std::filesystem::path& executable);

// --fonts FILE, else fonts/fonts.json beside the templates folder, else ./fonts/fonts.json.
std::filesystem::path find_fonts(const Args& args, const std::filesystem::path& templates);

// --db PATH, else $INOVASI_DB, else ./inovasi.db.
std::filesystem::path find_database(const Args& args);

const std::vector<OptionSpec>& global_options();

}  // namespace inovasi::cli
