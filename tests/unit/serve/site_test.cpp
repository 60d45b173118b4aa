// The private pages' parts that need no server: uploads recognised by content, the login
// throttle, the console's runs one at a time.

#include <gtest/gtest.h>

#include <thread>

#include "serve/jobs.h"
#include "serve/login_throttle.h"
#include "serve/web_request.h"

namespace inovasi::serve {
namespace {

TEST(UploadType, IsReadFromTheContentNotTheName) {
  EXPECT_EQ(sniff_file_type("%PDF-1.7\n..."), FileType::Pdf);
  EXPECT_EQ(sniff_file_type(std::string("\xFF\xD8\xFF\xE0", 4)), FileType::Jpeg);
  EXPECT_EQ(sniff_file_type(std::string("\x89PNG\r\n\x1a\n", 8)), FileType::Png);
  EXPECT_EQ(sniff_file_type("<html><script>alert(1)</script>"), FileType::Other);
  EXPECT_EQ(sniff_file_type(" %PDF-1.7"), FileType::Other);
  EXPECT_EQ(sniff_file_type(""), FileType::Other);
}

TEST(LoginThrottle, TheTenthFailureWaitsOutTheWindow) {
  LoginThrottle throttle;
  auto now = LoginThrottle::Clock::now();
  for (int i = 0; i < LoginThrottle::kAllowedFailures; ++i) {
    EXPECT_EQ(throttle.wait("ana", "10.0.0.1", now), 0) << i;
    throttle.failed("ana", "10.0.0.1", now);
  }
  EXPECT_GT(throttle.wait("ana", "10.0.0.1", now), 0);
  EXPECT_GT(throttle.wait("ANA", "10.0.0.2", now), 0) << "the name is held back from any address";
  EXPECT_GT(throttle.wait("budi", "10.0.0.1", now), 0) << "and the address for any name";
  EXPECT_EQ(throttle.wait("budi", "10.0.0.2", now), 0);
  EXPECT_EQ(throttle.wait("ana", "10.0.0.1", now + LoginThrottle::kWindow), 0) << "until the window passes";
}

TEST(Runs, OneAtATime) {
  Runs runs(RunSettings{"/bin/sh", {}, {}, {}, {}});
  auto first = runs.start("slow", {"-c", "echo 'progress: 1/4 documents'; sleep 2"}, "ana");
  ASSERT_TRUE(first);
  EXPECT_FALSE(runs.start("second", {"-c", "true"}, "budi")) << "a second start while one goes";
  EXPECT_TRUE(runs.busy());
  for (int i = 0; i < 100 && runs.busy(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto view = runs.current();
  ASSERT_TRUE(view);
  EXPECT_FALSE(view->running);
  EXPECT_EQ(view->exit_code, 0);
  EXPECT_EQ(view->done, 1u);
  EXPECT_EQ(view->total, 4u);
  EXPECT_TRUE(runs.start("next", {"-c", "true"}, "budi")) << "after the first ends";
}

TEST(Runs, RunNowStopsARunThatOverstays) {
  Runs runs(RunSettings{"/bin/sh", {}, {}, {}, {}});
  auto quick = runs.run_now({"-c", "echo hello; exit 3"}, std::chrono::seconds(10));
  ASSERT_TRUE(quick);
  EXPECT_EQ(quick->first, 3);
  EXPECT_EQ(quick->second, "hello\n");
  EXPECT_FALSE(runs.run_now({"-c", "exec sleep 30"}, std::chrono::seconds(1)));
}

}  // namespace
}  // namespace inovasi::serve
