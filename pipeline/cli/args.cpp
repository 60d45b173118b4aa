#include "cli/args.h"

#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>
#include <Poco/Util/OptionSet.h>

#include <charconv>

namespace inovasi::cli {

namespace {

// The command's options as Poco declares them: each once, with its help text; `output`
// also answers to -o and `help` to -h, for every command.
Poco::Util::OptionSet option_set(const std::vector<OptionSpec>& options) {
  Poco::Util::OptionSet set;
  for (const auto& spec : options) {
    std::string name(spec.name);
    std::string short_name = name == "output" ? "o" : name == "help" ? "h" : "";
    Poco::Util::Option option(name, short_name, std::string(spec.help));
    option.repeatable(true);  // the last one given counts, as in most tools
    if (!spec.value_name.empty()) option.argument(std::string(spec.value_name));
    set.addOption(option);
  }
  return set;
}

const OptionSpec* find_spec(const std::vector<OptionSpec>& options, std::string_view name) {
  for (const auto& option : options) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

// The name an argument gives (without dashes or a value), for messages.
std::string named_in(const std::string& argument) {
  std::string name = argument.substr(argument.starts_with("--") ? 2 : 1);
  return name.substr(0, name.find_first_of("=:"));
}

}  // namespace

Args Args::parse(const std::vector<std::string>& arguments, const std::vector<OptionSpec>& options) {
  Args args;
  Poco::Util::OptionSet set = option_set(options);
  Poco::Util::OptionProcessor processor(set);
  processor.setUnixStyle(true);
  std::string pending;  // an option whose value is the next argument
  bool options_done = false;
  for (const auto& argument : arguments) {
    if (pending.empty() && (options_done || argument == "-")) {
      args.positionals_.push_back(argument);
      continue;
    }
    std::string name, value;
    bool was_option = false;
    try {
      was_option = processor.process(argument, name, value);
    } catch (const Poco::Util::UnknownOptionException&) {
      throw UsageError("unknown option '" + argument + "' (see --help)");
    } catch (const Poco::Util::AmbiguousOptionException&) {
      throw UsageError("option '" + argument + "' could be more than one option (see --help)");
    } catch (const Poco::Util::UnexpectedArgumentException&) {
      throw UsageError("option --" + named_in(argument) + " takes no value");
    } catch (const Poco::Util::OptionException& e) {
      throw UsageError("option '" + argument + "': " + e.message());
    }
    if (argument == "--" && pending.empty()) {
      options_done = true;  // everything after is an argument, whatever it looks like
    } else if (!was_option) {
      args.positionals_.push_back(argument);
    } else if (name.empty()) {
      pending = named_in(argument);  // the value comes next
    } else {
      args.values_[name] = value;
      pending.clear();
    }
  }
  if (!pending.empty()) {
    const OptionSpec* spec = find_spec(options, pending);
    for (const auto& option : options) {
      if (!spec && option.name.starts_with(pending)) spec = &option;
    }
    std::string full = spec ? std::string(spec->name) : pending == "o" ? "output" : pending;
    throw UsageError("option --" + full + " needs a value (" + (spec ? std::string(spec->value_name) : "") + ")");
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
