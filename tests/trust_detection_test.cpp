// Issue 11 end to end: the real tosdiff binary against pages served on 127.0.0.1 (synthetic
// fixtures under fixtures/trust/ and fixtures/normalize/). A page rendered with a dialog open
// is the document; an error page in any language never becomes a version, not even the
// first; a short legal page is one.

#include <gtest/gtest.h>

#include <filesystem>

#include "support/http_test_server.hpp"
#include "support/process.hpp"
#include "support/tosdiff_helpers.hpp"

namespace tosdiff::testing {
namespace {

class TrustDetection : public ::testing::Test {
 protected:
  void SetUp() override {
    json declaration;
    declaration["name"] = "Lumenfield";
    declaration["id"] = "lumenfield";
    declaration["terms"]["Terms of Service"] = {{"fetch", server_.url("/terms")}};
    write_text_file(dir_ / "catalog/lumenfield.json", declaration.dump(2));
  }

  void TearDown() override { expect_valid_archived_records(dir_ / "data"); }

  void serve_html(const std::string& body) { server_.set("/terms", html(body)); }
  // The declaration selects `css`.
  void declare_select(const std::string& css) {
    json declaration = json::parse(read_text_file(dir_ / "catalog/lumenfield.json"));
    declaration["terms"]["Terms of Service"]["select"] = css;
    write_text_file(dir_ / "catalog/lumenfield.json", declaration.dump(2));
  }
  json check_kind(const std::string& file, const std::string& kind) {
    serve(file);
    json record = check();
    EXPECT_EQ(record["status"], "error") << file << ": " << record.dump(2);
    EXPECT_EQ(record["error"]["kind"], kind) << file << ": " << record.dump(2);
    return record;
  }
  void serve(const std::string& file) { serve_html(fixture(file)); }

  ProcessResult tosdiff(std::vector<std::string> args) {
    std::vector<std::string> argv = {TOSDIFF_BINARY, "--data-dir", dir_ / "data", "--catalog", dir_ / "catalog"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, {"NO_COLOR=1"});
  }

  json check() {
    ProcessResult r = tosdiff({"check", "--json", "--timeout", "5", "--no-browser"});
    auto lines = json_lines(r.out);
    EXPECT_EQ(lines.size(), 1u) << r.out << r.err;
    return lines.empty() ? json() : lines[0];
  }

  std::filesystem::path index_path() { return dir_ / "data/lumenfield/terms-of-service/index.json"; }
  std::size_t versions() {
    if (!std::filesystem::exists(index_path())) return 0;
    return json::parse(read_text_file(index_path()))["versions"].size();
  }

