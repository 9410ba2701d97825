// Noise a page makes between two fetches of unchanged terms, as the twenty-ninth session's
// second red team wrote it (synthetic pages): each a false alert it found, with its negative
// twin, the real change beside it, that must stay news.

#include <gtest/gtest.h>

#include <string>

#include "support/page_reading.hpp"
#include "tosdiff/compare/page_margins.hpp"

namespace tosdiff {
namespace {

using testing::change_between;
using testing::read_page;

const std::string kClauses =
    "We keep your prompts for 30 days after you delete a conversation.\n"
    "We never sell your personal information to anyone.\n";

std::string dated(const std::string& date_line) { return "# Privacy Policy\n" + date_line + "\n" + kClauses; }

TEST(PageNoise, InvisibleBidiMarksAreNoText) {
  // Left-to-right, right-to-left and Arabic letter marks, an isolate's ends around the
  // company's name, as a localisation library writes them.
  for (const std::string& mark : {std::string("\xE2\x80\x8E"), std::string("\xE2\x80\x8F"), std::string("\xD8\x9C"),
                                  std::string("\xE2\x81\xA8"), std::string("\xE2\x81\xA9")}) {
    const std::string page = "<html><body><main><h1>Privacy Policy</h1><p>Lumenfield Labs, Inc." + mark +
                             " is the controller of your data.</p></main></body></html>";
    EXPECT_EQ(read_page(page), "# Privacy Policy\nLumenfield Labs, Inc. is the controller of your data.\n");
    EXPECT_FALSE(change_between(dated("Lumenfield Labs, Inc. is the controller."),
                                dated("Lumenfield Labs, Inc." + mark + " is the controller."))
                     .substantive);
  }
  // Twins: another controller; an override, which reorders what a reader sees ("01$" shown
  // "$10"), stays in the text.
  EXPECT_TRUE(change_between(dated("Lumenfield Labs, Inc. is the controller."), dated("Orbix Ltd. is the controller."))
                  .substantive);
  EXPECT_NE(read_page("<html><body><main><p>Fees are \xE2\x80\xAE 01$ per month.</p></main></body></html>").find("\xE2\x80\xAE"),
            std::string::npos);
}

TEST(PageNoise, ADatesWeekdayTimestampOrShortStyleIsItsForm) {
  const std::string before = dated("Last updated: March 3, 2026");
  for (const std::string& form : {std::string("Last updated: Tuesday, March 3, 2026"), std::string("Last updated: Tue, 3 Mar 2026"),
                                  std::string("Last updated: 2026-03-03T00:00:00.000Z"),
                                  std::string("Last updated: 2026-03-03T10:15:00+01:00"), std::string("Last updated: 3/3/26")})
    EXPECT_FALSE(change_between(before, dated(form)).substantive) << form;
  // Twins: another day, however written.
  for (const std::string& form : {std::string("Last updated: Wednesday, March 4, 2026"),
                                  std::string("Last updated: 2026-03-13T00:00:00.000Z"), std::string("Last updated: 4/4/26")})
    EXPECT_TRUE(change_between(before, dated(form)).substantive) << form;
}

TEST(PageNoise, AStampsTimeInAnotherZoneOrItsAgeWrittenShortIsNoChange) {
  EXPECT_FALSE(change_between(dated("Last updated: March 3, 2026, 10:15 AM PST"),
                              dated("Last updated: March 3, 2026, 6:15 PM UTC"))
                   .substantive);
  EXPECT_FALSE(change_between(dated("Updated 2d ago"), dated("Updated 5d ago")).substantive);
  EXPECT_FALSE(change_between(dated("Edited 2h ago"), dated("Edited 7h ago")).substantive);
  // Twins: another day; a retention limit written short.
  EXPECT_TRUE(change_between(dated("Last updated: March 3, 2026, 10:15 AM PST"),
                             dated("Last updated: March 4, 2026, 6:15 PM UTC"))
                  .substantive);
  EXPECT_TRUE(change_between(dated("We delete request logs collected more than 30d ago."),
                             dated("We delete request logs collected more than 7d ago."))
                  .substantive);
}

TEST(PageNoise, AHelpCentresOtherListsOfArticlesAreItsMenu) {
  const auto article = [](const std::string& label, const std::string& entries) {
    return "# Privacy Policy\n" + kClauses + "We answer every request within 30 days of receiving it.\n### " + label +
           "\n" + entries;
  };
  const std::string two = "- Terms of Use\n- Usage policies\n", three = two + "- Sharing conversations with a link\n";
  for (const char* label : {"Articles in this section", "Popular articles", "Trending articles", "More in Privacy"})
    EXPECT_FALSE(change_between(article(label, two), article(label, three)).substantive) << label;
  // Twin: a list of the policy's own with an item put in.
  EXPECT_TRUE(change_between(article("We share your data with", two), article("We share your data with", three)).substantive);
}

TEST(PageNoise, AFootnotesSuperscriptNumberIsSetAside) {
  const auto page = [](const std::string& note) {
    return "<html><body><main><h1>Privacy Policy</h1><p>We keep each conversation" + note +
           " for 30 days.</p></main></body></html>";
  };
  EXPECT_EQ(read_page(page("<sup>1</sup>")), "# Privacy Policy\nWe keep each conversation[1] for 30 days.\n");
  EXPECT_EQ(read_page(page("<sup><a href=\"#fn2\">2</a></sup>")), "# Privacy Policy\nWe keep each conversation[2] for 30 days.\n");
  EXPECT_FALSE(change_between(read_page(page("<sup>1</sup>")), read_page(page("<sup>2</sup>"))).substantive);
  EXPECT_FALSE(change_between(read_page(page("<sup>1</sup>")), read_page(page("[1]"))).substantive);
  // Twin: a figure set as a superscript after a figure is an exponent, and stays.
  EXPECT_EQ(read_page("<html><body><main><p>Up to 10<sup>6</sup> requests.</p></main></body></html>"),
            "Up to 106 requests.\n");
}

// A section React streamed after the page's shell: at the end of <body>, hidden, and moved in
// place of its boundary's template by a script. Read where it belongs, as in the fetch that got
// it in place (a red team's find: read as the section removed).
TEST(PageNoise, AStreamedSectionIsReadWhereItsBoundaryIs) {
  const std::string rights = "<h2>5. Your rights</h2><p>You may access, correct or delete your data.</p>";
  const std::string in_place = "<html><body><main><h1>Privacy Policy</h1><p>We keep chats for 30 days.</p>" + rights +
                               "<h2>6. Contact</h2><p>Write to us.</p></main></body></html>";
  const auto streamed = [](const std::string& section) {
    return "<html><body><main><h1>Privacy Policy</h1><p>We keep chats for 30 days.</p><!--$?--><template id=\"B:0\">"
           "</template><div class=\"skeleton\"><div class=\"bar\"></div></div><!--/$--><h2>6. Contact</h2><p>Write to "
           "us.</p></main><div hidden id=\"S:0\">" + section + "</div><script>$RC(\"B:0\",\"S:0\")</script></body></html>";
  };
  EXPECT_EQ(read_page(streamed(rights)), read_page(in_place));
  EXPECT_EQ(read_page(streamed(rights), testing::selecting("main")), read_page(in_place, testing::selecting("main")));
  // Twin: the streamed section's own edit is read.
  const std::string edited = "<h2>5. Your rights</h2><p>You may access or correct your data.</p>";
  EXPECT_TRUE(change_between(read_page(in_place), read_page(streamed(edited))).substantive);
  // A page without a boundary's template is left as it is: a hidden div is only hidden.
  EXPECT_EQ(read_page("<html><body><main><p>We keep chats.</p></main><div hidden id=\"S:0\"><p>Secret.</p></div></body></html>"),
            "We keep chats.\n");
}

TEST(PageNoise, AServiceStatusIndicatorIsNoText) {
  const std::string doc = "# API Terms\n" + kClauses;
  EXPECT_FALSE(change_between(doc + "\xE2\x97\x8F All systems operational\n", doc + "\xE2\x97\x8F Partial outage: API\n").substantive);
  EXPECT_FALSE(change_between(doc + "Degraded performance: Chat\n", doc + "All systems operational\n").substantive);
  // Twin: the events an SLA lists.
  const std::string credits = "# SLA\nYou receive a credit for each of these events:\n- Major outage\n";
  EXPECT_TRUE(change_between(credits, credits + "- Partial outage\n").substantive);
}

TEST(PageNoise, ASignUpBoxNoNameTellsIsNoText) {
  const auto page = [](const std::string& box) {
    return "<html><body><main><h1>Privacy Policy</h1><p>We keep chats for 30 days.</p>" + box + "</main></body></html>";
  };
  const std::string signup = "<div class=\"sc-4f1a2b-0 hYqWzt\"><h3>Stay in the loop</h3><p>Get product news and research "
                             "updates in your inbox.</p><input type=\"email\" placeholder=\"you@example.com\"><button>"
                             "Subscribe</button></div>";
  EXPECT_EQ(read_page(page(signup)), "# Privacy Policy\nWe keep chats for 30 days.\n");
  // Twin: a request form of the policy's, its e-mail field and button, stays.
  const std::string request = "<div class=\"sc-9x\"><h3>Opt out of the sale of your data</h3><p>Enter your e-mail to send "
                              "the request.</p><input type=\"email\"><button>Send</button></div>";
  EXPECT_NE(read_page(page(request)).find("Opt out of the sale of your data"), std::string::npos);
}

TEST(PageNoise, AConsentBarAStylesheetPlacesOverThePageIsNoText) {
  // styled-components: the box's classes are hashes, its position a rule of a <style> block.
  const auto page = [](const std::string& rule, const std::string& partners) {
    return "<html><head><style data-styled=\"active\">.kQmZtb{display:flex;gap:8px}" + rule +
           "</style></head><body><div id=\"__next\"><div class=\"sc-prose\"><h1>Privacy Policy</h1><p>We keep your "
           "prompts for 30 days after you delete a conversation.</p><p>We never sell your personal information.</p>"
           "</div><div class=\"sc-1x7f kQmZtb\"><p>We use cookies to run this site. We and our " +
           partners + " partners process data on this basis.</p><button>Accept all</button><button>Reject all</button>"
           "</div></div></body></html>";
  };
  for (const std::string& rule : {std::string(".kQmZtb{position:fixed;bottom:0;left:0}"),
                                  std::string("@media (min-width:600px){.a,.kQmZtb{ position : sticky }}")}) {
    EXPECT_EQ(read_page(page(rule, "842")).find("cookies"), std::string::npos) << rule;
    EXPECT_EQ(read_page(page(rule, "842")), read_page(page(rule, "851"))) << rule;
  }
  // Twins: a box the stylesheet leaves in the page's flow, or places by another selector than
  // its own class, is the page's text (the policy's own offer of its choices).
  for (const std::string& rule : {std::string(".kQmZtb{position:relative}"), std::string("div .kQmZtb{position:fixed}"),
                                  std::string(".kQmZtb{top:0}.other{position:fixed}")})
    EXPECT_NE(read_page(page(rule, "842")).find("842 partners"), std::string::npos) << rule;
}

// The header's rule runs in the record builder, with the classifier: here with one that finds a
// topic in every hunk, as it does in questions about a privacy policy.
TEST(PageNoise, APageAssistantsSuggestedQuestionsAboveTheTitleAreItsHeader) {
  std::string policy = "# Privacy Policy\n";
  for (int i = 1; i <= 8; ++i)
    policy += "Section " + std::to_string(i) + ": we keep the data of your account while it is open, and we delete it "
              "within thirty days of its closing unless the law requires us to keep it longer.\n";
  const auto page = [&](const std::string& questions) { return parse_text("Ask Lumen about this policy\n" + questions + policy); };
  const auto header_marks = [&](const std::string& before, const std::string& after) {
    const Text a = page(before), b = page(after);
    Change change = diff_texts(a, b);
    mark_page_margins(change, a, b, [](const Hunk&) { return true; });
    return change;
  };
  EXPECT_FALSE(header_marks("- How long do you keep my chats?\n- Do you train on my prompts?\n",
                            "- Who do you share my data with?\n- Can I opt out of training?\n")
                   .substantive);
  // Twin: key points above the title say something.
  EXPECT_TRUE(header_marks("- We do not sell your personal data.\n", "- We may sell your personal data.\n").substantive);
}

}  // namespace
}  // namespace tosdiff
