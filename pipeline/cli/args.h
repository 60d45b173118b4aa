#pragma once
// Command-line parsing for `inovasi COMMAND [options] [arguments]`, by Poco::Util's option
// processor (Unix style: --name value, --name=value, -o value). Each command states
// its options; anything else is a usage error that names the option.

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "support/located_error.h"

namespace inovasi::cli {

class UsageError : public LocatedError {
 public:
  explicit UsageError(const std::string& message) : LocatedError(ErrorKind::Usage, message) {}
  UsageError(ErrorPlace place, const std::string& message)
      : LocatedError(ErrorKind::Usage, std::move(place), message) {}
};

struct OptionSpec {
  std::string_view name;        // without dashes: "db"
  std::string_view value_name;  // empty for a flag
  std::string_view help;
};

class Args {
 public:
  // Parses argv after the command name against the command's and the global options.
  static Args parse(const std::vector<std::string>& arguments, const std::vector<OptionSpec>& options);

  bool flag(std::string_view name) const { return values_.contains(std::string(name)); }
  std::optional<std::string> value(std::string_view name) const;
  std::optional<int> integer(std::string_view name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::map<std::string, std::string> values_;
  std::vector<std::string> positionals_;
};

std::string options_help(const std::vector<OptionSpec>& options);

}  // namespace inovasi::cli
