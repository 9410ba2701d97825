// The governance timeline: `digest` (the changes of a period), `history` (every version with
// its significance, severity and topics), `show --at` and `diff --from/--to` by dates and
// versions; the real binary against pages served on 127.0.0.1.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/http_test_server.hpp"
#include "support/process.hpp"
#include "support/tosdiff_helpers.hpp"

namespace tosdiff::testing {
namespace {

std::string page(const std::string& disputes, const std::string& date = "March 3, 2026") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Terms</title></head><body>"
         "<main><h1>Example Terms</h1><p>Last updated: " + date + "</p>"
         "<h2>1. Your content</h2><p>We keep your content for two (2) years after you close your account.</p>"
         "<h2>2. Disputes</h2><p>" + disputes + "</p></main></body></html>";
}

const std::string kCourts = "You may bring any dispute before the courts of your place of residence.";
const std::string kArbitration =
    "Any dispute will be resolved by binding individual arbitration, and you waive any right to a jury trial.";

class Timeline : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.set("/terms", html(page(kCourts)));
    server_.set("/privacy", html(page(kCourts)));
    write_text_file(dir_ / "catalog/example.json",
                    declaration("Example Platform", "example",
                                {{"Terms of Service", server_.url("/terms")}, {"Privacy Policy", server_.url("/privacy")}})
                        .dump(2));
    write_text_file(dir_ / "catalog/other.json",
                    declaration("Other Service", "other", {{"Terms of Service", server_.url("/other")}}).dump(2));
    server_.set("/other", html(page(kCourts)));
  }

  // Every record the test made tosdiff archive must validate against the schema.
  void TearDown() override { expect_valid_archived_records(data()); }

  ProcessResult tosdiff(std::vector<std::string> args) {
    std::vector<std::string> argv = {TOSDIFF_BINARY, "--data-dir", data(), "--catalog", dir_ / "catalog",
                                     "--config", dir_ / "none.json"};
    write_text_file(dir_ / "none.json", "{}");
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, {"NO_COLOR=1"}, std::chrono::seconds(60));
  }

  // Three versions of example/terms-of-service: v1 (new), v2 substantive (arbitration),
  // v3 cosmetic (date format); privacy and other stay at v1. Then the capture times are
  // moved to known dates, as if the checks had run then.
  void build_history() {
    ASSERT_EQ(tosdiff({"check"}).exit_code, 0);
    server_.set("/terms", html(page(kArbitration)));
    ASSERT_EQ(tosdiff({"check"}).exit_code, 0);
    server_.set("/terms", html(page(kArbitration, "3 March 2026")));
    ASSERT_EQ(tosdiff({"check"}).exit_code, 0);
    set_dates("example/terms-of-service", {"2026-01-05T10:00:00Z", "2026-02-10T09:30:00Z", "2026-02-20T08:00:00Z"});
    set_dates("example/privacy-policy", {"2026-01-05T10:00:00Z"});
    set_dates("other/terms-of-service", {"2026-01-06T10:00:00Z"});
  }

  void set_dates(const std::string& key, const std::vector<std::string>& dates) {
    const std::string path = data() + "/" + key + "/index.json";
    json index = json::parse(read_text_file(path));
    ASSERT_EQ(index["versions"].size(), dates.size()) << key;
    for (std::size_t i = 0; i < dates.size(); ++i) index["versions"][i]["captured_at"] = dates[i];
    write_text_file(path, index.dump(2));
  }

  std::string data() const { return dir_ / "data"; }

  TempDir dir_;
  HttpTestServer server_;
};

