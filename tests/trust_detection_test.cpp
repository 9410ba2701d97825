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


// ---- held-back texts: adoption and language switches ------------------------------------------------

const char* const kPolicyEn[] = {
    "This policy explains how Lumenfield collects and uses the personal data of the members of its dating service.",
    "We collect the name, the age, the photos and the messages that you give us when you create your account and use it.",
    "We use your personal data to run the service, to suggest profiles near you and to keep the community safe from abuse.",
    "We never sell your personal data, and we share it only with the companies that host and support the service for us.",
    "You may ask for a copy of your data, correct it or delete it at any time by writing to the data protection officer.",
    "Our liability for the loss of your data is limited to what the law of the country where you live allows.",
    "The agreement between you and Lumenfield ends when you close your account; termination deletes your profile within a month.",
    "Any dispute about this policy is brought before the courts of the place where Lumenfield has its registered office.",
};
const char* const kPolicyFr[] = {
    "Cette politique explique comment Lumenfield recueille et utilise les données personnelles des membres de son service de rencontre.",
    "Nous recueillons le nom, l'âge, les photos et les messages que vous nous donnez quand vous créez votre compte et quand vous l'utilisez.",
    "Nous utilisons vos données personnelles pour faire fonctionner le service, vous proposer des profils près de chez vous et protéger la communauté.",
    "Nous ne vendons jamais vos données personnelles, et nous ne les partageons qu'avec les sociétés qui hébergent le service pour nous.",
    "Vous pouvez demander une copie de vos données, les corriger ou les effacer à tout moment en écrivant au délégué à la protection des données.",
    "Notre responsabilité pour la perte de vos données est limitée à ce que permet la loi du pays où vous vivez.",
    "Le contrat entre vous et Lumenfield prend fin quand vous fermez votre compte ; la résiliation efface votre profil dans le mois.",
    "Tout litige sur cette politique est porté devant les tribunaux du lieu du siège social de Lumenfield, et le traitement reste soumis au RGPD.",
};

std::string policy_page(const char* const (&paragraphs)[8], std::size_t repeat = 4, const std::string& edit = "") {
  std::string body = "<html><body><main><h1>Privacy</h1>";
  for (std::size_t r = 0; r < repeat; ++r) {
    body += "<h2>Part " + std::to_string(r + 1) + "</h2>";
    for (const char* p : paragraphs) body += std::string("<p>") + p + "</p>";
  }
  if (!edit.empty()) body += "<p>" + edit + "</p>";
  return body + "</main></body></html>";
}

// An app's welcome screen in French: no legal prose, nothing of a policy's shape.
const char* const kFrenchAppScreen =
    "<html><body><main class=\"home\"><h1>Bienvenue</h1><p>Rencontrez des personnes près de chez vous, discutez "
    "gratuitement avec elles et prévoyez un premier rendez-vous ce soir. L'application est faite pour tous ceux qui "
    "veulent faire de nouvelles rencontres et se sentir en confiance. Téléchargez-la et lancez-vous, cela ne prend "
    "qu'une minute et c'est très simple, sur le téléphone comme sur l'ordinateur, quand vous voulez et où vous "
    "voulez.</p></main></body></html>";

class HeldBack : public TrustDetection {
 protected:
  json check_at(const std::string& now) {
    std::vector<std::string> argv = {TOSDIFF_BINARY, "--data-dir", dir_ / "data", "--catalog", dir_ / "catalog",
                                     "check", "--json", "--timeout", "5", "--no-browser"};
    ProcessResult r = run_process(argv, {"NO_COLOR=1", "TOSDIFF_NOW=" + now});
    auto lines = json_lines(r.out);
    EXPECT_EQ(lines.size(), 1u) << r.out << r.err;
    return lines.empty() ? json() : lines[0];
  }
  // A text the page showed before, back, or the page in another language: held at `first`
  // (unchanged, the current version stays), taken at `second`, a check twelve hours later.
  json check_held(const std::string& first, const std::string& second) {
    const json held = check_at(first);
    EXPECT_EQ(held["status"], "unchanged") << held.dump(2);
    EXPECT_TRUE(held.contains("held_return") || held.contains("held_language")) << held.dump(2);
    return check_at(second);
  }
};

TEST_F(HeldBack, AHeldTextThatChangesAgainIsNotAdoptedAtOnceNorWhenItIsNotTheDocument) {
  serve_html(policy_page(kPolicyEn));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  // A home page in place of the policy: held back, and changing between checks.
  auto home = [](const std::string& headline) {
    return "<html><body><main><h1>" + headline + "</h1><p>Meet people who share your interests tonight. "
           "Swipe, chat and plan a first date in a few minutes. Join millions of members in your city and "
           "find someone who makes you smile.</p></main></body></html>";
  };
  serve_html(home("Find your match"));
  EXPECT_EQ(check_at("2026-03-02T00:00:00Z")["error"]["kind"], "suspicious_shrink");
  serve_html(home("Find love this summer"));
  json changed = check_at("2026-03-02T12:00:00Z");
  EXPECT_EQ(changed["status"], "error") << changed.dump(2);  // not adopted at once
  EXPECT_EQ(versions(), 1u);
  // Stable for days: still not the document (no legal prose, little of the policy's words).
  for (const char* at : {"2026-03-03T00:00:00Z", "2026-03-03T12:00:00Z", "2026-03-04T01:00:00Z", "2026-03-05T01:00:00Z"}) {
    json record = check_at(at);
    EXPECT_EQ(record["error"]["kind"], "suspicious_shrink") << at << record.dump(2);
  }
  EXPECT_EQ(versions(), 1u);
}

// Issue 11: a held text never blinds the tracker. A page never taken as the document by itself
// (a replay: a privacy centre in a trackers policy's place, ten months of errors) is edited
// while held: the edit is told, held text against held text, with the baseline unconfirmed.
// Twins: the same text again, an edit of its form only, an edit touching no topic (a headline),
// another page altogether tell nothing.
TEST_F(HeldBack, AHeldTextsOwnEditsAreToldWithAnUnconfirmedBaseline) {
  serve_html(policy_page(kPolicyEn));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  auto centre = [](const std::string& headline, const std::string& more) {
    return "<html><body><main><h1>" + headline + "</h1><p>Meet people who share your interests tonight. Swipe, "
           "chat and plan a first date in a few minutes. Join millions of members in your city and find someone "
           "who makes you smile.</p>" + more + "</main></body></html>";
  };
  serve_html(centre("Privacy centre", ""));
  EXPECT_EQ(check_at("2026-03-02T00:00:00Z")["error"]["kind"], "suspicious_shrink");
  json same = check_at("2026-03-02T06:00:00Z");
  EXPECT_EQ(same["status"], "error") << same.dump(2);
  EXPECT_FALSE(same.contains("held_change")) << same.dump(2);
  serve_html(centre("Privacy centre", "<p>From June, we share every member's messages with our advertising partners.</p>"));
  json edited = check_at("2026-03-02T12:00:00Z");
  EXPECT_EQ(edited["status"], "error") << edited.dump(2);
  EXPECT_EQ(edited["error"]["kind"], "suspicious_shrink");
  ASSERT_TRUE(edited.contains("held_change")) << edited.dump(2);
  const json& held = edited["held_change"];
  EXPECT_EQ(held["since"], "2026-03-02T00:00:00Z");
  EXPECT_EQ(held["last_seen"], "2026-03-02T06:00:00Z");
  ASSERT_FALSE(held["hunks"].empty());
  EXPECT_NE(held["hunks"].dump().find("with our advertising partners"), std::string::npos) << held.dump(2);
  EXPECT_FALSE(held["topics"].empty()) << held.dump(2);
  EXPECT_NE(edited["warnings"].dump().find("the baseline is unconfirmed"), std::string::npos) << edited.dump(2);
  EXPECT_EQ(versions(), 1u);
  // Twins.
  serve_html(centre("Privacy centre", "<p>From June, we share every member\u2019s messages with our advertising partners.</p>"));
  json form = check_at("2026-03-02T18:00:00Z");
  EXPECT_EQ(form["status"], "error") << form.dump(2);
  EXPECT_FALSE(form.contains("held_change")) << form.dump(2);  // its form only (an apostrophe)
  serve_html(centre("Your privacy, our promise", "<p>From June, we share every member\u2019s messages with our advertising partners.</p>"));
  json headline = check_at("2026-03-02T20:00:00Z");
  EXPECT_EQ(headline["status"], "error") << headline.dump(2);
  EXPECT_FALSE(headline.contains("held_change")) << headline.dump(2);  // no topic touched
  serve_html(kFrenchAppScreen);
  json other = check_at("2026-03-03T00:00:00Z");
  EXPECT_EQ(other["status"], "error") << other.dump(2);
  EXPECT_FALSE(other.contains("held_change")) << other.dump(2);  // another page altogether
  EXPECT_EQ(versions(), 1u);
}

