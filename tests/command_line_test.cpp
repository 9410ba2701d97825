// The pieces of a forgiving command line, in-process: the closest name ("did you mean"),
// platform aliases in declarations, what a name designates (catalog and archive), and the
// summary a check ends with. The real binary is exercised in cli_test.cpp.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

#include "tosdiff/app/cli.hpp"
#include "tosdiff/app/run_summary.hpp"
#include "tosdiff/app/target_names.hpp"
#include "tosdiff/catalog/catalog.hpp"
#include "tosdiff/util/did_you_mean.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

TEST(DidYouMean, FindsTheClosestWithinTwoEdits) {
  const std::vector<std::string> commands = {"check", "digest", "accept", "list", "show", "diff", "history"};
  EXPECT_EQ(closest("chek", commands), "check");      // deletion
  EXPECT_EQ(closest("chekc", commands), "check");     // transposition: one edit
  EXPECT_EQ(closest("hsitory", commands), "history");
  EXPECT_EQ(closest("CHECK", commands), "check");     // case does not count
  EXPECT_EQ(closest("lsit", commands), "list");
  EXPECT_EQ(closest("openia", {"anthropic", "openai", "xai"}), "openai");
  EXPECT_EQ(closest("frobnicate", commands), std::nullopt);
  EXPECT_EQ(closest("cxxxk", commands), std::nullopt);  // three edits
  EXPECT_EQ(closest("zz", {"x"}), std::nullopt);        // nothing of the word would be kept
  EXPECT_EQ(closest("", commands), std::nullopt);
  EXPECT_EQ(closest("dif", {"diff", "digest"}), "diff");
  EXPECT_EQ(closest("shw", {"show", "shop"}), "show");  // a tie goes to the first
}

TEST(Counted, SaysOneAndMany) {
  EXPECT_EQ(counted(1, "platform"), "1 platform");
  EXPECT_EQ(counted(0, "error"), "0 errors");
  EXPECT_EQ(counted(2, "error"), "2 errors");
  EXPECT_EQ(counted(1, "leftover of an interrupted run", "leftovers of interrupted runs"),
            "1 leftover of an interrupted run");
  EXPECT_EQ(counted(3, "leftover of an interrupted run", "leftovers of interrupted runs"),
            "3 leftovers of interrupted runs");
}

std::string declaration(const std::string& id, const std::string& aliases_json) {
  return R"({"name": "Example", "id": ")" + id + R"(", "aliases": )" + aliases_json +
         R"(, "terms": {"Terms of Service": {"fetch": "https://example.com/terms"},
                        "Privacy Policy": {"fetch": "https://example.com/privacy"}}})";
}

TEST(Aliases, AreReadAndChecked) {
  ParsedDeclaration ok = parse_declaration(declaration("example", R"(["sample", "demo-ai"])"), "x", "x.json");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.platform.aliases, (std::vector<std::string>{"sample", "demo-ai"}));
  EXPECT_TRUE(ok.diagnostics.empty());

  for (const char* bad : {R"("sample")", R"([42])", R"(["Not An Id"])", R"(["-x"])"}) {
    ParsedDeclaration p = parse_declaration(declaration("example", bad), "x", "x.json");
    EXPECT_FALSE(p.ok()) << bad;
    ASSERT_FALSE(p.diagnostics.empty());
    EXPECT_EQ(p.diagnostics.front().location.rfind("aliases", 0), 0u) << p.diagnostics.front().location;
  }
  ParsedDeclaration twice = parse_declaration(declaration("example", R"(["sample", "sample", "example"])"), "x", "x.json");
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice.platform.aliases, std::vector<std::string>{"sample"});
  EXPECT_EQ(twice.diagnostics.size(), 2u);  // warnings
}

