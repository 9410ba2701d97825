// `tosdiff add URL` and `tosdiff normalize FILE --suggest`, against the real binary and pages
// on 127.0.0.1: the declaration written is valid, proposes select/remove that tosdiff's own
// reading agrees with, and a check with it archives exactly the text `add` showed; a second
// terms type joins the same file; pages that are not documents are refused; a page built by
// JavaScript is rendered in real headless Chromium (skipped, saying so, where none is
// installed; CI installs it).

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "support/http_test_server.hpp"
#include "support/pdf_builder.hpp"
#include "support/process.hpp"
#include "support/tosdiff_helpers.hpp"
#include "tosdiff/fetch/browser.hpp"

namespace tosdiff::testing {
namespace {

// No <main>: the content is a div with an id, between a menu, a cookie banner and a footer.
std::string terms_page(const std::string& retention) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Terms of Service | Example Co</title></head><body>"
         "<nav class=\"top-menu\"><a href=\"/\">Home</a> <a href=\"/pricing\">Pricing</a> <a href=\"/blog\">Blog</a></nav>"
         "<div id=\"onetrust-consent-sdk\"><p>We use cookies to improve your experience. Accept all cookies?</p>"
         "<button>Accept</button></div>"
         "<div id=\"content\"><h1>Terms of Service</h1><p class=\"updated\">Last updated: March 3, 2026</p>"
         "<h2>1. Your content</h2><p>You keep every right in what you submit. We use it only to run the service and "
         "to show it to the people you choose.</p>"
         "<h2>2. Retention</h2><p>We keep your data for " + retention + " after you close your account, then we "
         "delete it from every system we run.</p>"
         "<div class=\"share-buttons\"><a href=\"https://twitter.com/share\">Share on Twitter</a> "
         "<a href=\"https://facebook.com/share\">Share on Facebook</a></div>"
         "<h2>3. Disputes</h2><p>Any dispute goes before the courts of your place of residence, under the law of "
         "the State of Delaware.</p></div>"
         "<footer><p>© 2026 Example Co. All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer>"
         "</body></html>";
}

std::string privacy_page() {
  return "<!DOCTYPE html><html><head><title>Privacy</title></head><body><main><h1>Privacy Policy</h1><h2>1. What we "
         "collect</h2><p>We collect the data you give us when you create an account and use the service.</p><h2>2. "
         "Sharing</h2><p>We never sell your personal data, and we share it only with the processors that run the "
         "service for us.</p></main></body></html>";
}

// A page whose whole text a script inserts after load (as single-page applications do).
std::string script_built_page() {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Terms</title></head><body>"
         "<div id=\"root\"></div><script>setTimeout(function () {"
         "document.getElementById('root').innerHTML = '<main class=\"terms\"><h1>Terms of Service</h1>"
         "<h2>1. Your content</h2><p>You keep every right in what you submit. We use it only to run the service.</p>"
         "<h2>2. Retention</h2><p>We keep your data for two years after you close your account.</p>"
         "<h2>3. Disputes</h2><p>Any dispute goes before the courts of your place of residence.</p></main>';"
         "}, 300);</script></body></html>";
}

// The text `add` (or `normalize --suggest`) showed: the indented lines after its header.
std::string shown_text(const std::string& out) {
  std::istringstream in(out);
  std::string text;
  bool in_text = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("the text tosdiff would track", 0) == 0) {
      in_text = true;
      continue;
    }
    if (!in_text) continue;
    if (line.rfind("  ", 0) != 0) break;
    text += line.substr(2) + "\n";
  }
  return text;
}

class Add : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.set("/terms", html(terms_page("two years")));
    server_.set("/privacy", html(privacy_page()));
  }
  std::string catalog() const { return dir_ / "catalog"; }
  ProcessResult tosdiff(std::vector<std::string> args) {
    std::vector<std::string> argv = {TOSDIFF_BINARY, "--data-dir", dir_ / "data", "--catalog", catalog()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, {"NO_COLOR=1", "TOSDIFF_CATALOG=", "XDG_CONFIG_HOME=" + (dir_ / "config")},
                       std::chrono::seconds(120));
  }
  json declaration_file(const std::string& name) const { return json::parse(read_text_file(catalog() + "/" + name)); }

  TempDir dir_;
  HttpTestServer server_;
};

