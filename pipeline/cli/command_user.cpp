// `inovasi user`: the team's console accounts. The password comes from a prompt (not
// echoed) or, for scripts, from standard input with --password-stdin; never from the
// command line, where other users could read it.

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "store/accounts.h"
#include "store/store.h"

namespace inovasi::cli {
namespace {

std::string read_password(const Args& args, const Environment& env) {
  std::string password;
  if (args.flag("password-stdin")) {
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
  }
  if (!::isatty(STDIN_FILENO)) throw UsageError("no terminal to ask for the password: use --password-stdin");
  termios saved{};
  ::tcgetattr(STDIN_FILENO, &saved);
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string again;
  env.err << "password: " << std::flush;
  std::getline(std::cin, password);
  env.err << "\nagain: " << std::flush;
  std::getline(std::cin, again);
  env.err << "\n";
  ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  if (password != again) throw UsageError("the two passwords differ");
  return password;
}

int run_user(const Args& args, const Environment& env) {
  const auto& words = args.positionals();
  if (words.size() != 2 || (words[0] != "add" && words[0] != "password")) {
    throw UsageError("user needs: add NAME --role staff|admin, or password NAME");
  }
  const std::string& name = words[1];
  Store store = Store::open(env.database, false);
  if (words[0] == "add") {
    auto role = parse_role(args.value("role").value_or(""));
    if (!role) throw UsageError("--role must be staff or admin");
    std::string password = read_password(args, env);
    Transaction transaction(store.database());
    add_user(store.database(), name, *role, password, "cli");
    transaction.commit();
    env.out << "user " << name << " (" << role_name(*role) << ") can log in to the console at /konsol\n";
    return kOk;
  }
  std::string password = read_password(args, env);
  Transaction transaction(store.database());
  set_password(store.database(), name, password, "cli");
  transaction.commit();
  env.out << "password of " << name << " changed; its open logins are ended\n";
  return kOk;
}

}  // namespace

Command user_command() {
  return {"user",
          "the team's accounts for the console (inovasi serve, /konsol)",
          "inovasi user add NAME --role staff|admin [--password-stdin]\n"
          "inovasi user password NAME [--password-stdin]\n\n"
          "The password (at least 10 characters) is asked for twice without echo, or read from one\n"
          "line of standard input with --password-stdin. It is kept only as an Argon2id hash.\n"
          "admin may also give and end agencies' links, revoke documents and read the audit log.",
          {{"role", "ROLE", "staff or admin"}, {"password-stdin", "", "read the password from standard input"}},
          run_user,
          false};
}

}  // namespace inovasi::cli