TEST_F(HeldBack, AShortenedPolicyBeingEditedIsAdoptedOnceStable) {
  // Negative twin: the document itself, cut down, then edited while held: adopted a day after
  // it was first held back, not at once, and not never.
  serve_html(policy_page(kPolicyEn, 6));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(policy_page(kPolicyEn, 1));
  EXPECT_EQ(check_at("2026-03-02T00:00:00Z")["error"]["kind"], "suspicious_shrink");
  serve_html(policy_page(kPolicyEn, 1, "Members may also export their messages from the settings page."));
  EXPECT_EQ(check_at("2026-03-02T12:00:00Z")["error"]["kind"], "suspicious_shrink");
  EXPECT_EQ(versions(), 1u);
  json adopted = check_at("2026-03-03T01:00:00Z");
  EXPECT_EQ(adopted["status"], "changed") << adopted.dump(2);
  EXPECT_EQ(versions(), 2u);
}

// A replay: the last two thirds of a dating site's terms missing for 12 hours, nothing else
// changed, then the whole page again. Held back, not a version; the page back is unchanged.
std::string numbered_parts_page(std::size_t parts) {
  std::string body = "<html><body><main><h1>Privacy</h1>";
  for (std::size_t r = 1; r <= parts; ++r) {
    body += "<h2>Part " + std::to_string(r) + "</h2>";
    for (const char* p : kPolicyEn) body += std::string("<p>") + p + " This applies to the members of region " + std::to_string(r) + ".</p>";
  }
  return body + "</main></body></html>";
}

// A replay: a food app's terms page turned into links to each country's terms (and a media
// group's privacy centre listing its policy in each language), held back for two years and a
// half, every check an error. Taken once stable: the reader learns the document moved.
TEST_F(HeldBack, APagePointingToTheDocumentsEditionsIsAdoptedOnceStable) {
  serve_html(policy_page(kPolicyEn, 6));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  const std::string hub =
      "<html><body><main><h1>Terms &amp; Conditions</h1><p>There are several versions of Lumenfield's terms, "
      "depending on the country where the member lives. Choose yours below; each opens in a new page and "
      "applies from the day you create your account.</p><ul>"
      "<li>The Terms and Conditions for members in the USA are accessible <a href=\"/us\">here</a>.</li>"
      "<li>The Terms and Conditions for members in Canada are accessible <a href=\"/ca\">here</a>.</li>"
      "<li>The Terms and Conditions for members in Australia are accessible <a href=\"/au\">here</a>.</li>"
      "<li>The Terms and Conditions for members in the EU and the UK are accessible <a href=\"/eu\">here</a>.</li>"
      "</ul></main></body></html>";
  serve_html(hub);
  EXPECT_EQ(check_at("2026-03-02T00:00:00Z")["error"]["kind"], "suspicious_shrink");
  EXPECT_EQ(check_at("2026-03-02T12:00:00Z")["error"]["kind"], "suspicious_shrink");
  json adopted = check_at("2026-03-03T01:00:00Z");
  EXPECT_EQ(adopted["status"], "changed") << adopted.dump(2);
  EXPECT_EQ(versions(), 2u);
}

// Negative twin: a home page whose footer links the policy and the terms is not the document.
TEST_F(HeldBack, AHomePageLinkingThePolicyInItsFooterIsNeverAdopted) {
  serve_html(policy_page(kPolicyEn, 6));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html("<html><body><main><h1>Find your match</h1><p>Meet people who share your interests tonight. Swipe, "
             "chat and plan a first date in a few minutes. Join millions of members in your city and find someone "
             "who makes you smile, wherever you are and whenever you like.</p></main><footer><p>Privacy Policy</p>"
             "<p>Terms of Use</p><p>Cookie Policy</p><p>Careers</p></footer></body></html>");
  for (const char* at : {"2026-03-02T00:00:00Z", "2026-03-02T12:00:00Z", "2026-03-03T01:00:00Z", "2026-03-05T01:00:00Z"}) {
    json record = check_at(at);
    EXPECT_EQ(record["status"], "error") << at << record.dump(2);
  }
  EXPECT_EQ(versions(), 1u);
}

// A page served in part, cut at another place on the next check: what shows more is the
// current version's own text, read before, and no held change (a review's find).
TEST_F(HeldBack, APageServedInPartCutElsewhereIsNoHeldChange) {
  serve_html(numbered_parts_page(6));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(numbered_parts_page(2));
  EXPECT_EQ(check_at("2026-03-01T12:00:00Z")["error"]["kind"], "suspicious_shrink");
  serve_html(numbered_parts_page(3));
  json longer = check_at("2026-03-01T13:00:00Z");
  EXPECT_EQ(longer["error"]["kind"], "suspicious_shrink") << longer.dump(2);
  EXPECT_FALSE(longer.contains("held_change")) << longer.dump(2);
}

TEST_F(HeldBack, APageServedInPartIsHeldAndThePageBackIsUnchanged) {
  serve_html(numbered_parts_page(6));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(numbered_parts_page(2));
  json part = check_at("2026-03-01T12:00:00Z");
  EXPECT_EQ(part["error"]["kind"], "suspicious_shrink") << part.dump(2);
  EXPECT_NE(part["error"]["message"].get<std::string>().find("ends early"), std::string::npos) << part.dump(2);
  serve_html(numbered_parts_page(6));
  EXPECT_EQ(check_at("2026-03-02T00:00:00Z")["status"], "unchanged");
  EXPECT_EQ(versions(), 1u);
}

TEST_F(HeldBack, APartTakenAwayForGoodIsAChangeOnceStable) {
  // Negative twin: the same part gone for good is the site's change: adopted and reported a
  // day after it was first held.
  serve_html(numbered_parts_page(6));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(numbered_parts_page(2));
  EXPECT_EQ(check_at("2026-03-01T12:00:00Z")["error"]["kind"], "suspicious_shrink");
  EXPECT_EQ(check_at("2026-03-02T00:00:00Z")["error"]["kind"], "suspicious_shrink");
  json adopted = check_at("2026-03-02T13:00:00Z");
  EXPECT_EQ(adopted["status"], "changed") << adopted.dump(2);
  EXPECT_EQ(adopted["significance"], "substantive") << adopted.dump(2);
  EXPECT_EQ(versions(), 2u);
  // Twin: a part taken away with an edit before it is news at once.
  serve_html(policy_page(kPolicyEn, 1, "Members may also export their messages from the settings page."));
  json edited = check_at("2026-03-03T00:00:00Z");
  EXPECT_EQ(edited["status"], "changed") << edited.dump(2);
}

// Metamorphic bench: a dating page's table of two columns with a row of one cell. The archive
// reads such a row back as a paragraph; the fresh page's text was compared in its own form, so
// a part caught as "Loading…" was a change, not a part missing.
std::string page_with_one_cell_rows(const std::string& part_three) {
  std::string body = "<html><body><main><h1>Privacy</h1>";
  for (int r = 1; r <= 6; ++r) {
    body += "<section><h2>Part " + std::to_string(r) + "</h2>";
    if (r == 3 && !part_three.empty()) {
      body += part_three + "</section>";
      continue;
    }
    for (const char* p : kPolicyEn) body += std::string("<p>") + p + " It applies in region " + std::to_string(r) + ".</p>";
    body += "<table><tr><td>Payments</td><td>Kept for six years</td></tr><tr><td>We keep the other records of region " +
            std::to_string(r) + " for two years.</td></tr></table></section>";
  }
  return body + "</main></body></html>";
}