TEST_F(Add, WritesADeclarationWhoseCheckArchivesTheTextItShowed) {
  std::filesystem::create_directories(catalog());
  ProcessResult add = tosdiff({"add", server_.url("/terms"), "--name", "Example Co"});
  ASSERT_EQ(add.exit_code, 0) << add.out << add.err;
  EXPECT_EQ(add.err, "");
  EXPECT_NE(add.out.find("as example-co/terms-of-service (\"Terms of Service\" of Example Co)"), std::string::npos) << add.out;
  EXPECT_NE(add.out.find("select: #content   (the element with id \"content\")"), std::string::npos) << add.out;
  EXPECT_NE(add.out.find("agrees with tosdiff's own reading of the page"), std::string::npos);

  const json written = declaration_file("Example Co.json");
  EXPECT_EQ(written["name"], "Example Co");
  const json& entry = written["terms"]["Terms of Service"];
  EXPECT_EQ(entry["fetch"], server_.url("/terms"));
  EXPECT_EQ(entry["select"], "#content");
  EXPECT_EQ(entry["remove"], ".share-buttons") << entry.dump();
  EXPECT_FALSE(entry.contains("executeClientScripts"));
  ProcessResult valid = tosdiff({"validate", catalog()});
  EXPECT_EQ(valid.exit_code, 0) << valid.out;
  EXPECT_EQ(valid.out.find(": warning:"), std::string::npos) << valid.out;

  // What add showed is what a check archives with the declaration.
  const std::string shown = shown_text(add.out);
  EXPECT_NE(shown.find("# Terms of Service\n"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("cookies"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("Share on"), std::string::npos) << shown;
  ProcessResult check = tosdiff({"check", "example-co"});
  ASSERT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_EQ(tosdiff({"show", "example-co/terms-of-service"}).out, shown);
  EXPECT_EQ(server_.hits("/terms"), 2);

  // A second terms type joins the same file; the first entry stays as it was.
  ProcessResult privacy = tosdiff({"add", server_.url("/privacy"), "--name", "Example Co", "--type", "Privacy Policy"});
  ASSERT_EQ(privacy.exit_code, 0) << privacy.err;
  const json both = declaration_file("Example Co.json");
  EXPECT_EQ(both["terms"]["Terms of Service"], entry);
  EXPECT_EQ(both["terms"]["Privacy Policy"]["select"], "main");
  // The same type again: refused, unless --force.
  ProcessResult again = tosdiff({"add", server_.url("/privacy"), "--name", "Example Co", "--type", "Privacy Policy"});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("already declares \"Privacy Policy\" (--force replaces it)"), std::string::npos) << again.err;
  ProcessResult forced =
      tosdiff({"add", server_.url("/privacy"), "--name", "Example Co", "--type", "Privacy Policy", "--force"});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_NE(forced.out.find("replaced \"Privacy Policy\""), std::string::npos) << forced.out;
}

TEST_F(Add, DryRunWritesNothingAndTheNameComesFromTheHost) {
  ProcessResult dry = tosdiff({"add", server_.url("/privacy"), "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("as 127/terms-of-service"), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("not written (--dry-run)"), std::string::npos);
  EXPECT_NE(dry.out.find("\"fetch\": \"" + server_.url("/privacy") + "\""), std::string::npos) << dry.out;
  EXPECT_FALSE(std::filesystem::exists(catalog()));
}

TEST_F(Add, PagesThatAreNotDocumentsAreRefused) {
  const std::string block = "<html><head><title>Just a moment...</title></head><body>Checking your browser before "
                            "accessing the site. Enable JavaScript and cookies to continue.</body></html>";
  server_.set("/blocked", html(block, 403));
  ProcessResult blocked = tosdiff({"add", server_.url("/blocked"), "--name", "X"});
  EXPECT_EQ(blocked.exit_code, 3);
  EXPECT_NE(blocked.err.find("tosdiff: error: blocked: "), std::string::npos) << blocked.err;
  ProcessResult missing = tosdiff({"add", server_.url("/nothing-here"), "--name", "X"});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("http_status: HTTP 404"), std::string::npos) << missing.err;
  ProcessResult refused = tosdiff({"add", "http://127.0.0.1:" + std::to_string(unused_local_port()) + "/", "--name", "X"});
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_NE(refused.err.find("connection_refused"), std::string::npos) << refused.err;
  EXPECT_EQ(tosdiff({"add", "ftp://example.com/terms", "--name", "X"}).exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(catalog() + "/X.json"));
}

TEST_F(Add, APdfIsTrackedWhole) {
  Typesetter t;
  t.heading("Terms of Service", 20);
  t.paragraph("We keep your data for two years after you close your account, then we delete it everywhere.");
  t.paragraph("Any dispute goes before the courts of your place of residence, under the law of Delaware.");
  HttpReply pdf;
  pdf.headers = {{"Content-Type", "application/pdf"}};
  pdf.body = build_pdf(t.pages());
  server_.set("/terms.pdf", pdf);
  ProcessResult add = tosdiff({"add", server_.url("/terms.pdf"), "--name", "Pdf Co"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.err.find("a PDF: its whole text is tracked"), std::string::npos) << add.err;
  const json entry = declaration_file("Pdf Co.json")["terms"]["Terms of Service"];
  EXPECT_EQ(entry, json({{"fetch", server_.url("/terms.pdf")}}));
  ASSERT_EQ(tosdiff({"check", "pdf-co"}).exit_code, 0);
  EXPECT_EQ(tosdiff({"show", "pdf-co/terms-of-service"}).out, shown_text(add.out));
}

TEST_F(Add, APageBuiltByJavaScriptIsRenderedAndDeclaredSo) {
  if (!find_chromium("")) GTEST_SKIP() << "no Chromium installed (apt install chromium-headless-shell)";
  server_.set("/app", html(script_built_page()));
  ProcessResult add = tosdiff({"add", server_.url("/app"), "--name", "Spa"});
  ASSERT_EQ(add.exit_code, 0) << add.out << add.err;
  const json entry = declaration_file("Spa.json")["terms"]["Terms of Service"];
  EXPECT_EQ(entry["executeClientScripts"], true);
  EXPECT_EQ(entry["select"], "main") << entry.dump();
  EXPECT_NE(shown_text(add.out).find("We keep your data for two years"), std::string::npos) << add.out;
  ASSERT_EQ(tosdiff({"check", "spa"}).exit_code, 0);
  EXPECT_EQ(tosdiff({"show", "spa/terms-of-service"}).out, shown_text(add.out));
  // Without a browser: the shell as served has no text, and add says why.
  ProcessResult plain = tosdiff({"add", server_.url("/app"), "--name", "Spa2", "--no-browser"});
  EXPECT_EQ(plain.exit_code, 3);
  EXPECT_NE(plain.err.find("the page is built by JavaScript and, read without a browser, has no text"), std::string::npos)
      << plain.err;
}

TEST_F(Add, NormalizeSuggestProposesTheSameForALocalFile) {
  write_text_file(dir_ / "page.html", terms_page("two years"));
  ProcessResult suggest = run_process({TOSDIFF_BINARY, "normalize", dir_ / "page.html", "--suggest"});
  ASSERT_EQ(suggest.exit_code, 0) << suggest.err;
  EXPECT_NE(suggest.out.find("select: #content"), std::string::npos) << suggest.out;
  EXPECT_NE(suggest.out.find("remove: .share-buttons"), std::string::npos) << suggest.out;
  // The text shown is what normalize prints with those selectors, and without any.
  const std::string shown = shown_text(suggest.out);
  EXPECT_EQ(run_process({TOSDIFF_BINARY, "normalize", dir_ / "page.html", "--select", "#content", "--remove",
                         ".share-buttons"}).out,
            shown);
  EXPECT_EQ(run_process({TOSDIFF_BINARY, "normalize", dir_ / "page.html"}).out, shown);
  EXPECT_NE(suggest.out.find("\"select\": \"#content\""), std::string::npos) << suggest.out;
  EXPECT_EQ(run_process({TOSDIFF_BINARY, "normalize", dir_ / "page.html", "--suggest", "--select", "main"}).exit_code, 2);
}

}  // namespace
}  // namespace tosdiff::testing
