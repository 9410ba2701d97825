// Faults injected into the archive's own file-system calls (support/fault_injection.cpp,
// preloaded into the real binary): for each scenario, every operation that changes the data
// directory (create, write, fsync, rename, unlink, mkdir) is made to fail in turn, with a
// full disk (ENOSPC: that operation and every later write) or an I/O error (EIO: that one),
// starting each time from the same saved archive. The faulty run may fail, with a clear
// message; it may never crash. Then `verify --repair` and a normal run, without faults, must
// leave an archive where
//   - right after a faulty check or accept, `verify` finds leftovers at most, as after a kill;
//   - no version was lost: every version text there was is still there, byte for byte, and
//     the index names it;
//   - `verify` is clean;
//   - the history is the one a run without faults makes: each change recorded once, never
//     twice, and reported once (by the faulty run when it committed it, else by the next).
//
// Scenarios: `check` (two documents changed, one of them superseding a text held back, one
// page fallen to a suspicious shrink that is held as pending, one new document), `accept` of
// the pending text, and `verify --repair` of an archive with a damaged index, a missing
// change record and a gap.
// The default run injects an evenly spaced sample of the operations (TOSDIFF_FAULT_SAMPLE,
// 8 per scenario and error, the first and the last included); TOSDIFF_FAULT_ALL=1 injects
// every one (bench/fault-test). TOSDIFF_FAULT_JOBS runs go on at once (3).

#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "support/fault_injection.hpp"
#include "support/http_test_server.hpp"
#include "support/process.hpp"
#include "support/tosdiff_helpers.hpp"
#include "tosdiff/archive/archive.hpp"
#include "tosdiff/classify/classify.hpp"
#include "tosdiff/util/sha256.hpp"
#include "tosdiff/pipeline/verify.hpp"