TEST_F(HeldBack, APartCaughtLoadingBesideTablesOfOneCellIsHeld) {
  serve_html(page_with_one_cell_rows(""));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  std::string loading = page_with_one_cell_rows("");
  const std::size_t from = loading.find("<section><h2>Part 3</h2>");
  const std::size_t to = loading.find("<section><h2>Part 4</h2>");
  loading.replace(from, to - from, "<div aria-busy=\"true\"><p>Loading\xE2\x80\xA6</p></div>");
  serve_html(loading);
  json held = check_at("2026-03-01T12:00:00Z");
  EXPECT_EQ(held["error"]["kind"], "suspicious_shrink") << held.dump(2);
  EXPECT_EQ(versions(), 1u);
  // Twin: a one-cell row's words changed is news at once.
  std::string edited = page_with_one_cell_rows("");
  edited.replace(edited.find("records of region 5 for two years"), 33, "records of region 5 for ten years");
  serve_html(edited);
  json changed = check_at("2026-03-02T00:00:00Z");
  EXPECT_EQ(changed["status"], "changed") << changed.dump(2);
  EXPECT_EQ(changed["significance"], "substantive") << changed.dump(2);
}

// A replay: a cookie policy rewritten as a fifth of its length, in plain words (no legal
// vocabulary, little of the old one's), under the same title. Held back, then adopted once
// stable over a day; a page under another title with the same words stays held (the twin).
std::string titled_page(const std::string& title, const std::string& body) {
  return "<html><body><main><h1>" + title + "</h1>" + body + "</main></body></html>";
}
const char* const kPlainCookieWords =
    "<p>Cookies are small files a website puts on your device. We use some so the site works, some to count "
    "visits and some to remember your choices. Your browser settings let you block them, though parts of the "
    "site may then stop working.</p><p>Some cookies are set by the services we use to count visits, and they "
    "follow the same choices. Write to us if you have a question about them.</p>";

TEST_F(HeldBack, APolicyRewrittenShortInPlainWordsUnderItsTitleIsAdoptedOnceStable) {
  std::string policy;
  for (int r = 0; r < 4; ++r)
    for (const char* p : kPolicyEn) policy += std::string("<p>") + p + "</p>";
  for (const char* title : {"Cookie Policy", "Welcome to Lumenfield"}) {
    SCOPED_TRACE(title);
    serve_html(titled_page("Cookie Policy", policy));
    ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
    serve_html(titled_page(title, kPlainCookieWords));
    EXPECT_EQ(check_at("2026-03-02T00:00:00Z")["error"]["kind"], "suspicious_shrink");
    EXPECT_EQ(check_at("2026-03-02T12:00:00Z")["error"]["kind"], "suspicious_shrink");
    json third = check_at("2026-03-03T01:00:00Z");
    if (std::string(title) == "Cookie Policy") {
      EXPECT_EQ(third["status"], "changed") << third.dump(2);
      EXPECT_EQ(versions(), 2u);
    } else {
      EXPECT_EQ(third["error"]["kind"], "suspicious_shrink") << third.dump(2);
      EXPECT_EQ(versions(), 1u);
    }
    std::filesystem::remove_all(dir_ / "data");
  }
}

TEST_F(HeldBack, TheDocumentsEmptyShellUnderItsTitleIsNeverAdopted) {
  std::string policy;
  for (int r = 0; r < 4; ++r)
    for (const char* p : kPolicyEn) policy += std::string("<p>") + p + "</p>";
  serve_html(titled_page("Terms of Service", "<p>Last updated 30 May 2026</p>" + policy));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  // The app's shell, its script not run: the title and the date line, every word the document's.
  serve_html(titled_page("Terms of Service", "<p>Last updated 30 May 2026</p>"));
  for (const char* at : {"2026-03-02T00:00:00Z", "2026-03-02T12:00:00Z", "2026-03-03T01:00:00Z", "2026-03-04T01:00:00Z"}) {
    json record = check_at(at);
    EXPECT_EQ(record["status"], "error") << at << record.dump(2);
  }
  EXPECT_EQ(versions(), 1u);
}

// A replay: a messenger's terms served for good as their German page, a fifth of the English
// length, in plain words. Held back, then taken after a day as a switch of language (never an
// alert); the English terms back are compared with their English text.
const char* const kShortGermanTerms =
    "<html><body><main><h1>Nutzungsbedingungen</h1><p>Mit der Anmeldung bei Lumenfield stimmst du zu, den "
    "Dienst nicht zu nutzen, um anderen Menschen lästige Nachrichten zu schicken, zu Gewalt in öffentlichen "
    "Gruppen aufzurufen oder verbotene Bilder zu zeigen.</p><p>Wir können diese Bedingungen später ändern und "
    "sagen es dir dann in der App. Wer in Europa wohnt, muss mindestens sechzehn Jahre alt sein, um sich "
    "anzumelden.</p></main></body></html>";

TEST_F(HeldBack, AShortTranslationServedForADayIsTakenAsALanguageSwitch) {
  serve_html(policy_page(kPolicyEn));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(kShortGermanTerms);
  EXPECT_EQ(check_at("2026-03-02T00:00:00Z")["error"]["kind"], "suspicious_shrink");
  EXPECT_EQ(check_at("2026-03-02T12:00:00Z")["error"]["kind"], "suspicious_shrink");
  json taken = check_at("2026-03-03T01:00:00Z");
  EXPECT_EQ(taken["status"], "changed") << taken.dump(2);
  EXPECT_EQ(taken["significance"], "cosmetic") << taken.dump(2);
  EXPECT_EQ(taken["cosmetic_kinds"], json::array({"language"})) << taken.dump(2);
  serve_html(policy_page(kPolicyEn));
  json back = check_held("2026-03-04T01:00:00Z", "2026-03-04T13:00:00Z");
  EXPECT_NE(back.value("significance", ""), "substantive") << back.dump(2);
}

TEST_F(HeldBack, AnAppScreenInAnotherLanguageIsHeldBackNotATranslation) {
  serve_html(policy_page(kPolicyEn));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(kFrenchAppScreen);
  json record = check_at("2026-03-02T00:00:00Z");
  EXPECT_EQ(record["error"]["kind"], "suspicious_shrink") << record.dump(2);
  EXPECT_EQ(versions(), 1u);
  // Served for days: still not the document (no document's name at its top).
  for (const char* at : {"2026-03-02T12:00:00Z", "2026-03-03T01:00:00Z", "2026-03-04T01:00:00Z"})
    EXPECT_EQ(check_at(at)["error"]["kind"], "suspicious_shrink") << at;
  EXPECT_EQ(versions(), 1u);
}

// The French page of a site whose selector is the English page's (a replay: 563 checks of a
// dating policy failed with no_match): found as the main content, a language change.
std::string policy_in(const char* const (&paragraphs)[8], const std::string& wrapper_class) {
  std::string body = "<html><body><nav><a href=\"/\">Home</a></nav><main class=\"" + wrapper_class + "\"><h1>Privacy</h1>";
  for (std::size_t r = 0; r < 4; ++r) {
    body += "<h2>Part " + std::to_string(r + 1) + "</h2>";
    for (const char* p : paragraphs) body += std::string("<p>") + p + "</p>";
  }
  return body + "</main></body></html>";
}

TEST_F(HeldBack, AStaleSelectorOnTheTranslatedPageFindsTheTranslation) {
  declare_select(".policy-en");
  serve_html(policy_in(kPolicyEn, "policy-en"));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(policy_in(kPolicyFr, "policy-fr"));
  json french = check_held("2026-03-02T00:00:00Z", "2026-03-02T12:00:00Z");
  ASSERT_EQ(french["status"], "changed") << french.dump(2);
  EXPECT_EQ(french["significance"], "cosmetic") << french.dump(2);
  EXPECT_EQ(french["language_changed"]["to"], "fr");
  EXPECT_NE(french.dump().find("in another language"), std::string::npos) << french.dump(2);
}

