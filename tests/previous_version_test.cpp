// A previous version of the terms kept on the page under the new one, taken down once the new
// one is in effect (compare/previous_version.hpp), and its negative twins: a section removed
// from the end, a dated block whose words are gone from the page, a copy in the middle. The
// texts are our own.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

// Twelve clauses of Lumenfield's terms; `revised` rewrites the fourth and the ninth.
std::string lumen_clauses(bool revised) {
  std::string out;
  for (int i = 1; i <= 12; ++i) {
    if (revised && (i == 4 || i == 9))
      out += "Clause " + std::to_string(i) + " as revised: Lumenfield may suspend accounts that break rule " +
             std::to_string(i) + " after one warning.\n";
    else
      out += "Clause " + std::to_string(i) + ": you keep the rights in what you post under rule " + std::to_string(i) +
             ", and Lumenfield may show it to your followers.\n";
  }
  return out;
}

const std::string kTermsInForce = "# Terms of Service\nEffective: September 29, 2026\n" + lumen_clauses(true);

TEST(PrecisionPreviousVersion, ThePreviousTermsKeptBelowTheNewOnesTakenDownAreCosmetic) {
  const std::string before = kTermsInForce +
                             "We have made some updates to our Terms of Service. The current Terms of Service are below.\n"
                             "## Current Terms of Service\n## Effective until September 29, 2026\n" +
                             lumen_clauses(false);
  const Change change = diff_texts(parse_text(before), parse_text(kTermsInForce));
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"previous_version"}));
}

TEST(PrecisionPreviousVersion, AnArchiveOfThePreviousTermsAboveTheFooterTakenDownIsCosmetic) {
  const std::string before = kTermsInForce + "## Archive of Previous Terms\n" + lumen_clauses(false) + "Contact us\nSite map\n";
  const Change change = diff_texts(parse_text(before), parse_text(kTermsInForce + "Contact us\nSite map\n"));
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"previous_version"}));
}

// A page that opened with the label of the version in force until a date, showed the new
// version, then the previous one: on the day, the label and the copy go, in two pieces (contrib
// replay: a social network's privacy policy, 5,425 words taken down in four places), and the
// new text is dated that very day.
std::string superseded_below() {
  return "# Privacy Policy\n## Privacy Policy (Effective until August 19, 2026)\nRead this policy in full.\n"
         "Effective: August 19, 2026\n" +
         lumen_clauses(true) + "We have made some updates to our Privacy Policy. The policy in force until then is below.\n" +
         lumen_clauses(false);
}

TEST(PrecisionPreviousVersion, APreviousVersionTakenDownInPiecesIsCosmetic) {
  const std::string after = "# Privacy Policy\nEffective: August 19, 2026\n" + lumen_clauses(true);
  const Change change = diff_texts(parse_text(superseded_below()), parse_text(after));
  ASSERT_GE(change.hunks.size(), 2u);
  EXPECT_FALSE(change.substantive);
  for (const Hunk& hunk : change.hunks) EXPECT_EQ(hunk.cosmetic_kinds, (Kinds{"previous_version"}));
}

// Negative twins: the new text dated another day, or a clause put in, is news.
TEST(PrecisionPreviousVersion, PiecesTakenDownBesideAnotherDateOrANewClauseAreNews) {
  const std::string other_day = "# Privacy Policy\nEffective: October 1, 2026\n" + lumen_clauses(true);
  EXPECT_TRUE(diff_texts(parse_text(superseded_below()), parse_text(other_day)).substantive);
  const std::string with_clause =
      "# Privacy Policy\nEffective: August 19, 2026\n" + lumen_clauses(true) + "We sell your location to brokers.\n";
  EXPECT_TRUE(diff_texts(parse_text(superseded_below()), parse_text(with_clause)).substantive);
  // A clause both versions said taken out of the terms in force on the day the copy goes (a red
  // team's find): the page no longer says it at all.
  std::string without_fifth = lumen_clauses(true);
  const std::size_t fifth = without_fifth.find("Clause 5:");
  without_fifth.erase(fifth, without_fifth.find('\n', fifth) + 1 - fifth);
  const Change dropped =
      diff_texts(parse_text(superseded_below()), parse_text("# Privacy Policy\nEffective: August 19, 2026\n" + without_fifth));
  EXPECT_TRUE(dropped.substantive);
}

TEST(PrecisionPreviousVersion, SectionsRemovedFromTheEndStaySubstantive) {
  std::string annex = "## Annex: data we share (previous version)\n";
  for (int i = 1; i <= 12; ++i)
    annex += "We share your location with partner " + std::to_string(i) + " for advertising in region " +
             std::to_string(i) + ".\n";
  const Change change = diff_texts(parse_text(kTermsInForce + annex), parse_text(kTermsInForce));
  EXPECT_TRUE(change.substantive);
}

