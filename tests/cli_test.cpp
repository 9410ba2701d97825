// The command line as people meet it, against the real binary and HTTP servers on 127.0.0.1:
// forgiving names (did you mean, any case, aliases), list PATTERN, help, errors on stderr
// in tosdiff's words, the archive read without the catalog, version labels, the summary a
// check ends with, a reader that goes away (SIGPIPE), and check --no-cache.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/http_test_server.hpp"
#include "support/process.hpp"
#include "support/tosdiff_helpers.hpp"

namespace tosdiff::testing {
namespace {

std::string page(const std::string& clause) {
  return "<!DOCTYPE html><html><head><title>Terms</title></head><body><main><h1>Example Terms</h1>"
         "<h2>1. Your content</h2><p>We keep your content for " + clause +
         " after you close your account, unless the law says otherwise.</p>"
         "<h2>2. Disputes</h2><p>These terms are governed by the laws of Delaware.</p></main></body></html>";
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Every line tosdiff wrote on stderr starts with "tosdiff: ".
void expect_prefixed(const std::string& err) {
  for (const std::string& line : lines_of(err)) EXPECT_EQ(line.rfind("tosdiff: ", 0), 0u) << "stderr line: " << line;
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.set("/terms", html(page("two (2) years")));
    server_.set("/privacy", html(page("three (3) years")));
    json decl = declaration("Example Platform", "example",
                            {{"Terms of Service", server_.url("/terms")}, {"Privacy Policy", server_.url("/privacy")}});
    decl["aliases"] = {"sample"};
    write_text_file(catalog() + "/Example.json", decl.dump(2));
  }

  void TearDown() override { expect_valid_archived_records(data()); }

  std::string data() const { return dir_ / "data"; }
  std::string catalog() const { return dir_ / "catalog"; }

  // The environment of a machine without a catalog of the user's: no TOSDIFF_CATALOG, an
  // empty XDG config directory.
  std::vector<std::string> env(const std::vector<std::string>& more = {}) const {
    std::vector<std::string> all = {"NO_COLOR=1", "TOSDIFF_CATALOG=", "XDG_CONFIG_HOME=" + dir_ / "config"};
    all.insert(all.end(), more.begin(), more.end());  // later ones win
    return all;
  }

  ProcessResult tosdiff(std::vector<std::string> args, std::vector<std::string> extra_env = {}) {
    std::vector<std::string> argv = {TOSDIFF_BINARY, "--data-dir", data(), "--catalog", catalog()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, env(std::move(extra_env)));
  }
  // Without --catalog: only the built-in catalog.
  ProcessResult bare(std::vector<std::string> args, std::vector<std::string> extra_env = {}) {
    std::vector<std::string> argv = {TOSDIFF_BINARY, "--data-dir", data()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, env(std::move(extra_env)));
  }

  TempDir dir_;
  HttpTestServer server_;
};

// ---- 1. A forgiving command line -------------------------------------------------------

TEST_F(Cli, AnUnknownCommandSuggestsTheClosestOne) {
  ProcessResult r = bare({"chek"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "tosdiff: error: unknown command 'chek' (did you mean `check`?)\n");
  EXPECT_EQ(r.out, "");
  ProcessResult far = bare({"frobnicate"});
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_EQ(far.err, "tosdiff: error: unknown command 'frobnicate'\ntosdiff: see `tosdiff help`\n");
  // A global option's value is not taken for the command.
  EXPECT_EQ(bare({"--color", "never", "hsitory", "x"}).err, "tosdiff: error: unknown command 'hsitory' (did you mean `history`?)\n");
}

TEST_F(Cli, UnknownPlatformsDocumentsAndOptionsSuggestTheClosest) {
  ProcessResult platform = bare({"check", "openia"});
  EXPECT_EQ(platform.exit_code, 2);
  EXPECT_EQ(platform.err, "tosdiff: error: unknown platform 'openia' (did you mean `openai`?)\n");
  ProcessResult mine = tosdiff({"check", "exmaple"});
  EXPECT_EQ(mine.err, "tosdiff: error: unknown platform 'exmaple' (did you mean `example`?)\n");
  ProcessResult document = tosdiff({"check", "example/term-of-service"});
  EXPECT_EQ(document.exit_code, 2);
  EXPECT_EQ(document.err,
            "tosdiff: error: unknown document 'term-of-service' of platform 'example' (did you mean `terms-of-service`?)\n");
  ProcessResult option = tosdiff({"check", "--jsn"});
  EXPECT_EQ(option.exit_code, 2);
  EXPECT_EQ(option.err, "tosdiff: error: unknown option '--jsn' for `check` (did you mean `--json`?)\n");
  ProcessResult global = tosdiff({"list", "--colr", "never"});
  EXPECT_EQ(global.err, "tosdiff: error: unknown option '--colr' for `list` (did you mean `--color`?)\n");
  ProcessResult value = tosdiff({"digest", "--format", "htm"});
  EXPECT_EQ(value.exit_code, 2);
  EXPECT_EQ(value.err, "tosdiff: error: --format: 'htm' is not one of text, markdown, html, json, atom (did you mean `html`?)\n"
                       "tosdiff: see `tosdiff help digest`\n");
  EXPECT_EQ(count_files(data()), 0u);
}

TEST_F(Cli, EveryErrorIsOneOfTosdiffsLinesOnStderrWithTheUsageCode) {
  const std::vector<std::vector<std::string>> calls = {
      {"check", "--jobs", "0"}, {"check", "--jobs", "many"}, {"check", "--jobs"},   {"check", "--delay", "nan"},
      {"show"},                 {"show", "a/b", "c"},        {"-q", "-v", "list"},  {"--bogus", "list"},
      {"check", "--min-severity", "majr"}, {"--color", "sometimes", "list"},       {"help", "chek"},
      {"diff", "example/terms-of-service", "--from"}, {"normalize"}, {"accept", "example/terms-of-service", "x"}};
  for (const auto& call : calls) {
    ProcessResult r = tosdiff(call);
    std::string joined;
    for (const auto& a : call) joined += a + " ";
    EXPECT_EQ(r.exit_code, 2) << joined << r.err;
    EXPECT_EQ(r.out, "") << joined;
    EXPECT_NE(r.err.find("tosdiff: error: "), std::string::npos) << joined << r.err;
    expect_prefixed(r.err);
  }
  EXPECT_EQ(tosdiff({"check", "--jobs", "0"}).err,
            "tosdiff: error: --jobs: '0' is not a whole number from 1 to 256\ntosdiff: see `tosdiff help check`\n");
  EXPECT_EQ(tosdiff({"check", "--jobs"}).err,
            "tosdiff: error: option --jobs needs a value (N)\ntosdiff: see `tosdiff help check`\n");
  EXPECT_EQ(tosdiff({"show"}).err,
            "tosdiff: error: missing PLATFORM/DOCUMENT (usage: tosdiff show PLATFORM/DOCUMENT [OPTIONS])\n"
            "tosdiff: see `tosdiff help show`\n");
  EXPECT_EQ(tosdiff({"show", "a/b", "c"}).err.rfind("tosdiff: error: unexpected argument 'c' (usage: tosdiff show", 0), 0u);
  EXPECT_EQ(tosdiff({"-q", "-v", "list"}).err.rfind("tosdiff: error: -q (--quiet) and -v (--verbose) cannot be combined\n", 0), 0u);
  EXPECT_NE(tosdiff({"check", "--min-severity", "majr"}).err.find("(did you mean `major`?)"), std::string::npos);
}

TEST_F(Cli, PlatformIdsMatchInAnyCaseAndByAlias) {
  ProcessResult upper = tosdiff({"check", "EXAMPLE", "--json"});
  ASSERT_EQ(upper.exit_code, 0) << upper.err;
  EXPECT_EQ(json_lines(upper.out).size(), 2u);
  ProcessResult alias = tosdiff({"check", "Sample/Terms-Of-Service", "--json"});
  ASSERT_EQ(alias.exit_code, 0) << alias.err;
  auto lines = json_lines(alias.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["platform"], "example");
  EXPECT_EQ(lines[0]["document"], "terms-of-service");
  // The built-in catalog's aliases: product names.
  for (const auto& [alias_name, id] : std::vector<std::pair<std::string, std::string>>{
           {"claude", "anthropic"}, {"ChatGPT", "openai"}, {"grok", "xai"}}) {
    ProcessResult history = bare({"history", alias_name + "/terms-of-service"});
    EXPECT_EQ(history.exit_code, 0) << history.err;
    EXPECT_EQ(history.out, "nothing archived for " + alias_name + "/terms-of-service yet\n");
    auto listed = json_lines(bare({"list", alias_name, "--json"}).out);
    ASSERT_FALSE(listed.empty()) << alias_name;
    for (const auto& l : listed) EXPECT_EQ(l["platform"], id) << alias_name;
  }
  // A declaration whose aliases are not names is a configuration error.
  write_text_file(catalog() + "/Broken.json",
                  R"({"name": "Broken", "aliases": "not-a-list", "terms": {"Terms": {"fetch": "https://example.com/"}}})");
  ProcessResult broken = tosdiff({"validate", catalog()});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.out.find("Broken.json: aliases: error: \"aliases\" must be an array of names"), std::string::npos)
      << broken.out;
}

TEST_F(Cli, ListTakesAPatternOrAGlob) {
  auto keys = [](const std::string& out) {
    std::vector<std::string> k;
    for (const auto& l : json_lines(out)) k.push_back(l["platform"].get<std::string>() + "/" + l["document"].get<std::string>());
    return k;
  };
  const auto privacy = keys(tosdiff({"list", "PRIVACY", "--json"}).out);
  EXPECT_GT(privacy.size(), 20u);
  for (const auto& k : privacy) EXPECT_NE(k.find("privacy"), std::string::npos) << k;  // every one says it somewhere
  EXPECT_EQ(keys(tosdiff({"list", "example/*", "--json"}).out),
            (std::vector<std::string>{"example/privacy-policy", "example/terms-of-service"}));
  EXPECT_EQ(keys(tosdiff({"list", "EXAMPLE*", "--json"}).out).size(), 2u);
  EXPECT_EQ(keys(tosdiff({"list", "Example Platform", "--json"}).out).size(), 2u);  // the name
  EXPECT_EQ(keys(tosdiff({"list", "*/acceptable-use-policy", "--json"}).out).size() > 3, true);
  ProcessResult text = tosdiff({"list", "sample"});  // the alias
  EXPECT_EQ(lines_of(text.out).size(), 2u) << text.out;
  ProcessResult none = tosdiff({"list", "exampel"});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(none.err, "tosdiff: nothing in the catalog or the archive matches 'exampel' (did you mean `example`?)\n");
}

TEST_F(Cli, ABareTosdiffPrintsTheUsageAndHelpExplainsEachCommand) {
  ProcessResult none = run_process({TOSDIFF_BINARY}, env());
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(none.err.rfind("Usage: tosdiff [GLOBAL OPTIONS] COMMAND", 0), 0u) << none.err;
  for (const char* command : {"check", "digest", "accept", "list", "show", "diff", "history", "verify", "normalize",
                              "validate", "help"})
    EXPECT_NE(none.err.find("\n  " + std::string(command) + " "), std::string::npos) << command;
  EXPECT_EQ(run_process({TOSDIFF_BINARY, "-q"}, env()).exit_code, 2);

  ProcessResult top = run_process({TOSDIFF_BINARY, "help"}, env());
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_EQ(top.out, run_process({TOSDIFF_BINARY, "--help"}, env()).out);
  for (const char* text : {"Exit codes:", "Environment:", "--data-dir DIR", "--catalog DIR", "--rules FILE",
                           "--config FILE", "--color WHEN", "-q, --quiet", "--version"})
    EXPECT_NE(top.out.find(text), std::string::npos) << text;

  ProcessResult check = run_process({TOSDIFF_BINARY, "help", "check"}, env());
  EXPECT_EQ(check.exit_code, 0);
  EXPECT_EQ(check.out, run_process({TOSDIFF_BINARY, "check", "--help"}, env()).out);
  EXPECT_EQ(check.out.rfind("Usage: tosdiff check [PLATFORM[/DOCUMENT]...] [OPTIONS]\n", 0), 0u) << check.out;
  for (const char* text : {"--jobs N", "--per-host N", "--delay SECONDS", "--timeout SECONDS", "--max-size BYTES",
                           "--lock-wait SECONDS", "--notify-exec CMD", "--notify-webhook URL", "--notify-email ADDRESS",
                           "--min-severity LEVEL", "--browser PATH", "--no-browser", "--no-cache", "(default: 16)"})
    EXPECT_NE(check.out.find(text), std::string::npos) << text;
  // Only what the command takes: no exit codes, no global options' rows.
  EXPECT_EQ(check.out.find("Exit codes"), std::string::npos);
  EXPECT_EQ(check.out.find("--data-dir DIR"), std::string::npos);
  EXPECT_EQ(check.out.find("--at"), std::string::npos);

  const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
      {"show", {"Usage: tosdiff show PLATFORM/DOCUMENT [OPTIONS]", "--at DATE|VERSION"}},
      {"diff", {"--from DATE|VERSION", "--to DATE|VERSION", "--json"}},
      {"history", {"Usage: tosdiff history PLATFORM[/DOCUMENT] [OPTIONS]"}},
      {"digest", {"[PLATFORM[/DOCUMENT]...]", "--since 7d|24h|DATE", "--until DATE", "--format FORMAT"}},
      {"list", {"Usage: tosdiff list [PATTERN] [OPTIONS]"}},
      {"normalize", {"Usage: tosdiff normalize FILE|- [OPTIONS]", "--select CSS", "--base-url URL"}},
      {"validate", {"Usage: tosdiff validate [DIR|FILE]"}},
      {"verify", {"--lock-wait SECONDS", "--repair"}},
      {"accept", {"Usage: tosdiff accept PLATFORM/DOCUMENT [OPTIONS]"}},
      {"help", {"Usage: tosdiff help [COMMAND]"}}};
  for (const auto& [command, texts] : expected) {
    ProcessResult r = run_process({TOSDIFF_BINARY, command, "--help"}, env());
    EXPECT_EQ(r.exit_code, 0) << command;
    for (const auto& text : texts) EXPECT_NE(r.out.find(text), std::string::npos) << command << ": " << text << "\n" << r.out;
    EXPECT_EQ(r.out.find("Exit codes"), std::string::npos) << command;
    EXPECT_EQ(r.out.find("TEXT"), std::string::npos) << command;  // CLI11's type names: never
    EXPECT_EQ(r.out.find("FLOAT"), std::string::npos) << command;
    EXPECT_EQ(r.out.find("INT"), std::string::npos) << command;
  }
  ProcessResult unknown = run_process({TOSDIFF_BINARY, "help", "lsit"}, env());
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err, "tosdiff: error: unknown command 'lsit' (did you mean `list`?)\n");
}

TEST_F(Cli, CountsAreSaidWithTheirPlurals) {
  ProcessResult one = tosdiff({"validate", catalog() + "/Example.json"});
  EXPECT_EQ(one.exit_code, 0) << one.out;
  EXPECT_EQ(one.out, "1 platform, 2 documents valid; 0 errors, 0 warnings\n");
  ASSERT_EQ(tosdiff({"check", "example/terms-of-service"}).exit_code, 0);
  ProcessResult verify = tosdiff({"verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
  EXPECT_NE(verify.out.find("1 document, "), std::string::npos) << verify.out;
  EXPECT_NE(verify.out.find("0 problems, 0 leftovers of interrupted runs, 0 repaired; 0 problems left"),
            std::string::npos)
      << verify.out;
  auto first = json_lines(tosdiff({"history", "example", "--json"}).out);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_NE(first[0]["summary"].get<std::string>().find(" blocks, "), std::string::npos);
}

// ---- 2. The archive, readable without the catalog ---------------------------------------

TEST_F(Cli, TheArchiveIsReadableWhenItsPlatformIsNotInTheCatalog) {
  ASSERT_EQ(tosdiff({"check"}, {"TOSDIFF_NOW=2026-01-10T08:00:00Z"}).exit_code, 0);
  server_.set("/terms", html(page("one (1) year")));
  ASSERT_EQ(tosdiff({"check"}, {"TOSDIFF_NOW=2026-02-10T08:00:00Z"}).exit_code, 0);

  // No --catalog, no TOSDIFF_CATALOG (as in a cron job that forgot it).
  ProcessResult history = bare({"history", "example"});
  EXPECT_EQ(history.exit_code, 0) << history.err;
  EXPECT_EQ(lines_of(history.out).size(), 3u) << history.out;
  EXPECT_NE(history.out.find("example/terms-of-service  v2  2026-02-10T08:00:00Z"), std::string::npos) << history.out;
  ProcessResult show = bare({"show", "Example/Terms-of-Service"});
  EXPECT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("one (1) year"), std::string::npos);
  ProcessResult diff = bare({"diff", "example/terms-of-service", "--json"});
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_EQ(json::parse(diff.out)["current"]["version"], "2");
  ProcessResult recompared = bare({"diff", "example/terms-of-service", "--from", "v1", "--to", "v2", "--json"});
  ASSERT_EQ(recompared.exit_code, 0) << recompared.err;
  EXPECT_EQ(json::parse(recompared.out)["title"], "Example Platform \u2014 Terms of Service");  // from the records
  ProcessResult digest = bare({"digest", "example", "--since", "2026-01-01", "--until", "2026-03-01", "--format", "json"});
  ASSERT_EQ(digest.exit_code, 0) << digest.err;
  EXPECT_EQ(json::parse(digest.out)["counts"]["new"], 2);
  EXPECT_EQ(json::parse(digest.out)["counts"]["substantive"], 1);
  ProcessResult list = bare({"list", "example"});
  EXPECT_NE(list.out.find("example/terms-of-service"), std::string::npos);
  EXPECT_NE(list.out.find("archived only"), std::string::npos) << list.out;
  EXPECT_EQ(json_lines(bare({"list", "example", "--json"}).out)[0]["in_catalog"], false);

  // Checking it needs its declaration, and the error says so.
  ProcessResult check = bare({"check", "example"});
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_NE(check.err.find("'example' is archived but not in the catalog"), std::string::npos) << check.err;

  // A catalog that cannot be loaded (a TOSDIFF_CATALOG pointing nowhere) does not hide the archive.
  ProcessResult broken = bare({"history", "example/terms-of-service"}, {"TOSDIFF_CATALOG=" + dir_ / "nowhere"});
  EXPECT_EQ(broken.exit_code, 0) << broken.err;
  EXPECT_EQ(lines_of(broken.out).size(), 2u);
  EXPECT_EQ(broken.err, "tosdiff: warning: the catalog cannot be loaded, reading the archive without it: " + dir_ / "nowhere" +
                            ": catalog directory does not exist or is not a directory (`tosdiff validate` lists every "
                            "problem)\n");
  expect_prefixed(broken.err);
  // A name in neither is still an error with a suggestion.
  EXPECT_EQ(bare({"history", "exampel"}).err, "tosdiff: error: unknown platform 'exampel' (did you mean `example`?)\n");
}

// Where aliases meet the catalog's per-platform rules: a user's declaration of a built-in
// platform keeps the built-in aliases (an Open Terms Archive file has none), and a platform
// whose declaration is broken is named by any case, refused for a check, and its archive
// still read, with a warning.
TEST_F(Cli, AliasesAndBrokenDeclarationsFollowTheCatalogsRules) {
  write_text_file(catalog() + "/Anthropic.json",
                  declaration("Anthropic", "anthropic", {{"Privacy Policy", server_.url("/privacy")}}).dump(2));
  auto listed = json_lines(tosdiff({"list", "claude", "--json"}).out);
  ASSERT_FALSE(listed.empty());
  for (const auto& l : listed) EXPECT_EQ(l["platform"], "anthropic");
  ProcessResult by_alias = tosdiff({"check", "Claude/Privacy-Policy", "--json"});
  ASSERT_EQ(by_alias.exit_code, 0) << by_alias.err;
  EXPECT_EQ(json_lines(by_alias.out).at(0)["platform"], "anthropic");

  ASSERT_EQ(tosdiff({"check", "example"}).exit_code, 0);
  write_text_file(catalog() + "/Example.json", R"({"name": "Example Platform", "id": "example", "terms": {"Terms": {"fetch": 42}}})");
  ProcessResult named = tosdiff({"check", "EXAMPLE"});
  EXPECT_EQ(named.exit_code, 2);
  EXPECT_NE(named.err.find("platform 'example' cannot be used: its declaration has errors"), std::string::npos) << named.err;
  ProcessResult history = tosdiff({"history", "Example/terms-of-service"});
  EXPECT_EQ(history.exit_code, 0) << history.err;
  EXPECT_NE(history.out.find("example/terms-of-service  v1"), std::string::npos) << history.out;
  EXPECT_EQ(history.err, "tosdiff: warning: the declaration of platform 'example' has errors (`tosdiff validate` "
                         "lists them); reading its archive\n");
  ProcessResult list = tosdiff({"list"});
  EXPECT_EQ(list.exit_code, 3);
  EXPECT_EQ(list.out.find("example/"), std::string::npos) << list.out;
  expect_prefixed(list.err);
}

TEST_F(Cli, VersionLabelsRoundTripEverywhereAVersionIsTaken) {
  const std::vector<std::pair<std::string, std::string>> runs = {
      {"2026-01-10T08:00:00Z", "two (2) years"}, {"2026-02-10T08:00:00Z", "one (1) year"},
      {"2026-03-10T08:00:00Z", "six (6) months"}};
  for (const auto& [now, clause] : runs) {
    server_.set("/terms", html(page(clause)));
    ASSERT_EQ(tosdiff({"check", "example/terms-of-service"}, {"TOSDIFF_NOW=" + now}).exit_code, 0);
  }
  ProcessResult history = tosdiff({"history", "example/terms-of-service"});
  ASSERT_EQ(lines_of(history.out).size(), 3u);
  EXPECT_NE(history.out.find("  v2  "), std::string::npos);
  const std::string v2 = tosdiff({"show", "example/terms-of-service", "--at", "v2"}).out;
  EXPECT_NE(v2.find("one (1) year"), std::string::npos);
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service", "--at", "2"}).out, v2);
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service", "--at", "V2"}).out, v2);
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service", "--at", "2026-02-20"}).out, v2);
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service", "--at", "2026-02-10T08:00:00Z"}).out, v2);
  ProcessResult labelled = tosdiff({"diff", "example/terms-of-service", "--from", "v1", "--to", "v3", "--json"});
  ASSERT_EQ(labelled.exit_code, 0) << labelled.err;
  ProcessResult numbered = tosdiff({"diff", "example/terms-of-service", "--from", "1", "--to", "3", "--json"});
  EXPECT_EQ(labelled.out, numbered.out);
  EXPECT_EQ(json::parse(labelled.out)["previous"]["version"], "1");
  EXPECT_EQ(json::parse(labelled.out)["current"]["version"], "3");
  ProcessResult dated = tosdiff({"diff", "example/terms-of-service", "--from", "2026-01-31", "--to", "v3", "--json"});
  EXPECT_EQ(dated.out, labelled.out);
  ProcessResult missing = tosdiff({"show", "example/terms-of-service", "--at", "v9"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "tosdiff: error: example/terms-of-service has no version v9 (v1 to v3)\n");
  ProcessResult nonsense = tosdiff({"show", "example/terms-of-service", "--at", "yesterday"});
  EXPECT_EQ(nonsense.exit_code, 2);
  EXPECT_NE(nonsense.err.find("neither a version"), std::string::npos);
}

// ---- 3. How a run ends -----------------------------------------------------------------

TEST_F(Cli, ARunEndsWithOneSummaryLineWhenAnythingFailedOrChanged) {
  ProcessResult first = tosdiff({"check"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.err, "tosdiff: checked 2 documents: 2 new, 0 changed, 0 cosmetic, 0 unchanged, 0 failed\n");
  ProcessResult same = tosdiff({"check"});
  EXPECT_EQ(same.err, "");  // nothing to say
  server_.set("/terms", html(page("one (1) year")));
  ProcessResult changed = tosdiff({"check", "--json"});
  EXPECT_EQ(changed.err, "tosdiff: checked 2 documents: 1 changed, 0 cosmetic, 1 unchanged, 0 failed\n");
  server_.set("/terms", html("<h1>Gone</h1>", 500));
  ProcessResult failed = tosdiff({"check", "example/terms-of-service", "--timeout", "5"});
  EXPECT_EQ(failed.exit_code, 3);
  EXPECT_EQ(lines_of(failed.err).back(), "tosdiff: checked 1 document: 0 changed, 0 cosmetic, 0 unchanged, 1 failed");
  expect_prefixed(failed.err);
}

TEST_F(Cli, WhenEveryFetchFailsTheSameWayTheLikelyCauseIsNamed) {
  const std::string nowhere = "http://127.0.0.1:" + std::to_string(unused_local_port());
  write_text_file(catalog() + "/Example.json",
                  declaration("Example Platform", "example",
                              {{"Terms of Service", nowhere + "/terms"}, {"Privacy Policy", nowhere + "/privacy"}})
                      .dump());
  ProcessResult r = tosdiff({"check"});
  EXPECT_EQ(r.exit_code, 3);
  auto lines = lines_of(r.err);
  ASSERT_GE(lines.size(), 2u) << r.err;
  EXPECT_EQ(lines[lines.size() - 2], "tosdiff: checked 2 documents: 0 changed, 0 cosmetic, 0 unchanged, 2 failed");
  EXPECT_EQ(lines.back(), "tosdiff: no network? every connection was refused");
  // A proxy variable is named, its password masked.
  const std::string proxy = "http://bob:secret@127.0.0.1:" + std::to_string(unused_local_port());
  ProcessResult proxied = tosdiff({"check"}, {"http_proxy=" + proxy});
  EXPECT_EQ(proxied.exit_code, 3);
  const std::string cause = lines_of(proxied.err).back();
  EXPECT_NE(cause.find("(http_proxy=http://bob:***@127.0.0.1:"), std::string::npos) << proxied.err;
  EXPECT_EQ(cause.find("secret"), std::string::npos);
}

// `tosdiff check | head -1`: the reader goes away after the first line; the run archives every
// document anyway, says nothing about the pipe, and exits as it would have.
TEST_F(Cli, AReaderThatGoesAwayEndsTheOutputNotTheRun) {
  HttpReply slow = html(page("three (3) years"));
  slow.delay = std::chrono::milliseconds(1500);
  server_.set("/privacy", slow);
  server_.set("/late", slow);
  write_text_file(catalog() + "/Example.json",
                  declaration("Example Platform", "example",
                              {{"Terms of Service", server_.url("/terms")},
                               {"Privacy Policy", server_.url("/privacy")},
                               {"Cookie Policy", server_.url("/late")}})
                      .dump());
  for (const std::string mode : {"--verbose", "--json"}) {
    std::filesystem::remove_all(data());
    const std::string script = "\"$1\" --data-dir \"$2\" --catalog \"$3\" check " + mode +
                               " | head -n 1; echo \"tosdiff exited ${PIPESTATUS[0]}\" >&2";
    ProcessResult r = run_process({"/bin/bash", "-c", script, "bash", TOSDIFF_BINARY, data(), catalog()}, env());
    EXPECT_EQ(lines_of(r.out).size(), 1u) << mode << r.out;
    EXPECT_NE(r.err.find("tosdiff exited 0\n"), std::string::npos) << mode << r.err;
    EXPECT_EQ(r.err.find("error"), std::string::npos) << mode << r.err;
    for (const char* document : {"terms-of-service", "privacy-policy", "cookie-policy"})
      EXPECT_TRUE(std::filesystem::exists(data() + "/example/" + document + "/versions/1.txt")) << mode << document;
  }
}

TEST_F(Cli, NoCacheSkipsConditionalRequests) {
  HttpReply reply = html(page("two (2) years"));
  reply.headers.push_back({"ETag", "\"v1\""});
  reply.headers.push_back({"Last-Modified", "Tue, 03 Mar 2026 10:00:00 GMT"});
  server_.set("/terms", reply);
  ASSERT_EQ(tosdiff({"check", "example/terms-of-service"}).exit_code, 0);
  auto conditional_requests = [&] {
    int n = 0;
    for (const auto& request : server_.requests())
      if (!request.header("if-none-match").empty() || !request.header("if-modified-since").empty()) ++n;
    return n;
  };
  ProcessResult full = tosdiff({"check", "example/terms-of-service", "--no-cache", "--json"});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_EQ(json_lines(full.out)[0]["status"], "unchanged");
  EXPECT_EQ(server_.hits("/terms"), 2);
  EXPECT_EQ(conditional_requests(), 0);
  ASSERT_EQ(tosdiff({"check", "example/terms-of-service"}).exit_code, 0);
  EXPECT_EQ(conditional_requests(), 1);  // without --no-cache, as before
}

}  // namespace
}  // namespace tosdiff::testing