// A redesign with a new policy (a replay: three months of no_match on a dating site's
// rewritten policy): nothing resembles the archived text, but the main content is legal
// prose, so it is the document rewritten, reported like any change, with a warning.
TEST_F(HeldBack, AStaleSelectorOnARewrittenPolicyFindsTheRewrite) {
  declare_select(".policy-en");
  serve_html(policy_in(kPolicyEn, "policy-en"));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  std::string rewrite = "<html><body><nav><a href=\"/\">Home</a></nav><article class=\"terms-2026\"><h1>Datenschutz</h1>";
  for (int part = 0; part < 6; ++part)
    rewrite += "<h2>Clause " + std::to_string(part + 1) + "</h2><p>Lumenfield GmbH, registered office Berlin, "
               "is controller. Lawful basis: consent, legitimate interests, contract performance. Supervisory "
               "authority complaints possible anytime. Governing law: Germany; jurisdiction: Berlin courts. "
               "Indemnification, warranty disclaimers, arbitration waivers excluded where statutory protections "
               "apply. Retention: twelve months maximum; deletion requests answered within thirty days.</p>";
  serve_html(rewrite + "</article></body></html>");
  // It shares little with the archived text: held back like any such text, then adopted
  // once stable over a day (legal prose), not a no_match for good.
  json held = check_at("2026-03-02T00:00:00Z");
  EXPECT_EQ(held["error"]["kind"], "suspicious_shrink") << held.dump(2);
  EXPECT_NE(held.dump().find("found the text itself, though it shares little"), std::string::npos) << held.dump(2);
  check_at("2026-03-02T12:00:00Z");
  json adopted = check_at("2026-03-03T01:00:00Z");
  EXPECT_EQ(adopted["status"], "changed") << adopted.dump(2);
  EXPECT_EQ(adopted["significance"], "substantive") << adopted.dump(2);
  EXPECT_EQ(versions(), 2u);
}

// A page whose selector matched nothing from the first check (metamorphic bench: a dating
// site's terms in an accordion): a title above the panel holding the text, a box of links
// below. `panel_end` goes at the end of the panel.
std::string accordion_page(const std::string& panel_class, const std::string& wrapper = "",
                           const std::string& panel_end = "") {
  std::string body = "<html><body><main><h1>Legal</h1><p class=\"panel-title\">2026 Terms of Service</p>";
  body += wrapper.empty() ? "" : "<div class=\"" + wrapper + "\"><div>";
  body += "<div class=\"" + panel_class + "\">";
  for (std::size_t r = 0; r < 2; ++r)
    for (const char* p : kPolicyEn) body += std::string("<p>") + p + "</p>";
  body += panel_end + "</div>";
  body += wrapper.empty() ? "" : "</div></div>";
  body += "<div class=\"links\">";
  for (const char* link : {"Privacy", "Cookies", "Safety", "Careers", "Press", "Blog", "Help", "Status"})
    body += std::string("<a href=\"/") + link + "\">" + link + " centre</a> ";
  return body + "</div></main></body></html>";
}

TEST_F(HeldBack, AStaleSelectorReadsTheSamePartOfThePageOnEveryCheck) {
  declare_select(".main-content");
  serve_html(accordion_page("panel-body"));
  json first = check_at("2026-03-01T00:00:00Z");
  ASSERT_EQ(first["status"], "new") << first.dump(2);
  EXPECT_NE(first.dump().find("found the text itself"), std::string::npos) << first.dump(2);
  // Wrappers put around the panel: the same text (the second check read the panel alone,
  // "−2026 Terms of Service", an alert).
  serve_html(accordion_page("panel-body", "p-accordion-content"));
  json same = check_at("2026-03-01T12:00:00Z");
  EXPECT_EQ(same["status"], "unchanged") << same.dump(2);
  // Twin: a section put at the panel's end is seen.
  serve_html(accordion_page("panel-body", "p-accordion-content",
                            "<h2>Binding arbitration</h2><p>Any dispute will be resolved by binding individual "
                            "arbitration, and you waive your right to a jury trial.</p>"));
  json added = check_at("2026-03-02T00:00:00Z");
  EXPECT_EQ(added["status"], "changed") << added.dump(2);
  EXPECT_EQ(added["significance"], "substantive") << added.dump(2);
}

TEST_F(HeldBack, ASelectorThatStopsMatchingStillReadsItsOwnPartOfThePage) {
  // Twin: the archived text was the selector's part of the page; its class renamed, that part
  // is read, not the main content around it (a title and links the archive never had).
  declare_select(".panel-body");
  serve_html(accordion_page("panel-body"));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(accordion_page("panel-body-v2"));
  json renamed = check_at("2026-03-01T12:00:00Z");
  EXPECT_EQ(renamed["status"], "unchanged") << renamed.dump(2);
  EXPECT_NE(renamed.dump().find("found the text itself"), std::string::npos) << renamed.dump(2);
}

TEST_F(HeldBack, AStaleSelectorOnAPageInAnotherLanguageThatIsNotTheDocumentIsNoMatch) {
  declare_select(".policy-en");
  serve_html(policy_in(kPolicyEn, "policy-en"));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(kFrenchAppScreen);
  json record = check_at("2026-03-02T00:00:00Z");
  EXPECT_EQ(record["error"]["kind"], "no_match") << record.dump(2);
  EXPECT_EQ(versions(), 1u);
}

TEST_F(HeldBack, ALanguageLeftMonthsAgoIsATranslationAgainNotComparedWithItsOldText) {
  serve_html(policy_page(kPolicyEn));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(policy_page(kPolicyFr));
  ASSERT_EQ(check_held("2026-03-02T00:00:00Z", "2026-03-02T12:00:00Z")["significance"], "cosmetic");
  serve_html(policy_page(kPolicyEn));
  ASSERT_EQ(check_held("2026-03-03T00:00:00Z", "2026-03-03T12:00:00Z")["significance"], "cosmetic");  // back, version 1
  // The document changes, reported in English ...
  serve_html(policy_page(kPolicyEn, 4, "We keep the photos of a closed account for thirty days before we erase them."));
  ASSERT_EQ(check_at("2026-03-10T00:00:00Z")["significance"], "substantive");
  // ... and two months later the French page again, edited since with that change: reported
  // already, not a change of the document.
  serve_html(policy_page(kPolicyFr, 4, "Nous gardons les photos d'un compte fermé pendant trente jours."));
  json french = check_held("2026-05-03T00:00:00Z", "2026-05-03T12:00:00Z");
  ASSERT_EQ(french["status"], "changed") << french.dump(2);
  EXPECT_EQ(french["significance"], "cosmetic") << french.dump(2);
  EXPECT_EQ(french["cosmetic_kinds"], json::array({"language"}));
  EXPECT_FALSE(french["language_changed"].contains("compared_with")) << french.dump(2);
}

TEST_F(HeldBack, ALanguageBackAfterLongWithNothingReportedMeanwhileIsComparedWithItsOldText) {
  serve_html(policy_page(kPolicyEn));
  ASSERT_EQ(check_at("2024-03-01T00:00:00Z")["status"], "new");
  serve_html(policy_page(kPolicyFr));  // the French page, unchanged for two years
  ASSERT_EQ(check_held("2024-03-02T00:00:00Z", "2024-03-02T12:00:00Z")["significance"], "cosmetic");
  // The English page again, with new terms: nothing reported them in French.
  const std::string clause = "We keep the photos of a closed account for thirty days before we erase them.";
  serve_html(policy_page(kPolicyEn, 4, clause));
  json back = check_held("2026-03-02T00:00:00Z", "2026-03-02T12:00:00Z");
  ASSERT_EQ(back["status"], "changed") << back.dump(2);
  EXPECT_EQ(back["language_changed"]["compared_with"], "1") << back.dump(2);
  EXPECT_EQ(back["significance"], "substantive") << back.dump(2);
}

// A replay: a telecom's privacy policy answered in Spanish for six hours, six times, each
// time alerted against its last Spanish text. Held until it lasts: the English page back
// first, nothing is reported; a translation that stays is taken, even edited meanwhile.
// A review: a text held until it lasted, taken on the day after it first appeared, is in that
// day's digest (dated when taken), once.
TEST_F(HeldBack, AReturnTakenAfterItsHoldIsInTheDigestOfTheDayItIsTaken) {
  const std::string clause = "We keep the photos of a closed account for thirty days before we erase them.";
  serve_html(policy_page(kPolicyEn));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(policy_page(kPolicyEn, 4, clause));
  ASSERT_EQ(check_at("2026-03-02T00:00:00Z")["significance"], "substantive");
  serve_html(policy_page(kPolicyEn));  // version 1 back, for good
  EXPECT_EQ(check_held("2026-03-10T20:00:00Z", "2026-03-11T08:00:00Z")["significance"], "substantive");
  auto digest_of = [&](const char* now, const char* since) {
    ProcessResult r = run_process({TOSDIFF_BINARY, "--data-dir", dir_ / "data", "--catalog", dir_ / "catalog", "digest",
                                   "--since", since, "--format", "json"},
                                  {"NO_COLOR=1", std::string("TOSDIFF_NOW=") + now});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  };
  EXPECT_EQ(digest_of("2026-03-11T00:00:00Z", "24h")["counts"]["substantive"], 0);  // still held
  EXPECT_EQ(digest_of("2026-03-12T00:00:00Z", "24h")["counts"]["substantive"], 1);  // taken on the 11th
}

