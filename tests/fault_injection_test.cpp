// The fault-injection shim (support/fault_injection.cpp) held to its contract with a probe
// that makes a known sequence of calls: what counts as an operation, which fail and how,
// counting across threads, and, in the sanitizer build, that ASan's own interceptors still
// see the calls the shim passes on.

#include <gtest/gtest.h>

#include <sstream>

#include "support/fault_injection.hpp"
#include "support/process.hpp"

namespace tosdiff::testing {
namespace {

struct ProbeRun {
  ProcessResult process;
  FaultLog log;
};

ProbeRun probe(const std::string& mode, const TempDir& dir, unsigned long fail_at = 0, const std::string& error = "ENOSPC") {
  const std::string work = dir / "work";
  std::filesystem::remove_all(work);
  std::filesystem::create_directories(work);
  FaultPlan plan{work, fail_at, error, dir / "count", ""};
  ProbeRun run;
  run.process = run_process({TOSDIFF_FAULT_PROBE, mode, work}, plan.environment());
  run.log = read_fault_log(dir / "count");
  return run;
}

TEST(FaultInjection, CountsEveryKindOfOperationUnderTheDirectoryOnly) {
  TempDir dir;
  ProbeRun run = probe("steps", dir);
  ASSERT_EQ(run.process.exit_code, 0) << run.process.err;
  EXPECT_EQ(run.process.out.find("FAIL"), std::string::npos) << run.process.out;
  std::vector<std::string> kinds;
  for (const FaultLog::Operation& op : run.log.operations) kinds.push_back(op.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"create", "write", "fsync", "rename", "mkdir", "unlink", "fsync", "fsync",
                                             "unlink"}));
  EXPECT_EQ(run.log.count, 9u);
  EXPECT_EQ(run.log.failed, 0u);
}

TEST(FaultInjection, EioFailsExactlyTheOperationItNames) {
  TempDir dir;
  for (unsigned long at = 1; at <= 9; ++at) {
    ProbeRun run = probe("steps", dir, at, "EIO");
    ASSERT_EQ(run.process.exit_code, 0) << run.process.err;
    EXPECT_EQ(run.log.failed, 1u) << "at " << at << "\n" << run.log.text;
    for (const FaultLog::Operation& op : run.log.operations)
      EXPECT_EQ(op.failed, op.number == at) << "at " << at << "\n" << run.log.text;
    EXPECT_NE(run.process.out.find("FAIL EIO"), std::string::npos) << "at " << at << "\n" << run.process.out;
  }
}

TEST(FaultInjection, EnospcFailsEveryWriteFromTheOperationItNamesOn) {
  TempDir dir;
  for (unsigned long at = 1; at <= 9; ++at) {
    ProbeRun run = probe("steps", dir, at, "ENOSPC");
    ASSERT_EQ(run.process.exit_code, 0) << run.process.err;
    std::size_t failed = 0;
    for (const FaultLog::Operation& op : run.log.operations) {
      // A full disk stays full; deleting a file never fails for want of space.
      EXPECT_EQ(op.failed, op.number >= at && op.kind != "unlink") << "at " << at << "\n" << run.log.text;
      failed += op.failed;
    }
    EXPECT_EQ(run.log.failed, failed);
    if (failed > 0) {
      EXPECT_NE(run.process.out.find("FAIL ENOSPC"), std::string::npos) << run.process.out;
    }
    EXPECT_NE(run.process.out.find("outside ok"), std::string::npos) << run.process.out;
  }
}

TEST(FaultInjection, CountsAcrossThreadsWithoutLosingOne) {
  TempDir dir;
  for (int round = 0; round < 3; ++round) {
    ProbeRun run = probe("threads", dir);
    ASSERT_EQ(run.process.exit_code, 0) << run.process.err;
    EXPECT_EQ(run.log.count, 4u * (1 + 200));
    EXPECT_EQ(run.log.operations.size(), run.log.count);
  }
}

// Under ASan the shim is preloaded ahead of libasan: a write it passes on must still reach
// ASan's interceptor (and be checked) before the C library.
TEST(FaultInjection, AsanStillSeesTheCallsTheShimPassesOn) {
  if (!TOSDIFF_SANITIZED) GTEST_SKIP() << "only meaningful in the sanitizer build";
  TempDir dir;
  ProbeRun run = probe("overflow", dir);
  EXPECT_NE(run.process.exit_code, 0);
  EXPECT_NE(run.process.err.find("heap-buffer-overflow"), std::string::npos) << run.process.err;
  // The report's stack: ASan's write interceptor, called from the shim's write, from main.
  EXPECT_NE(run.process.err.find("fault_injection"), std::string::npos) << run.process.err;
}

}  // namespace
}  // namespace tosdiff::testing
