// The pieces under every command that had no tests of their own: argument parsing, the
// progress display, the output folder's lock and the SQLite wrapper.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "batch/progress.h"
#include "cli/args.h"
#include "output/folder_lock.h"
#include "store/sqlite.h"
#include "test_support.h"

namespace inovasi {
namespace {

using cli::Args;
using cli::UsageError;
using ::testing::HasSubstr;

const std::vector<cli::OptionSpec> kOptions{
    {"year", "Y", "the year"}, {"force", "", "remake"}, {"output", "FILE", "where"}, {"help", "", "help"}};

TEST(Args, OptionsFlagsAndPositionals) {
  auto args =
      Args::parse({"sertifikat", "--year", "2026", "--force", "-o", "x.pdf", "--", "--not-an-option"}, kOptions);
  EXPECT_EQ(args.integer("year"), 2026);
  EXPECT_TRUE(args.flag("force"));
  EXPECT_EQ(args.value("output"), "x.pdf");
  EXPECT_EQ(args.positionals(), (std::vector<std::string>{"sertifikat", "--not-an-option"}));
  EXPECT_EQ(Args::parse({"--year=2027"}, kOptions).integer("year"), 2027);
  EXPECT_TRUE(Args::parse({"-h"}, kOptions).flag("help"));  // -h works wherever --help does
  EXPECT_FALSE(Args::parse({}, kOptions).value("year"));
  // Parsed by Poco::Util: the last of a repeated option counts, a value may start with a
  // dash, and a long option may be shortened while it names one option only.
  EXPECT_EQ(Args::parse({"--year", "2026", "--year", "2027"}, kOptions).integer("year"), 2027);
  EXPECT_EQ(Args::parse({"-o", "-"}, kOptions).value("output"), "-");
  EXPECT_EQ(Args::parse({"--outp=a.pdf"}, kOptions).value("output"), "a.pdf");
  EXPECT_EQ(Args::parse({"-"}, kOptions).positionals(), (std::vector<std::string>{"-"}));
}

TEST(Args, MistakesAreUsageErrorsNamingTheOption) {
  auto message = [](std::vector<std::string> arguments) -> std::string {
    try {
      auto args = Args::parse(arguments, kOptions);
      (void)args.integer("year");
    } catch (const UsageError& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_THAT(message({"--colour"}), HasSubstr("unknown option '--colour'"));
  EXPECT_THAT(message({"--year"}), HasSubstr("--year needs a value (Y)"));
  EXPECT_THAT(message({"--force=yes"}), HasSubstr("--force takes no value"));
  EXPECT_THAT(message({"--year", "dua ribu"}), HasSubstr("--year needs a whole number, not 'dua ribu'"));
  EXPECT_THAT(message({"--year", "2026x"}), HasSubstr("whole number"));
  EXPECT_THAT(message({"-o"}), HasSubstr("--output needs a value (FILE)"));
  EXPECT_THAT(message({"-x"}), HasSubstr("unknown option '-x'"));
}

TEST(Progress, PlainLinesInLogsAndNothingWhenQuiet) {
  std::ostringstream log, quiet;
  batch::Progress progress(10, log, /*terminal=*/false, /*quiet=*/false);
  progress.update(3, 0);
  progress.finish(10, 1);
  EXPECT_THAT(log.str(), HasSubstr("progress: 10/10 documents"));
  EXPECT_THAT(log.str(), HasSubstr("1 failed"));
  EXPECT_EQ(log.str().find('\r'), std::string::npos) << "no bar drawing in a log";
  batch::Progress silent(10, quiet, false, true);
  silent.finish(10, 0);
  EXPECT_TRUE(quiet.str().empty());
}

TEST(FolderLock, ASecondRunWaitsForTheFirst) {
  testing::ScratchDir dir;
  auto folder = dir.path() / "out" / "2026";
  int ready[2], release[2];
  ASSERT_EQ(pipe(ready), 0);
  ASSERT_EQ(pipe(release), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {  // the first run: holds the folder until told to let go
    std::ostringstream ignored;
    {
      FolderLock held(folder, ignored);
      char byte = 1;
      if (write(ready[1], &byte, 1) != 1) _exit(1);
      if (read(release[0], &byte, 1) != 1) _exit(1);
    }
    _exit(0);
  }
  char byte = 0;
  ASSERT_EQ(read(ready[0], &byte, 1), 1);
  EXPECT_TRUE(std::filesystem::is_directory(folder)) << "the lock makes the folder";
  std::ostringstream notices;
  std::thread let_go([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    char go = 1;
    EXPECT_EQ(write(release[1], &go, 1), 1);
  });
  {
    FolderLock second(folder, notices);  // returns once the child has let go
  }
  let_go.join();
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_THAT(notices.str(), HasSubstr("waiting for another inovasi run"));
  for (int fd : {ready[0], ready[1], release[0], release[1]}) close(fd);
}

TEST(Sqlite, TransactionsBindingsAndErrors) {
  testing::ScratchDir dir;
  Database db = Database::open(dir.path() / "t.db", true);
  db.execute("CREATE TABLE t (a TEXT, b INTEGER)");
  {
    Transaction rolled_back(db);
    db.execute("INSERT INTO t VALUES ('x', 1)");
  }  // not committed: rolled back
  {
    Transaction transaction(db);
    auto insert = db.prepare("INSERT INTO t VALUES (?, ?)");
    insert.bind_text_or_null(1, "");  // an empty text is NULL
    insert.bind_int(2, 7);
    insert.step();
    transaction.commit();
  }
  auto query = db.prepare("SELECT a, b, a IS NULL FROM t");
  ASSERT_TRUE(query.step());
  EXPECT_TRUE(query.column_is_null(0));
  EXPECT_EQ(query.column_int(1), 7);
  EXPECT_EQ(query.column_int(2), 1);
  EXPECT_FALSE(query.step()) << "the rolled-back row is not there";
  EXPECT_THROW(db.prepare("SELECT nothing FROM nowhere"), StoreError);
  try {
    db.execute("INSERT INTO missing VALUES (1)");
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr("t.db"));
    EXPECT_THAT(e.what(), HasSubstr("missing"));
  }
}

}  // namespace
}  // namespace inovasi
