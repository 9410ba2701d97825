// Integration tests: the real tosdiff binary, started as a child process, against a real
// HTTP server on 127.0.0.1 that each test starts and stops. Nothing else is contacted.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <map>
#include <sstream>
#include <sys/stat.h>
#include <thread>

#include "support/http_test_server.hpp"
#include "support/process.hpp"
#include "support/tosdiff_helpers.hpp"

namespace tosdiff::testing {
namespace {


std::string policy_page(const std::string& body_extra, const std::string& retention = "two (2) years") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Terms</title>"
         "<script>var tracking = 1;</script></head><body>"
         "<nav><a href=\"/\">Home</a> <a href=\"/pricing\">Pricing</a></nav>"
         "<main><h1>Example Terms</h1><p>Last updated: March 3, 2026</p>"
         "<h2>1. Your content</h2><p>We keep your content for " + retention +
         " after you close your account.</p>"
         "<h2>2. Disputes</h2><p>These terms are governed by the laws of Delaware.</p>" +
         body_extra + "</main><footer>Footer links</footer></body></html>";
}

// A data dir, a catalog dir with one declaration ("example": terms + privacy) and a server.
class TosdiffRun : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.set("/terms", html(policy_page("")));
    server_.set("/privacy", html(policy_page("<p>We do not sell personal data.</p>")));
    write_declaration({{"Terms of Service", server_.url("/terms")}, {"Privacy Policy", server_.url("/privacy")}});
  }

  // Every record the test made tosdiff archive must validate against the schema.
  void TearDown() override { expect_valid_archived_records(data()); }

  void write_declaration(const std::vector<std::pair<std::string, std::string>>& documents,
                         const std::string& name = "Example.json") {
    write_text_file(dir_ / ("catalog/" + name), declaration("Example Platform", "example", documents).dump(2));
  }

  ProcessResult tosdiff(std::vector<std::string> args, std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
    std::vector<std::string> argv = {TOSDIFF_BINARY, "--data-dir", data(), "--catalog", dir_ / "catalog"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, {"NO_COLOR=1"}, timeout);
  }

  std::string data() const { return dir_ / "data"; }

  TempDir dir_;
  HttpTestServer server_;
};

