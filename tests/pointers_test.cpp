// Sentences that only point to another page (issue 11: a replay of the unseen contrib
// collection alerted when a business listing's content policy gained "For more information,
// go to ..." and a tip sending the reader to the reasons a post is rejected, and when a phone
// maker's privacy policy turned a seal's image into links to its certificates). Such pointers
// are cosmetic (pointer); a pointer beside a new clause, one that carries a phone number or a
// negation, and one that tells of a practice the classifier knows stay news. The texts are our own.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/classify/classify.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/pointers.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

const std::string kPolicy =
    "# Content policy for business profiles\n"
    "Published content should show what makes your business unique and help customers decide to visit it.\n"
    "## Prohibited content\n"
    "Content must not be false, misleading or offensive, and must not imitate another business or its brand.\n"
    "Reviews must reflect a genuine experience at the place, and must not be paid for or written by its owners.\n"
    "## Moderation\n"
    "We review edits to profiles and may reject an edit that breaks this policy, or suspend a profile that does so often.\n";

Change pointer_change(const std::string& before, const std::string& after) {
  Change change = diff_texts(parse_text(before), parse_text(after));
  mark_pointers(change, [](const Hunk& hunk) { return words_touch_a_topic(hunk, builtin_rules()); });
  return change;
}

std::string with(const std::string& text, const std::string& after_line, const std::string& added) {
  std::string out = text;
  const std::size_t at = out.find(after_line);
  out.insert(at + after_line.size(), added);
  return out;
}

TEST(Pointers, SentencesThatPointElsewhereAreKnown) {
  EXPECT_TRUE(is_pointer_sentence("For more information, go to the overview of our profile policies."));
  EXPECT_TRUE(is_pointer_sentence("To learn more, visit our Help Center."));
  EXPECT_TRUE(is_pointer_sentence("Pour en savoir plus, consultez notre page d'aide."));
  EXPECT_TRUE(is_pointer_sentence("Weitere Informationen finden Sie in unserer Hilfe."));
  EXPECT_TRUE(is_pointer_sentence("Tip: If your edit is rejected, learn about the reasons why content may be rejected."));
  EXPECT_TRUE(is_pointer_sentence("View our privacy certification >"));
  EXPECT_TRUE(is_pointer_sentence("Tip: For tailored advice on your profile, book an appointment with our advisors."));
  EXPECT_FALSE(is_pointer_sentence("Tip: keep your opening hours up to date."));
  EXPECT_FALSE(is_pointer_sentence("For more information, call us at 1-800-555-0100."));
  EXPECT_FALSE(is_pointer_sentence("For more information, note that we do not sell reviews."));
  EXPECT_FALSE(is_pointer_sentence("Formal notices must be sent by post."));
  EXPECT_FALSE(is_pointer_sentence("We may share your profile with partners >"));  // a clause, not a label
  EXPECT_FALSE(is_pointer_sentence("<<END OF POLICY>>"));
  // A help centre's line to a neighbouring article, and a reading purpose that sends the reader on.
  EXPECT_TRUE(is_pointer_sentence("Learn about Lumen Clips availability."));
  EXPECT_TRUE(is_pointer_sentence("Refer to our help article on ad formats."));
  EXPECT_TRUE(is_pointer_sentence("You can also watch our video about your privacy controls."));
  EXPECT_TRUE(is_pointer_sentence("For the latest information, please visit our security advisories."));
  EXPECT_TRUE(is_pointer_sentence("Tips: If you want tailored advice, book an appointment with our advisors."));
  EXPECT_FALSE(is_pointer_sentence("You can also watch videos without an account."));
  // A review's finds: a line of that shape saying more than where to read.
  EXPECT_FALSE(is_pointer_sentence("Refer to our Seller Handbook, which forms part of these terms and binds you."));
  EXPECT_FALSE(is_pointer_sentence("Refer to the Lumen Brand Rules, which you agree to follow whenever you show our logo."));
  EXPECT_FALSE(is_pointer_sentence("Learn about Lumen Clips, which now makes your videos public by default."));
  EXPECT_FALSE(is_pointer_sentence("Check out Lumen Memories, which keeps copies of your photos even after you leave."));
  EXPECT_FALSE(is_pointer_sentence("To see which companies receive your viewing history, visit our Partners page."));
  EXPECT_FALSE(is_pointer_sentence("Read about how Lumen Assist now drafts replies from your past messages."));
  EXPECT_FALSE(is_pointer_sentence("For the latest information on Lumen Points, see our Rewards page; unused points expire after one year."));
  EXPECT_FALSE(is_pointer_sentence("For more information, see our Rewards page; unused points expire after one year."));
  EXPECT_TRUE(is_pointer_sentence("To troubleshoot the adult content disapproval, refer to Disapproval for adult content: Troubleshoot."));
  EXPECT_FALSE(is_pointer_sentence("To troubleshoot a disapproval, you must remove the ad within two days."));
  EXPECT_FALSE(is_pointer_sentence("To opt out, visit your settings."));  // a purpose of the reader's rights
  EXPECT_FALSE(is_pointer_sentence("Refer to Section 12 for the arbitration rules."));  // a cross-reference
}

