// A change of the rules that read a document is never an alert: the declaration's select,
// remove, compareLinks or pages, or tosdiff's own extraction. The previous version's archived
// page is read again with today's rules, and only what the page changed is reported (issue 11,
// "rules changes are never alerts"). Each case has its twin: the page's own edit made in the
// same check is still reported, alone. The real binary against a server on 127.0.0.1.

#include <gtest/gtest.h>

#include <filesystem>

#include "support/http_test_server.hpp"
#include "support/process.hpp"
#include "support/tosdiff_helpers.hpp"
#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/util/sha256.hpp"

namespace tosdiff::testing {
namespace {

// Terms in <main>, a governing-law section in an <aside> beside them, and a promotion inside
// the terms. `content` and `law` are the clauses the page edits.
std::string terms_page(const std::string& content = "You keep every right in what you submit.",
                       const std::string& law = "The law of Ireland applies to these terms.") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Terms</title></head><body>"
         "<main><h1>Terms of Service</h1><h2>1. Your content</h2><p>" + content +
         " We use it only to run the service.</p>"
         "<div class=\"promo\"><p>Upgrade to the premium plan today and save a fifth on every invoice.</p></div>"
         "<h2>2. Payments</h2><p>Fees are charged monthly, and you may cancel at any time before the next month "
         "begins (see the <a href=\"/fees\">fee schedule</a>).</p></main>"
         "<aside class=\"law\"><h2>3. Governing law</h2><p>" + law + "</p></aside></body></html>";
}

std::string annex_page(const std::string& fee = "ten euros") {
  return "<!DOCTYPE html><html><body><main><h1>Annex: fees</h1><p>A fee of " + fee +
         " is charged for each transfer to another account.</p></main></body></html>";
}

class RulesChange : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.set("/terms", html(terms_page()));
    server_.set("/annex", html(annex_page()));
  }
  void TearDown() override { expect_valid_archived_records(data()); }

  void declare(json entry) {
    json declaration;
    declaration["name"] = "Example";
    declaration["id"] = "example";
    declaration["terms"]["Terms of Service"] = std::move(entry);
    write_text_file(dir_ / "catalog/example.json", declaration.dump());
  }

  ProcessResult tosdiff(std::vector<std::string> args) {
    std::vector<std::string> argv = {TOSDIFF_BINARY, "--data-dir", data(), "--catalog", dir_ / "catalog"};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<std::string> env = {"NO_COLOR=1", "XDG_CONFIG_HOME=" + (dir_ / "config")};
    if (!now_.empty()) env.push_back("TOSDIFF_NOW=" + now_);
    return run_process(argv, env, std::chrono::seconds(60));
  }

  // The one record a check printed.
  json check() {
    ProcessResult r = tosdiff({"check", "--json", "--exit-code"});
    auto lines = json_lines(r.out);
    EXPECT_EQ(lines.size(), 1u) << r.out << r.err;
    if (lines.empty()) return json::object();
    // --exit-code: 1 only for a new document or a substantive change, so a rules change never
    // wakes anyone.
    const bool news = lines[0].value("status", "") == "new" || lines[0].value("significance", "") == "substantive";
    const bool failed = lines[0].value("status", "") == "error";
    EXPECT_EQ(r.exit_code, news ? 1 : failed ? 3 : 0) << r.out << r.err;
    return lines[0];
  }

  // The terms, selected by `main`, checked a first time.
  void track_the_terms() {
    declare({{"fetch", server_.url("/terms")}, {"select", "main"}});
    ASSERT_EQ(check().value("status", ""), "new");
  }

  // The page's own edit the twins make: "every right" kept becomes "a licence" granted.
  void grant_a_licence() { server_.set("/terms", html(terms_page("You grant us a licence to everything you submit."))); }

  static void expect_rules_change(const json& record, const std::string& said) {
    EXPECT_EQ(record.value("status", ""), "changed") << record.dump();
    EXPECT_EQ(record.value("significance", ""), "cosmetic") << record.dump();
    EXPECT_EQ(record.value("cosmetic_kinds", json()), json::array({"rules_changed"})) << record.dump();
    EXPECT_NE(record.value("rules_changed", json()).dump().find(said), std::string::npos) << record.dump();
    EXPECT_TRUE(record.value("hunks", json::array()).empty()) << record.dump();
  }

  // The twin: the page's edit, made in the check that also reads it with new rules (the record
  // says so when `with_new_rules`), is the record's one change.
  static void expect_only_the_edit(const json& record, const std::string& before, const std::string& after,
                                   bool with_new_rules = true) {
    EXPECT_EQ(record.value("significance", ""), "substantive") << record.dump();
    ASSERT_EQ(record["hunks"].size(), 1u) << record.dump();
    const std::string lines = record["hunks"][0]["lines"].dump();
    EXPECT_NE(lines.find(before), std::string::npos) << lines;
    EXPECT_NE(lines.find(after), std::string::npos) << lines;
    EXPECT_EQ(record.contains("rules_changed"), with_new_rules) << record.dump();
  }

  // Version 1 as an earlier tosdiff archived it: its extraction kept a line today's drops,
  // and it wrote `rules` with it.
  void archive_as_an_earlier_tosdiff_read_it(const std::string& rules) {
    const std::filesystem::path version = document_dir() / "versions/1.txt";
    const std::string text = read_text_file(version) + "\n\nFollow us on every network, and share this page.\n";
    write_text_file(version, text);
    json index = json::parse(read_text_file(document_dir() / "index.json"));
    index["versions"][0]["rules"] = rules;
    index["versions"][0]["sha256"] = sha256_hex(text);
    write_text_file(document_dir() / "index.json", index.dump());
    json record = json::parse(read_text_file(document_dir() / "records/1.json"));
    record["current"]["sha256"] = sha256_hex(text);
    write_text_file(document_dir() / "records/1.json", record.dump());
  }

  std::string now_;  // TOSDIFF_NOW for the checks, when set
  std::string data() const { return dir_ / "data"; }
  std::filesystem::path document_dir() const { return dir_ / "data/example/terms-of-service"; }
  TempDir dir_;
  HttpTestServer server_;
};