TEST(Aliases, TheBuiltInCatalogKnowsProductNames) {
  const Catalog catalog = Catalog::load({});
  ASSERT_FALSE(catalog.has_errors());
  for (const auto& [alias, id] : std::map<std::string, std::string>{
           {"claude", "anthropic"}, {"chatgpt", "openai"}, {"grok", "xai"}, {"twitter", "x"}, {"facebook", "meta"}}) {
    const auto named = resolve_target(&catalog, {}, alias);
    ASSERT_FALSE(named.empty()) << alias;
    EXPECT_EQ(named.front().platform, id) << alias;
  }
  // Gemini and Copilot are platforms of their own.
  EXPECT_NE(catalog.find("gemini"), nullptr);
  EXPECT_NE(catalog.find("copilot"), nullptr);
  // No alias is another platform's id, and no two platforms share one.
  std::map<std::string, std::string> owner;
  for (const Platform& p : catalog.platforms()) {
    for (const std::string& alias : p.aliases) {
      EXPECT_EQ(catalog.find(alias), nullptr) << alias;
      EXPECT_TRUE(owner.emplace(alias, p.id).second) << alias;
    }
  }
}

std::string error_of(const Catalog* catalog, const ArchivedDocuments& archived, const std::string& name) {
  try {
    resolve_target(catalog, archived, name);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

TEST(TargetNames, MatchIdsInAnyCaseAliasesAndTheArchive) {
  const Catalog catalog = Catalog::load({});
  EXPECT_EQ(resolve_target(&catalog, {}, "OpenAI").size(), catalog.find("openai")->documents.size());
  const auto one = resolve_target(&catalog, {}, "Claude/Terms-Of-Service");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].platform, "anthropic");
  EXPECT_EQ(one[0].document, "terms-of-service");
  ASSERT_NE(one[0].spec, nullptr);

  EXPECT_EQ(error_of(&catalog, {}, "openia"), "unknown platform 'openia' (did you mean `openai`?)");
  EXPECT_EQ(error_of(&catalog, {}, "qqqqqqqq"), "unknown platform 'qqqqqqqq' (see `tosdiff list`)");
  EXPECT_EQ(error_of(&catalog, {}, "ai21/term-of-use"),
            "unknown document 'term-of-use' of platform 'ai21' (did you mean `terms-of-use`?)");
  EXPECT_EQ(error_of(&catalog, {}, "ai21/zzzzzzzz"),
            "unknown document 'zzzzzzzz' of platform 'ai21' (known: acceptable-use-policy, privacy-policy, terms-of-use)");

  // The archive's own directories: a retired platform, and a retired document of a declared one.
  const ArchivedDocuments archived = {{"ai21", "cookie-policy"}, {"retired", "terms"}};
  EXPECT_EQ(error_of(&catalog, {}, "retired").rfind("unknown platform 'retired'", 0), 0u);
  const auto retired = resolve_target(&catalog, archived, "Retired");
  ASSERT_EQ(retired.size(), 1u);
  EXPECT_EQ(retired[0].document, "terms");
  EXPECT_EQ(retired[0].spec, nullptr);
  const auto ai21 = resolve_target(&catalog, archived, "ai21");
  ASSERT_EQ(ai21.size(), 4u);
  EXPECT_EQ(ai21.back().document, "cookie-policy");
  EXPECT_EQ(resolve_target(nullptr, archived, "retired/terms").size(), 1u);  // no catalog at all
  EXPECT_EQ(error_of(nullptr, archived, "retird"), "unknown platform 'retird' (did you mean `retired`?)");
}

TEST(TargetNames, AnAliasTwoPlatformsClaimIsAmbiguous) {
  // Through a directory, as the catalog is loaded.
  const std::string dir = ::testing::TempDir() + "/tosdiff-aliases-" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir + "/a.json") << declaration("alpha", R"(["shared"])");
    std::ofstream(dir + "/b.json") << declaration("beta", R"(["shared", "alpha"])");
  }
  const Catalog catalog = Catalog::load({dir});
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(catalog.has_errors());
  EXPECT_EQ(error_of(&catalog, {}, "shared"), "'shared' is an alias of alpha and beta: name one of them");
  EXPECT_EQ(resolve_target(&catalog, {}, "alpha").front().platform, "alpha");  // an id wins over an alias
}

ChangeRecord record(Status status, Significance significance = Significance::none,
                    std::optional<ErrorKind> error = std::nullopt) {
  ChangeRecord r;
  r.status = status;
  r.significance = significance;
  if (error) r.error = Error{*error, "it failed"};
  return r;
}