TEST(Pointers, AHelpCentreLineToAnotherArticleIsCosmetic) {
  const Change added = pointer_change(kPolicy, kPolicy + "Learn about Lumen Clips availability.\n");
  EXPECT_FALSE(added.substantive);
  // Twin: a line of the same shape telling what the service does with the reader's data.
  EXPECT_TRUE(pointer_change(kPolicy, kPolicy + "Learn about how we sell your personal data to advertisers.\n").substantive);
}

TEST(Pointers, APointerAppendedToAParagraphIsCosmetic) {
  const std::string unique = "help customers decide to visit it.";
  const Change change = pointer_change(kPolicy, with(kPolicy, unique, " For more information, go to the overview of our profile policies."));
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"pointer"}));
}

TEST(Pointers, ATipAndLinksWithArrowsPutInAreCosmetic) {
  std::string after = with(kPolicy, "does so often.\n", "Tip: If your edit is rejected, learn about the reasons why content may be rejected.\n");
  after += "View our certification >\nView our seal of approval >\n";
  const Change change = pointer_change(kPolicy, after);
  EXPECT_FALSE(change.substantive);
}

TEST(Pointers, ABannerOnOldBrowsersIsCosmetic) {
  const Change change = pointer_change(
      kPolicy, "Lumen.example no longer supports Internet Explorer 10 or lower versions. Learn more >\n" + kPolicy);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"page_control"}));
}

// Negative twin: a clause about the data a browser sends is the policy's.
TEST(Pointers, WhatTheBrowserSendsIsNews) {
  EXPECT_FALSE(is_browser_notice("We collect your browser type and the pages you visit to improve our services."));
  EXPECT_FALSE(is_browser_notice("Most browsers support Do Not Track signals, and we no longer honour them."));
  const std::string unique = "help customers decide to visit it.";
  EXPECT_TRUE(pointer_change(kPolicy, with(kPolicy, unique, " We collect the version of the browser you use.")).substantive);
}

// Negative twin: a clause put in beside the pointer is news.
TEST(Pointers, APointerBesideANewClauseIsNews) {
  const std::string unique = "help customers decide to visit it.";
  const Change change = pointer_change(
      kPolicy, with(kPolicy, unique, " Photos must show the place itself. For more information, go to the overview of our policies."));
  EXPECT_TRUE(change.substantive);
}

// Negative twin: a pointer that tells of a practice the page did not state is news.
TEST(Pointers, APointerToAPracticeIsNews) {
  const std::string unique = "help customers decide to visit it.";
  const Change change = pointer_change(
      kPolicy, with(kPolicy, unique, " To learn more about how we use your reviews to train our AI models, see our AI page."));
  EXPECT_TRUE(change.substantive);
}

// A pointer's own words are judged, not its section's heading: a line to a help article at the
// foot of a section on how the service uses the reader's content (contrib replay: a storage
// service's policy, its section on content licences).
TEST(Pointers, APointerUnderATopicalHeadingIsCosmetic) {
  const std::string policy = kPolicy + "## How we use your content to train our AI models\nWe use your public reviews to train our AI models.\n";
  const Change change = pointer_change(policy, policy + "Learn about Lumen Clips availability.\n");
  EXPECT_FALSE(change.substantive);
  EXPECT_TRUE(pointer_change(policy, policy + "We also use your private messages.\n").substantive);
}

// Negative twin: a phone number given as the way to learn more is a contact, and news.
// Metamorphic bench (issue 11's twin of a link rewritten: a URL to a different site): "please
// visit https://x.ai/" sending the reader to another site is news; the same site's other page,
// or a pointer put in, is not.
TEST(Pointers, APointerSentToAnotherSiteIsNews) {
  const std::string before = "# About\nLumen makes calendars.\nFor more information about Lumen, please visit "
                             "https://lumen.example.com/.\n";
  EXPECT_TRUE(pointer_change(before, "# About\nLumen makes calendars.\nFor more information about Lumen, please "
                                     "visit https://lumen-partners.example.com/.\n").substantive);
  EXPECT_FALSE(pointer_change(before, "# About\nLumen makes calendars.\nFor more information about Lumen, please "
                                      "visit https://lumen.example.com/about.\n").substantive);
  EXPECT_FALSE(pointer_change("# About\nLumen makes calendars.\n",
                              "# About\nLumen makes calendars.\nFor more information, see lumen.example.com/about.\n")
                   .substantive);
}

TEST(Pointers, APointerWithAPhoneNumberIsNews) {
  const Change change = pointer_change(kPolicy, kPolicy + "For more information, call us at 1-800-555-0100.\n");
  EXPECT_TRUE(change.substantive);
}

}  // namespace
}  // namespace tosdiff