TEST_F(HeldBack, APageAnsweredInAnotherLanguageForHoursIsHeldAndDropped) {
  serve_html(policy_page(kPolicyEn));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(policy_page(kPolicyFr));
  json french = check_at("2026-03-02T00:00:00Z");
  EXPECT_EQ(french["status"], "unchanged") << french.dump(2);
  EXPECT_EQ(french["held_language"], "fr") << french.dump(2);
  EXPECT_FALSE(french.contains("warnings")) << french.dump(2);
  serve_html(policy_page(kPolicyEn));
  json back = check_at("2026-03-02T06:00:00Z");
  EXPECT_EQ(back["status"], "unchanged") << back.dump(2);
  EXPECT_FALSE(back.contains("held_language")) << back.dump(2);
  EXPECT_EQ(versions(), 1u);
  // Twin: the French page for good, its stamp changing between checks: taken the next day.
  serve_html(policy_page(kPolicyFr, 4, "Mis à jour le 5 mars."));
  EXPECT_EQ(check_at("2026-03-05T00:00:00Z")["held_language"], "fr");
  serve_html(policy_page(kPolicyFr, 4, "Mis à jour le 6 mars."));
  json taken = check_at("2026-03-05T12:00:00Z");
  ASSERT_EQ(taken["status"], "changed") << taken.dump(2);
  EXPECT_EQ(taken["significance"], "cosmetic") << taken.dump(2);
  EXPECT_EQ(taken["language_changed"]["to"], "fr") << taken.dump(2);
  EXPECT_EQ(taken["current"]["captured_at"], "2026-03-05T12:00:00Z") << taken.dump(2);  // when taken
  EXPECT_EQ(versions(), 2u);
}

// A replay: a video platform's terms served for three months as an older Thai edition, each
// check an error ("shares almost no vocabulary": no word list reads Thai). Told by its script,
// it is the page in another language: held, then taken as a switch of language. Our own Thai
// sentence ("you must read these terms of use of our services before using them, and your
// personal data, according to the law": three markers of legal prose in Thai).
std::string thai_page(int paragraphs) {
  std::string body = "<html><body><main><h1>\u0E02\u0E49\u0E2D\u0E01\u0E33\u0E2B\u0E19\u0E14</h1>";
  for (int i = 0; i < paragraphs; ++i)
    body += "<p>" + std::to_string(i + 1) +
            ". \u0E04\u0E38\u0E13\u0E15\u0E49\u0E2D\u0E07\u0E2D\u0E48\u0E32\u0E19\u0E02\u0E49\u0E2D\u0E01\u0E33"
            "\u0E2B\u0E19\u0E14\u0E01\u0E32\u0E23\u0E43\u0E0A\u0E49\u0E1A\u0E23\u0E34\u0E01\u0E32\u0E23\u0E02"
            "\u0E2D\u0E07\u0E40\u0E23\u0E32 \u0E01\u0E48\u0E2D\u0E19\u0E43\u0E0A\u0E49\u0E1A\u0E23\u0E34\u0E01"
            "\u0E32\u0E23 \u0E41\u0E25\u0E30\u0E02\u0E49\u0E2D\u0E21\u0E39\u0E25\u0E2A\u0E48\u0E27\u0E19\u0E1A"
            "\u0E38\u0E04\u0E04\u0E25\u0E02\u0E2D\u0E07\u0E04\u0E38\u0E13 "
            "\u0E15\u0E32\u0E21\u0E01\u0E0E\u0E2B\u0E21\u0E32\u0E22</p>";
  return body + "</main></body></html>";
}

TEST_F(HeldBack, AnEditionInThaiIsHeldAndTakenAsALanguageSwitchNotAnError) {
  serve_html(policy_page(kPolicyEn));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(thai_page(50));
  json held = check_at("2026-03-02T00:00:00Z");
  EXPECT_EQ(held["status"], "unchanged") << held.dump(2);
  EXPECT_EQ(held["held_language"], "th") << held.dump(2);
  json taken = check_at("2026-03-02T12:00:00Z");
  ASSERT_EQ(taken["status"], "changed") << taken.dump(2);
  EXPECT_EQ(taken["significance"], "cosmetic") << taken.dump(2);
  EXPECT_EQ(taken["language_changed"]["to"], "th") << taken.dump(2);
  EXPECT_EQ(versions(), 2u);
}

// Twin: a short page in Thai (an error page, a home page) is no edition of the document.
TEST_F(HeldBack, AShortPageInThaiIsStillHeldBackAsAShrink) {
  serve_html(policy_page(kPolicyEn));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(thai_page(3));
  for (const char* at : {"2026-03-02T00:00:00Z", "2026-03-02T12:00:00Z"}) {
    json record = check_at(at);
    EXPECT_EQ(record["error"]["kind"], "suspicious_shrink") << at << record.dump(2);
  }
  EXPECT_EQ(versions(), 1u);
}

// A review: a stale and a fresh French page served by turns, the stale one an archived version:
// the page stays in French, and is taken, its clock not restarted by each switch.
TEST_F(HeldBack, APageStayingInAnotherLanguageIsTakenWhicheverOfItsTextsItShows) {
  serve_html(policy_page(kPolicyEn));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(policy_page(kPolicyFr));
  ASSERT_EQ(check_held("2026-03-02T00:00:00Z", "2026-03-02T12:00:00Z")["status"], "changed");  // version 2, French
  serve_html(policy_page(kPolicyEn));
  ASSERT_EQ(check_held("2026-03-03T00:00:00Z", "2026-03-03T12:00:00Z")["status"], "changed");  // version 3, English
  const std::string fresh = policy_page(kPolicyFr, 4, "Nous pouvons utiliser vos messages pour entra\u00eener nos mod\u00e8les.");
  serve_html(policy_page(kPolicyFr));  // version 2's text: held, the page in French
  json first = check_at("2026-03-10T00:00:00Z");
  EXPECT_EQ(first["status"], "unchanged") << first.dump(2);
  EXPECT_EQ(first["held_return"], "2") << first.dump(2);
  EXPECT_EQ(first["held_language"], "fr") << first.dump(2);
  serve_html(fresh);
  EXPECT_EQ(check_at("2026-03-10T06:00:00Z")["held_language"], "fr");
  serve_html(policy_page(kPolicyFr));
  json stale = check_at("2026-03-10T12:00:00Z");  // twelve hours in French: taken
  ASSERT_EQ(stale["status"], "changed") << stale.dump(2);
  EXPECT_EQ(stale["significance"], "cosmetic") << stale.dump(2);  // version 2's text again
  serve_html(fresh);
  json taken = check_at("2026-03-10T18:00:00Z");
  ASSERT_EQ(taken["status"], "changed") << taken.dump(2);  // the French page now: a change of it
  EXPECT_FALSE(taken.contains("language_changed")) << taken.dump(2);
  EXPECT_EQ(taken["significance"], "substantive") << taken.dump(2);  // the clause French readers got
}

