// What the twenty-seventh session's red team found on page families tosdiff had not met
// (policy generators and cookie scanners, site builders, docs platforms, icon fonts, region
// pickers): each a fixture of our own (synthetic text) with its negative twin.

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "support/page_reading.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using testing::change_between;
using testing::read_page;
using testing::selecting;
namespace families {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kOpening =
    "<h1>Privacy Policy</h1><p>Lumen keeps the notes you write for as long as your account stays open, and deletes "
    "them within 30 days of a request.</p>";

// ---- what the page hides ----------------------------------------------------------------------

std::string region_page(const char* shown, const std::string& eu_text) {
  const auto panel = [&](const char* region, const std::string& text) {
    return std::string("<div class=\"region-content") + (std::string(region) == shown ? " is-active\"" : "\" hidden") +
           " data-region=\"" + region + "\"><h3>" + region + "</h3><p>" + text + "</p></div>";
  };
  return "<html><body><main>" + kOpening +
         "<h2>Regional information</h2><div class=\"region-switcher\"><label for=\"r\">Choose your region</label>"
         "<select id=\"r\"><option>us</option><option>eu</option></select></div>" +
         panel("us", "If you live in the United States, you may ask us what we hold about you once a year.") +
         panel("eu", eu_text) + "</main></body></html>";
}

TEST(PageFamilies, EveryPanelOfARegionPickerIsTheDocument) {
  const std::string eu = "If you live in the European Economic Area, you may withdraw your consent at any time.";
  const std::string us_shown = read_page(region_page("us", eu));
  EXPECT_TRUE(has(us_shown, "withdraw your consent"));
  // The server showing another region says the same.
  EXPECT_EQ(read_page(region_page("eu", eu)), us_shown);
  // An edit in the panel not shown is read.
  EXPECT_TRUE(change_between(us_shown, read_page(region_page("us", "If you live in the European Economic Area, "
                                                                    "consent once given cannot be withdrawn.")))
                  .substantive);
  // Twin: a hidden box beside a shown one of its kind, with no picker before them, is a message
  // the page shows on some event.
  const std::string messages =
      read_page("<html><body><main>" + kOpening +
                "<div class=\"notice\"><p>Your changes to these settings were saved a moment ago.</p></div>"
                "<div class=\"notice\" hidden><p>We could not save your changes to these settings, try again.</p>"
                "</div></main></body></html>");
  EXPECT_FALSE(has(messages, "could not save"));
}

TEST(PageFamilies, ADocumentsOwnHeaderIsItsTitleAndDescription) {
  const std::string page =
      "<html><body><header class=\"site\"><a href=\"/\"><h1>Lumen</h1></a><nav><a href=\"/docs\">Docs</a>"
      "<a href=\"/blog\">Blog</a></nav></header><div id=\"content-area\"><header id=\"header\"><div class=\"eyebrow\">"
      "Legal</div><h1 id=\"page-title\">Privacy Policy</h1><div class=\"prose\"><p>Effective May 1, 2025</p></div>"
      "</header><div id=\"content\"><h2>What we keep</h2><p>We keep the notes you write for as long as your account "
      "stays open, and we delete them within 30 days of a request.</p><h2>Who we tell</h2><p>We never sell your "
      "personal information, and processors act only on our written instructions.</p></div></div></body></html>";
  const std::string text = read_page(page);
  EXPECT_TRUE(has(text, "Effective May 1, 2025"));
  EXPECT_TRUE(has(text, "# Privacy Policy"));
  // Twin: the site's header, its logo a link and a menu beside it, is no text.
  EXPECT_FALSE(has(text, "Blog"));
  EXPECT_FALSE(has(text, "# Lumen\n"));
}

TEST(PageFamilies, AClauseACmsSwitchedOffIsHidden) {
  const auto with = [&](const char* classes) {
    return read_page("<html><body><main>" + kOpening + "<div class=\"" + classes +
                     "\"><p>Residents of the European Economic Area may also write to our representative in "
                     "Dublin.</p></div></main></body></html>");
  };
  EXPECT_FALSE(has(with("notice w-condition-invisible"), "representative"));
  // Twin: a class scripts toggle on panels that unfold, or a class of no framework's.
  EXPECT_TRUE(has(with("notice d-none"), "representative"));
  EXPECT_TRUE(has(with("notice hidden-when-collapsed"), "representative"));
}

TEST(PageFamilies, AnIconFontsLigatureIsNoWord) {
  const std::string plain = read_page("<html><body><main>" + kOpening +
                                      "<h2>Retention</h2><p>See our <a href=\"/t\">Transparency Report</a>.</p>"
                                      "</main></body></html>");
  EXPECT_EQ(read_page("<html><body><main>" + kOpening +
                      "<h2>Retention<span class=\"material-icons\">expand_more</span></h2><p>See our <a href=\"/t\">"
                      "Transparency Report<span class=\"material-symbols-outlined\">open_in_new</span></a>.</p>"
                      "</main></body></html>"),
            plain);
  // Twin: a table cell holding the glyph alone says yes or no.
  const std::string table = read_page(
      "<html><body><main>" + kOpening +
      "<table><tr><th>Use</th><th>Allowed</th></tr><tr><td>Training our models on your notes</td><td>"
      "<span class=\"material-icons\">close</span></td></tr></table></main></body></html>");
  EXPECT_TRUE(has(table, "close"));
}

TEST(PageFamilies, ACookieDeclarationsOwnStatementIsTheDocument) {
  const std::string text = read_page(
      "<html><body><main>" + kOpening +
      "<div id=\"CookieDeclaration\" class=\"CookieDeclaration\"><p class=\"CookieDeclarationDialogText\">We also "
      "share information about your use of our site with our advertising and analytics partners.</p>"
      "<p class=\"CookieDeclarationIntro\">Cookies are small text files that websites use.</p></div></main></body>"
      "</html>",
      selecting("#CookieDeclaration"));
  EXPECT_TRUE(has(text, "advertising and analytics partners"));
}

// ---- what the page says about itself ------------------------------------------------------------

const std::string kBody = "# Cookie Policy\nWe use cookies to keep you signed in.\nWe keep analytics cookies for 13 months.\n";

TEST(PageFamilies, ACookieScannersStampIsNoTerm) {
  const Change scan = change_between(kBody + "Cookie declaration last updated on 15.04.2025 by Cookiebot\n",
                                     kBody + "Cookie declaration last updated on 02.06.2025 by Cookiebot\n");
  EXPECT_FALSE(scan.substantive);
  // Twin: the policy's own date names no scanner.
  EXPECT_TRUE(change_between(kBody + "This cookie policy was last updated on 15.04.2025\n",
                             kBody + "This cookie policy was last updated on 02.06.2025\n")
                  .substantive);
}

TEST(PageFamilies, APlatformsNotesAboutThePageAreNoTerms) {
  for (const char* note : {"This Privacy Policy was created using Termly's Privacy Policy Generator.",
                           "98 lines (76 loc) \xC2\xB7 7.21 KB", "Did this page help you?",
                           "Show the complete Privacy Policy"}) {
    const Change change = change_between(kBody + note + "\n", kBody);
    EXPECT_FALSE(change.substantive) << note;
  }
  // Twins: sentences of the terms written with the same words.
  for (const char* clause : {"This Privacy Policy was created using a generator, and we may change it at any time.",
                             "You may store 98 lines of 7.21 KB each.", "We show the complete Privacy Policy on request."}) {
    EXPECT_TRUE(change_between(kBody + clause + "\n", kBody).substantive) << clause;
  }
}

// A docs platform's stamps on a policy it publishes (Docusaurus, without selectors): the docs'
// version and the page's last commit change with the site, not with the terms.
std::string docs_page(const std::string& version, const std::string& updated, const std::string& clause) {
  return "<html><body><div class=\"main-wrapper\"><article><span class=\"theme-doc-version-badge badge\">Version: " +
         version + "</span><div class=\"theme-doc-markdown markdown\">" + kOpening + "<p>" + clause +
         "</p></div><footer class=\"theme-doc-footer\"><div class=\"theme-doc-footer-edit-meta-row row\">"
         "<a class=\"theme-edit-this-page\" href=\"https://example.com/edit\">Edit this page</a>"
         "<span class=\"theme-last-updated\">Last updated on " + updated + "</span></div></footer></article></div>"
         "</body></html>";
}

TEST(PageFamilies, ADocsPlatformsVersionAndLastCommitAreNoTerms) {
  const std::string clause = "You may export your notes at any time, in version 3.1 of our export format.";
  const std::string before = read_page(docs_page("3.1", "Apr 5, 2025 by Jane Doe", clause));
  EXPECT_TRUE(has(before, "version 3.1 of our export format")) << before;
  EXPECT_EQ(read_page(docs_page("4.0", "Apr 5, 2025", clause)), before);
  // Twin: the terms' own version, in their words, is news.
  EXPECT_TRUE(change_between(before, read_page(docs_page("4.0", "Apr 5, 2025", "You may export your notes at any time, "
                                                                                "in version 4.0 of our export format.")))
                  .substantive);
}

// ---- what a rendering adds ----------------------------------------------------------------------

TEST(PageFamilies, AShadowRootWrittenOutIsThePagesText) {
  const std::string text = read_page(
      "<html><body><main>" + kOpening +
      "<legal-section><template shadowrootmode=\"open\"><style>p{color:red}</style><h2>Disputes</h2><p>Disputes are "
      "settled by the courts of Dublin.</p><slot></slot></template><p>Read this section with care.</p>"
      "</legal-section></main></body></html>");
  EXPECT_TRUE(has(text, "settled by the courts of Dublin"));
  EXPECT_TRUE(has(text, "Read this section with care"));
  EXPECT_FALSE(has(text, "color:red"));
  // Twin: a template that is no shadow root is a script's stencil.
  EXPECT_FALSE(has(read_page("<html><body><main>" + kOpening +
                             "<template id=\"row\"><p>Disputes are settled by the courts of Dublin.</p></template>"
                             "</main></body></html>"),
                   "Dublin"));
  // A review's find: a host whose shadow root holds no <slot> does not show its own children
  // (a component's fallback copy), which are not read; with a <slot> (above) they are.
  const std::string unslotted = read_page(
      "<html><body><main>" + kOpening +
      "<legal-section><template shadowrootmode=\"open\"><h2>Disputes</h2><p>Disputes are settled by the courts of "
      "Dublin.</p></template><p>Disputes are settled by the courts of Paris.</p></legal-section></main></body></html>");
  EXPECT_TRUE(has(unslotted, "courts of Dublin")) << unslotted;
  EXPECT_FALSE(has(unslotted, "courts of Paris")) << unslotted;
}

TEST(PageFamilies, ABoxOfRecommendedArticlesIsNoTextInsideASelection) {
  const std::string text = read_page(
      "<html><body><main>" + kOpening +
      "<aside id=\"rec\" class=\"related\"><h3>Recommended for you</h3><ul><li><a href=\"/a\">Two-step verification "
      "explained</a></li><li><a href=\"/b\">Understanding cookies</a></li></ul></aside></main></body></html>",
      selecting("main"));
  EXPECT_FALSE(has(text, "Two-step verification"));
  // Twin: a section of the document about related services, in sentences, stays.
  EXPECT_TRUE(has(read_page("<html><body><main>" + kOpening +
                            "<div class=\"related-services\"><p>We share your notes with our related companies only "
                            "when you ask us to.</p></div></main></body></html>",
                            selecting("main")),
                  "related companies"));
}

TEST(PageFamilies, WhatAPageSaysOfTheMomentItWasRenderedIsNoTerm) {
  const std::vector<std::pair<std::string, std::string>> moments = {
      {"86 people are reading this page right now", "65 people are reading this page right now"},
      {"1005 users online now", "998 users online now"},
      {"Request ID: 34aa0c6e-1f2b-4c3d-9e8f-0a1b2c3d4e5f", "Request ID: 002c9d1e-7a6b-4f3e-8d2c-1b0a9f8e7d6c"},
      {"Page generated on Sun, 06 Dec 2026 17:47:18 GMT in 82.1 ms",
       "Page generated on Mon, 07 Dec 2026 09:12:03 GMT in 34.5 ms"},
      {"Server time: 2026-12-06T17:47:18Z", "Server time: 2026-12-07T09:12:03Z"}};
  for (const auto& [before, after] : moments)
    EXPECT_FALSE(change_between(kBody + before + "\n", kBody + after + "\n").substantive) << before;
  // Twins: a count or an id that is a term.
  EXPECT_TRUE(change_between(kBody + "Up to 5 people may use one account at a time.\n",
                             kBody + "Up to 2 people may use one account at a time.\n")
                  .substantive);
  EXPECT_TRUE(change_between(kBody + "Our company registration number: 12345678\n",
                             kBody + "Our company registration number: 87654321\n")
                  .substantive);
}

// ---- what a review of these rules found they took too far ------------------------------------

TEST(PageFamilies, TermsWrittenLikeAPagesNotesStayNews) {
  const std::vector<std::pair<std::string, std::string>> terms = {
      {"Images generated by the Acme Art Generator are licensed under CC BY 4.0.",
       "Images generated by the Acme Art Generator are licensed under CC BY-NC 4.0."},
      {"3 users online at the same time are included in the Team plan.",
       "2 users online at the same time are included in the Team plan."},
      {"5 members currently included in the plan", "3 members currently included in the plan"},
      {"Last revision on May 3, 2025", "Last revision on June 9, 2025"}};
  for (const auto& [before, after] : terms)
    EXPECT_TRUE(change_between(kBody + before + "\n", kBody + after + "\n").substantive) << before;
}

TEST(PageFamilies, ARegionsParagraphRepeatingAGeneralSentenceIsNoCopy) {
  const std::string sentence = "You may ask us for a copy of the personal information we hold about you.";
  const std::string text = read_page("<html><body><main>" + kOpening + "<p>" + sentence +
                                     "</p><div class=\"eea-only\"><p>" + sentence + "</p></div></main></body></html>");
  EXPECT_NE(text.find(sentence), text.rfind(sentence));
}

TEST(PageFamilies, HiddenBoxesThatAreNoRegionsOrTitlesStayOut) {
  // A rating widget: radio buttons, then each answer's message hidden.
  const std::string rating = read_page(
      "<html><body><main>" + kOpening +
      "<div class=\"rate\"><input type=\"radio\" name=\"r\"><input type=\"radio\" name=\"r\"></div>"
      "<div class=\"rate-message\"><p>Thanks, we are glad this page answered your question today.</p></div>"
      "<div class=\"rate-message\" hidden><p>Sorry about that, tell us what was missing from this page.</p></div>"
      "</main></body></html>");
  EXPECT_FALSE(has(rating, "Sorry about that"));
  // A site's header whose mega menu has column titles.
  const std::string header = read_page(
      "<html><body><header><a href=\"/\">Lumen</a><nav><div><h3>Products</h3><a href=\"/notes\">Notes</a>"
      "<a href=\"/boards\">Boards</a></div></nav><a class=\"cta\" href=\"/trial\">Start free trial</a></header>"
      "<main>" + kOpening + "</main></body></html>");
  EXPECT_FALSE(has(header, "Start free trial"));
  // A cookie policy's own choices, two buttons in a box that is not placed over the page.
  const std::string choices = read_page(
      "<html><body><main>" + kOpening +
      "<div class=\"choices\"><p>We keep analytics cookies for 6 months; you may accept or refuse them here.</p>"
      "<button>Accept</button><button>Manage settings</button></div></main></body></html>",
      selecting("main"));
  EXPECT_TRUE(has(choices, "for 6 months"));
}

}  // namespace families
}  // namespace
}  // namespace tosdiff
