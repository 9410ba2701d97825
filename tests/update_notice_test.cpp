// Notices about the document rather than terms of it (compare/update_notice.hpp): taken down,
// put up, replaced by the date of effect they announced, with the account of their update; and
// the clauses about changes that stay terms. The texts are our own.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/classify/classify.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/update_notice.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

Change notice_change_of(const std::string& before, const std::string& after) {
  return diff_texts(parse_text(before), parse_text(after));
}

TEST(PrecisionUpdateNotice, NoticesAboutTheDocumentAreToldFromTermsAboutChanges) {
  EXPECT_TRUE(is_update_notice("Policy updated on Feb 11, 2026."));
  EXPECT_TRUE(is_update_notice("We updated our Privacy Policy on March 9, 2026."));
  EXPECT_TRUE(is_update_notice("View our previous policy."));
  EXPECT_TRUE(is_update_notice("Our new Privacy Policy comes into effect on 2 October 2026."));
  EXPECT_TRUE(is_update_notice("Click here to read our current Privacy Policy."));
  EXPECT_TRUE(is_update_notice("WE HAVE MADE SOME UPDATES TO OUR DEVELOPER AGREEMENT, AND THE FULLY UPDATED AGREEMENT IS BELOW."));
  EXPECT_FALSE(is_update_notice("The fees below apply to every plan."));
  EXPECT_FALSE(is_update_notice("The updated terms below apply to every plan you buy after March 3, 2026, and you agree to them."));
  EXPECT_TRUE(is_update_notice("Other news We updated our Terms of Service on May 5, 2026."));  // a month, not a modal
  EXPECT_FALSE(is_update_notice("We may update these Terms of Service on May 5, 2026."));
  // A banner above the new policy, taken down the day it comes into effect (contrib replay).
  EXPECT_TRUE(is_update_notice("The policy below goes into effect on January 1, 2023."));
  // Dated by its month (a search engine's banner, taken down).
  EXPECT_TRUE(is_update_notice("Update November 2025: We\u2019ve updated our policy to cover how we improve our own search indexes."));
  EXPECT_FALSE(is_update_notice("Update November 2025: we will share your searches with our partners under this policy."));
  EXPECT_FALSE(is_update_notice("We updated the app in November 2025."));
  EXPECT_FALSE(is_update_notice("This policy goes into effect on January 1, 2023 and you must accept it to keep your account."));
  // Terms about changes, not notices: a commitment, a condition, no date, no document.
  EXPECT_FALSE(is_update_notice("We will notify you 30 days before changes to this policy take effect."));
  EXPECT_FALSE(is_update_notice("Changes to this Privacy Policy take effect on the date we publish them."));
  EXPECT_FALSE(is_update_notice("If you continue to use the service after March 3, 2026, you accept the updated terms."));
  EXPECT_FALSE(is_update_notice("We updated the app on March 9, 2026."));
  EXPECT_FALSE(is_update_notice("We keep your messages for 30 days."));
  // What the terms contain, dated: a term (replay: a platform's commercial terms).
  EXPECT_FALSE(is_update_notice("These terms include our updated Data Processing Schedule with new "
                                "transfer clauses effective April 2, 2026."));
}

TEST(PrecisionUpdateNotice, TheAnnouncementOfAVersionReplacedByItsDateOfEffectIsCosmetic) {
  const std::string terms = "\nYou keep the rights in what you post.\nWe may suspend accounts that break the rules.";
  const Change change = notice_change_of(
      "# Terms of Service\nWe have made some updates to our Terms of Service. This version of the Terms of Service will "
      "go into effect on January 15, 2026. Until then, the current Terms of Service continue to apply." + terms,
      "# Terms of Service\nEffective: January 15, 2026" + terms);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"update_notice"}));
}

TEST(PrecisionUpdateNotice, AnotherDateOrATermInTheAnnouncementStaysSubstantive) {
  const std::string terms = "\nYou keep the rights in what you post.";
  const std::string notice =
      "# Terms of Service\nWe have made some updates to our Terms of Service. This version of the Terms of Service will "
      "go into effect on January 15, 2026.";
  EXPECT_TRUE(notice_change_of(notice + terms, "# Terms of Service\nEffective: February 15, 2026" + terms).substantive);
  EXPECT_TRUE(notice_change_of(notice + " Existing users accept these Terms of Service on January 15, 2026." + terms,
                        "# Terms of Service\nEffective: January 15, 2026" + terms)
                  .substantive);
}