  TempDir dir_;
  HttpTestServer server_;
};

// ---- 1. hidden markup ----------------------------------------------------------------------------

TEST_F(TrustDetection, APageRenderedWithADialogOpenIsTheDocument) {
  const std::string open = fixture("normalize/hidden_modal_open.html");
  serve_html(open);
  json first = check();
  ASSERT_EQ(first["status"], "new") << first.dump(2);
  EXPECT_GT(first["size"]["words"].get<int>(), 80);
  // The same page with the dialog closed: the same text.
  std::string closed = open;
  closed.replace(closed.find(" aria-hidden=\"true\""), 19, "");
  closed = closed.substr(0, closed.find("<div class=\"cookie-consent\"")) + "</body></html>";
  serve_html(closed);
  EXPECT_EQ(check()["status"], "unchanged");
  serve_html(open);
  EXPECT_EQ(check()["status"], "unchanged");
}

// ---- 4. error pages ------------------------------------------------------------------------------

class TrustFirstCheck : public TrustDetection, public ::testing::WithParamInterface<const char*> {};

TEST_P(TrustFirstCheck, AnErrorPageNeverBecomesVersionOne) {
  serve(std::string("trust/") + GetParam());
  json record = check();
  EXPECT_EQ(record["status"], "error") << record.dump(2);
  EXPECT_EQ(record["error"]["kind"], "error_page") << record.dump(2);
  EXPECT_EQ(versions(), 0u);
  // The real document afterwards is the first version.
  serve("trust/legal-notice-short.html");
  EXPECT_EQ(check()["status"], "new");
  // And the error page again, after it: held back, not a change.
  serve(std::string("trust/") + GetParam());
  json again = check();
  EXPECT_EQ(again["error"]["kind"], "error_page") << again.dump(2);
  EXPECT_EQ(versions(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Languages, TrustFirstCheck,
                         ::testing::Values("error-en-unavailable.html", "error-de.html", "error-fr.html",
                                           "error-maintenance.html", "error-redirect.html"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           std::string name = info.param;
                           name = name.substr(0, name.find('.'));
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

TEST_F(TrustDetection, AShortLegalPageIsVersionOne) {
  for (const char* file : {"trust/legal-impressum-de.html", "trust/legal-privacy-short.html"}) {
    std::filesystem::remove_all(dir_ / "data");
    serve(file);
    json record = check();
    EXPECT_EQ(record["status"], "new") << file << ": " << record.dump(2);
    EXPECT_EQ(versions(), 1u) << file;
  }
}


// ---- replay of real history ------------------------------------------------------------------------

TEST_F(TrustDetection, TermsInCollapsedPanelsAreTheDocumentDespiteACaptchaLibrary) {
  declare_select(".tab-content");
  serve("trust/accordion-terms.html");
  json first = check();
  ASSERT_EQ(first["status"], "new") << first.dump(2);
  EXPECT_GT(first["size"]["words"].get<int>(), 100);
}

TEST_F(TrustDetection, AShortLegalNoticeLoadingAnInvisibleRecaptchaIsTheDocument) {
  declare_select(".notice-body");
  serve("trust/legal-notice-recaptcha.html");
  json first = check();
  EXPECT_EQ(first["status"], "new") << first.dump(2);
  // Negative twin: a captcha checkbox page in its place is blocked, with the select declared.
  check_kind("trust/challenge-hcaptcha.html", "blocked");
  check_kind("trust/challenge-checking-browser.html", "blocked");
  EXPECT_EQ(versions(), 1u);
}

TEST_F(TrustDetection, AFrenchWebAppErrorScreenIsAnErrorPageNotABrokenSelector) {
  declare_select(".policy-view");
  check_kind("trust/error-fr-webapp.html", "error_page");
  EXPECT_EQ(versions(), 0u);
  // Negative twin: a real page whose selector matches nothing is no_match.
  check_kind("trust/legal-notice-short.html", "no_match");
}

TEST_F(TrustDetection, APageWithNoTextIsJudgedBeforeTheSelector) {
  declare_select("#article-body");
  check_kind("trust/refresh-to-captcha.html", "blocked");
  check_kind("trust/parked-domain.html", "empty");
  check_kind("trust/parked-for-sale.html", "empty");
  EXPECT_EQ(versions(), 0u);
}

TEST_F(TrustDetection, ABigPageWhoseSelectorMatchesNothingIsNoMatchNotEmpty) {
  // Version 1 under the declared class; then a redesign: the class is gone, the page is large,
  // and the part that resembles the archived text is all small hidden pop-ups.
  declare_select(".terms");
  std::string clauses;
  for (const char* c : {"Members must be adults and use their real name on their profile page at all times.",
                        "Subscriptions renew every month until the member cancels them from the settings page.",
                        "Photos that show violence or nudity are removed and the account may be closed."})
    clauses += std::string("<p>") + c + "</p>";
  serve_html("<html><body><main class=\"terms\"><h1>Terms</h1>" + clauses + "</main></body></html>");
  ASSERT_EQ(check()["status"], "new");
  std::string hidden;
  for (const char* c : {"Members must be adults and use their real name on their profile page at all times.",
                        "Subscriptions renew every month until the member cancels them from the settings page.",
                        "Photos that show violence or nudity are removed and the account may be closed."})
    hidden += std::string("<div class=\"popup-note\" hidden><p>") + c + "</p></div>";
  std::string other;
  for (int i = 0; i < 40; ++i) other += "<p>Meet new people near you, chat for free and plan a first date tonight.</p>";
  const std::string padding = "<style>" + std::string(300 * 1024, ' ') + ".x{color:red}</style>";
  serve_html("<html><head>" + padding + "</head><body><div class=\"home\">" + other + "</div><section><h2>Terms</h2>" +
             hidden + "</section></body></html>");
  json record = check();
  EXPECT_EQ(record["status"], "error") << record.dump(2);
  EXPECT_EQ(record["error"]["kind"], "no_match") << record.dump(2);
  EXPECT_EQ(versions(), 1u);
}


}  // namespace
}  // namespace tosdiff::testing