TEST_F(RulesChange, ASelectionWidenedToTextAlreadyOnThePageIsNoAlert) {
  ASSERT_NO_FATAL_FAILURE(track_the_terms());
  declare({{"fetch", server_.url("/terms")}, {"select", {"main", "aside.law"}}});
  expect_rules_change(check(), "select");
  EXPECT_NE(tosdiff({"show", "example/terms-of-service"}).out.find("The law of Ireland"), std::string::npos);
  // Twin: what the new selection reads is tracked from then on.
  server_.set("/terms", html(terms_page("You keep every right in what you submit.", "The law of Texas applies to these terms.")));
  expect_only_the_edit(check(), "Ireland", "Texas", false);
}

TEST_F(RulesChange, ARecordRebuiltByVerifyRepairSaysWhatTheIndexSays) {
  // A red team's find: rebuilt from the two texts alone, the rules change became a substantive
  // change in the digest ("the law of Ireland" added).
  ASSERT_NO_FATAL_FAILURE(track_the_terms());
  declare({{"fetch", server_.url("/terms")}, {"select", {"main", "aside.law"}}});
  expect_rules_change(check(), "select");
  std::filesystem::remove(document_dir() / "records/2.json");
  ProcessResult repair = tosdiff({"verify", "--repair"});
  ASSERT_EQ(repair.exit_code, 0) << repair.out << repair.err;
  const json rebuilt = json::parse(read_text_file(document_dir() / "records/2.json"));
  EXPECT_EQ(rebuilt.value("significance", ""), "cosmetic") << rebuilt.dump();
  EXPECT_FALSE(rebuilt.contains("flags")) << rebuilt.dump();
  EXPECT_EQ(tosdiff({"digest", "--json"}).out.find("\"substantive\""), std::string::npos);
}

TEST_F(RulesChange, ASelectionChangedWhileThePageChangesReportsThePagesEditAlone) {
  ASSERT_NO_FATAL_FAILURE(track_the_terms());
  declare({{"fetch", server_.url("/terms")}, {"select", {"main", "aside.law"}}});
  grant_a_licence();
  const json record = check();
  expect_only_the_edit(record, "every right", "a licence");
  EXPECT_EQ(record["hunks"].dump().find("Ireland"), std::string::npos) << "the newly selected section is not news";
}