TEST(PrecisionUpdateNotice, ABannerTellingWhatItsUpdateWasAboutTakenDownIsCosmetic) {
  const std::string terms = "# Data Transfer Addendum\nThis addendum applies when Lumenfield transfers your data.";
  const Change change = notice_change_of(
      "_We have updated this addendum, effective from 7 September 2026. This change reflects that we now rely on the "
      "Commission's adequacy decision for the EU-U.S. Data Privacy Framework when transferring data. Learn more about "
      "this update._\n" + terms,
      terms);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"update_notice"}));
}

// Contrib replays: an analytics service's banner whose notice is its last sentence; a forge's
// notice of revisions under discussion. Taken down. (A search engine's "May 2023 Update" box,
// its account saying "As always, we don't track you", stays news: what such a box says cannot
// be told from a promise; see the twins.)
TEST(PrecisionUpdateNotice, AnUpdatesTitledBoxWithATermOrWithoutTheUpdateStaysSubstantive) {
  const std::string terms = "### About Us\nLumenfield has been an independent company since 2008.";
  // A promise in the present tense beside the update (a review of this session's first form).
  EXPECT_TRUE(notice_change_of("May 2026 Update\nWe have updated our Privacy Policy. We no longer sell your personal data "
                               "to data brokers.\n" + terms, terms).substantive);
  EXPECT_TRUE(notice_change_of("Update - March 2026\nWe have updated our Terms of Service. Subscriptions now renew "
                               "automatically every year.\n" + terms, terms).substantive);
  // A commitment in the box.
  EXPECT_TRUE(notice_change_of("May 2026 Update\nWe have updated our Privacy Policy. We will share your chats with our "
                               "partners.\n" + terms, terms).substantive);
  // A box that does not say the document changed: what it says is the news.
  EXPECT_TRUE(notice_change_of("May 2026 Update\nWe now keep your chats for 90 days.\n" + terms, terms).substantive);
  // Not a title: a clause dated and about updates.
  EXPECT_TRUE(notice_change_of("Product updates in May 2026 are free of charge\nWe have updated our Privacy Policy to "
                               "cover our apps.\n" + terms, terms).substantive);
}

TEST(PrecisionUpdateNotice, ABannerWhoseNoticeIsItsLastSentenceTakenDownIsCosmetic) {
  const std::string terms = "# Controller Data Protection Terms\nThese terms apply when Lumenfield shares measurement data.";
  const Change change = notice_change_of(
      "We are making changes to the Lumenfield Measurement Controller-Controller Data Protection Terms. These updates will "
      "apply from September 1 2026. You can find the terms that apply prior to September 1, 2026 here.\n" + terms,
      terms);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"update_notice"}));
  EXPECT_TRUE(is_update_notice("You can find the terms that apply prior to September 1, 2026 here."));
}

TEST(PrecisionUpdateNotice, ABannerWithADutyBesideItsNoticeStaysSubstantive) {
  const std::string terms = "# Controller Data Protection Terms\nThese terms apply when Lumenfield shares measurement data.";
  EXPECT_TRUE(notice_change_of("We are making changes to the Lumenfield Measurement Data Protection Terms. These updates "
                               "will apply from September 1 2026. You must accept them to keep using the service. You can "
                               "find the terms that apply prior to September 1, 2026 here.\n" + terms, terms)
                  .substantive);
  // Changes to the terms that bind: "These terms will apply from the day you sign up."
  EXPECT_TRUE(notice_change_of("We are making changes to the Lumenfield Data Protection Terms. These terms will apply to "
                               "every account. You can find the terms that apply prior to September 1, 2026 here.\n" + terms,
                               terms)
                  .substantive);
}