TEST_F(TosdiffRun, FirstRunArchivesEveryDocumentAsNew) {
  ProcessResult r = tosdiff({"check", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  for (const auto& l : lines) {
    EXPECT_EQ(l["status"], "new");
    EXPECT_EQ(l["schema_version"], 1);
    EXPECT_EQ(l["current"]["version"], "1");
    EXPECT_FALSE(l.contains("previous"));
    EXPECT_FALSE(l.contains("hunks"));
    EXPECT_EQ(l["current"]["sha256"].get<std::string>().size(), 64u);
  }
  EXPECT_TRUE(std::filesystem::exists(data() + "/example/terms-of-service/versions/1.txt"));
  EXPECT_TRUE(std::filesystem::exists(data() + "/example/terms-of-service/records/1.json"));
  EXPECT_TRUE(std::filesystem::exists(data() + "/example/privacy-policy/index.json"));
  std::string text = read_text_file(data() + "/example/terms-of-service/versions/1.txt");
  EXPECT_NE(text.find("# Example Terms\n"), std::string::npos);
  EXPECT_EQ(text.find("tracking"), std::string::npos);  // script dropped
  EXPECT_EQ(text.find("Pricing"), std::string::npos);   // navigation dropped
}

TEST_F(TosdiffRun, UnchangedRunPrintsNothingAndWritesNoVersion) {
  ASSERT_EQ(tosdiff({"check"}).exit_code, 0);
  const std::size_t files = count_files(data());
  ProcessResult r = tosdiff({"check", "--exit-code"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");  // cron mails nothing
  EXPECT_EQ(count_files(data()), files);
  auto lines = json_lines(tosdiff({"check", "--json"}).out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["status"], "unchanged");
  EXPECT_EQ(lines[1]["status"], "unchanged");
}

TEST_F(TosdiffRun, ChangedRunWritesARecordAndExitsOneWithExitCode) {
  ASSERT_EQ(tosdiff({"check"}).exit_code, 0);
  server_.set("/terms", html(policy_page("", "one (1) year")));
  ProcessResult r = tosdiff({"check", "--json", "--exit-code"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto lines = json_lines(r.out);
  const json* terms = find_document(lines, "terms-of-service");
  ASSERT_NE(terms, nullptr);
  EXPECT_EQ((*terms)["status"], "changed");
  EXPECT_EQ((*terms)["significance"], "substantive");
  EXPECT_EQ((*terms)["previous"]["version"], "1");
  EXPECT_EQ((*terms)["current"]["version"], "2");
  ASSERT_EQ((*terms)["hunks"].size(), 1u);
  const json& hunk = (*terms)["hunks"][0];
  EXPECT_EQ(hunk["section"], json::array({"Example Terms", "1. Your content"}));
  std::string words = hunk["words"].dump();
  EXPECT_NE(words.find("two (2) years"), std::string::npos);
  EXPECT_NE(words.find("one (1) year"), std::string::npos);
  EXPECT_EQ((*find_document(lines, "privacy-policy"))["status"], "unchanged");

  // The record on disk is the one printed, and `diff` shows it again.
  json on_disk = json::parse(read_text_file(data() + "/example/terms-of-service/records/2.json"));
  EXPECT_EQ(on_disk, *terms);
  ProcessResult diff = tosdiff({"diff", "example/terms-of-service", "--json"});
  EXPECT_EQ(diff.exit_code, 0);
  EXPECT_EQ(json::parse(diff.out), *terms);
  ProcessResult text = tosdiff({"diff", "example/terms-of-service"});
  EXPECT_NE(text.out.find("one (1) year"), std::string::npos);
  ProcessResult history = tosdiff({"history", "example/terms-of-service"});
  EXPECT_NE(history.out.find("v1"), std::string::npos);
  EXPECT_NE(history.out.find("v2"), std::string::npos);
  ProcessResult show = tosdiff({"show", "example/terms-of-service"});
  EXPECT_NE(show.out.find("one (1) year"), std::string::npos);
  ProcessResult show_v1 = tosdiff({"show", "example/terms-of-service", "--at", "1"});
  EXPECT_NE(show_v1.out.find("two (2) years"), std::string::npos);
}

TEST_F(TosdiffRun, TextReportNamesTheChangedDocumentAndTheChangedWords) {
  ASSERT_EQ(tosdiff({"check"}).exit_code, 0);
  server_.set("/terms", html(policy_page("", "one (1) year")));
  ProcessResult r = tosdiff({"check"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("CHANGED  example/terms-of-service"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[-two (2) years-] {+one (1) year+}"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("privacy-policy"), std::string::npos);
}

TEST_F(TosdiffRun, CosmeticOnlyChangeIsArchivedButNotAlerted) {
  ASSERT_EQ(tosdiff({"check"}).exit_code, 0);
  std::string page = policy_page("");
  page.replace(page.find("March 3, 2026"), 13, "3 March 2026");
  server_.set("/terms", html(page));
  ProcessResult r = tosdiff({"check", "--exit-code"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "");
  auto history = json_lines(tosdiff({"history", "example/terms-of-service", "--json"}).out);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1]["significance"], "cosmetic");
  EXPECT_EQ(history[1]["cosmetic_kinds"], json::array({"date_format"}));
}

// `tosdiff check --quiet` (global options after the command too, as cron lines are
// written): only the substantive change is printed, not the cosmetic one; -v shows both.
TEST_F(TosdiffRun, QuietCheckPrintsOnlySubstantiveChangesAndGlobalOptionsMayFollowTheCommand) {
  ASSERT_EQ(tosdiff({"check"}).exit_code, 0);
  std::string terms = policy_page("");
  terms.replace(terms.find("March 3, 2026"), 13, "3 March 2026");
  server_.set("/terms", html(terms));
  server_.set("/privacy", html(policy_page("<p>We may sell personal data to partners.</p>")));
  ProcessResult quiet = tosdiff({"check", "--quiet", "--exit-code"});
  EXPECT_EQ(quiet.exit_code, 1) << quiet.err;
  EXPECT_NE(quiet.out.find("example/privacy-policy"), std::string::npos) << quiet.out;
  EXPECT_EQ(quiet.out.find("example/terms-of-service"), std::string::npos) << quiet.out;

  terms.replace(terms.find("3 March 2026"), 12, "03/03/2026");  // another cosmetic change
  server_.set("/terms", html(terms));
  ProcessResult verbose = tosdiff({"check", "example", "-v", "--color", "never"});
  EXPECT_EQ(verbose.exit_code, 0) << verbose.err;
  EXPECT_NE(verbose.out.find("example/terms-of-service"), std::string::npos) << verbose.out;
  EXPECT_NE(verbose.out.find("cosmetic"), std::string::npos) << verbose.out;
  EXPECT_NE(verbose.out.find("example/privacy-policy"), std::string::npos) << verbose.out;  // unchanged, shown with -v
  EXPECT_EQ(tosdiff({"list", "--bogus"}).exit_code, 2);
}

TEST_F(TosdiffRun, HttpErrorsFailTheirDocumentOnlyAndKeepTheArchive) {
  ASSERT_EQ(tosdiff({"check"}).exit_code, 0);
  const std::string index_before = read_text_file(data() + "/example/terms-of-service/index.json");
  for (int status : {404, 500}) {
    server_.set("/terms", html("<html><body><h1>Oops</h1></body></html>", status));
    server_.set("/privacy", html(policy_page("<p>We do not sell personal data to anyone.</p>")));
    ProcessResult r = tosdiff({"check", "--json", "--timeout", "5"});
    EXPECT_EQ(r.exit_code, 3) << status << r.err;
    auto lines = json_lines(r.out);
    const json* terms = find_document(lines, "terms-of-service");
    ASSERT_NE(terms, nullptr);
    EXPECT_EQ((*terms)["status"], "error");
    EXPECT_EQ((*terms)["error"]["kind"], "http_status");
    EXPECT_NE((*terms)["error"]["message"].get<std::string>().find(std::to_string(status)), std::string::npos);
    EXPECT_FALSE(terms->contains("hunks"));
    // The other document was checked normally.
    const json* privacy = find_document(lines, "privacy-policy");
    ASSERT_NE(privacy, nullptr);
    EXPECT_NE((*privacy)["status"], "error");
  }
  // No version, no record for the failed document; the current version is still 1.
  EXPECT_FALSE(std::filesystem::exists(data() + "/example/terms-of-service/versions/2.txt"));
  EXPECT_FALSE(std::filesystem::exists(data() + "/example/terms-of-service/records/2.json"));
  json index = json::parse(read_text_file(data() + "/example/terms-of-service/index.json"));
  EXPECT_EQ(index["versions"].size(), 1u);
  EXPECT_EQ(index["last_check"]["status"], "error");
  // When the page comes back unchanged, nothing is reported.
  server_.set("/terms", html(policy_page("")));
  auto back = json_lines(tosdiff({"check", "--json", "example/terms-of-service"}).out);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0]["status"], "unchanged");
}

TEST_F(TosdiffRun, ConnectionRefusedIsADocumentError) {
  write_declaration({{"Terms of Service", "http://127.0.0.1:" + std::to_string(unused_local_port()) + "/terms"},
                     {"Privacy Policy", server_.url("/privacy")}});
  ProcessResult r = tosdiff({"check", "--json"});
  EXPECT_EQ(r.exit_code, 3);
  auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ((*find_document(lines, "terms-of-service"))["error"]["kind"], "connection_refused");
  EXPECT_EQ((*find_document(lines, "privacy-policy"))["status"], "new");
}

TEST_F(TosdiffRun, SelectorThatMatchesNothingIsANoMatchError) {
  json declaration;
  declaration["name"] = "Example Platform";
  declaration["id"] = "example";
  declaration["terms"]["Terms of Service"] = {{"fetch", server_.url("/terms")}, {"select", ".does-not-exist"}};
  write_text_file(dir_ / "catalog/Example.json", declaration.dump());
  ProcessResult r = tosdiff({"check", "--json"});
  EXPECT_EQ(r.exit_code, 3);
  auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["error"]["kind"], "no_match");
  EXPECT_FALSE(std::filesystem::exists(data() + "/example/terms-of-service/versions/1.txt"));
}

TEST_F(TosdiffRun, NotModifiedResponseMeansUnchanged) {
  HttpReply reply = html(policy_page(""));
  reply.headers.push_back({"ETag", "\"v1\""});
  server_.set("/terms", [reply](const HttpRequest& request) {
    if (request.header("if-none-match") == "\"v1\"") {
      HttpReply not_modified;
      not_modified.status = 304;
      return not_modified;
    }
    return reply;
  });
  ASSERT_EQ(tosdiff({"check"}).exit_code, 0);
  auto lines = json_lines(tosdiff({"check", "--json", "example/terms-of-service"}).out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["status"], "unchanged");
  bool conditional = false;
  for (const auto& request : server_.requests())
    conditional = conditional || request.header("if-none-match") == "\"v1\"";
  EXPECT_TRUE(conditional);
}

TEST_F(TosdiffRun, UnknownPlatformIsAUsageError) {
  ProcessResult r = tosdiff({"check", "no-such-platform"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown platform 'no-such-platform'"), std::string::npos) << r.err;
  ProcessResult doc = tosdiff({"check", "example/no-such-document"});
  EXPECT_EQ(doc.exit_code, 2);
  EXPECT_NE(doc.err.find("unknown document"), std::string::npos);
  EXPECT_EQ(count_files(data()), 0u);
}

// A broken declaration fails its platform only: list and check go on with the others, say
// why on stderr (one line per problem) and exit 3; validate exits 2; naming it is a usage error.
TEST_F(TosdiffRun, ABrokenDeclarationFailsItsPlatformOnly) {
  const std::string broken = (dir_ / "catalog/Broken.json");
  write_text_file(broken, "{\"name\": \"Broken\", \"terms\": {\"Terms\": {\"fetch\": 42}}");
  auto error_lines = [](const std::string& err) {
    std::size_t n = 0;
    for (std::size_t at = err.find("tosdiff: error: "); at != std::string::npos; at = err.find("tosdiff: error: ", at + 1)) ++n;
    return n;
  };

  ProcessResult list = tosdiff({"list"});
  EXPECT_EQ(list.exit_code, 3) << list.err;
  EXPECT_NE(list.out.find("example/terms-of-service"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find("broken"), std::string::npos) << list.out;
  EXPECT_NE(list.err.find("tosdiff: error: " + broken + ": not valid JSON"), std::string::npos) << list.err;
  EXPECT_EQ(error_lines(list.err), 1u) << list.err;

  ProcessResult check = tosdiff({"check", "--json"});
  EXPECT_EQ(check.exit_code, 3) << check.err;
  auto lines = json_lines(check.out);
  ASSERT_EQ(lines.size(), 2u) << check.out;
  for (const auto& l : lines) EXPECT_EQ(l["status"], "new");
  EXPECT_TRUE(std::filesystem::exists(data() + "/example/terms-of-service/versions/1.txt"));
  EXPECT_NE(check.err.find("tosdiff: error: " + broken), std::string::npos) << check.err;
  EXPECT_EQ(error_lines(check.err), 1u) << check.err;

  // Named on the command line: how tosdiff was called is wrong; nothing is fetched.
  const int hits = server_.hits("/terms");
  ProcessResult named = tosdiff({"check", "broken"});
  EXPECT_EQ(named.exit_code, 2) << named.err;
  EXPECT_NE(named.err.find("platform 'broken'"), std::string::npos) << named.err;
  EXPECT_NE(named.err.find(broken + ": not valid JSON"), std::string::npos) << named.err;
  EXPECT_EQ(server_.hits("/terms"), hits);
  // Another platform named: checked, and one line tells of the broken one.
  ProcessResult other = tosdiff({"check", "example"});
  EXPECT_EQ(other.exit_code, 0) << other.err;
  EXPECT_NE(other.err.find("1 other platform"), std::string::npos) << other.err;

  ProcessResult v = tosdiff({"validate", dir_ / "catalog"});
  EXPECT_EQ(v.exit_code, 2);
  EXPECT_NE(v.out.find("Broken.json"), std::string::npos);
  EXPECT_EQ(tosdiff({"validate"}).exit_code, 2);

  // A catalog whose only declaration is broken checks nothing: not the built-in platforms
  // instead (a proxy that refuses connections would fail them fast, never the network).
  write_text_file(dir_ / "only-broken/Broken.json", "{ not json");
  ProcessResult alone = run_process({TOSDIFF_BINARY, "--data-dir", data(), "--catalog", dir_ / "only-broken", "check", "--json"},
                                    {"NO_COLOR=1", "http_proxy=http://127.0.0.1:9", "https_proxy=http://127.0.0.1:9",
                                     "HTTPS_PROXY=http://127.0.0.1:9", "ALL_PROXY=http://127.0.0.1:9"},
                                    std::chrono::seconds(60));
  EXPECT_EQ(alone.exit_code, 3) << alone.err;
  EXPECT_EQ(alone.out, "");
}

// A retired service (empty terms, its past declarations in a .history.json) is listed as
// retired, never fetched, never an error; what was archived stays readable.
TEST_F(TosdiffRun, ARetiredPlatformIsListedAndItsArchiveStaysReadable) {
  ASSERT_EQ(tosdiff({"check"}).exit_code, 0);
  write_text_file(dir_ / "catalog/Example.json", R"({"name": "Example Platform", "id": "example", "terms": {}})");
  json history;
  history["Terms of Service"] = json::array({{{"fetch", server_.url("/terms")}, {"validUntil", "2026-01-01T00:00:00.000Z"}}});
  history["Privacy Policy"] = json::array({{{"fetch", server_.url("/privacy")}, {"validUntil", "2026-01-01T00:00:00.000Z"}}});
  write_text_file(dir_ / "catalog/Example.history.json", history.dump(2));

  ProcessResult list = tosdiff({"list"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("example/terms-of-service"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("retired"), std::string::npos) << list.out;
  std::size_t retired = 0;
  for (const auto& l : json_lines(tosdiff({"list", "--json"}).out)) {
    if (l["platform"] != "example") continue;
    EXPECT_EQ(l["retired"], true) << l.dump();
    EXPECT_EQ(l["versions"], 1) << l.dump();
    ++retired;
  }
  EXPECT_EQ(retired, 2u);
  EXPECT_EQ(tosdiff({"validate"}).exit_code, 0);

  const int hits = server_.hits("/terms");
  ProcessResult check = tosdiff({"check", "--json"});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_EQ(check.out, "");
  EXPECT_EQ(server_.hits("/terms"), hits);
  ProcessResult named = tosdiff({"check", "example"});
  EXPECT_EQ(named.exit_code, 2);
  EXPECT_NE(named.err.find("retired"), std::string::npos) << named.err;

  ProcessResult past = tosdiff({"history", "example/terms-of-service"});
  EXPECT_EQ(past.exit_code, 0) << past.err;
  EXPECT_NE(past.out.find("v1"), std::string::npos) << past.out;
  ProcessResult show = tosdiff({"show", "example/terms-of-service"});
  EXPECT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("Example Terms"), std::string::npos);
}

// Catalogs stack per document: a later one replaces the documents it declares, adds its own,
// keeps the others, and says once which declaration shadows which.
TEST_F(TosdiffRun, ALaterCatalogReplacesDocumentsOneByOneAndSaysSo) {
  server_.set("/privacy2", html(policy_page("<p>From the second catalog.</p>")));
  server_.set("/cookies", html(policy_page("<p>Cookies.</p>")));
  const std::string first = (dir_ / "catalog/Example.json");
  const std::string second = (dir_ / "catalog2/Example.json");
  write_text_file(second, declaration("Example Platform", "example",
                                      {{"Privacy Policy", server_.url("/privacy2")}, {"Cookie Policy", server_.url("/cookies")}})
                              .dump(2));
  auto run = [&](std::vector<std::string> args) {
    std::vector<std::string> argv = {TOSDIFF_BINARY, "--data-dir", data(), "--catalog", dir_ / "catalog",
                                     "--catalog", dir_ / "catalog2"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, {"NO_COLOR=1"}, std::chrono::seconds(60));
  };
  auto notes = [](const std::string& err) {
    std::size_t n = 0;
    for (std::size_t at = err.find("tosdiff: note: "); at != std::string::npos; at = err.find("tosdiff: note: ", at + 1)) ++n;
    return n;
  };

  ProcessResult list = run({"list", "--json"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  std::map<std::string, json> docs;
  for (const auto& l : json_lines(list.out))
    if (l["platform"] == "example") docs[l["document"]] = l;
  ASSERT_EQ(docs.size(), 3u) << list.out;
  EXPECT_EQ(docs["terms-of-service"]["origin"], first);
  EXPECT_FALSE(docs["terms-of-service"].contains("shadows"));
  EXPECT_EQ(docs["privacy-policy"]["origin"], second);
  EXPECT_EQ(docs["privacy-policy"]["shadows"], first);
  EXPECT_EQ(docs["privacy-policy"]["urls"], json::array({server_.url("/privacy2")}));
  EXPECT_EQ(docs["cookie-policy"]["origin"], second);
  EXPECT_FALSE(docs["cookie-policy"].contains("shadows"));
  EXPECT_EQ(notes(list.err), 1u) << list.err;
  EXPECT_NE(list.err.find("tosdiff: note: " + second + " shadows " + first +
                          " (platform 'example'; replaces privacy-policy; adds cookie-policy)"),
            std::string::npos)
      << list.err;

  ProcessResult check = run({"check", "--json"});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_EQ(json_lines(check.out).size(), 3u);
  EXPECT_EQ(server_.hits("/privacy"), 0);
  EXPECT_EQ(server_.hits("/privacy2"), 1);
  EXPECT_EQ(notes(check.err), 1u) << check.err;
  EXPECT_EQ(run({"check", "--quiet"}).err, "") << "notes are not for --quiet";
}

// A declaration file is read only if it is a regular file of at most 1 MiB: a FIFO, a
// directory named *.json or a huge file is an error of that file, never a hang.
TEST_F(TosdiffRun, DeclarationFilesAreBoundedAndRegular) {
  ASSERT_EQ(::mkfifo((dir_ / "catalog/Fifo.json").c_str(), 0600), 0);
  std::filesystem::create_directories(dir_ / "catalog/Folder.json");
  write_text_file(dir_ / "catalog/Huge.json", std::string(std::size_t{2} << 20, ' ') + "{}");
  ProcessResult list = tosdiff({"list"}, std::chrono::seconds(30));
  EXPECT_EQ(list.exit_code, 3) << list.err;
  EXPECT_NE(list.out.find("example/terms-of-service"), std::string::npos);
  EXPECT_NE(list.err.find("Fifo.json: not a regular file (a FIFO)"), std::string::npos) << list.err;
  EXPECT_NE(list.err.find("Folder.json: not a regular file (a directory)"), std::string::npos) << list.err;
  EXPECT_NE(list.err.find("Huge.json: larger than 1 MiB"), std::string::npos) << list.err;
  ProcessResult fifo = tosdiff({"validate", dir_ / "catalog/Fifo.json"}, std::chrono::seconds(30));
  EXPECT_EQ(fifo.exit_code, 2);
  EXPECT_NE(fifo.out.find("FIFO"), std::string::npos) << fifo.out;
  ProcessResult zero = tosdiff({"validate", "/dev/zero"}, std::chrono::seconds(30));
  EXPECT_EQ(zero.exit_code, 2);
  EXPECT_NE(zero.out.find("character device"), std::string::npos) << zero.out;
}

TEST_F(TosdiffRun, BadOptionIsAUsageError) {
  ProcessResult r = tosdiff({"check", "--no-such-option"});
  EXPECT_EQ(r.exit_code, 2);
  ProcessResult jobs = tosdiff({"check", "--jobs", "0"});
  EXPECT_EQ(jobs.exit_code, 2);
  ProcessResult none = run_process({TOSDIFF_BINARY});
  EXPECT_EQ(none.exit_code, 2);
}

TEST_F(TosdiffRun, SecondRunWaitsForTheLockThenGivesUpClearly) {
  HttpReply slow = html(policy_page(""));
  slow.delay = std::chrono::milliseconds(3000);
  server_.set("/terms", slow);
  BackgroundProcess first({TOSDIFF_BINARY, "--data-dir", data(), "--catalog", dir_ / "catalog", "check"});
  // Wait until the first run holds the lock (its request reached the server).
  for (int i = 0; i < 100 && server_.hits("/terms") == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ProcessResult second = tosdiff({"check", "--lock-wait", "0.5"});
  EXPECT_EQ(second.exit_code, 4);
  EXPECT_NE(second.err.find("another tosdiff run"), std::string::npos) << second.err;
  ProcessResult done = first.wait();
  EXPECT_EQ(done.exit_code, 0) << done.err;
}

TEST_F(TosdiffRun, ListShowsLastStatus) {
  ASSERT_EQ(tosdiff({"check"}).exit_code, 0);
  auto lines = json_lines(tosdiff({"list", "--json"}).out);
  const json* terms = nullptr;
  for (const auto& l : lines)
    if (l["platform"] == "example" && l["document"] == "terms-of-service") terms = &l;
  ASSERT_NE(terms, nullptr);
  EXPECT_EQ((*terms)["last_status"], "new");
  EXPECT_EQ((*terms)["versions"], 1);
  bool ai21 = false;
  for (const auto& l : lines) ai21 = ai21 || l["platform"] == "ai21";
  EXPECT_TRUE(ai21);  // the built-in catalog is always underneath
}

TEST(TosdiffCli, NormalizePrintsStructuredTextOfALocalFile) {
  TempDir dir;
  write_text_file(dir / "page.html",
                  "<html><body><nav>Menu</nav><main><h2>Title</h2><ul><li>One</li><li>Two</li></ul>"
                  "<table><tr><td>a</td><td>b</td></tr></table><div class=\"x\">Gone</div></main></body></html>");
  ProcessResult r = run_process({TOSDIFF_BINARY, "normalize", dir / "page.html", "--remove", ".x"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "## Title\n- One\n- Two\na | b\n");
  ProcessResult bad = run_process({TOSDIFF_BINARY, "normalize", dir / "page.html", "--select", "a:hover"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find(":hover"), std::string::npos);
  ProcessResult stdin_run = run_process({TOSDIFF_BINARY, "normalize", "-"}, {}, std::chrono::seconds(30),
                                        "<p>From stdin</p>");
  EXPECT_EQ(stdin_run.out, "From stdin\n");
}

TEST(TosdiffCli, ValidateTheBuiltInCatalog) {
  ProcessResult r = run_process({TOSDIFF_BINARY, "validate"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("0 errors"), std::string::npos);
}

TEST(TosdiffCli, HelpDocumentsTheExitCodes) {
  ProcessResult r = run_process({TOSDIFF_BINARY, "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
  EXPECT_NE(r.out.find("with --exit-code"), std::string::npos);
}

TEST(TosdiffCli, VersionIsPrintedWithoutACommand) {
  ProcessResult r = run_process({TOSDIFF_BINARY, "--version"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("tosdiff ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find_first_of("0123456789"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace tosdiff::testing