TEST_F(Timeline, DigestGroupsTheChangesOfAPeriod) {
  build_history();
  ProcessResult r = tosdiff({"digest", "--since", "2026-02-01", "--until", "2026-02-28", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json d = json::parse(r.out);
  EXPECT_EQ(d["since"], "2026-02-01T00:00:00Z");
  EXPECT_EQ(d["until"], "2026-02-28T23:59:59Z");
  EXPECT_EQ(d["counts"]["substantive"], 1);
  EXPECT_EQ(d["counts"]["cosmetic"], 1);
  EXPECT_EQ(d["counts"]["new"], 0);
  ASSERT_EQ(d["groups"].size(), 1u);
  EXPECT_EQ(d["groups"][0]["platform"], "example");
  EXPECT_EQ(d["groups"][0]["name"], "Example Platform");
  const json& changes = d["groups"][0]["changes"];
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0]["significance"], "substantive");  // substantive first, though older
  EXPECT_EQ(changes[0]["version"], "2");
  EXPECT_EQ(changes[0]["captured_at"], "2026-02-10T09:30:00Z");
  EXPECT_FALSE(changes[0]["severity"].get<std::string>().empty());
  EXPECT_FALSE(changes[0]["topics"].empty());
  EXPECT_NE(changes[0]["places"].dump().find("binding individual arbitration"), std::string::npos);
  EXPECT_EQ(changes[1]["significance"], "cosmetic");

  // January: the first versions, of both platforms.
  ProcessResult january = tosdiff({"digest", "--since", "2026-01-01", "--until", "2026-01-31", "--format", "json"});
  const json j = json::parse(january.out);
  EXPECT_EQ(j["counts"]["new"], 3);
  EXPECT_EQ(j["groups"].size(), 2u);
  // A platform filter.
  ProcessResult other = tosdiff({"digest", "--since", "2026-01-01", "--until", "2026-12-31", "--format", "json", "other"});
  const json o = json::parse(other.out);
  ASSERT_EQ(o["groups"].size(), 1u);
  EXPECT_EQ(o["groups"][0]["platform"], "other");
  // The default window is the last 7 days: these dates are long gone.
  ProcessResult recent = tosdiff({"digest"});
  EXPECT_EQ(recent.exit_code, 0);
  EXPECT_NE(recent.out.find("Nothing changed."), std::string::npos) << recent.out;
}