// Contrib replay: a forum's user agreement, its banner taken down once the date it announced
// had passed: the update said in the first person, a call to read it before that date, and a
// pointer to the previous version in a block of its own.
TEST(PrecisionUpdateNotice, AnAnnouncedUpdateAndItsCallToReadTakenDownAreCosmetic) {
  const std::string terms = "# User Agreement\nEffective July 1, 2026. Last Revised May 26, 2026\nYou keep the rights "
                            "in what you post.\nWe may suspend accounts that break the rules.";
  const std::string head = "# User Agreement\nEffective July 1, 2026. Last Revised May 26, 2026\n";
  const std::string body = "You keep the rights in what you post.\nWe may suspend accounts that break the rules.";
  const std::string announced =
      "We\u2019ve updated our User Agreement. Please take a look before the changes take effect on July 1, 2026.\n";
  const std::string pointer = "This page is the updated User Agreement; for the version effective until July 1, 2026, click here.\n";
  for (const std::string& banner : {announced + pointer, announced}) {
    const Change change = notice_change_of(head + banner + body, terms);
    ASSERT_EQ(change.hunks.size(), 1u);
    EXPECT_FALSE(change.substantive) << banner;
    EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"update_notice"}));
  }
  // A duty beside the call to read, a call that asks more than reading, or no date: news.
  EXPECT_TRUE(notice_change_of(head + "We\u2019ve updated our User Agreement. Please take a look before the changes take "
                               "effect on July 1, 2026. Accounts inactive for a year are deleted.\n" + body, terms)
                  .substantive);
  EXPECT_TRUE(notice_change_of(head + "We\u2019ve updated our User Agreement. Please review the changes and accept them "
                               "by July 1, 2026.\n" + body, terms)
                  .substantive);
  EXPECT_TRUE(notice_change_of(head + "We\u2019ve updated our User Agreement. Please take a look.\n" + body, terms).substantive);
  // A clause taken down beside the notice is not the notice's.
  EXPECT_TRUE(notice_change_of(head + pointer + "You must be 18 or older to post.\n" + body, terms).substantive);
}

// A review's finds: an update under way taken down (it may have been called off), a banner
// taken down before a date the page does not show (an update withdrawn), and a clause that
// says the banner's sentence too losing it.
TEST(PrecisionUpdateNotice, AnUpdateUnderWayWithdrawnOrAClauseBesideTheBannerStaysNews) {
  const std::string old_head = "# Privacy Policy\nEffective November 1, 2025\n";
  const std::string body = "We keep logs for 30 days.\nWe never sell your data.";
  EXPECT_TRUE(notice_change_of(old_head + "We are updating our Privacy Policy. These changes will apply from July 13, 2026.\n" + body,
                               old_head + body)
                  .substantive);
  EXPECT_TRUE(notice_change_of(old_head + "We\u2019re making changes to our Privacy Policy. Please review the changes before "
                               "they take effect on July 13, 2026.\n" + body,
                               old_head + body)
                  .substantive);
  EXPECT_TRUE(notice_change_of(old_head + "We\u2019ve updated our Privacy Policy. Please take a look before the changes take "
                               "effect on July 1, 2026.\n" + body,
                               old_head + body)
                  .substantive);
  // The date the banner announces must be the page's own date line, not any date of a clause;
  // and beside a notice in another block, the call to read it is dated so too.
  EXPECT_TRUE(notice_change_of(old_head + "We\u2019ve updated our Privacy Policy. Please take a look before the changes take "
                               "effect on July 1, 2026.\nThe Basic plan closes on July 1, 2026.\n" + body,
                               old_head + "The Basic plan closes on July 1, 2026.\n" + body)
                  .substantive);
  EXPECT_TRUE(notice_change_of(old_head + "This page is the updated Privacy Policy; for the version effective until July 1, "
                               "2026, click here.\nWe\u2019ve updated our Privacy Policy. Please take a look before the "
                               "changes take effect on July 1, 2026.\n" + body,
                               old_head + body)
                  .substantive);
  const std::string new_head = "# Subscription Terms\nEffective July 1, 2026\n";
  EXPECT_TRUE(notice_change_of(new_head + "We\u2019ve updated our Subscription Terms. These changes will apply from July 1, 2026.\n"
                               "The monthly plan costs $12. These changes will apply from July 1, 2026.\n" + body,
                               new_head + "The monthly plan costs $12.\n" + body)
                  .substantive);
}

