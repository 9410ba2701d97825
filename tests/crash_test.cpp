// Crashes: `tosdiff check` killed with SIGKILL at random instants, many times. After each
// kill, `verify` must find no problem, and the next check must record exactly the changes
// the killed run did not: never a duplicate version, never a lost one.
// TOSDIFF_CRASH_ITERATIONS sets the count: 15 by default (the test suite); bench/crash-test
// runs the long mode (300).

#include <gtest/gtest.h>

#include <cstdlib>
#include <csignal>
#include <random>
#include <set>
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

// A data dir and a catalog of one platform whose kDocuments documents ("Document 0", ...)
// the test server serves at /doc0, /doc1, ...; argv() gives a tosdiff command line on them.
class LocalPlatform {
 public:
  LocalPlatform(const std::string& id, const HttpTestServer& server) {
    std::vector<std::pair<std::string, std::string>> documents;
    for (int d = 0; d < kDocuments; ++d)
      documents.emplace_back("Document " + std::to_string(d), server.url("/doc" + std::to_string(d)));
    write_text_file(dir_ / ("catalog/" + id + ".json"), declaration(id, id, documents).dump());
  }
  std::vector<std::string> argv(const std::vector<std::string>& args) const {
    std::vector<std::string> command = {TOSDIFF_BINARY, "--data-dir", dir_ / "data", "--catalog", dir_ / "catalog"};
    command.insert(command.end(), args.begin(), args.end());
    return command;
  }
  std::string path(const std::string& name) const { return dir_ / name; }
  // Whatever the kills left, every record archived must validate against the schema.
  ~LocalPlatform() { expect_valid_archived_records(dir_ / "data"); }

 private:
  TempDir dir_;
};

TEST(Crash, KilledAtRandomInstantsTheArchiveStaysConsistentAndNothingIsLostOrDoubled) {
  HttpTestServer server;
  const LocalPlatform platform("crash", server);
  auto with = [&](const std::vector<std::string>& args) { return platform.argv(args); };
  std::mt19937 random(20261129);

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
      const std::string doc = platform.path("data/crash/document-" + std::to_string(d));
      json index = json::parse(read_text_file(doc + "/index.json"));
      ASSERT_EQ(index["versions"].size(), static_cast<std::size_t>(revision + 1)) << "document " << d;
      const std::string text = read_text_file(doc + "/versions/" + std::to_string(revision + 1) + ".txt");
      EXPECT_NE(text.find("revision " + std::to_string(revision) + " of"), std::string::npos);
      for (int v = 1; v <= revision + 1; ++v)
        EXPECT_TRUE(std::filesystem::exists(doc + "/records/" + std::to_string(v) + ".json")) << doc << " v" << v;
    }
  }
}

// SIGTERM and SIGINT: new work stops, the documents already fetched are archived, the
// archive verifies, the exit code is 128 + the signal, and the next run picks up the rest.
class Signals : public ::testing::TestWithParam<int> {};

TEST_P(Signals, StopNewWorkKeepWhatIsDoneAndExitWithTheSignalsCode) {
  const int signal = GetParam();
  HttpTestServer server;
  const LocalPlatform platform("interrupted", server);
  auto with = [&](const std::vector<std::string>& args) { return platform.argv(args); };
  for (int d = 0; d < kDocuments; ++d) {
    // The first half answer at once; the others never do, so the run is still busy when
    // the signal comes.
    HttpReply reply = html(page(d, 0));
    if (d >= kDocuments / 2) reply.fault = HttpReply::Fault::hang;
    server.set("/doc" + std::to_string(d), reply);
  }
  auto archived = [&](int d) {
    return std::filesystem::exists(platform.path("data/interrupted/document-" + std::to_string(d) + "/versions/1.txt"));
  };

  // Every transfer at once, so that the hung ones do not hold the quick ones back.
  BackgroundProcess run(with({"check", "--json", "--timeout", "120", "--jobs", "16", "--per-host", "16"}));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  bool first_half_done = false;
  while (!first_half_done && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    first_half_done = true;
    for (int d = 0; d < kDocuments / 2; ++d) first_half_done = first_half_done && archived(d);
  }
  ASSERT_TRUE(first_half_done) << "the quick documents were never archived";
  const auto signalled = std::chrono::steady_clock::now();
  run.kill(signal);
  ProcessResult result = run.wait(std::chrono::seconds(30));
  EXPECT_LT(std::chrono::steady_clock::now() - signalled, std::chrono::seconds(10)) << "the hung transfers must be abandoned";
  EXPECT_EQ(result.exit_code, 128 + signal) << result.err;
  EXPECT_NE(result.err.find(signal == SIGINT ? "SIGINT" : "SIGTERM"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(std::to_string(kDocuments / 2) + " of " + std::to_string(kDocuments) + " documents were not checked"),
            std::string::npos) << result.err;
  // --json: one line per document, the unfinished ones as errors of their own kind.
  std::set<std::string> archived_ones, unfinished;
  for (const json& record : json_lines(result.out)) {
    if (record["status"] == "new") {
      archived_ones.insert(record["document"].get<std::string>());
    } else {
      EXPECT_EQ(record["status"], "error") << record.dump();
      EXPECT_EQ(record["error"]["kind"], "interrupted") << record.dump();
      unfinished.insert(record["document"].get<std::string>());
    }
  }
  EXPECT_EQ(archived_ones.size(), static_cast<std::size_t>(kDocuments / 2)) << result.out;
  EXPECT_EQ(unfinished.size(), static_cast<std::size_t>(kDocuments / 2)) << result.out;
  for (int d = kDocuments / 2; d < kDocuments; ++d) EXPECT_FALSE(archived(d)) << "document " << d;

  ProcessResult verify = run_process(with({"verify"}));
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;

  for (int d = kDocuments / 2; d < kDocuments; ++d) server.set("/doc" + std::to_string(d), html(page(d, 0)));
  ProcessResult next = run_process(with({"check", "--json"}));
  EXPECT_EQ(next.exit_code, 0) << next.err;
  int fresh = 0, unchanged = 0;
  for (const json& record : json_lines(next.out)) {
    fresh += record["status"] == "new";
    unchanged += record["status"] == "unchanged";
  }
  EXPECT_EQ(fresh, kDocuments / 2);
  EXPECT_EQ(unchanged, kDocuments / 2);
}

INSTANTIATE_TEST_SUITE_P(TermAndInt, Signals, ::testing::Values(SIGTERM, SIGINT),
                         [](const ::testing::TestParamInfo<int>& info) {
                           return std::string(info.param == SIGINT ? "SIGINT" : "SIGTERM");
                         });

}  // namespace
}  // namespace tosdiff::testing
