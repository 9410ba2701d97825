// Crashes: `tosdiff check` killed with SIGKILL at random instants, many times. After each
// kill, `verify` must find no problem, and the next check must record exactly the changes
// the killed run did not: never a duplicate version, never a lost one.
// TOSDIFF_CRASH_ITERATIONS sets the count: 15 by default (the test suite); a long run:
//   TOSDIFF_CRASH_ITERATIONS=300 build/tests/tosdiff_integration_tests --gtest_filter='Crash.*'

#include <gtest/gtest.h>

#include <cstdlib>
#include <csignal>
#include <random>
#include <thread>

#include "support/http_test_server.hpp"
#include "support/process.hpp"
#include "support/tosdiff_helpers.hpp"

namespace tosdiff::testing {
namespace {

constexpr int kDocuments = 12;

std::string page(int document, int revision) {
  std::string text = "<html><body><main><h1>Policy " + std::to_string(document) + "</h1>";
  for (int p = 0; p < 40; ++p)
    text += "<p>Paragraph " + std::to_string(p) + " of the policy describes how data is kept and shared with partners.</p>";
  text += "<h2>Retention</h2><p>This is revision " + std::to_string(revision) + " of the retention rule.</p></main></body></html>";
  return text;
}

int iterations() {
  const char* value = std::getenv("TOSDIFF_CRASH_ITERATIONS");
  return value ? std::max(1, std::atoi(value)) : 15;
}

TEST(Crash, KilledAtRandomInstantsTheArchiveStaysConsistentAndNothingIsLostOrDoubled) {
  TempDir dir;
  HttpTestServer server;
  std::mt19937 random(20261129);
  json declaration;
  declaration["name"] = "Crash";
  declaration["id"] = "crash";
  for (int d = 0; d < kDocuments; ++d)
    declaration["terms"]["Document " + std::to_string(d)] = {{"fetch", server.url("/doc" + std::to_string(d))}};
  write_text_file(dir / "catalog/crash.json", declaration.dump());
  const std::vector<std::string> base = {TOSDIFF_BINARY, "--data-dir", dir / "data", "--catalog", dir / "catalog"};
  auto with = [&](std::vector<std::string> args) {
    std::vector<std::string> argv = base;
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
  };

  const int rounds = iterations();
  for (int revision = 0; revision < rounds; ++revision) {
    for (int d = 0; d < kDocuments; ++d) {
      HttpReply reply = html(page(d, revision));
      reply.delay = std::chrono::milliseconds(random() % 25);  // spread the run over time
      server.set("/doc" + std::to_string(d), reply);
    }
    {
      BackgroundProcess run(with({"check", "--jobs", "4"}));
      std::this_thread::sleep_for(std::chrono::milliseconds(random() % 120));
      run.kill(SIGKILL);
      run.wait();
    }
    // The killed run's lock is gone with it; verify takes it at once and finds no problem.
    const auto started = std::chrono::steady_clock::now();
    ProcessResult verify = run_process(with({"verify"}));
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
    ASSERT_EQ(verify.exit_code, 0) << "revision " << revision << "\n" << verify.out << verify.err;

    ProcessResult next = run_process(with({"check", "--json"}));
    ASSERT_EQ(next.exit_code, 0) << next.err;
    for (const json& record : json_lines(next.out)) {
      const std::string status = record["status"];
      // Either the killed run recorded this revision (unchanged now) or this run does it.
      EXPECT_TRUE(status == "unchanged" || status == (revision == 0 ? "new" : "changed")) << record.dump();
    }
    for (int d = 0; d < kDocuments; ++d) {
      const std::string doc = dir / ("data/crash/document-" + std::to_string(d));
      json index = json::parse(read_text_file(doc + "/index.json"));
      ASSERT_EQ(index["versions"].size(), static_cast<std::size_t>(revision + 1)) << "document " << d;
      const std::string text = read_text_file(doc + "/versions/" + std::to_string(revision + 1) + ".txt");
      EXPECT_NE(text.find("revision " + std::to_string(revision) + " of"), std::string::npos);
      for (int v = 1; v <= revision + 1; ++v)
        EXPECT_TRUE(std::filesystem::exists(doc + "/records/" + std::to_string(v) + ".json")) << doc << " v" << v;
    }
  }
}

}  // namespace
}  // namespace tosdiff::testing
