// The real web, end to end: the tosdiff binary against pages on 127.0.0.1 built by
// JavaScript (rendered in real headless Chromium, declared or detected), PDF documents served
// under any URL, and bodies that are not documents at all. Tests that need Chromium skip,
// saying so, only where no Chromium is installed (CI installs it).

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "support/http_test_server.hpp"
#include "support/pdf_builder.hpp"
#include "support/process.hpp"
#include "support/tosdiff_helpers.hpp"
#include "tosdiff/fetch/browser.hpp"

namespace tosdiff::testing {
namespace {

// A page whose whole text a script inserts 300 ms after load, in an empty mount point, as
// single-page applications do.
std::string script_built_page(const std::string& retention) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Terms</title></head><body>"
         "<div id=\"root\"></div><script>setTimeout(function () {"
         "document.getElementById('root').innerHTML = '<main class=\"terms\"><h1>Terms of Service</h1>"
         "<h2>1. Your content</h2><p>You keep every right in what you submit. We use it only to run the service.</p>"
         "<h2>2. Retention</h2><p>We keep your data for " + retention + " after you close your account.</p>"
         "<h2>3. Disputes</h2><p>Any dispute goes before the courts of your place of residence.</p></main>';"
         "}, 300);</script></body></html>";
}

HttpReply with_type(const std::string& body, const std::string& type, int status = 200) {
  HttpReply r;
  r.status = status;
  r.headers = {{"Content-Type", type}};
  r.body = body;
  return r;
}

std::string terms_pdf(const std::string& retention) {
  Typesetter t;
  t.heading("Terms of Service", 20);
  t.heading("1. Your content", 14);
  t.paragraph("You keep every right in what you submit. We use it only to run the service and to show it to "
              "the people you choose.");
  t.heading("2. Retention", 14);
  t.paragraph("We keep your data for " + retention + " after you close your account, then we delete it.");
  t.heading("3. Disputes", 14);
  t.paragraph("Any dispute goes before the courts of your place of residence.");
  return build_pdf(t.pages());
}

class RealWeb : public ::testing::Test {
 protected:
  void TearDown() override { expect_valid_archived_records(data()); }

  void declare(const std::string& type, json entry) {
    json declaration;
    declaration["name"] = "Example";
    declaration["id"] = "example";
    declaration["terms"][type] = std::move(entry);
    write_text_file(dir_ / "catalog/example.json", declaration.dump());
  }

  ProcessResult tosdiff(std::vector<std::string> args) {
    std::vector<std::string> argv = {TOSDIFF_BINARY, "--data-dir", data(), "--catalog", dir_ / "catalog"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, {"NO_COLOR=1", "XDG_CONFIG_HOME=" + (dir_ / "config")}, std::chrono::seconds(120));
  }

  static bool chromium_installed() { return find_chromium("").has_value(); }