// The third review's finds: a term beside a pointer or joined to a dated notice by "and", a
// scope in an announcement, a period in an account of the update.
TEST(PrecisionUpdateNotice, TermsBesideAPointerOrANoticeAndScopesOrPeriodsAreNoNotice) {
  EXPECT_FALSE(is_update_notice("Under the current Terms of Service published here, Lumenfield owns the prints it makes "
                                "from the designs you upload."));
  EXPECT_FALSE(is_update_notice("As our current Privacy Policy linked here explains, we share your order history with our "
                                "advertising partners."));
  EXPECT_FALSE(is_update_notice("We updated this Privacy Policy on May 1, 2026 and since then we share your order history "
                                "with our advertising partners."));
  EXPECT_FALSE(is_update_notice("These Terms of Service take effect on May 1, 2026 for new accounts only."));
  const std::string terms = "\nWe keep logs for 30 days.";
  EXPECT_TRUE(notice_change_of("# Privacy Policy\nEffective May 1, 2026\nWe updated this Privacy Policy on May 1, 2026. This "
                               "update reflects that we now keep voice recordings for three years." + terms,
                               "# Privacy Policy\nEffective May 1, 2026" + terms)
                  .substantive);
}

// The fourth review's finds: what an update does said beside its notice ("because the app now
// sends ...", "to let our partners read ...", after a colon, in an account of it) is read by the
// classifier and stays news; a term with "here" inside it, a term in the first clause, and a
// scope after the date are no notices.
TEST(PrecisionUpdateNotice, WhatAnUpdateDoesBesideItsNoticeOrAScopeAfterItsDateIsNews) {
  const std::string head = "# Privacy Policy\nEffective May 1, 2026\n", body = "We keep logs for 30 days.";
  auto reread = [&](const std::string& banner) {
    const Text before = parse_text(head + banner + body), after = parse_text(head + body);
    Change change = diff_texts(before, after);
    reread_update_notices(change, [](const Hunk& hunk) {
      return words_touch_a_topic_besides(hunk, builtin_rules(), "changes_to_terms");
    });
    return change;
  };
  for (const char* banner : {
           "We revised this Privacy Policy on May 1, 2026 because the app now sends your precise location to our "
           "advertising partners.\n",
           "Policy updated May 1, 2026: the app now sends your precise location to our advertising partners.\n",
           "We updated this Privacy Policy on May 1, 2026. This update explains that our advertising partners now receive "
           "the places you tag.\n"})
    EXPECT_TRUE(reread(banner).substantive) << banner;
  // The notice alone, the document's own subject aside, stays cosmetic.
  EXPECT_FALSE(reread("We updated this Privacy Policy on May 1, 2026.\n").substantive);
  EXPECT_FALSE(is_update_notice("The new Terms here give Lumenfield a licence to publish the entries you share."));
  EXPECT_FALSE(is_update_notice("When you share an entry, the Terms updated on May 1, 2026 give Lumenfield a licence to publish it."));
  EXPECT_FALSE(is_update_notice("This Privacy Policy takes effect on May 1, 2026 in the European Union and the United Kingdom."));
  EXPECT_FALSE(is_update_notice("This Privacy Policy takes effect on May 1, 2026 for entries written with the voice feature."));
  EXPECT_TRUE(is_update_notice("Until the effective date, you can view our current Privacy Policy."));
}

// Contrib replay: a video platform's privacy policy, the announcement of an update taken down
// on its day with the text unchanged: the update was called off, and that is news.
TEST(PrecisionUpdateNotice, AnUpdateUnderWayTakenDownWithTheTextUnchangedStaysSubstantive) {
  const std::string terms = "# Privacy Policy\nWe keep logs for 30 days.";
  EXPECT_TRUE(notice_change_of("We're updating our Privacy Policy with effect from 13 July 2026. Click here to view our new "
                               "Privacy Policy.\n" + terms, terms)
                  .substantive);
}

