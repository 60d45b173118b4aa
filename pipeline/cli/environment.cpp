#include "cli/environment.h"

#include <cstdlib>

namespace inovasi::cli {

const std::vector<OptionSpec>& global_options() {
  static const std::vector<OptionSpec> options{
      {"db", "PATH", "the record store (default: $INOVASI_DB, else ./inovasi.db)"},
      {"templates", "DIR", "templates and catalogue (default: ./templates, else the installed ones)"},
      {"out", "DIR", "where documents are written (default: outputs/)"},
      {"fonts", "FILE", "font manifest (default: fonts/fonts.json beside the templates)"},
      {"help", "", "show help for the command"},
  };
  return options;
}

std::filesystem::path find_templates(const Args& args, const std::filesystem::path& executable) {
  if (auto given = args.value("templates")) {
    if (!std::filesystem::is_directory(*given)) throw UsageError("--templates " + *given + ": no such folder");
    return *given;
  }
  if (std::filesystem::is_directory("templates/catalog")) return "templates";
  std::error_code error;
  auto beside =
      std::filesystem::weakly_canonical(executable, error).parent_path() / ".." / "share" / "inovasi" / "templates";
  if (!error && std::filesystem::is_directory(beside / "catalog")) return beside.lexically_normal();
#ifdef INOVASI_SHARE_DIR
  std::filesystem::path installed = std::filesystem::path(INOVASI_SHARE_DIR) / "templates";
  if (std::filesystem::is_directory(installed / "catalog")) return installed;
#endif
  throw LocatedError(ErrorKind::Template,
                     "no templates found: run from the project folder, pass --templates DIR, or install inovasi");
}

std::filesystem::path find_fonts(const Args& args, const std::filesystem::path& templates) {
  if (auto given = args.value("fonts")) return *given;
  auto beside = templates.parent_path() / "fonts" / "fonts.json";
  if (std::filesystem::exists(beside)) return beside;
  if (std::filesystem::exists("fonts/fonts.json")) return "fonts/fonts.json";
  return beside;  // the error will name where it looked
}

std::filesystem::path find_database(const Args& args) {
  if (auto given = args.value("db")) return *given;
  if (const char* env = std::getenv("INOVASI_DB"); env && *env) return env;
  return "inovasi.db";
}

}  // namespace inovasi::cli
