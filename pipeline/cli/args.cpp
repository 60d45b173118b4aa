#include "cli/args.h"

#include <charconv>

namespace inovasi::cli {

Args Args::parse(const std::vector<std::string>& arguments, const std::vector<OptionSpec>& options) {
  Args args;
  bool options_done = false;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& argument = arguments[i];
    if (options_done || !argument.starts_with("-") || argument == "-") {
      args.positionals_.push_back(argument);
      continue;
    }
    if (argument == "--") {
      options_done = true;
      continue;
    }
    std::string name = argument.substr(argument.starts_with("--") ? 2 : 1);
    std::optional<std::string> inline_value;
    if (auto equals = name.find('='); equals != std::string::npos) {
      inline_value = name.substr(equals + 1);
      name = name.substr(0, equals);
    }
    if (name == "o") name = "output";
    if (name == "h") name = "help";  // -h, as --help, for every command
    const OptionSpec* spec = nullptr;
    for (const auto& option : options) {
      if (option.name == name) spec = &option;
    }
    if (!spec) throw UsageError("unknown option '" + argument + "' (see --help)");
    if (spec->value_name.empty()) {
      if (inline_value) throw UsageError("option --" + name + " takes no value");
      args.values_[name] = "";
    } else if (inline_value) {
      args.values_[name] = *inline_value;
    } else if (i + 1 < arguments.size()) {
      args.values_[name] = arguments[++i];
    } else {
      throw UsageError("option --" + name + " needs a value (" + std::string(spec->value_name) + ")");
    }
  }
  return args;
}

std::optional<std::string> Args::value(std::string_view name) const {
  auto it = values_.find(std::string(name));
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::optional<int> Args::integer(std::string_view name) const {
  auto text = value(name);
  if (!text) return std::nullopt;
  int number = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), number);
  if (ec != std::errc{} || ptr != text->data() + text->size()) {
    throw UsageError("option --" + std::string(name) + " needs a whole number, not '" + *text + "'");
  }
  return number;
}

std::string options_help(const std::vector<OptionSpec>& options) {
  std::string text;
  for (const auto& option : options) {
    std::string left = "  --" + std::string(option.name);
    if (!option.value_name.empty()) left += " " + std::string(option.value_name);
    if (left.size() < 24)
      left.resize(24, ' ');
    else
      left += "  ";
    text += left + std::string(option.help) + "\n";
  }
  return text;
}

}  // namespace inovasi::cli