// A review of this session's first forms: the clauses of a "Changes to this policy" section
// beside a dated notice, taken away, are terms taken away.
TEST(PrecisionUpdateNotice, ClausesAboutChangesBesideANoticeStaySubstantive) {
  const std::string terms = "\n# Privacy Policy\nWe keep logs for 30 days.";
  const std::string notice = "We last updated this Privacy Policy on 5 May 2026.";
  EXPECT_TRUE(notice_change_of(notice + " We email you 30 days before changes to this Privacy Policy take effect." + terms,
                               notice + terms).substantive);
  EXPECT_TRUE(notice_change_of("We last updated these Terms on 5 May 2026. Changes to these Terms bind you from the day we "
                               "post them." + terms, "We last updated these Terms on 5 May 2026." + terms).substantive);
  EXPECT_TRUE(notice_change_of("We revised these Terms of Service on 5 May 2026. The revised Terms of Service do not apply "
                               "to orders placed before that day." + terms, terms).substantive);
  EXPECT_TRUE(notice_change_of("We updated these Terms of Service on 5 May 2026. This change will apply from 1 June 2026 "
                               "to accounts opened before 5 May 2026 as well." + terms,
                               "We updated these Terms of Service on 5 May 2026." + terms).substantive);
  // Not notices: a promise about changes, how changes are made, a reward, a retroactive rule.
  EXPECT_FALSE(is_update_notice("Upcoming changes to this Privacy Policy are announced by email at least 30 days before they apply."));
  EXPECT_FALSE(is_update_notice("Changes to these Terms are under review by an independent consumer panel before we publish them."));
  EXPECT_FALSE(is_update_notice("Researchers who find a new vulnerability in the Service are paid a reward of up to 5000 euros under these Terms."));
  EXPECT_FALSE(is_update_notice("The new Terms of Service will apply from 1 June 2026 to subscriptions you already hold."));
  // Older than this session, found by a second review: a moderation rule, a negation.
  EXPECT_FALSE(is_update_notice("Posts that break the new Community Guidelines stay hidden while under review."));
  EXPECT_FALSE(is_update_notice("Since we updated our Privacy Policy on 5 May 2026, we no longer sell your personal data."));
  EXPECT_FALSE(is_update_notice("Changes to these Terms posted after 1 June 2026 do not affect orders already placed."));
  // Older than this session, found by the same review: a period of notice.
  EXPECT_FALSE(is_update_notice("Changes to these Terms take effect 30 days after we post them, and never before 1 June 2026."));
  EXPECT_FALSE(is_update_notice("Updated terms take effect 14 days after we post them on 1 June 2026."));
}

// A third review, of rules older than the fourteenth session: terms that read like notices.
TEST(PrecisionUpdateNotice, TermsThatNameANewVersionStaySubstantive) {
  EXPECT_FALSE(is_update_notice("Under the new Terms, Lumenfield staff access your files only to investigate a report."));
  EXPECT_FALSE(is_update_notice(
      "Every order placed after 1 May 2026 under the new Terms of Sale comes with a 30-day money-back guarantee."));
  EXPECT_TRUE(is_update_notice("Until the effective date, you can view our current Privacy Policy."));
  EXPECT_FALSE(is_update_notice("Under the new Terms effective 1 May 2026, Lumenfield owns the designs you upload."));
  const std::string terms = "# Terms of Sale\nYou can cancel within 14 days.";
  // A staggered date of effect replaced by one date line; the prior terms kept for some.
  EXPECT_TRUE(notice_change_of("# Terms of Sale\nThese Terms of Sale take effect on 1 June 2026 for new accounts and on 1 "
                               "September 2026 for accounts opened before that day.\nYou can cancel within 14 days.",
                               "# Terms of Sale\nEffective: 1 June 2026\nYou can cancel within 14 days.")
                  .substantive);
  EXPECT_TRUE(notice_change_of("# Terms of Sale\nThis version of the Terms of Sale will go into effect on 1 June 2026. The "
                               "prior Terms of Sale continue to apply to subscriptions bought before that day.\nYou can "
                               "cancel within 14 days.",
                               "# Terms of Sale\nEffective: 1 June 2026\nYou can cancel within 14 days.")
                  .substantive);
}

// Replays (pga: a messaging app's, a video platform's and a new network's policies): notices
// the third review's narrowing must still read as notices.
TEST(PrecisionUpdateNotice, PointersWithTheirOwnClausesAndThePreviousVersionsDateStayNotices) {
  EXPECT_TRUE(is_update_notice("You can view the prior Privacy Policy, which applies to all users until February 26, 2026, here."));
  EXPECT_TRUE(is_update_notice("Click here to view our current Coins Policy, which is being replaced by the Virtual Items "
                               "Policy, and here for more details about what is changing."));
  const std::string terms = "\nWe keep logs for 30 days.";
  EXPECT_FALSE(notice_change_of("# Privacy Policy\nThe following privacy policy will take effect on 30 May 2026. The previous "
                                "privacy policy was posted on 12 September 2025." + terms,
                                "# Privacy Policy\nLast updated 30 May 2026" + terms)
                   .substantive);
}