TEST_F(HeldBack, ATranslationIsALanguageChangeAndTheWayBackIsComparedWithTheSameLanguage) {
  serve_html(policy_page(kPolicyEn));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  // The policy translated: a language change once it lasts (two checks over twelve hours), not
  // a text held back as an error (it shares few words with the English one, but reads like a
  // policy in French).
  serve_html(policy_page(kPolicyFr));
  json french = check_held("2026-03-02T00:00:00Z", "2026-03-02T12:00:00Z");
  ASSERT_EQ(french["status"], "changed") << french.dump(2);
  EXPECT_EQ(french["significance"], "cosmetic") << french.dump(2);
  EXPECT_EQ(french["cosmetic_kinds"], json::array({"language"}));
  EXPECT_EQ(french["language_changed"]["from"], "en");
  EXPECT_EQ(french["language_changed"]["to"], "fr");
  EXPECT_FALSE(french.contains("flags")) << french.dump(2);
  // Back in English with one clause added: compared with version 1, the one change alerts.
  const std::string clause = "We keep the photos of a closed account for thirty days before we erase them.";
  serve_html(policy_page(kPolicyEn, 4, clause));
  json back = check_held("2026-03-04T00:00:00Z", "2026-03-04T12:00:00Z");
  ASSERT_EQ(back["status"], "changed") << back.dump(2);
  EXPECT_EQ(back["language_changed"]["to"], "en");
  EXPECT_EQ(back["language_changed"]["compared_with"], "1");
  EXPECT_EQ(back["significance"], "substantive") << back.dump(2);
  EXPECT_LE(back["stats"]["words_removed"].get<int>(), 2) << back.dump(2);
  EXPECT_EQ(versions(), 3u);
}

// ---- an error message in place of part of the page ----------------------------------------------

std::string rules_page(const std::string& main, int about_repeats = 2) {
  std::string body = "<html><body><main>" + main + "<section><h2>About Lumenfield</h2>";
  // Long enough that the page with the error is no error page as a whole (300 words or more).
  for (int r = 0; r < about_repeats; ++r)
    for (const char* p : kPolicyEn) body += std::string("<p>") + p + "</p>";
  return body + "</section></main></body></html>";
}

TEST_F(HeldBack, AnErrorMessageWherePartOfThePageWasIsHeldNotAVersion) {
  std::string policy = "<h1>Platform rules</h1>";
  for (const char* p : kPolicyEn) policy += std::string("<p>") + p + "</p>";
  serve_html(rules_page(policy + policy + policy));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  // The rules failed to load; the page around them did not.
  serve_html(rules_page("<h1>Hoppla</h1><p>Es ist ein Fehler aufgetreten. Bitte "
                        "versuche es sp\xC3\xA4ter erneut.</p>"));
  json failed = check_at("2026-03-02T00:00:00Z");
  ASSERT_EQ(failed["status"], "error") << failed.dump(2);
  EXPECT_EQ(failed["error"]["kind"], "error_page") << failed.dump(2);
  EXPECT_NE(failed["error"]["message"].get<std::string>().find("where part of its text was"), std::string::npos)
      << failed.dump(2);
  EXPECT_EQ(versions(), 1u);
  serve_html(rules_page(policy + policy + policy));
  EXPECT_EQ(check_at("2026-03-03T00:00:00Z")["status"], "unchanged");
}

TEST_F(HeldBack, AnErrorMessageInPlaceOf500WordsOfALongPageIsHeld) {
  std::string policy = "<h1>Platform rules</h1>";
  for (int r = 0; r < 4; ++r)
    for (const char* p : kPolicyEn) policy += std::string("<p>") + p + "</p>";
  serve_html(rules_page(policy, 20));  // the rules are under a fifth of the page
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(rules_page("<h1>Something went wrong</h1><p>An unexpected error has occurred. Try again later.</p>", 20));
  json failed = check_at("2026-03-02T00:00:00Z");
  ASSERT_EQ(failed["status"], "error") << failed.dump(2);
  EXPECT_EQ(failed["error"]["kind"], "error_page") << failed.dump(2);
  EXPECT_EQ(versions(), 1u);
}

// The site's menus above the document: an error page served inside them has its message far
// from the opening.
const char* const kSiteMenus =
    "<ul><li>Our Stories</li><li>Our Company</li><li>Our Brands</li><li>Investors</li><li>Careers</li></ul>"
    "<ul><li>Shop</li><li>Owners</li><li>Press</li><li>Contact Us</li><li>Menu</li></ul>";

TEST_F(HeldBack, AnErrorPageInsideTheSitesFrameIsHeldNotAVersion) {
  std::string policy = "<h1>Privacy Statement</h1>";
  for (int r = 0; r < 3; ++r)
    for (const char* p : kPolicyEn) policy += std::string("<p>") + p + "</p>";
  serve_html(rules_page(kSiteMenus + policy));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  // The address shows the site's 404 page: the same menus and footer, a message in between.
  serve_html(rules_page(std::string(kSiteMenus) +
                        "<p>Close 404 Sorry, this page is currently unavailable.</p><p>There was a problem with your "
                        "request. Please follow the links below to find what you are looking for.</p>"));
  json failed = check_at("2026-03-02T00:00:00Z");
  ASSERT_EQ(failed["status"], "error") << failed.dump(2);
  EXPECT_EQ(failed["error"]["kind"], "error_page") << failed.dump(2);
  EXPECT_NE(failed["error"]["message"].get<std::string>().find("currently unavailable"), std::string::npos)
      << failed.dump(2);
  EXPECT_EQ(versions(), 1u);
  // The statement back eleven days later: nothing changed.
  serve_html(rules_page(kSiteMenus + policy));
  EXPECT_EQ(check_at("2026-03-13T00:00:00Z")["status"], "unchanged");
}

// Terms under the site's menus, the Studio plan's sections in them, or `notice` in their place.
std::string terms_with_plans(const std::string& notice = "") {
  std::string plans = "<h2>The Studio plan</h2>";
  for (int r = 0; r < 3; ++r)
    for (const char* p : kPolicyEn) plans += std::string("<p>") + p + "</p>";
  return rules_page(std::string(kSiteMenus) + "<h1>Terms of Service</h1>" + (notice.empty() ? plans : notice));
}

TEST_F(HeldBack, APlanNoLongerAvailableInPlaceOfItsSectionsIsAChange) {
  // The twin: sections withdrawn and a short new line saying so, no status code: the document's
  // own words, a change to report.
  serve_html(terms_with_plans());
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(terms_with_plans("<p>The Studio plan is no longer available to new subscribers since 1 March 2026.</p>"));
  json changed = check_at("2026-03-02T00:00:00Z");
  EXPECT_EQ(changed["status"], "changed") << changed.dump(2);
}

TEST_F(HeldBack, APlanNoLongerAvailableAtItsPriceIsAChange) {
  // The twin with a price in the line: a number in a clause is no status code (a review's find).
  serve_html(terms_with_plans());
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(terms_with_plans("<p>The Studio plan ($500 a year) is no longer available to new subscribers.</p>"));
  json priced = check_at("2026-03-02T00:00:00Z");
  EXPECT_EQ(priced["status"], "changed") << priced.dump(2);
}

TEST_F(HeldBack, ADocumentThatAlwaysOpenedWithTheWordsOfAnErrorStaysTheDocument) {
  const std::string opening = "<h1>If an unexpected error occurs</h1><p>Tell us at once and we will refund the day.</p>";
  std::string policy;
  for (const char* p : kPolicyEn) policy += std::string("<p>") + p + "</p>";
  serve_html(rules_page(opening + policy + policy));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(rules_page(opening + policy));  // half of it removed: a shrink's question, not an error message's
  json shorter = check_at("2026-03-02T00:00:00Z");
  EXPECT_NE(shorter.value("error", json::object()).value("kind", ""), "error_page") << shorter.dump(2);
}

// ---- regional editions served by turns -----------------------------------------------------------

struct Edition {
  const char* company;
  const char* address;
};
const Edition kUs{"Lumenfield Inc.", "100 Main Street, Springfield, USA"};
const Edition kEu{"Lumenfield Europe Limited", "5 Harbour Road, Dublin, Ireland"};
const char* const kRenewMonthly = "Paid plans renew every month until you cancel them from the settings page.";
const char* const kRenewYearly = "Paid plans renew every year until you cancel them, and a year started is due in full.";

// The site's terms as served in one region: the same policy, naming the company of the region.
std::string edition_page(const Edition& e, const char* renewal, const std::string& extra = "") {
  std::string body = "<html><body><main><h1>Terms of Service</h1>" + extra;
  for (const char* p : kPolicyEn) body += std::string("<p>") + p + "</p>";
  body += std::string("<p>These terms are an agreement between you and ") + e.company + ", " + e.address + ".</p>";
  body += std::string("<p>") + renewal + "</p>";
  body += std::string("<p>Write to ") + e.company + " at " + e.address + " with any question about these terms.</p>";
  return body + "</main></body></html>";
}