TEST_F(RulesChange, DiffAcrossARulesChangeShowsTheChangeAsChecked) {
  // A red team's find: `diff --from 1 --to 2` compared the two archived texts again, and the
  // newly selected section came out as added terms.
  ASSERT_NO_FATAL_FAILURE(track_the_terms());
  declare({{"fetch", server_.url("/terms")}, {"select", {"main", "aside.law"}}});
  grant_a_licence();
  expect_only_the_edit(check(), "every right", "a licence");
  for (const std::vector<std::string>& range :
       {std::vector<std::string>{"--to", "2"}, std::vector<std::string>{"--from", "1", "--to", "2"}}) {
    std::vector<std::string> args = {"diff", "example/terms-of-service", "--json"};
    args.insert(args.end(), range.begin(), range.end());
    const ProcessResult r = tosdiff(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json shown = json::parse(r.out);
    expect_only_the_edit(shown, "every right", "a licence");
    EXPECT_EQ(shown["hunks"].dump().find("Ireland"), std::string::npos) << r.out;
  }
  // Twin: two versions of which neither is the other's comparison are compared text against
  // text, with a note that the rules differ.
  server_.set("/terms", html(terms_page("You grant us a licence to everything you submit.",
                                        "The law of Texas applies to these terms.")));
  ASSERT_EQ(check().value("significance", ""), "substantive");
  const ProcessResult across = tosdiff({"diff", "example/terms-of-service", "--from", "1", "--to", "3", "--json"});
  ASSERT_EQ(across.exit_code, 0) << across.err;
  EXPECT_NE(across.err.find("were read with different rules"), std::string::npos) << across.err;
  EXPECT_NE(across.out.find("Texas"), std::string::npos) << across.out;
}

TEST_F(RulesChange, ARemoveAddedOrTakenAwayIsNoAlert) {
  ASSERT_NO_FATAL_FAILURE(track_the_terms());
  declare({{"fetch", server_.url("/terms")}, {"select", "main"}, {"remove", ".promo"}});
  expect_rules_change(check(), "remove");
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service"}).out.find("premium plan"), std::string::npos);
  declare({{"fetch", server_.url("/terms")}, {"select", "main"}});
  grant_a_licence();
  const json record = check();
  expect_only_the_edit(record, "every right", "a licence");
  EXPECT_EQ(record["hunks"].dump().find("premium plan"), std::string::npos) << "the promotion read again is not news";
}

TEST_F(RulesChange, CompareLinksTurnedOnOrOffIsNoAlert) {
  ASSERT_NO_FATAL_FAILURE(track_the_terms());
  declare({{"fetch", server_.url("/terms")}, {"select", "main"}, {"compareLinks", true}});
  expect_rules_change(check(), "compareLinks: off");
  EXPECT_NE(tosdiff({"show", "example/terms-of-service"}).out.find("/fees)"), std::string::npos);
  declare({{"fetch", server_.url("/terms")}, {"select", "main"}});
  grant_a_licence();
  expect_only_the_edit(check(), "every right", "a licence");
}

TEST_F(RulesChange, APageAddedToTheDocumentOrTakenOutIsNoAlert) {
  ASSERT_NO_FATAL_FAILURE(track_the_terms());
  // The annex's fees are not new terms: the declaration now tracks a page it did not.
  declare({{"combine", {{{"fetch", server_.url("/terms")}}, {{"fetch", server_.url("/annex")}}}}, {"select", "main"}});
  expect_rules_change(check(), "page 2 added to the document");
  // Twin: the annex's edit is news from then on. Taken out, the terms page is no deleted terms.
  server_.set("/annex", html(annex_page("twenty euros")));
  expect_only_the_edit(check(), "ten euros", "twenty euros", false);
  declare({{"fetch", server_.url("/annex")}, {"select", "main"}});
  expect_rules_change(check(), "page 1 taken out of the document");
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service"}).out.find("every right"), std::string::npos);
  // Put back after an edit made meanwhile: compared with the page as an earlier version had
  // it, the edit is news (a red team's find: taken as it was).
  grant_a_licence();
  declare({{"combine", {{{"fetch", server_.url("/terms")}}, {{"fetch", server_.url("/annex")}}}}, {"select", "main"}});
  expect_only_the_edit(check(), "every right", "a licence");
}

TEST_F(RulesChange, AnAddressChangedToTheSamePageElsewhereIsNoAlert) {
  ASSERT_NO_FATAL_FAILURE(track_the_terms());
  server_.set("/legal/terms", html(terms_page()));
  declare({{"fetch", server_.url("/legal/terms")}, {"select", {"main", "aside.law"}}});
  expect_rules_change(check(), "address");
  // Twin: moved and edited in the same check.
  server_.set("/v2/terms", html(terms_page("You grant us a licence to everything you submit.")));
  declare({{"fetch", server_.url("/v2/terms")}, {"select", {"main", "aside.law"}}});
  expect_only_the_edit(check(), "every right", "a licence", false);  // the address alone reads the same
}

// A site that served every document on one page gives each its own: the declaration's new
// address serves the part of the old page that is the document, nothing else changed. The
// page changed nothing (issue 11: "a URL change in the declaration plus a shrink is a
// relocation"; a relocation's record reported the other documents' text as removed terms).
std::string legal_page(bool with_terms, bool with_privacy) {
  std::string body = "<!DOCTYPE html><html><body><main>";
  if (with_terms) {
    body += "<h1>Terms of Service</h1>";
    for (int i = 1; i <= 4; ++i)
      body += "<p>Clause " + std::to_string(i) + ": you may not resell the service, and we may suspend an account "
              "that breaks this clause after one warning sent to the address on file.</p>";
  }
  if (with_privacy) {
    body += "<h1>Privacy Policy</h1>";
    for (int i = 1; i <= 8; ++i)
      body += "<p>We process the data of your account for purpose " + std::to_string(i) +
              " under the law that applies to it, and you may object to it at any time by writing to our data "
              "protection officer, who answers within thirty days.</p>";
  }
  return body + "</main></body></html>";
}

TEST_F(RulesChange, TheDocumentMovedFromAPageOfEveryDocumentToItsOwnIsNoAlert) {
  server_.set("/legal", html(legal_page(true, true)));
  server_.set("/terms-only", html(legal_page(true, false)));
  declare({{"fetch", server_.url("/legal")}, {"select", "main"}});
  ASSERT_EQ(check().value("status", ""), "new");
  declare({{"fetch", server_.url("/terms-only")}, {"select", "main"}});
  const json record = check();
  expect_rules_change(record, "address");
  EXPECT_NE(record.value("warnings", json()).dump().find("moved to another address"), std::string::npos) << record.dump();
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service"}).out.find("Privacy"), std::string::npos);
}

// Twin: the address edited to the page of another document (the privacy policy's, for the
// terms) is held, whatever the checks after it, never reported as the terms nor adopted.
TEST_F(RulesChange, AnAddressEditedToAnotherDocumentsPageIsHeldNotAdopted) {
  now_ = "2026-06-01T10:00:00Z";
  server_.set("/legal", html(legal_page(true, true)));
  server_.set("/privacy-only", html(legal_page(false, true)));
  declare({{"fetch", server_.url("/legal")}, {"select", "main"}});
  ASSERT_EQ(check().value("status", ""), "new");
  declare({{"fetch", server_.url("/privacy-only")}, {"select", "main"}});
  for (const char* at : {"2026-06-02T10:00:00Z", "2026-06-02T22:00:00Z", "2026-06-03T11:00:00Z", "2026-06-05T10:00:00Z"}) {
    now_ = at;
    const json record = check();
    EXPECT_EQ(record.value("status", ""), "error") << at << record.dump();
    EXPECT_NE(record.dump().find("serves another document"), std::string::npos) << at << record.dump();
  }
  EXPECT_NE(tosdiff({"show", "example/terms-of-service"}).out.find("Terms of Service"), std::string::npos);
  EXPECT_EQ(tosdiff({"history", "example/terms-of-service", "--json"}).out.find("\"changed\""), std::string::npos);
}

// A red team's finds: a page served again byte for byte as an earlier version had it is a stale
// copy, held until it lasts, after a rules change (its text read with today's rules matches
// no earlier text) and as one page of a combined document (the whole matches none) alike.
TEST_F(RulesChange, AStaleCopyOfAPageIsHeldAfterARulesChangeAndInACombinedDocument) {
  ASSERT_NO_FATAL_FAILURE(track_the_terms());
  grant_a_licence();
  ASSERT_EQ(check().value("significance", ""), "substantive");
  declare({{"fetch", server_.url("/terms")}, {"select", "main"}, {"remove", ".promo"}});
  expect_rules_change(check(), "remove");
  server_.set("/terms", html(terms_page()));  // a cache's copy of version 1's page
  json held = check();
  EXPECT_EQ(held.value("status", ""), "unchanged") << held.dump();
  EXPECT_EQ(held.value("held_return", ""), "1") << held.dump();

  declare({{"combine", {{{"fetch", server_.url("/terms")}}, {{"fetch", server_.url("/annex")}}}}, {"select", "main"}});
  grant_a_licence();
  check();  // the document read with its two pages
  server_.set("/annex", html(annex_page("twenty euros")));
  ASSERT_EQ(check().value("significance", ""), "substantive");
  server_.set("/annex", html(annex_page()));  // the annex's older copy, the terms as they are
  held = check();
  EXPECT_EQ(held.value("status", ""), "unchanged") << held.dump();
  EXPECT_FALSE(held.value("held_return", "").empty()) << held.dump();
}

// A red team's find: a declaration switched to the browser but read over HTTP (--no-browser, a
// rendering that fell back) reads as the archived version did, and a clause added on that check
// is news, not a text "taken as it is".
TEST_F(RulesChange, ASwitchToTheBrowserReadOverHttpIsComparedLikeWithLike) {
  ASSERT_NO_FATAL_FAILURE(track_the_terms());
  declare({{"fetch", server_.url("/terms")}, {"select", "main"}, {"executeClientScripts", true}});
  grant_a_licence();
  ProcessResult r = tosdiff({"check", "--json", "--no-browser"});
  const auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out << r.err;
  EXPECT_EQ(lines[0].value("significance", ""), "substantive") << lines[0].dump();
  EXPECT_EQ(lines[0].value("fetcher", ""), "http") << lines[0].dump();
  EXPECT_EQ(lines[0].value("summary", "").find("did not change"), std::string::npos) << lines[0].dump();
}

// An archive written by an earlier tosdiff whose extraction read the same page differently (it
// kept the promotion, say): the upgrade reads the archived page again, and is no alert.
TEST_F(RulesChange, AnUpgradeOfTosdiffsExtractionIsNoAlert) {
  ASSERT_NO_FATAL_FAILURE(track_the_terms());
  json rules = json::parse(json::parse(read_text_file(document_dir() / "index.json"))["versions"][0]["rules"].get<std::string>());
  rules["extraction"] = kExtractionVersion - 1;
  archive_as_an_earlier_tosdiff_read_it(rules.dump());
  ProcessResult verify = tosdiff({"verify"});
  ASSERT_EQ(verify.exit_code, 0) << "the archive stands as an earlier tosdiff wrote it: " << verify.out << verify.err;
  expect_rules_change(check(), "tosdiff's extraction: version " + std::to_string(kExtractionVersion - 1));
  EXPECT_EQ(tosdiff({"show", "example/terms-of-service"}).out.find("Follow us"), std::string::npos);
}

TEST_F(RulesChange, AnUpgradeOfTosdiffsExtractionWhileThePageChangesReportsThePagesEditAlone) {
  ASSERT_NO_FATAL_FAILURE(track_the_terms());
  archive_as_an_earlier_tosdiff_read_it("");  // an archive older than the rules' record
  grant_a_licence();
  const json record = check();
  expect_only_the_edit(record, "every right", "a licence");
  EXPECT_EQ(record["hunks"].dump().find("Follow us"), std::string::npos) << "what the old extraction kept is not news";
  EXPECT_NE(record["rules_changed"].dump().find("not recorded"), std::string::npos) << record.dump();
}

}  // namespace
}  // namespace tosdiff::testing