TEST(PrecisionUpdateNotice, ANoticeOfRevisionsUnderDiscussionTakenDownIsCosmetic) {
  EXPECT_TRUE(is_update_notice("Notice: Revisions to the privacy policy are currently under discussion."));
  EXPECT_FALSE(is_update_notice("Revisions to the privacy policy must be approved by the board."));
  EXPECT_FALSE(is_update_notice("Revisions to the privacy policy are discussed with you before they apply."));
  const std::string terms = "# Privacy Policy\nWe keep logs for 30 days.";
  EXPECT_FALSE(notice_change_of("Notice: Revisions to the privacy policy are currently under discussion.\n" + terms, terms)
                   .substantive);
}

TEST(PrecisionUpdateNotice, WhatTheTermsIncludeIsATermEvenWhenItIsAnUpdatedAddendum) {
  const std::string terms = "# Commercial Terms\nThese terms apply to business use of Lumenfield.";
  EXPECT_FALSE(is_update_notice(
      "These terms reflect our updated European Data Transfer Addendum incorporating new clauses effective September 27, 2026."));
  EXPECT_TRUE(notice_change_of(terms + "\nThese terms reflect our updated European Data Transfer Addendum incorporating new "
                                       "clauses effective September 27, 2026.",
                               terms)
                  .substantive);
  EXPECT_TRUE(is_update_notice("We have updated this addendum, effective from 7 September 2026."));
}

TEST(PrecisionUpdateNotice, AnAnnouncementForMayReplacedByItsDateIsCosmetic) {
  const std::string terms = "\nYou keep the rights in what you post.";
  EXPECT_FALSE(notice_change_of("# Privacy Policy\nThis version of the Privacy Policy will go into effect on May 15, "
                                "2026. Until then, the current Privacy Policy continues to apply." + terms,
                                "# Privacy Policy\nEffective: May 15, 2026" + terms)
                   .substantive);
}

TEST(PrecisionUpdateNotice, TermsThatNameTheDocumentBesideTheAnnouncementStaySubstantive) {
  const std::string terms = "\nYou keep the rights in what you post.";
  EXPECT_TRUE(notice_change_of("# Terms of Service\nThis version of the Terms of Service will go into effect on January "
                               "15, 2026. These Terms are governed by the laws of Delaware. Fees under these Terms are "
                               "non-refundable." + terms,
                               "# Terms of Service\nEffective: January 15, 2026" + terms)
                  .substantive);
}

TEST(PrecisionUpdateNotice, ABannersSentenceThatIsNotAboutTheUpdateStaysSubstantive) {
  const std::string terms = "# Privacy Policy\nLumenfield keeps chats for 30 days.";
  EXPECT_TRUE(notice_change_of("Policy updated on Feb 11, 2026. This update adds a section on AI. We never sell your data.\n" +
                                   terms,
                               terms)
                  .substantive);
}

TEST(PrecisionUpdateNotice, ABannerWithATermOrAClauseBesideItStaysSubstantive) {
  const std::string terms = "# Data Transfer Addendum\nThis addendum applies when Lumenfield transfers your data.";
  const std::string notice = "_We have updated this addendum, effective from 7 September 2026.";
  EXPECT_TRUE(notice_change_of(notice + " This change means we may transfer your data to any country._\n" + terms, terms)
                  .substantive);
  EXPECT_TRUE(notice_change_of(notice + " Learn more about this update._\nWe transfer data to Lumenfield Inc.\n" + terms, terms)
                  .substantive);
}

TEST(PrecisionUpdateNotice, ANoticeTakenDownIsCosmetic) {
  const Change change = notice_change_of(
      "# Privacy Policy\nWe updated our Privacy Policy on March 9, 2026. View our previous policy.\nWe keep chats for 30 days.",
      "# Privacy Policy\nWe keep chats for 30 days.");
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"update_notice"}));
}

TEST(PrecisionUpdateNotice, ANoticeInTheFutureTensePointingToTheCurrentVersionTakenDownIsCosmetic) {
  // The modal of a coming into effect, or of a pointer to the version in force, binds no one.
  EXPECT_TRUE(is_update_notice("This updated Privacy Policy will be effective April 30, 2026."));
  EXPECT_TRUE(is_update_notice("Until the effective date, you can view our current Privacy Policy."));
  EXPECT_FALSE(is_update_notice("Under the new Terms effective 1 May 2026, Lumenfield owns the designs you upload."));
  const Change change = notice_change_of(
      "# Privacy Policy\nThis updated Privacy Policy will be effective April 30, 2026. Until the effective date, you "
      "can view our current Privacy Policy .\nWe keep chats for 30 days.",
      "# Privacy Policy\nWe keep chats for 30 days.");
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"update_notice"}));
  // Twins: any other modal, a duty beside the pointer, a right to one's data.
  EXPECT_FALSE(is_update_notice("This updated Privacy Policy will be effective April 30, 2026, and you must accept it."));
  EXPECT_FALSE(is_update_notice("You can view our current Privacy Policy and we will notify you of changes."));
  EXPECT_FALSE(is_update_notice("Changes to this Privacy Policy will take effect on the date we publish them."));
  EXPECT_TRUE(notice_change_of("# Privacy Policy\nYou can view and download your data at any time.\nWe keep chats for 30 days.",
                               "# Privacy Policy\nWe keep chats for 30 days.")
                  .substantive);
}