bool has_warning(const json& record, const std::string& part) {
  if (!record.contains("warnings")) return false;
  for (const auto& w : record["warnings"])
    if (w.get<std::string>().find(part) != std::string::npos) return true;
  return false;
}

TEST_F(HeldBack, RegionalEditionsServedByTurnsSwitchAsVariantsOnceSeenFlapping) {
  serve_html(edition_page(kUs, kRenewMonthly));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(edition_page(kEu, kRenewMonthly));  // the first time: news
  ASSERT_EQ(check_at("2026-03-01T06:00:00Z")["significance"], "substantive");
  serve_html(edition_page(kUs, kRenewMonthly));  // back hours later, and staying: flapping
  ASSERT_EQ(check_held("2026-03-01T12:00:00Z", "2026-03-02T00:00:00Z")["cosmetic_kinds"], json::array({"flapping"}));
  serve_html(edition_page(kUs, kRenewYearly));  // both editions revised: a change
  ASSERT_EQ(check_at("2026-03-10T00:00:00Z")["significance"], "substantive");
  // The other edition of the revised terms: no text repeats, but the places that switch are
  // the company and address the page alternated between.
  serve_html(edition_page(kEu, kRenewYearly));
  json eu = check_at("2026-03-20T00:00:00Z");
  ASSERT_EQ(eu["status"], "changed") << eu.dump(2);
  EXPECT_EQ(eu["significance"], "cosmetic") << eu.dump(2);
  EXPECT_EQ(eu["cosmetic_kinds"], json::array({"variant"})) << eu.dump(2);
  EXPECT_TRUE(has_warning(eu, "between two variants this page alternates between (as in version 3)")) << eu.dump(2);
  EXPECT_FALSE(eu.contains("reverts_to")) << eu.dump(2);
  // The switch back, with a clause added: the clause is the news, the switch is not.
  serve_html(edition_page(kUs, kRenewYearly, "<p>We may share your messages with our advertising partners.</p>"));
  json us = check_at("2026-03-30T00:00:00Z");
  ASSERT_EQ(us["status"], "changed") << us.dump(2);
  EXPECT_EQ(us["significance"], "substantive") << us.dump(2);
  EXPECT_EQ(us["cosmetic_kinds"], json::array({"variant"})) << us.dump(2);
  EXPECT_NE(us["summary"].get<std::string>().find("+9/−0 words in 1 place"), std::string::npos) << us.dump(2);
  EXPECT_EQ(versions(), 6u);
}

TEST_F(HeldBack, AnotherEditionIsNewsAndSoIsItsUndoingButNotTheThirdSwitch) {
  serve_html(edition_page(kUs, kRenewMonthly));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(edition_page(kEu, kRenewMonthly));  // never seen: news
  ASSERT_EQ(check_at("2026-03-03T00:00:00Z")["significance"], "substantive");
  serve_html(edition_page(kUs, kRenewMonthly));  // back after two days: a revert, news
  json back = check_held("2026-03-05T00:00:00Z", "2026-03-05T12:00:00Z");
  ASSERT_EQ(back["significance"], "substantive") << back.dump(2);
  serve_html(edition_page(kUs, kRenewYearly));
  ASSERT_EQ(check_at("2026-03-10T00:00:00Z")["significance"], "substantive");
  // The company and address switched one way and back already: the page alternates between
  // two editions, and a third switch is not news.
  serve_html(edition_page(kEu, kRenewYearly));
  json eu = check_at("2026-03-20T00:00:00Z");
  EXPECT_EQ(eu["significance"], "cosmetic") << eu.dump(2);
  EXPECT_EQ(eu["cosmetic_kinds"], json::array({"variant"})) << eu.dump(2);
  EXPECT_TRUE(has_warning(eu, "between two variants this page alternates between (as in version 3)")) << eu.dump(2);
}

TEST_F(HeldBack, AnAddressSwitchedAThirdTimeIsAVariantHoweverTheDiffCutsIt) {
  // Two offices written as a site writes them: the word diff cuts the switch into pieces, one
  // of them a word put in alone ("Upper"), never a switch on its own (replay: a dating app's
  // two Dublin addresses).
  const Edition quay{"Lumenfield Ltd", "7 Quay Street Upper Cork 4 Cork T12 AB34 Ireland"};
  const Edition harbour{"Lumenfield Ltd", "Regus Harbour Exchange 19 Harbour Street Cork 4, T12 XY99 Ireland"};
  serve_html(edition_page(harbour, kRenewMonthly));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(edition_page(quay, kRenewMonthly));
  ASSERT_EQ(check_at("2026-03-03T00:00:00Z")["significance"], "substantive");
  serve_html(edition_page(harbour, kRenewMonthly));
  ASSERT_EQ(check_held("2026-03-20T00:00:00Z", "2026-03-20T12:00:00Z")["significance"], "substantive");
  serve_html(edition_page(harbour, kRenewYearly));
  ASSERT_EQ(check_at("2026-04-10T00:00:00Z")["significance"], "substantive");
  serve_html(edition_page(quay, kRenewYearly));
  json third = check_at("2026-05-01T00:00:00Z");
  EXPECT_EQ(third["significance"], "cosmetic") << third.dump(2);
  EXPECT_EQ(third["cosmetic_kinds"], json::array({"variant"})) << third.dump(2);
  // A third office is news.
  serve_html(edition_page({"Lumenfield Ltd", "2 Mill Lane Upper Cork 4 Cork T12 CD56 Ireland"}, kRenewYearly));
  EXPECT_EQ(check_at("2026-05-02T00:00:00Z")["significance"], "substantive");
}

// The terms with one clause that comes and goes, and a renewal rule revised in between (no
// text repeats: the whole-text flapping of record_builder.cpp does not apply).
std::string rules_with(const std::string& clause, const char* renewal) {
  std::string body = "<html><body><main><h1>Terms of Service</h1>";
  for (const char* p : kPolicyEn) body += std::string("<p>") + p + "</p>";
  return body + "<p>" + renewal + "</p>" + clause + "</main></body></html>";
}

// The third switch of a clause or of a wording, after the terms were revised: still news.
class SwitchedBack : public HeldBack {
 protected:
  void expect_third_switch_is_news(const std::string& one, const std::string& other) {
    SwitchedBack& test = *this;
  test.serve_html(rules_with(one, kRenewMonthly));
  ASSERT_EQ(test.check_at("2026-03-01T00:00:00Z")["status"], "new");
  test.serve_html(rules_with(other, kRenewMonthly));
  ASSERT_EQ(test.check_at("2026-03-05T00:00:00Z")["significance"], "substantive");
  test.serve_html(rules_with(one, kRenewMonthly));
  ASSERT_EQ(test.check_held("2026-03-15T00:00:00Z", "2026-03-15T12:00:00Z")["significance"], "substantive");
  test.serve_html(rules_with(one, kRenewYearly));
  ASSERT_EQ(test.check_at("2026-03-20T00:00:00Z")["significance"], "substantive");
  test.serve_html(rules_with(other, kRenewYearly));
  json third = test.check_at("2026-03-25T00:00:00Z");
  EXPECT_EQ(third["significance"], "substantive") << third.dump(2);
  EXPECT_FALSE(third.contains("cosmetic_kinds")) << third.dump(2);
  }
};

TEST_F(SwitchedBack, AClauseWithdrawnAndPutBackIsNewsEveryTime) {
  expect_third_switch_is_news("", "<p>We may use Your Inputs to train the Lumenfield 4 models.</p>");
}

TEST_F(SwitchedBack, AWordingSwitchedBackAndForthIsNewsEveryTime) {
  expect_third_switch_is_news("<p>We will delete your chats after a month.</p>",
                              "<p>We may keep your chats after a month.</p>");
}