TEST_F(Timeline, DigestRendersTextMarkdownAndHtml) {
  build_history();
  const std::vector<std::string> window = {"--since", "2026-01-01", "--until", "2026-03-01"};
  auto run = [&](const std::string& format) {
    std::vector<std::string> args = {"digest", "--format", format};
    args.insert(args.end(), window.begin(), window.end());
    ProcessResult r = tosdiff(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  const std::string text = run("text");
  EXPECT_NE(text.find("What changed in the terms you track\n2026-01-01 00:00 \u2013 2026-03-01 23:59 UTC\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("Example Platform  (example)"), std::string::npos);
  EXPECT_NE(text.find("binding individual arbitration, and you waive+}"), std::string::npos) << text;
  EXPECT_NE(text.find("COSMETIC  Terms of Service  version 3 (was 2)"), std::string::npos);
  EXPECT_LT(text.find("Example Platform"), text.find("Other Service"));  // the substantive change first
  EXPECT_EQ(text.find("\x1b["), std::string::npos);
  const std::string md = run("markdown");
  EXPECT_NE(md.find("## Example Platform"), std::string::npos);
  EXPECT_NE(md.find("binding individual arbitration, and you waive**"), std::string::npos) << md;
  const std::string html = run("html");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<ins style="), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("</html>\n"), std::string::npos);
  ProcessResult colored = run_process({TOSDIFF_BINARY, "--data-dir", data(), "--color", "always", "digest", "--since",
                                       "2026-01-01", "--until", "2026-03-01"});
  EXPECT_NE(colored.out.find("\x1b[32;1m"), std::string::npos);
}

TEST_F(Timeline, DigestMistakes) {
  build_history();
  EXPECT_EQ(tosdiff({"digest", "--since", "yesterday"}).exit_code, 2);
  EXPECT_EQ(tosdiff({"digest", "--until", "2026-13-01"}).exit_code, 2);
  EXPECT_EQ(tosdiff({"digest", "--since", "2026-03-01", "--until", "2026-02-01"}).exit_code, 2);
  EXPECT_EQ(tosdiff({"digest", "--format", "pdf"}).exit_code, 2);
  EXPECT_EQ(tosdiff({"digest", "../etc"}).exit_code, 2);
  ProcessResult unknown = tosdiff({"digest", "nosuch"});
  EXPECT_EQ(unknown.exit_code, 0);
  EXPECT_NE(unknown.err.find("warning: nothing archived for nosuch"), std::string::npos);
  ProcessResult none = run_process({TOSDIFF_BINARY, "--data-dir", dir_ / "empty", "digest"});
  EXPECT_EQ(none.exit_code, 4);
}

TEST_F(Timeline, HistoryIsTheGovernanceTimeline) {
  build_history();
  ProcessResult r = tosdiff({"history", "example/terms-of-service", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto versions = json_lines(r.out);
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_EQ(versions[0]["status"], "new");
  EXPECT_EQ(versions[0]["severity"], "info");
  EXPECT_EQ(versions[1]["significance"], "substantive");
  EXPECT_EQ(versions[1]["captured_at"], "2026-02-10T09:30:00Z");
  EXPECT_FALSE(versions[1]["severity"].get<std::string>().empty());
  ASSERT_TRUE(versions[1].contains("topics"));
  bool arbitration = false;
  for (const auto& t : versions[1]["topics"]) arbitration = arbitration || t["id"] == "dispute_resolution";
  EXPECT_TRUE(arbitration) << versions[1].dump();
  EXPECT_TRUE(versions[1].contains("regulations"));
  EXPECT_EQ(versions[2]["significance"], "cosmetic");
  EXPECT_FALSE(versions[2].contains("topics"));
  ProcessResult text = tosdiff({"history", "example"});
  EXPECT_NE(text.out.find("example/terms-of-service  v2  2026-02-10T09:30:00Z  substantive  " +
                          versions[1]["severity"].get<std::string>()),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("example/privacy-policy  v1  2026-01-05T10:00:00Z  new"), std::string::npos);
}

TEST_F(Timeline, ShowAtADateOrAVersion) {
  build_history();
  ProcessResult jan = tosdiff({"show", "example/terms-of-service", "--at", "2026-01-31"});
  ASSERT_EQ(jan.exit_code, 0) << jan.err;
  EXPECT_NE(jan.out.find("courts of your place of residence"), std::string::npos);
  ProcessResult feb = tosdiff({"show", "example/terms-of-service", "--at", "2026-02-10"});  // the end of that day
  EXPECT_NE(feb.out.find("binding individual arbitration"), std::string::npos);
  ProcessResult morning = tosdiff({"show", "example/terms-of-service", "--at", "2026-02-10T09:00:00Z"});
  EXPECT_NE(morning.out.find("courts of your place of residence"), std::string::npos);
  ProcessResult v2 = tosdiff({"show", "example/terms-of-service", "--at", "2"});
  EXPECT_EQ(v2.out, feb.out);
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service", "--at", "2025-12-31"}).exit_code, 4);
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service", "--at", "99"}).exit_code, 2);
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service", "--at", "last week"}).exit_code, 2);
}

TEST_F(Timeline, DiffBetweenDatesAndVersions) {
  build_history();
  ProcessResult r = tosdiff({"diff", "example/terms-of-service", "--from", "2026-01-31", "--to", "2026-02-15", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json record = json::parse(r.out);
  expect_valid_record(record, "diff --from --to --json");
  EXPECT_EQ(record["status"], "changed");
  EXPECT_EQ(record["significance"], "substantive");
  EXPECT_EQ(record["previous"]["version"], "1");
  EXPECT_EQ(record["current"]["version"], "2");
  EXPECT_NE(record.dump().find("binding individual arbitration"), std::string::npos);
  // Versions 1 to 3: the substantive change and the reformatted date together.
  const json across = json::parse(tosdiff({"diff", "example/terms-of-service", "--from", "1", "--to", "3", "--json"}).out);
  expect_valid_record(across, "diff --from 1 --to 3 --json");
  EXPECT_EQ(across["current"]["version"], "3");
  EXPECT_EQ(across["significance"], "substantive");
  // --to alone compares with the version before it.
  const json cosmetic = json::parse(tosdiff({"diff", "example/terms-of-service", "--to", "3", "--json"}).out);
  expect_valid_record(cosmetic, "diff --to 3 --json");
  EXPECT_EQ(cosmetic["previous"]["version"], "2");
  EXPECT_EQ(cosmetic["significance"], "cosmetic");
  ProcessResult same = tosdiff({"diff", "example/terms-of-service", "--from", "2", "--to", "2026-02-11"});
  EXPECT_EQ(same.exit_code, 0);
  EXPECT_NE(same.out.find("the versions are identical"), std::string::npos) << same.out;
  const json identical =
      json::parse(tosdiff({"diff", "example/terms-of-service", "--from", "2", "--to", "2026-02-11", "--json"}).out);
  expect_valid_record(identical, "diff --json of a version with itself");
  EXPECT_EQ(identical["status"], "unchanged");
  EXPECT_EQ(identical["hunks"], json::array());
  ProcessResult text = tosdiff({"diff", "example/terms-of-service", "--from", "2026-01-05", "--to", "2"});
  EXPECT_NE(text.out.find("binding individual arbitration, and you waive+}"), std::string::npos) << text.out;
  EXPECT_EQ(tosdiff({"diff", "example/terms-of-service", "--from", "2025-01-01"}).exit_code, 4);
}

}  // namespace
}  // namespace tosdiff::testing