TEST(PrecisionPreviousVersion, ADatedOfferWhoseWordsAreGoneStaysSubstantive) {
  std::string offer = "## Launch offer, valid until December 31, 2026\n";
  for (int i = 1; i <= 12; ++i)
    offer += "Subscribers in country " + std::to_string(i) + " get a refund of their first month on request.\n";
  const Change change = diff_texts(parse_text(kTermsInForce + offer), parse_text(kTermsInForce));
  EXPECT_TRUE(change.substantive);
}

TEST(PrecisionPreviousVersion, APreviousCopyTakenFromTheMiddleStaysSubstantive) {
  std::string tail;
  for (int i = 1; i <= 6; ++i)
    tail += "## Section " + std::to_string(20 + i) + "\nLumenfield keeps backups of your posts for " + std::to_string(i) +
            " months.\n";
  const std::string copy = "## Previous Terms of Service, effective until September 29, 2026\n" + lumen_clauses(false);
  const Change change = diff_texts(parse_text(kTermsInForce + copy + tail), parse_text(kTermsInForce + tail));
  EXPECT_TRUE(change.substantive);
}

TEST(PrecisionPreviousVersion, AClauseTakenAwayAboveThePreviousTermsStaysSubstantive) {
  const std::string copy = "## Archive of Previous Terms\n" + lumen_clauses(false);
  const std::string before =
      kTermsInForce + "Class action waiver: you may only bring claims against Lumenfield individually.\n" + copy;
  EXPECT_TRUE(diff_texts(parse_text(before), parse_text(kTermsInForce)).substantive);
}

TEST(PrecisionPreviousVersion, ASectionMovedToTheTopWithAClauseDroppedStaysSubstantive) {
  // The general section moves from the end to the top; its "prior agreement" clause is no
  // label, and its clauses are written once on the old page: a move, not a copy.
  std::string general = "## General\nEntire agreement. These Terms supersede any prior agreement between you and Lumenfield.\n";
  for (int i = 1; i <= 10; ++i)
    general += "General clause " + std::to_string(i) + ": notices to Lumenfield go to its registered office " +
               std::to_string(i) + ".\n";
  const std::string waiver = "Class action waiver: you may only bring claims individually.\n";
  const Change change = diff_texts(parse_text(kTermsInForce + general + waiver), parse_text(general + kTermsInForce));
  EXPECT_TRUE(change.substantive);
}

TEST(PrecisionPreviousVersion, ACopyWithAnAnnouncementAndAHeadingAboveItsLabelIsCosmetic) {
  const std::string before = kTermsInForce +
                             "We have made some updates to our Terms of Service. The updated Terms of Service will go "
                             "into effect on September 29, 2026. The current Terms of Service are below.\n"
                             "## Current Terms of Service\n## Effective until September 29, 2026\n" +
                             lumen_clauses(false);
  EXPECT_FALSE(diff_texts(parse_text(before), parse_text(kTermsInForce)).substantive);
}

}  // namespace
}  // namespace tosdiff

namespace tosdiff {
namespace {

// A link to the version the new terms replaced, put in on its own half a day after them
// (contrib replay: a marketplace's terms): the news was the new terms.
TEST(PrecisionPreviousVersion, ALinkToTheVersionInForceBeforeIsCosmetic) {
  const std::string terms = "# Conditions Générales d'Utilisation\n" + lumen_clauses(true);
  const Change change = diff_texts(
      parse_text(terms),
      parse_text("# Conditions Générales d'Utilisation\n"
                 "Pour consulter la version des Conditions Générales d'Utilisation en vigueur du 20.10.2023 au "
                 "14.01.2024, cliquez ici.\n" +
                 lumen_clauses(true)));
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"previous_version"}));
  const Change english = diff_texts(
      parse_text(terms), parse_text(terms + "To read the previous version of these Terms of Service, click here.\n"));
  EXPECT_FALSE(english.substantive);
}