// A red team's find: an opt-out removed, put back, then removed again after it had stood for
// months was read as a flip the page already made. Twin: the same flips days apart flap.
TEST_F(SwitchedBack, AFlipMadeAgainAfterItsTextStoodForMonthsIsNews) {
  const std::string with = "<p>You can opt out of the use of your messages for AI training in Settings.</p>";
  serve_html(rules_with("", kRenewMonthly));
  ASSERT_EQ(check_at("2026-01-01T00:00:00Z")["status"], "new");
  serve_html(rules_with(with, kRenewMonthly));
  ASSERT_EQ(check_at("2026-01-10T00:00:00Z")["significance"], "substantive");
  serve_html(rules_with("", kRenewMonthly));
  ASSERT_EQ(check_held("2026-01-20T00:00:00Z", "2026-01-20T12:00:00Z")["significance"], "substantive");
  serve_html(rules_with(with, kRenewMonthly));
  const json back = check_held("2026-01-21T00:00:00Z", "2026-01-21T12:00:00Z");
  ASSERT_EQ(back["cosmetic_kinds"], json::array({"flapping"})) << back.dump(2);  // days apart: a flip
  serve_html(rules_with("", kRenewMonthly));
  const json again = check_held("2026-04-22T00:00:00Z", "2026-04-22T12:00:00Z");
  EXPECT_EQ(again["significance"], "substantive") << again.dump(2);
}

TEST_F(HeldBack, AVariantSeenFlappingLongAgoIsAChangeAgain) {
  serve_html(edition_page(kUs, kRenewMonthly));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(edition_page(kEu, kRenewMonthly));
  ASSERT_EQ(check_at("2026-03-01T06:00:00Z")["significance"], "substantive");
  serve_html(edition_page(kUs, kRenewMonthly));
  ASSERT_EQ(check_held("2026-03-01T12:00:00Z", "2026-03-02T00:00:00Z")["cosmetic_kinds"], json::array({"flapping"}));
  serve_html(edition_page(kUs, kRenewYearly));
  ASSERT_EQ(check_at("2026-10-01T00:00:00Z")["significance"], "substantive");
  serve_html(edition_page(kEu, kRenewYearly));  // seven months after the flapping: news again
  json eu = check_at("2026-10-02T00:00:00Z");
  EXPECT_EQ(eu["significance"], "substantive") << eu.dump(2);
}

}  // namespace
}  // namespace tosdiff::testing

namespace tosdiff::testing {
namespace {

// ---- another page in the document's place ----------------------------------------------------------

// A replay: a dating site's address for its privacy policy served the site's home page (half
// the policy's words, its own title, a data-collection notice at the foot): alerted as a
// rewrite. Held back instead, and never adopted however long it stays; the policy rewritten
// under a title that is not a document's name, in legal prose, is a version at once (the twin).
std::string policy_under(const std::string& title, const char* const (&paragraphs)[8], std::size_t repeat = 4) {
  std::string body;
  for (std::size_t r = 0; r < repeat; ++r)
    for (const char* p : paragraphs) body += std::string("<p>") + p + "</p>";
  return titled_page(title, body);
}
const char* const kHomePage[] = {
    "Lumenfield is the dating app for people who want to meet someone near them this week.",
    "Create a profile in a minute, add a few photos and tell the members what makes you laugh.",
    "Every day we suggest new profiles of singles who share your interests, your values and your city.",
    "Video calls and voice notes let you get to know each other before a first date.",
    "Our moderators check every new photo and profile, so the community stays friendly and safe.",
    "Join an evening out with other members: concerts, cooking classes and walks every weekend.",
    "Download the app on your phone, or open the site on your computer, whenever you like.",
    "The information collected is used by Lumenfield to run the service; read our policy about your personal data.",
};
const char* const kPolicyRewritten[] = {
    "Lumenfield Ltd is the controller of the personal data described here, under the GDPR and the UK data protection law.",
    "The lawful basis for each processing is the contract with you, our legitimate interests or your consent.",
    "Processors acting for us are bound by written terms and may not use the information for their own purposes.",
    "Retention: accounts closed are erased after thirty days, except records the law obliges us to keep longer.",
    "Complaints may be addressed to the supervisory authority; courts of England have jurisdiction over disputes.",
    "Liability for a breach is limited as far as the governing law permits, and nothing here excludes statutory rights.",
    "Transfers outside Europe rely on standard contractual clauses approved by the Commission.",
    "Children under sixteen may not register, and accounts found to belong to them are terminated.",
};

TEST_F(HeldBack, AnotherPageInTheDocumentsPlaceIsHeldAndNeverAdopted) {
  serve_html(policy_under("Privacy Policy", kPolicyEn));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(policy_under("Meet singles near you", kHomePage, 3));
  for (const char* at : {"2026-03-02T00:00:00Z", "2026-03-02T12:00:00Z", "2026-03-03T01:00:00Z", "2026-03-05T01:00:00Z"}) {
    json record = check_at(at);
    EXPECT_EQ(record["error"]["kind"], "suspicious_shrink") << at << record.dump(2);
    EXPECT_NE(record["error"]["message"].get<std::string>().find("another page"), std::string::npos) << record.dump(2);
  }
  EXPECT_EQ(versions(), 1u);
  // The policy back: the same text, nothing to report.
  serve_html(policy_under("Privacy Policy", kPolicyEn));
  EXPECT_EQ(check_at("2026-03-05T12:00:00Z")["status"], "unchanged");
}

TEST_F(HeldBack, APolicyRewrittenUnderATitleThatIsNoDocumentsNameIsAVersionAtOnce) {
  serve_html(policy_under("Privacy Policy", kPolicyEn));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(policy_under("How Lumenfield handles your information", kPolicyRewritten));
  json record = check_at("2026-03-02T00:00:00Z");
  EXPECT_EQ(record["status"], "changed") << record.dump(2);
  EXPECT_EQ(record["significance"], "substantive") << record.dump(2);
  EXPECT_EQ(versions(), 2u);
}

// A replay: a policy's address showed a summary of its section headings, each a link into the
// policy, then a gambling text injected into it. A page of headings shares the policy's words
// but says none of its rules: held back, never adopted (a shortened policy in prose is:
// AShortenedPolicyBeingEditedIsAdoptedOnceStable).
// A replay of an unseen collection: a URL to a site's root replaced by one of its pages made
// the link-rewrite rule read past the end of an empty path, and the exception ended the whole
// run. The change is news, and the run goes on.
TEST_F(HeldBack, AUrlToASitesRootReplacedByOneOfItsPagesIsNews) {
  std::string policy;
  for (const char* p : kPolicyEn) policy += std::string("<p>") + p + "</p>";
  serve_html(titled_page("Privacy Policy", policy + "<p>Details at https://lumenfield.example</p>"));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(titled_page("Privacy Policy", policy + "<p>Details at https://lumenfield.example/fr/</p>"));
  json record = check_at("2026-03-02T00:00:00Z");
  EXPECT_EQ(record["status"], "changed") << record.dump(2);
  EXPECT_EQ(record["significance"], "substantive") << record.dump(2);
}

TEST_F(HeldBack, ASummaryOfThePolicysHeadingsIsNeverAdopted) {
  std::string policy, summary;
  const char* const sections[] = {"The name, the age and the photos you give us when you create your account",
                                  "The messages you send and the profiles you like", "How we use your personal data",
                                  "To suggest profiles near you and keep the community safe from abuse",
                                  "Who we share it with: the companies that host and support the service",
                                  "How long we keep it after you close your account",
                                  "Your rights: a copy of your data, correcting it or deleting it",
                                  "Contact the data protection officer"};
  for (const char* section : sections) {
    policy += std::string("<h2>") + section + "</h2>";
    for (const char* p : kPolicyEn) policy += std::string("<p>") + p + "</p>";
    summary += std::string("<h2><a href=\"/privacy#s\">") + section + "</a></h2>";
  }
  serve_html(titled_page("Privacy Policy", policy));
  ASSERT_EQ(check_at("2026-03-01T00:00:00Z")["status"], "new");
  serve_html(titled_page("Privacy basics", summary + "<h2>Read the whole privacy policy of Lumenfield</h2>"));
  for (const char* at : {"2026-03-02T00:00:00Z", "2026-03-02T12:00:00Z", "2026-03-03T01:00:00Z", "2026-03-04T01:00:00Z"}) {
    json record = check_at(at);
    EXPECT_EQ(record["error"]["kind"], "suspicious_shrink") << at << record.dump(2);
  }
  EXPECT_EQ(versions(), 1u);
}

}  // namespace
}  // namespace tosdiff::testing