  std::string data() const { return dir_ / "data"; }
  TempDir dir_;
  HttpTestServer server_;
};

TEST_F(RealWeb, ADeclaredScriptBuiltPageIsRenderedAndItsChangesAreRecorded) {
  if (!chromium_installed()) GTEST_SKIP() << "no Chromium installed (apt install chromium-headless-shell)";
  server_.set("/terms", html(script_built_page("two years")));
  declare("Terms of Service", {{"fetch", server_.url("/terms")}, {"select", "main.terms"}, {"executeClientScripts", true}});
  ProcessResult first = tosdiff({"check", "--json"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  auto lines = json_lines(first.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["status"], "new");
  EXPECT_EQ(lines[0]["fetcher"], "browser");
  EXPECT_NE(tosdiff({"show", "example/terms-of-service"}).out.find("We keep your data for two years"), std::string::npos);

  server_.set("/terms", html(script_built_page("ten years")));
  lines = json_lines(tosdiff({"check", "--json"}).out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["status"], "changed");
  EXPECT_EQ(lines[0]["significance"], "substantive");
  EXPECT_EQ(lines[0]["fetcher"], "browser");
}

TEST_F(RealWeb, SwitchingADeclarationToTheBrowserIsARulesChangeNotAnAlert) {
  if (!chromium_installed()) GTEST_SKIP() << "no Chromium installed (apt install chromium-headless-shell)";
  // The server's page says part of the terms; a script adds a section the browser shows.
  const std::string page =
      "<!DOCTYPE html><html><body><main class=\"terms\"><h1>Terms of Service</h1><h2>1. Your content</h2><p>You keep "
      "every right in what you submit. We use it only to run the service.</p><div id=\"more\"></div></main><script>"
      "document.getElementById('more').innerHTML = '<h2>2. Disputes</h2><p>Any dispute goes before the courts of "
      "your place of residence.</p>';</script></body></html>";
  server_.set("/terms", html(page));
  declare("Terms of Service", {{"fetch", server_.url("/terms")}, {"select", "main.terms"}});
  ASSERT_EQ(json_lines(tosdiff({"check", "--json"}).out).at(0)["status"], "new");
  declare("Terms of Service", {{"fetch", server_.url("/terms")}, {"select", "main.terms"}, {"executeClientScripts", true}});
  auto lines = json_lines(tosdiff({"check", "--json"}).out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["fetcher"], "browser");
  EXPECT_EQ(lines[0]["significance"], "cosmetic") << lines[0].dump();
  EXPECT_EQ(lines[0]["cosmetic_kinds"], json::array({"rules_changed"})) << lines[0].dump();
  ASSERT_TRUE(lines[0].contains("rules_changed"));
  EXPECT_NE(lines[0]["rules_changed"].dump().find("executeClientScripts"), std::string::npos) << lines[0].dump();
  // Twin: the terms changed afterwards, read the same way, are news.
  std::string changed = page;
  changed.replace(changed.find("courts of your place of residence"), 33, "courts of Dublin only");
  server_.set("/terms", html(changed));
  lines = json_lines(tosdiff({"check", "--json"}).out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["significance"], "substantive") << lines[0].dump();
}

TEST_F(RealWeb, ARenderingThatStillSaysItIsLoadingWhenItsTimeRunsOutIsNoVersion) {
  if (!chromium_installed()) GTEST_SKIP() << "no Chromium installed (apt install chromium-headless-shell)";
  // The rest of the terms comes from a request the server answers after the page's time.
  HttpReply slow;
  slow.status = 200;
  slow.headers = {{"Content-Type", "text/html"}};
  slow.body = "<p>Any dispute goes before the courts of your place of residence.</p>";
  slow.delay = std::chrono::milliseconds(12500);  // the page's time is 10 s at least
  server_.set("/rest", slow);
  server_.set("/terms", html("<!DOCTYPE html><html><body><main><h1>Terms of Service</h1><p>You keep every right in "
                             "what you submit. We use it only to run the service.</p><div id=\"rest\"><p>Loading...</p>"
                             "</div></main><script>fetch('/rest').then(r => r.text()).then(t => { "
                             "document.getElementById('rest').innerHTML = t; });</script></body></html>"));
  declare("Terms of Service", {{"fetch", server_.url("/terms")}, {"executeClientScripts", true}});
  auto lines = json_lines(tosdiff({"check", "--json", "--timeout", "3"}).out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["status"], "error") << lines[0].dump();
  EXPECT_EQ(lines[0]["error"]["kind"], "timeout") << lines[0].dump();
  EXPECT_EQ(lines[0]["fetcher"], "browser");
  // Twin: with the time it needs, the whole text is the first version.
  lines = json_lines(tosdiff({"check", "--json", "--timeout", "20"}).out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["status"], "new") << lines[0].dump();
  EXPECT_NE(tosdiff({"show", "example/terms-of-service"}).out.find("courts of your place of residence"), std::string::npos);
}

TEST_F(RealWeb, AJavaScriptShellIsDetectedAndRenderedWithoutBeingDeclared) {
  if (!chromium_installed()) GTEST_SKIP() << "no Chromium installed (apt install chromium-headless-shell)";
  server_.set("/terms", html(script_built_page("two years")));
  declare("Terms of Service", {{"fetch", server_.url("/terms")}});
  ProcessResult r = tosdiff({"check", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["status"], "new");
  EXPECT_EQ(lines[0]["fetcher"], "browser");
  EXPECT_NE(tosdiff({"show", "example/terms-of-service"}).out.find("courts of your place of residence"),
            std::string::npos);
  // The same shell read without a browser is an empty page: an error, never a version.
  ProcessResult plain = tosdiff({"check", "--json", "--no-browser"});
  EXPECT_EQ(json_lines(plain.out).at(0)["status"], "error") << plain.out;
}

TEST_F(RealWeb, APageThatIsNotAShellNeverStartsTheBrowser) {
  server_.set("/terms", html("<html><head><script>var a = 1;</script></head><body><main><h1>Terms</h1>"
                             "<p>These short terms are the whole document, and a script on the page counts visits.</p>"
                             "</main></body></html>"));
  declare("Terms of Service", {{"fetch", server_.url("/terms")}});
  // A browser that does not exist would make any render an error: none is attempted.
  ProcessResult r = tosdiff({"check", "--json", "--browser", dir_ / "no-such-chromium"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(json_lines(r.out).at(0)["fetcher"], "http");
}

TEST_F(RealWeb, WithoutABrowserAScriptBuiltPageIsAnErrorOfItsOwnKind) {
  server_.set("/terms", html(script_built_page("two years")));
  server_.set("/plain", html("<html><body><main><h1>Privacy</h1><p>We collect your email address to send you the "
                             "newsletter you asked for, and nothing else.</p></main></body></html>"));
  json declaration;
  declaration["name"] = "Example";
  declaration["id"] = "example";
  declaration["terms"]["Terms of Service"] = {{"fetch", server_.url("/terms")}, {"executeClientScripts", true}};
  declaration["terms"]["Privacy Policy"] = {{"fetch", server_.url("/plain")}};
  write_text_file(dir_ / "catalog/example.json", declaration.dump());
  ProcessResult r = tosdiff({"check", "--json", "--browser", dir_ / "no-such-chromium"});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  const json* terms = find_document(lines, "terms-of-service");
  ASSERT_NE(terms, nullptr);
  EXPECT_EQ((*terms)["error"]["kind"], "browser_missing");
  EXPECT_NE((*terms)["error"]["message"].get<std::string>().find("chromium"), std::string::npos);
  EXPECT_EQ((*find_document(lines, "privacy-policy"))["status"], "new");  // the others go on
  EXPECT_FALSE(std::filesystem::exists(data() + "/example/terms-of-service/versions/1.txt"));
}

TEST_F(RealWeb, APdfUnderAnyUrlIsArchivedAsItsTextAndAChangedClauseIsSubstantive) {
  server_.set("/legal/terms", with_type(terms_pdf("two years"), "application/pdf"));
  declare("Terms of Service", {{"fetch", server_.url("/legal/terms")}});
  ProcessResult first = tosdiff({"check", "--json"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_EQ(json_lines(first.out).at(0)["status"], "new");
  const std::string text = tosdiff({"show", "example/terms-of-service"}).out;
  EXPECT_NE(text.find("# Terms of Service"), std::string::npos) << text;
  EXPECT_NE(text.find("We keep your data for two years"), std::string::npos) << text;
  EXPECT_EQ(text.find("%PDF"), std::string::npos);

  server_.set("/legal/terms", with_type(terms_pdf("ten years"), "application/pdf"));
  auto lines = json_lines(tosdiff({"check", "--json"}).out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["status"], "changed");
  EXPECT_EQ(lines[0]["significance"], "substantive");
  EXPECT_EQ(lines[0]["section"], json({"Terms of Service", "2. Retention"}));
}

// A red team's find: a PDF re-issued with one page scanned (no text layer) was archived as a
// major deletion of that page's words. It is held, the page named; the twin, a clause really
// taken out of a typed PDF, is a change.
TEST_F(RealWeb, APdfPageTurnedIntoAScanIsHeldNotADeletion) {
  auto pages = [](bool scanned, bool clause) {
    std::vector<PdfPage> out;
    for (int n = 1; n <= 3; ++n) {
      Typesetter t;
      t.heading("Section " + std::to_string(n), 14);
      t.paragraph("Section " + std::to_string(n) + " says what it says about your account and the service, in "
                  "sentences long enough to be a page's worth of the terms' text, and then some more words.");
      if (n == 2 && clause) t.paragraph("We keep your data for two years after you close your account.");
      PdfPage page = t.pages().front();
      if (n == 2 && scanned) {
        page.texts.clear();
        page.image = true;
      }
      out.push_back(page);
    }
    return build_pdf(out);
  };
  server_.set("/terms.pdf", with_type(pages(false, true), "application/pdf"));
  declare("Terms of Service", {{"fetch", server_.url("/terms.pdf")}});
  ASSERT_EQ(json_lines(tosdiff({"check", "--json"}).out).at(0)["status"], "new");
  server_.set("/terms.pdf", with_type(pages(true, true), "application/pdf"));
  auto held = json_lines(tosdiff({"check", "--json"}).out);
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0]["status"], "error") << held[0].dump();
  EXPECT_EQ(held[0]["error"]["kind"], "suspicious_shrink") << held[0].dump();
  EXPECT_NE(held[0]["error"]["message"].get<std::string>().find("page 2"), std::string::npos) << held[0].dump();
  // Twin: the clause taken out of the typed PDF is news.
  server_.set("/terms.pdf", with_type(pages(false, false), "application/pdf"));
  auto changed = json_lines(tosdiff({"check", "--json"}).out);
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0]["status"], "changed") << changed[0].dump();
  EXPECT_EQ(changed[0]["significance"], "substantive") << changed[0].dump();
}

// Twin of the above: a PDF whose cover was always a picture (no text layer) losing a clause is
// news at once, not a scan held back.
TEST_F(RealWeb, AClauseTakenOutOfAPdfWithAPictureCoverIsNews) {
  auto pdf = [](bool clause) {
    PdfPage cover;
    cover.image = true;
    Typesetter t;
    t.heading("Terms of Service", 20);
    t.paragraph("These terms apply to your account and to every plan we sell, in sentences long enough to be "
                "the terms' text.");
    if (clause) t.paragraph("We keep your data for two years after you close your account.");
    std::vector<PdfPage> pages{cover};
    for (const PdfPage& page : t.pages()) pages.push_back(page);
    return build_pdf(pages);
  };
  server_.set("/terms.pdf", with_type(pdf(true), "application/pdf"));
  declare("Terms of Service", {{"fetch", server_.url("/terms.pdf")}});
  ASSERT_EQ(json_lines(tosdiff({"check", "--json"}).out).at(0)["status"], "new");
  server_.set("/terms.pdf", with_type(pdf(false), "application/pdf"));
  auto changed = json_lines(tosdiff({"check", "--json"}).out);
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0]["status"], "changed") << changed[0].dump();
  EXPECT_EQ(changed[0]["significance"], "substantive") << changed[0].dump();
}

TEST_F(RealWeb, AnImageOrAnArchiveIsAnErrorAndItsBytesAreKept) {
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0');
  const std::string zip = std::string("PK\x03\x04", 4) + std::string(64, 'z');
  server_.set("/png", with_type(png, "text/html"));
  server_.set("/zip", with_type(zip, "application/octet-stream"));
  json declaration;
  declaration["name"] = "Example";
  declaration["id"] = "example";
  declaration["terms"]["Terms"] = {{"fetch", server_.url("/png")}};
  declaration["terms"]["Privacy"] = {{"fetch", server_.url("/zip")}};
  write_text_file(dir_ / "catalog/example.json", declaration.dump());
  ProcessResult r = tosdiff({"check", "--json"});
  EXPECT_EQ(r.exit_code, 3);
  for (const json& line : json_lines(r.out)) {
    EXPECT_EQ(line["status"], "error");
    EXPECT_EQ(line["error"]["kind"], "unsupported_content") << line.dump();
  }
  const auto records = json_lines(r.out);
  const json* png_record = find_document(records, "terms");
  ASSERT_NE(png_record, nullptr);
  EXPECT_NE((*png_record)["error"]["message"].get<std::string>().find("image/png"), std::string::npos);
  for (const char* doc : {"terms", "privacy"}) {
    EXPECT_FALSE(std::filesystem::exists(data() + "/example/" + doc + "/versions/1.txt"));
    EXPECT_EQ(count_files(data() + "/example/" + doc + "/snapshots"), 1u) << doc;  // kept for inspection
  }
}

// A `select` that is no CSS selector (a sentence, as some declarations write for a PDF served
// from a URL without .pdf) is an error of its document only: listed, reported by validate, and
// at check time the content decides: a PDF is read whole, an HTML page fails with `selector`.
TEST_F(RealWeb, AnUnparsableSelectorIsIgnoredOnAPdfAndFailsAnHtmlPage) {
  const std::string sentence = "Nothing to select here: the `select` field is filled only because it is required";
  server_.set("/carriage", with_type(terms_pdf("two years"), "application/pdf"));
  server_.set("/privacy", html("<html><body><main><h1>Privacy</h1><p>We collect your email address to send you "
                               "the newsletter you asked for, and nothing else.</p></main></body></html>"));
  json declaration;
  declaration["name"] = "Example";
  declaration["id"] = "example";
  declaration["terms"]["Conditions of Carriage"] = {{"fetch", server_.url("/carriage")}, {"select", sentence}};
  declaration["terms"]["Privacy Policy"] = {{"fetch", server_.url("/privacy")}, {"select", sentence}};
  write_text_file(dir_ / "catalog/example.json", declaration.dump());

  ProcessResult list = tosdiff({"list", "--json"});
  EXPECT_EQ(list.exit_code, 0) << list.out << list.err;
  std::set<std::string> listed;
  for (const json& line : json_lines(list.out))
    if (line["platform"] == "example") listed.insert(line["document"].get<std::string>());
  EXPECT_EQ(listed, (std::set<std::string>{"conditions-of-carriage", "privacy-policy"})) << list.out;
  EXPECT_NE(list.err.find("tosdiff: warning: "), std::string::npos) << list.err;
  EXPECT_NE(list.err.find("terms.Conditions of Carriage.select"), std::string::npos) << list.err;

  ProcessResult validate = tosdiff({"validate", dir_ / "catalog"});
  EXPECT_EQ(validate.exit_code, 2) << validate.out << validate.err;
  EXPECT_NE(validate.out.find("terms.Conditions of Carriage.select: error: "), std::string::npos) << validate.out;
  EXPECT_NE(validate.out.find("terms.Privacy Policy.select: error: "), std::string::npos) << validate.out;

  ProcessResult check = tosdiff({"check", "--json"});
  EXPECT_EQ(check.exit_code, 3) << check.out << check.err;
  auto lines = json_lines(check.out);
  ASSERT_EQ(lines.size(), 2u) << check.out;
  const json* carriage = find_document(lines, "conditions-of-carriage");
  ASSERT_NE(carriage, nullptr);
  EXPECT_EQ((*carriage)["status"], "new") << carriage->dump();
  EXPECT_NE((*carriage)["warnings"].dump().find("select does not apply to a PDF"), std::string::npos)
      << carriage->dump();
  EXPECT_NE(tosdiff({"show", "example/conditions-of-carriage"}).out.find("We keep your data for two years"),
            std::string::npos);
  const json* privacy = find_document(lines, "privacy-policy");
  ASSERT_NE(privacy, nullptr);
  EXPECT_EQ((*privacy)["status"], "error");
  EXPECT_EQ((*privacy)["error"]["kind"], "selector");
  EXPECT_NE((*privacy)["error"]["message"].get<std::string>().find("Nothing to select here"), std::string::npos)
      << privacy->dump();
}

}  // namespace
}  // namespace tosdiff::testing
