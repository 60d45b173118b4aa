// inovasi: documents for regional innovation programmes. Parses the command, builds the
// environment and runs the command, turning errors into messages and exit statuses.

#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "model/diagnostics.h"
#include "output/atomic_file.h"
#include "model/catalog.h"
#include "layout/markup.h"
#include "store/sqlite.h"

namespace {

using namespace inovasi::cli;

std::vector<Command> all_commands() {
  return {import_command(),       list_command(),        validate_command(), launch_command(),
          certificates_command(), desk_packet_command(), render_command(),   export_command(),
          verify_command(),       revoke_command(),      access_command(),   user_command(),
          serve_command(),        sign_command(),        preview_command(),  bench_command()};
}

void print_overview(std::ostream& out) {
  out << "usage: inovasi COMMAND [options] [arguments]\n\ncommands:\n";
  auto commands = all_commands();
  std::size_t width = 0;  // the longest name, so every summary starts in one column
  for (const auto& command : commands) width = std::max(width, command.name.size());
  for (const auto& command : commands) {
    std::string name(command.name);
    out << "  " << name << std::string(width + 2 - name.size(), ' ') << command.summary << '\n';
  }
  out << "\nglobal options:\n" << options_help(global_options()) << "\n'inovasi COMMAND --help' for more.\n";
}

// Moves global options written before the command (`inovasi --db X list ...`) after it.
std::vector<std::string> command_first(const std::vector<std::string>& argv) {
  std::vector<std::string> leading;
  std::size_t i = 1;
  while (i < argv.size() && argv[i].starts_with("--") && argv[i] != "--help") {
    std::string name =
        argv[i].substr(2, argv[i].find('=') == std::string::npos ? std::string::npos : argv[i].find('=') - 2);
    bool takes_value = false;
    for (const auto& option : global_options())
      takes_value = takes_value || (option.name == name && !option.value_name.empty());
    leading.push_back(argv[i++]);
    if (takes_value && argv[i - 1].find('=') == std::string::npos && i < argv.size()) leading.push_back(argv[i++]);
  }
  if (leading.empty() || i >= argv.size()) return argv;
  std::vector<std::string> reordered{argv[0], argv[i]};
  reordered.insert(reordered.end(), leading.begin(), leading.end());
  reordered.insert(reordered.end(), argv.begin() + static_cast<std::ptrdiff_t>(i) + 1, argv.end());
  return reordered;
}

int run(const std::vector<std::string>& original) {
  std::vector<std::string> argv = command_first(original);
  if (argv.size() < 2 || argv[1] == "--help" || argv[1] == "-h" || argv[1] == "help") {
    print_overview(std::cout);
    return argv.size() < 2 ? kUsage : kOk;
  }
  for (const auto& command : all_commands()) {
    if (command.name != argv[1]) continue;
    std::vector<OptionSpec> options = command.options;
    options.insert(options.end(), global_options().begin(), global_options().end());
    try {
      Args args = Args::parse({argv.begin() + 2, argv.end()}, options);
      if (args.flag("help")) {
        std::cout << "usage: " << command.usage << "\n\noptions:\n" << options_help(options);
        return kOk;
      }
      std::filesystem::path templates;
      try {
        templates = find_templates(args, argv[0]);
      } catch (const inovasi::LocatedError&) {
        if (command.uses_templates) throw;
      }
      Environment env{find_database(args),         templates, args.value("out").value_or("outputs"),
                      find_fonts(args, templates), std::cout, std::cerr};
      return command.run(args, env);
    } catch (const UsageError& e) {
      std::cerr << "inovasi " << command.name << ": " << e.what() << '\n';
      return kUsage;
    }
  }
  std::cerr << "inovasi: unknown command '" << argv[1] << "'\n";
  print_overview(std::cerr);
  return kUsage;
}

// What `main` says of an error that stopped a command, and the status it exits with.
int report(const inovasi::LocatedError& e) {
  using inovasi::ErrorKind;
  switch (e.kind()) {
    case ErrorKind::Data:
      std::cerr << "inovasi: " << e.what() << '\n';
      return kDataErrors;
    case ErrorKind::Output:
      // A file that could not be written is a failed document or workbook: exit 1, as a
      // batch whose documents failed.
      if (const auto* output = dynamic_cast<const inovasi::OutputError*>(&e); output && output->no_space()) {
        std::cerr << "inovasi: the disk is full: " << e.what() << "; free space and run again\n";
      } else {
        std::cerr << "inovasi: " << e.what() << '\n';
      }
      return kDataErrors;
    case ErrorKind::Template:
      std::cerr << e.what() << '\n';
      return kTemplateErrors;
    case ErrorKind::Usage:
      std::cerr << "inovasi: " << e.what() << '\n';
      return kUsage;
    case ErrorKind::Catalogue:
      std::cerr << "inovasi: catalogue: " << e.what() << '\n';
      return kFailure;
    case ErrorKind::Store:
      std::cerr << "inovasi: store: " << e.what() << '\n';
      return kFailure;
  }
  return kFailure;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run({argv, argv + argc});
  } catch (const inovasi::LocatedError& e) {
    return report(e);
  } catch (const std::exception& e) {
    std::cerr << "inovasi: " << e.what() << '\n';
  }
  return kFailure;
}