TEST(PrecisionUpdateNotice, ANoticeTakenDownFromAParagraphIsCosmetic) {
  const Change change = notice_change_of(
      "# Privacy Policy\nHow we use data for AI. We are still delaying this change. Other news We updated our Privacy "
      "Policy on May 5, 2026. View our previous policy.\nWe keep chats for 30 days.",
      "# Privacy Policy\nHow we use data for AI. We are still delaying this change. View our previous policy.\n"
      "We keep chats for 30 days.");
  EXPECT_FALSE(change.substantive);
}

TEST(PrecisionUpdateNotice, AClauseAboutChangesTakenDownStaysSubstantive) {
  const Change change = notice_change_of(
      "# Privacy Policy\nWe will notify you 30 days before changes to this policy take effect.\nWe keep chats for 30 days.",
      "# Privacy Policy\nWe keep chats for 30 days.");
  EXPECT_TRUE(change.substantive);
}

TEST(PrecisionUpdateNotice, ANoticeTakenDownWithAClauseLeavesTheClauseSubstantive) {
  const Change change = notice_change_of(
      "# Privacy Policy\nPolicy updated on Feb 11, 2026.\nWe keep chats for 30 days.\nWe never sell your data.",
      "# Privacy Policy\nWe keep chats for 30 days.");
  EXPECT_TRUE(change.substantive);
}

TEST(PrecisionUpdateNotice, ANoticePutUpIsNewsAloneAndCosmeticBesideTheChangeItAnnounces) {
  const std::string before = "# Privacy Policy\nIntro.\nWe keep chats for 30 days.\nWe never sell your data.";
  const Change alone = notice_change_of(before, "# Privacy Policy\nOur new Privacy Policy comes into effect on 2 October 2026.\n"
                                         "Intro.\nWe keep chats for 30 days.\nWe never sell your data.");
  EXPECT_TRUE(alone.substantive);
  const Change beside = notice_change_of(before, "# Privacy Policy\nOur new Privacy Policy comes into effect on 2 October 2026.\n"
                                          "Intro.\nWe keep chats for 30 days.\nWe may sell your data.");
  ASSERT_EQ(beside.hunks.size(), 2u);
  EXPECT_EQ(beside.hunks[0].cosmetic_kinds, (Kinds{"update_notice"}));
  EXPECT_FALSE(beside.hunks[1].cosmetic);
}

// Contrib replay: a music platform's banner taken down, "Your Privacy is important." over the
// notice that the policy's language was updated to read better. Twins: a platitude beside a
// clause, the form named beside a new term.
TEST(PrecisionUpdateNotice, ABannerOnTheDocumentsLanguageUpdatedTakenDownIsCosmetic) {
  EXPECT_TRUE(is_update_notice("As of today (1 September 2021), we've updated the language in our Privacy Policy to improve "
                               "readability so it's easier to understand."));
  EXPECT_FALSE(notice_change_of("# Privacy Policy\nYour Privacy is important. As of today (1 September 2021), we have updated "
                                "the language in our Privacy Policy.\nWe keep chats for 30 days.",
                                "# Privacy Policy\nWe keep chats for 30 days.")
                   .substantive);
  EXPECT_TRUE(notice_change_of("# Privacy Policy\nYour privacy is important. We never sell your data.\nWe keep chats for 30 days.",
                               "# Privacy Policy\nWe keep chats for 30 days.")
                  .substantive);
  EXPECT_FALSE(is_update_notice("On 1 September 2021, we updated the language in our Privacy Policy, and we now share your "
                                "data with advertisers."));
}

}  // namespace
}  // namespace tosdiff