const char* no_env(const char*) { return nullptr; }

TEST(RunSummary, CountsWithPluralsWhenAnythingChangedOrFailed) {
  RunSummary quiet_run;
  for (int i = 0; i < 3; ++i) quiet_run.note(record(Status::unchanged));
  EXPECT_TRUE(quiet_run.lines(false, no_env).empty());

  RunSummary run;
  run.note(record(Status::changed, Significance::substantive));
  run.note(record(Status::changed, Significance::substantive));
  run.note(record(Status::changed, Significance::cosmetic));
  for (int i = 0; i < 88; ++i) run.note(record(Status::unchanged));
  EXPECT_EQ(run.lines(false, no_env),
            std::vector<std::string>{"tosdiff: checked 91 documents: 2 changed, 1 cosmetic, 88 unchanged, 0 failed"});

  RunSummary first;
  first.note(record(Status::new_document));
  EXPECT_EQ(first.lines(false, no_env),
            std::vector<std::string>{"tosdiff: checked 1 document: 1 new, 0 changed, 0 cosmetic, 0 unchanged, 0 failed"});

  // -q says what it reports (failures and substantive changes), or nothing: cron mails it.
  EXPECT_TRUE(first.lines(true, no_env).empty());
  RunSummary failed;
  failed.note(record(Status::error, Significance::none, ErrorKind::http_status));
  EXPECT_EQ(failed.lines(true, no_env).size(), 1u);
  RunSummary cosmetic;
  cosmetic.note(record(Status::changed, Significance::cosmetic));
  EXPECT_TRUE(cosmetic.lines(true, no_env).empty());
  EXPECT_EQ(cosmetic.lines(false, no_env).size(), 1u);
}

TEST(RunSummary, NamesTheLikelyCauseWhenEveryDocumentFailedTheSameWay) {
  auto all_failed = [](ErrorKind kind, int n) {
    RunSummary s;
    for (int i = 0; i < n; ++i) s.note(record(Status::error, Significance::none, kind));
    return s;
  };
  auto cause = [](const RunSummary& s, const std::map<std::string, std::string>& env = {}) {
    const auto lines = s.lines(false, [&](const char* name) -> const char* {
      auto it = env.find(name);
      return it == env.end() ? nullptr : it->second.c_str();
    });
    return lines.size() == 2 ? lines[1] : std::string();
  };
  EXPECT_EQ(cause(all_failed(ErrorKind::dns, 3)), "tosdiff: no network? every host name failed to resolve");
  EXPECT_EQ(cause(all_failed(ErrorKind::connection_refused, 2)), "tosdiff: no network? every connection was refused");
  EXPECT_EQ(cause(all_failed(ErrorKind::timeout, 2)), "tosdiff: no network? every request timed out");
  EXPECT_NE(cause(all_failed(ErrorKind::tls, 2)).find("every TLS handshake failed"), std::string::npos);
  EXPECT_NE(cause(all_failed(ErrorKind::network, 2)).find("no network?"), std::string::npos);
  EXPECT_EQ(cause(all_failed(ErrorKind::dns, 2), {{"https_proxy", "http://bob:secret@proxy.example:3128"}}),
            "tosdiff: no network? every host name failed to resolve (https_proxy=http://bob:***@proxy.example:3128 "
            "is set: is that proxy reachable, and right?)");
  // Not one cause: a single document, mixed kinds, a document that did not fail, a page error.
  EXPECT_EQ(cause(all_failed(ErrorKind::dns, 1)), "");
  RunSummary mixed = all_failed(ErrorKind::dns, 2);
  mixed.note(record(Status::error, Significance::none, ErrorKind::timeout));
  EXPECT_EQ(cause(mixed), "");
  RunSummary one_ok = all_failed(ErrorKind::dns, 2);
  one_ok.note(record(Status::unchanged));
  EXPECT_EQ(cause(one_ok), "");
  EXPECT_EQ(cause(all_failed(ErrorKind::http_status, 3)), "");
}

}  // namespace
}  // namespace tosdiff