// A link to the archived edition written as its title, with the copy's own title below it,
// taken away (contrib replay: a messaging app's cookie policy).
TEST(PrecisionPreviousVersion, ALinkTitledWithTheEarlierEditionsMonthIsCosmetic) {
  const std::string terms = "# Cookie Policy\n" + lumen_clauses(true);
  const std::string link = "Previous Cookie Policy August 2025\nLumenfield Cookie Policy August 2025\n";
  const Change change = diff_texts(parse_text(terms + link), parse_text(terms));
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"previous_version"}));
  // Twins: the document's own title and month taken away alone; another month beside the link; a
  // line of the same length that says something.
  EXPECT_TRUE(diff_texts(parse_text(terms + "Lumenfield Cookie Policy August 2025\n"), parse_text(terms)).substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms + "Previous Cookie Policy August 2025\nLumenfield Cookie Policy March 2026\n"),
                         parse_text(terms))
                  .substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms), parse_text(terms + "Previous policy no longer applies since August 2025\n")).substantive);
  // A review's finds: which terms bind whom, in a title's length; another document's title beside the link.
  EXPECT_TRUE(diff_texts(parse_text(terms), parse_text(terms + "Previous Terms of Service August 2025 still govern existing subscribers\n")).substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms), parse_text(terms + "Prior Privacy Policy August 2025 covers accounts opened before March\n")).substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms), parse_text(terms + "Previous Terms of Service August 2025\nLumenfield Arbitration Agreement August 2025\n")).substantive);
}

// The same app's whole list of archived editions, each line the link and the copy's title
// together, the oldest dated by their year alone, taken away at once.
TEST(PrecisionPreviousVersion, AListOfEarlierEditionsDatedByMonthOrYearIsCosmetic) {
  const std::string terms = "# Cookie Policy\n" + lumen_clauses(true);
  const std::string list =
      "- Previous Cookie Policy August 2025 Lumenfield Cookie Policy August 2025\n"
      "- Previous Cookie Policy 2022 Lumenfield Cookie Policy 2022\n- Previous Cookie Policy 2019 Lumenfield Cookie Policy 2019\n";
  const Change change = diff_texts(parse_text(terms + list), parse_text(terms));
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"previous_version"}));
  // The app's privacy policy: the link and the copy's title on one line, dated once, "PDF Version"
  // between them, the link's words shorter than the title's.
  const std::string pdf_list = "- Previous Privacy Policy PDF Version Lumenfield Privacy Policy March 2022\n"
                               "- Previous Policy PDF Version Lumenfield Privacy Policy May 2018\n";
  EXPECT_FALSE(diff_texts(parse_text(terms + pdf_list), parse_text(terms)).substantive);
  // Twins: the years differ on a line; a year's edition named without a word saying it is earlier.
  EXPECT_TRUE(diff_texts(parse_text(terms + "- Previous Policy PDF Version Lumenfield Arbitration Agreement May 2018\n"), parse_text(terms)).substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms), parse_text(terms + "- Prior Terms May Apply To Lumenfield Privacy Policy Subscribers 2018\n")).substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms + "- Previous Cookie Policy 2019 Lumenfield Cookie Policy 2026\n"), parse_text(terms)).substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms + "- Lumenfield Cookie Policy 2026\n"), parse_text(terms)).substantive);
  // A red team's finds: documents whose names open with such a word ("Prior Authorization
  // Policy"), another document beside the link, a rule in capitals, a year once on a line.
  EXPECT_TRUE(diff_texts(parse_text(terms), parse_text(terms + "- Prior Authorization Policy 2025\n")).substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms), parse_text(terms + "- Previous Terms of Service 2024\n- Binding Arbitration Terms 2024\n")).substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms), parse_text(terms + "- Prior Terms of Service 2023 Still Govern Existing Subscribers\n")).substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms), parse_text(terms + "- Archived Content Retention Policy August 2025\n")).substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms + "- Previous Cookie Policy 2024\n- Lumenfield Cookie Policy 2024\n"), parse_text(terms)).substantive);
}

// Negative twins: which version applies, said without a link, and a link to something else.
TEST(PrecisionPreviousVersion, WhichVersionAppliesIsNewsAndSoIsAnotherLink) {
  const std::string terms = "# Terms of Service\n" + lumen_clauses(true);
  EXPECT_TRUE(diff_texts(parse_text(terms),
                         parse_text(terms + "The version of these terms in force from 20.10.2023 to 14.01.2024 applies "
                                            "to orders placed before 15.01.2024.\n"))
                  .substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms),
                         parse_text(terms + "To see how we share your data with advertisers since 14.01.2024, click here.\n"))
                  .substantive);
  // A review's find: a rule about the versions beside the link.
  EXPECT_TRUE(diff_texts(parse_text(terms + "The previous version of these Terms no longer applies to any order placed "
                                            "before 1 May 2026; click here to read it.\n"),
                         parse_text(terms))
                  .substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms + "La version pr\u00e9c\u00e9dente des conditions ne s'applique plus aux "
                                            "commandes pass\u00e9es avant le 1er mai 2026, cliquez ici.\n"),
                         parse_text(terms))
                  .substantive);
}

}  // namespace
}  // namespace tosdiff
