#pragma once
// The subcommands. Each states its usage and options; main() does the rest.

#include <functional>
#include <string_view>
#include <vector>

#include "cli/args.h"
#include "cli/environment.h"

namespace inovasi::cli {

struct Command {
  std::string_view name;
  std::string_view summary;
  std::string_view usage;
  std::vector<OptionSpec> options;
  std::function<int(const Args&, const Environment&)> run;
  // Whether it needs the templates folder (catalogue, templates, fonts): those that do
  // not, run anywhere.
  bool uses_templates = true;
};

Command import_command();
Command list_command();
Command validate_command();
Command preview_command();
Command bench_command();
Command render_command();
Command verify_command();
Command revoke_command();
Command export_command();
Command launch_command();
Command certificates_command();
Command desk_packet_command();
Command serve_command();
Command sign_command();
Command access_command();
Command user_command();

}  // namespace inovasi::cli