namespace tosdiff::testing {
namespace {

namespace fs = std::filesystem;

enum class Scenario { check, accept, repair };

std::string name_of(Scenario s) {
  switch (s) {
    case Scenario::check: return "check";
    case Scenario::accept: return "accept";
    case Scenario::repair: return "repair";
  }
  return "?";
}

std::size_t sample_size() {
  if (const char* all = std::getenv("TOSDIFF_FAULT_ALL"); all && std::string(all) == "1") return SIZE_MAX;
  if (const char* n = std::getenv("TOSDIFF_FAULT_SAMPLE")) return static_cast<std::size_t>(std::max(2, std::atoi(n)));
  return 8;
}

// Operations 1..count, or an evenly spaced sample of them with the first and the last.
std::vector<unsigned long> operations_to_fail(unsigned long count) {
  const std::size_t k = sample_size();
  std::vector<unsigned long> out;
  if (count <= k) {
    for (unsigned long i = 1; i <= count; ++i) out.push_back(i);
    return out;
  }
  for (std::size_t j = 0; j < k; ++j) {
    const unsigned long i = 1 + static_cast<unsigned long>(j * (count - 1) / (k - 1));
    if (out.empty() || out.back() != i) out.push_back(i);
  }
  return out;
}

std::string policy(const std::string& name, int revision) {
  std::string page = "<html><head><title>" + name + "</title></head><body><main><h1>" + name + " Terms</h1>";
  for (int p = 0; p < 12; ++p)
    page += "<h2>" + std::to_string(p + 1) + ". Clause</h2><p>Clause " + std::to_string(p + 1) + " of the " + name +
            " terms explains how the service stores, shares and deletes the data of its users.</p>";
  page += "<h2>Retention</h2><p>We keep your data for " + std::to_string(revision * 6) +
          " months after you close your account.</p></main></body></html>";
  return page;
}

// Under a fifth of the words: a suspicious shrink, held as pending.
std::string shrunk(const std::string& name) {
  return "<html><body><main><h1>" + name + " Terms</h1><p>These terms moved to a new home; see the help "
         "centre for the current text of the agreement.</p></main></body></html>";
}

// What the indexes of a data directory say, document by document.
struct DocumentState {
  std::vector<std::string> versions;  // "n:sha256", oldest first
  std::string pending;                // sha256 of the text held back, if any
  bool operator==(const DocumentState&) const = default;
};
using ArchiveState = std::map<std::string, DocumentState>;  // "platform/document"

std::vector<fs::path> document_dirs(const std::string& data) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& platform : fs::directory_iterator(data, ec)) {
    if (!platform.is_directory() || platform.path().filename().string()[0] == '.') continue;
    for (const auto& document : fs::directory_iterator(platform.path(), ec))
      if (document.is_directory()) out.push_back(document.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string key_of(const fs::path& document_dir) {
  return document_dir.parent_path().filename().string() + "/" + document_dir.filename().string();
}

ArchiveState read_state(const std::string& data) {
  ArchiveState state;
  for (const fs::path& dir : document_dirs(data)) {
    DocumentState& doc = state[key_of(dir)];
    const json index = json::parse(read_text_file(dir / "index.json"));
    for (const json& v : index["versions"])
      doc.versions.push_back(v["version"].get<std::string>() + ":" + v["sha256"].get<std::string>());
    if (index.contains("pending")) doc.pending = index["pending"]["sha256"];
  }
  return state;
}

// Every version text on disk: "platform/document/n" -> text.
std::map<std::string, std::string> version_texts(const std::string& data) {
  std::map<std::string, std::string> out;
  for (const fs::path& dir : document_dirs(data)) {
    std::error_code ec;
    for (const auto& file : fs::directory_iterator(dir / "versions", ec))
      if (file.path().extension() == ".txt")
        out[key_of(dir) + "/" + file.path().stem().string()] = read_text_file(file.path());
  }
  return out;
}

// The versions of `before` that are not in `data` byte for byte, named by its index.
std::vector<std::string> lost_versions(const std::map<std::string, std::string>& before, const std::string& data) {
  std::vector<std::string> lost;
  for (const auto& [key, text] : before) {
    const std::size_t slash = key.rfind('/');
    const std::string doc = data + "/" + key.substr(0, slash), number = key.substr(slash + 1);
    bool named = false;
    try {
      const json index = json::parse(read_text_file(doc + "/index.json"));
      for (const json& v : index["versions"])
        named = named || (v["version"] == number && v["sha256"] == sha256_hex(text));
    } catch (const std::exception&) {
    }
    if (!named || read_text_file(doc + "/versions/" + number + ".txt") != text) lost.push_back(key);
  }
  return lost;
}

// A crash, an abort or a sanitizer report, in a process's result.
std::string crash_of(const ProcessResult& r) {
  if (r.timed_out) return "timed out";
  if (r.exit_code >= 128) return "killed by signal " + std::to_string(r.exit_code - 128);
  for (const char* sign : {"AddressSanitizer", "LeakSanitizer", "runtime error:", "terminate called", "Aborted"})
    if (r.err.find(sign) != std::string::npos) return std::string("stderr says ") + sign;
  return {};
}

// The table printed at the end of the run (and each row as its test ends).
struct Row {
  std::string scenario, error;
  unsigned long operations = 0;
  std::size_t runs = 0, injected = 0, failed_runs = 0, versions_lost = 0, verify_clean = 0;
};
std::mutex g_rows_mutex;
std::vector<Row> g_rows;

std::string format_row(const Row& r) {
  char line[256];
  std::snprintf(line, sizeof line, "%-8s %-7s %10lu %6zu %9zu %12zu %14zu   %zu/%zu clean", r.scenario.c_str(),
                r.error.c_str(), r.operations, r.runs, r.injected, r.failed_runs, r.versions_lost, r.verify_clean,
                r.runs);
  return line;
}

const char* kHeader = "scenario errno   operations   runs  injected  failed runs  versions lost   verify after repair";

class FaultTable : public ::testing::Environment {
 public:
  void TearDown() override {
    std::lock_guard<std::mutex> lock(g_rows_mutex);
    if (g_rows.empty()) return;
    std::printf("\narchive faults injected (TOSDIFF_FAULT_ALL=%s):\n%s\n", std::getenv("TOSDIFF_FAULT_ALL") ? "1" : "0",
                kHeader);
    for (const Row& r : g_rows) std::printf("%s\n", format_row(r).c_str());
  }
};
[[maybe_unused]] const auto* const kTable = ::testing::AddGlobalTestEnvironment(new FaultTable);

class FaultInjected : public ::testing::TestWithParam<std::tuple<Scenario, std::string>> {
 protected:
  Scenario scenario() const { return std::get<0>(GetParam()); }
  const std::string& error() const { return std::get<1>(GetParam()); }
  std::string saved() const { return dir_ / "saved"; }
  // Runs go on in parallel (TOSDIFF_FAULT_JOBS, 3 by default: most of a run's time is spent
  // waiting for fsync and for the sanitizers' start-up), each in a data directory of its own.
  std::string data(std::size_t slot = 0) const { return dir_ / ("data-" + std::to_string(slot)); }

  ProcessResult tosdiff(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                        std::size_t slot = 0) const {
    std::vector<std::string> argv = {TOSDIFF_BINARY, "--data-dir", data(slot), "--catalog", dir_ / "catalog"};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<std::string> e = env;
    e.push_back("NO_COLOR=1");
    e.push_back("XDG_CONFIG_HOME=" + (dir_ / "config"));
    return run_process(argv, e, std::chrono::seconds(120));
  }
  void serve(const std::string& document, const std::string& body) {
    server_.set("/" + document, html(body));
  }

  // The saved archive of the scenario, and the pages the scenario's run will fetch.
  void SetUp() override {
    write_text_file(dir_ / "catalog/acme.json",
                    declaration("Acme", "acme", {{"Alpha", server_.url("/alpha")}, {"Beta", server_.url("/beta")},
                                                 {"Gamma", server_.url("/gamma")}})
                        .dump());
    const std::vector<std::string> documents = {"alpha", "beta", "gamma"};
    const int revisions = scenario() == Scenario::repair ? 3 : 2;
    for (int revision = 1; revision <= revisions; ++revision) {
      for (const std::string& d : documents) serve(d, policy(d, revision));
      ProcessResult r = tosdiff({"check"});
      ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    }
    switch (scenario()) {
      case Scenario::check: {
        // Beta has a text held back, which its next (good) text supersedes: the run also
        // deletes a file the old index names.
        serve("beta", shrunk("beta"));
        ProcessResult held = tosdiff({"check"});
        ASSERT_EQ(held.exit_code, 3) << held.out << held.err;
        // A text seen before, held until it lasts (written as pending, with the pages); a
        // change; a shrink; a new document.
        serve("alpha", policy("alpha", 1));
        serve("beta", policy("beta", 3));
        serve("gamma", shrunk("gamma"));
        serve("delta", policy("delta", 1));
        write_text_file(dir_ / "catalog/newco.json",
                        declaration("Newco", "newco", {{"Delta", server_.url("/delta")}}).dump());
        break;
      }
      case Scenario::accept: {
        serve("gamma", shrunk("gamma"));
        ProcessResult held = tosdiff({"check"});
        ASSERT_EQ(held.exit_code, 3) << held.out << held.err;
        ASSERT_NE(held.out.find("suspicious_shrink"), std::string::npos) << held.out;
        break;
      }
      case Scenario::repair: {
        const std::string acme = data() + "/acme/";
        const std::string index = read_text_file(acme + "alpha/index.json");
        write_text_file(acme + "alpha/index.json", index.substr(0, index.size() / 2));  // damaged
        fs::remove(acme + "beta/records/2.json");                                        // a record lost
        json gamma = json::parse(read_text_file(acme + "gamma/index.json"));
        gamma["versions"].erase(1);  // version 2 missing from the index: a gap
        write_text_file(acme + "gamma/index.json", gamma.dump(2));
        break;
      }
    }
    fs::copy(data(), saved(), fs::copy_options::recursive);
  }

  std::vector<std::string> scenario_args() const {
    switch (scenario()) {
      case Scenario::check: return {"check", "--json"};
      case Scenario::accept: return {"accept", "acme/gamma", "--json"};
      case Scenario::repair: return {"verify", "--repair"};
    }
    return {};
  }

  void restore(std::size_t slot) const {
    fs::remove_all(data(slot));
    fs::copy(saved(), data(slot), fs::copy_options::recursive);
  }

  // `verify` of a data directory, in this process (the same code as the binary's, without
  // the sanitizers' start-up cost): the problems it reports, "" when there are none.
  static std::string verify_problems(const std::string& data) {
    const VerifyReport report = verify_archive(Archive(data), false, builtin_rules());
    std::string out;
    for (const VerifyFinding& f : report.findings)
      if (f.problem && !f.repaired) out += "problem " + f.kind + "  " + f.path + ": " + f.message + "\n";
    return out;
  }

  // What one faulty (or clean) run and the recovery after it left.
  struct Outcome {
    ProcessResult run;
    FaultLog log;
    std::set<std::string> reported;  // documents whose change or first version was reported
    std::vector<std::string> problems;
    bool verify_clean = false;
    ArchiveState state;
    std::vector<std::string> lost;  // versions of the saved archive lost
  };

  // One run of the scenario with operation `fail_at` failing (0: none), then the recovery.
  // Runs in a worker thread: no gtest assertion here, every problem goes into the outcome.
  Outcome run_once(unsigned long fail_at, std::size_t slot) const {
    Outcome o;
    const std::string what = name_of(scenario()) + " " + error() + " at " + std::to_string(fail_at);
    auto problem = [&](const std::string& text) { o.problems.push_back(what + ": " + text); };
    try {
      run_once(fail_at, slot, o, problem);
    } catch (const std::exception& e) {
      problem(std::string("the test itself failed: ") + e.what());
    }
    return o;
  }

  template <class Problem>
  void run_once(unsigned long fail_at, std::size_t slot, Outcome& o, Problem& problem) const {
    const std::string data = this->data(slot);
    auto tosdiff = [&](const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
      return this->tosdiff(args, env, slot);
    };
    restore(slot);
    const std::string count_file = dir_ / ("count-" + std::to_string(slot));
    fs::remove(count_file);

    o.run = tosdiff(scenario_args(), FaultPlan{data, fail_at, error(), count_file, ""}.environment());
    o.log = read_fault_log(count_file);
    const std::string output = o.run.out + o.run.err;
    if (std::string crash = crash_of(o.run); !crash.empty()) problem("the faulty run crashed: " + crash + "\n" + output);
    if (!o.log.present) problem("the shim wrote no log (the process did not exit normally)");
    const std::string reason = std::strerror(error() == "EIO" ? EIO : ENOSPC);
    // Which documents the faulty run reported as changed or new (and so alerted on).
    if (scenario() == Scenario::check) {
      for (const json& r : json_lines(o.run.out)) {
        const std::string key = r["platform"].get<std::string>() + "/" + r["document"].get<std::string>();
        if (r["status"] == "changed" || r["status"] == "new") o.reported.insert(key);
        if (r["status"] == "error" && r["error"]["kind"] == "archive" &&
            r["error"]["message"].get<std::string>().find(reason) == std::string::npos)
          problem("an archive error that does not say why: " + r.dump());
      }
      if (o.run.exit_code != 3 && o.run.exit_code != 4) problem("exit " + std::to_string(o.run.exit_code) + "\n" + output);
    } else if (scenario() == Scenario::accept) {
      if (o.run.exit_code == 0) o.reported.insert("acme/gamma");
      else if (o.run.exit_code != 4) problem("exit " + std::to_string(o.run.exit_code) + "\n" + output);
    } else if (o.run.exit_code != 0 && o.run.exit_code != 3 && o.run.exit_code != 4) {
      problem("exit " + std::to_string(o.run.exit_code) + "\n" + output);
    }
    const bool failed = scenario() == Scenario::check ? o.run.exit_code == 4 || o.run.out.find("\"archive\"") != std::string::npos
                                                      : o.run.exit_code != 0;
    if (failed && output.find(reason) == std::string::npos)
      problem("the run failed without saying why (\"" + reason + "\")\n" + output);

    // A check or an accept that failed leaves the archive as a kill would: what it wrote is
    // garbage of an open transaction (leftovers), never a problem for `verify` to report.
    if (scenario() != Scenario::repair) {
      if (std::string found = verify_problems(data); !found.empty()) problem("verify right after the faulty run:\n" + found);
    }

    // Recovery, without faults.
    ProcessResult repair = tosdiff({"verify", "--repair"});
    if (repair.exit_code != 0) problem("verify --repair after the fault: exit " + std::to_string(repair.exit_code) + "\n" + repair.out + repair.err);
    if (scenario() == Scenario::accept) {
      const json index = json::parse(read_text_file(data + "/acme/gamma/index.json"));
      if (index.contains("pending")) {
        ProcessResult accept = tosdiff({"accept", "acme/gamma"});
        if (accept.exit_code != 0) problem("accept after the fault: exit " + std::to_string(accept.exit_code) + "\n" + accept.err);
        if (o.reported.count("acme/gamma")) problem("accept said it was done, but the text is still pending");
        o.reported.insert("acme/gamma");
      } else if (!o.reported.count("acme/gamma")) {
        problem("accept failed (exit " + std::to_string(o.run.exit_code) + ") but the text was accepted:\n" + output);
      }
    }
    ProcessResult check = tosdiff({"check", "--json"});
    const int expected_exit = scenario() == Scenario::check ? 3 : 0;  // the shrink is an error, every time
    if (check.exit_code != expected_exit)
      problem("the check after the repair: exit " + std::to_string(check.exit_code) + "\n" + check.out + check.err);
    for (const json& r : json_lines(check.out)) {
      const std::string key = r["platform"].get<std::string>() + "/" + r["document"].get<std::string>();
      if (r["status"] != "changed" && r["status"] != "new") continue;
      if (o.reported.count(key)) problem(key + ": reported twice, by the faulty run and by the next check");
      o.reported.insert(key);
    }
    if (std::string found = verify_problems(data); !found.empty()) problem("verify after the recovery:\n" + found);
    else o.verify_clean = true;
    try {
      o.state = read_state(data);
    } catch (const std::exception& e) {
      problem(std::string("an index cannot be read after recovery: ") + e.what());
    }
    o.lost = lost_versions(version_texts(saved()), data);
  }

  TempDir dir_;
  HttpTestServer server_;
};

std::size_t jobs() {
  const char* n = std::getenv("TOSDIFF_FAULT_JOBS");
  return n ? static_cast<std::size_t>(std::max(1, std::atoi(n))) : 3;
}

TEST_P(FaultInjected, NoVersionLostEveryChangeRecordedOnce) {
  // The clean run: how many operations the scenario makes, and the archive and reports a
  // run without faults leaves.
  ASSERT_FALSE(version_texts(saved()).empty());
  Outcome clean = run_once(0, 0);
  for (const std::string& p : clean.problems) ADD_FAILURE() << p;
  ASSERT_TRUE(clean.log.present);
  ASSERT_GT(clean.log.count, 0u) << clean.log.text;
  ASSERT_EQ(clean.log.failed, 0u);
  const ArchiveState expected = clean.state;
  const std::set<std::string> expected_reports = clean.reported;
  if (scenario() == Scenario::check) {
    // Alpha's text seen before is held (its pending text and pages among the writes faulted).
    EXPECT_NE(clean.run.out.find("\"held_return\""), std::string::npos) << clean.run.out;
    EXPECT_EQ(expected_reports.count("acme/alpha"), 0u);
  }

  Row row;
  row.scenario = name_of(scenario());
  row.error = error();
  row.operations = clean.log.count;
  // Each operation in turn (or the sample), `jobs()` at a time; judged in order once all ran.
  const std::vector<unsigned long> sample = operations_to_fail(clean.log.count);
  std::vector<Outcome> outcomes(sample.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  for (std::size_t slot = 0; slot < std::min(jobs(), sample.size()); ++slot)
    workers.emplace_back([&, slot] {
      for (std::size_t i; (i = next.fetch_add(1)) < sample.size();) outcomes[i] = run_once(sample[i], slot);
    });
  for (std::thread& w : workers) w.join();
  for (std::size_t i = 0; i < sample.size(); ++i) {
    const Outcome& o = outcomes[i];
    ++row.runs;
    row.injected += o.log.failed > 0;
    row.failed_runs += scenario() == Scenario::check ? o.run.out.find("\"archive\"") != std::string::npos || o.run.exit_code == 4
                                                     : o.run.exit_code != 0;
    row.versions_lost += o.lost.size();
    row.verify_clean += o.verify_clean;
    const std::string where = name_of(scenario()) + " " + error() + " at operation " + std::to_string(sample[i]) +
                              " of " + std::to_string(clean.log.count);
    const bool failed_before = ::testing::Test::HasFailure();
    for (const std::string& p : o.problems) ADD_FAILURE() << p;
    for (const std::string& key : o.lost) ADD_FAILURE() << where << ": version lost: " << key;
    EXPECT_EQ(o.state, expected) << where << ": the history differs from a run without faults";
    EXPECT_EQ(o.reported, expected_reports) << where << ": changes reported";
    // The shim's log of the first failing operation: which call failed, and what came after.
    if (!failed_before && ::testing::Test::HasFailure())
      std::printf("%s: the shim's log:\n%s\n", where.c_str(), o.log.text.c_str());
  }
  std::printf("%s\n%s\n", kHeader, format_row(row).c_str());
  RecordProperty("operations", static_cast<int>(row.operations));
  RecordProperty("runs", static_cast<int>(row.runs));
  RecordProperty("injected", static_cast<int>(row.injected));
  RecordProperty("failed_runs", static_cast<int>(row.failed_runs));
  RecordProperty("versions_lost", static_cast<int>(row.versions_lost));
  RecordProperty("verify_clean", static_cast<int>(row.verify_clean));
  std::lock_guard<std::mutex> lock(g_rows_mutex);
  g_rows.push_back(row);
  EXPECT_EQ(row.versions_lost, 0u);
}

INSTANTIATE_TEST_SUITE_P(
    Archive, FaultInjected,
    ::testing::Combine(::testing::Values(Scenario::check, Scenario::accept, Scenario::repair),
                       ::testing::Values(std::string("ENOSPC"), std::string("EIO"))),
    [](const ::testing::TestParamInfo<std::tuple<Scenario, std::string>>& info) {
      return name_of(std::get<0>(info.param)) + "_" + std::get<1>(info.param);
    });

}  // namespace
}  // namespace tosdiff::testing
