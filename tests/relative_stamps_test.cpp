// A help centre's relative date stamp (issue 11: a replay of the unseen contrib collection
// alerted each time a comment platform's help-centre terms went from "Updated over a week
// ago" to "over 2 weeks ago", then to the date it stood for). The stamp aging, or written as a
// date, is cosmetic (date_stamp); a clause naming a past time, and a stamp beside a new
// clause, stay news. The texts are our own.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/relative_stamps.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

std::string help_article(const std::string& stamp, const std::string& clause = "") {
  return "# Terms of Service\n"
         "Written by Orbit Support. " + stamp + "\n"
         "These terms govern your use of the Orbit comment widget on your site.\n"
         "You must not post content that infringes the rights of others.\n" + clause;
}

TEST(RelativeStamps, StampsAreReadInSevenLanguages) {
  for (const char* stamp : {"Updated over a week ago", "Updated 3 days ago by Ann Lee", "Last updated: about a year ago",
                            "Written by Orbit. Updated over 2 weeks ago", "Updated today", "5 months ago",
                            "Mis à jour il y a plus de 2 mois", "Aktualisiert vor einer Woche",
                            "Vor 3 Tagen aktualisiert", "Actualizado hace un mes", "Aggiornato 2 settimane fa",
                            "3 weken geleden bijgewerkt", "Atualizado há um ano"})
    EXPECT_TRUE(is_relative_stamp(stamp)) << stamp;
  for (const char* clause : {"We delete data collected over a year ago.", "Today we changed these terms.",
                             "Terms updated", "ago", "Updated the list of partners a week ago to add Acme",
                             "Data you gave us 3 days ago may still be in our backups for 30 days."})
    EXPECT_FALSE(is_relative_stamp(clause)) << clause;
}

// The help article's stamp replaced, and nothing else: one cosmetic hunk of `kind`.
void expect_one_cosmetic_stamp(const std::string& before, const std::string& after,
                               const std::string& kind = "date_stamp") {
  const Change change = diff_texts(parse_text(help_article(before)), parse_text(help_article(after)));
  ASSERT_EQ(change.hunks.size(), 1u) << after;
  EXPECT_FALSE(change.substantive) << after;
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{kind})) << after;
}

TEST(RelativeStamps, AStampAgingIsCosmetic) { expect_one_cosmetic_stamp("Updated over a week ago", "Updated over 2 weeks ago"); }

TEST(RelativeStamps, AStampWrittenAsItsDateIsCosmetic) {
  expect_one_cosmetic_stamp("Updated over 11 months ago", "Updated May 14, 2025");
}

// Negative twin: the stamp aging beside a new clause; the clause is news.
TEST(RelativeStamps, AStampBesideANewClauseLeavesTheClauseNews) {
  const Change change =
      diff_texts(parse_text(help_article("Updated over a week ago")),
                 parse_text(help_article("Updated today", "We may use your comments to train our ranking models.\n")));
  EXPECT_TRUE(change.substantive);
  ASSERT_EQ(change.hunks.size(), 2u);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"date_stamp"}));
  EXPECT_FALSE(change.hunks[1].cosmetic);
}

// Negative twin: a clause naming a past time is no stamp.
TEST(RelativeStamps, AClauseNamingAPastTimeIsNews) {
  const Change change = diff_texts(parse_text(help_article("Updated today", "We delete logs collected over a week ago.\n")),
                                   parse_text(help_article("Updated today", "We delete logs collected over a year ago.\n")));
  EXPECT_TRUE(change.substantive);
}

TEST(RelativeStamps, AStampsTimeOfDayMovingOnTheSameDayIsCosmetic) {
  expect_one_cosmetic_stamp("2024-06-17 05:41", "2024-06-17 11:11");
}

// Negative twin: another day, with its time, is a new date.
TEST(RelativeStamps, AStampsNewDayIsNews) {
  EXPECT_TRUE(diff_texts(parse_text(help_article("2024-06-17 05:41")), parse_text(help_article("2024-06-18 11:11"))).substantive);
}

TEST(RelativeStamps, ALongerStampsTimeOfDayMovingIsCosmetic) {
  EXPECT_FALSE(diff_texts(parse_text(help_article("Last updated on May 3, 2025 at 10:02 AM")),
                          parse_text(help_article("Last updated on May 3, 2025 at 4:13 PM")))
                   .substantive);
}

// A help article saved again: its stamp names the author (contrib replay: a food app's help
// centre, 25 saves in two years with nothing else changed).
// Contrib replay: a news network's terms, its template's publication stamp with a clock put
// above them. Put on or taken off alone, such a stamp is cosmetic; a date without a clock, a
// stamp's date changed, or a clause with a time stays news.
TEST(RelativeStamps, APublicationStampWithAClockPutOnOrTakenOffIsCosmetic) {
  const std::string body = "These Terms of Use were last updated on June 14, 2021.\nThese terms govern your use of the Orbit "
                           "news site.\nYou must not copy our articles.\n";
  const std::string head = "# Terms of Use\n", terms = head + body;
  for (const char* stamp : {"Updated 1639 GMT (0039 HKT) June 14, 2021", "Published 10:32 AM ET, Mon June 14, 2021"}) {
    for (const auto& [before, after] : std::vector<std::pair<std::string, std::string>>{
             {terms, head + stamp + "\n" + body}, {head + stamp + "\n" + body, terms}}) {
      const Change change = diff_texts(parse_text(before), parse_text(after));
      ASSERT_EQ(change.hunks.size(), 1u) << stamp;
      EXPECT_FALSE(change.substantive) << stamp;
      EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"date_stamp"}));
    }
  }
  // The page's only date written with its time, or a stamp moved and changed: news (the fourth
  // review's finds).
  const std::string undated = "These terms govern your use of the Orbit news site.\nYou must not copy our articles.\n";
  EXPECT_TRUE(diff_texts(parse_text(head + "Updated 09:00 UTC, February 2, 2026\n" + undated), parse_text(head + undated)).substantive);
  EXPECT_TRUE(diff_texts(parse_text(head + "Updated 1639 GMT June 14, 2021\n" + body),
                         parse_text(head + body + "Updated 1639 GMT June 20, 2021\n"))
                  .substantive);
  // The document's own date line written with its time (the third review's find).
  EXPECT_TRUE(diff_texts(parse_text(head + "Last updated 09:00 UTC on March 3, 2026\n" + body), parse_text(terms)).substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms), parse_text(head + "Effective June 14, 2021\n" + body)).substantive);
  EXPECT_TRUE(diff_texts(parse_text(head + "Updated 1639 GMT June 14, 2021\n" + body),
                         parse_text(head + "Updated 1639 GMT June 20, 2021\n" + body))
                  .substantive);
  EXPECT_TRUE(diff_texts(parse_text(terms), parse_text(head + "From 10:00 GMT June 14, 2021 accounts are deleted\n" + body))
                  .substantive);
}

TEST(RelativeStamps, AHelpArticlesSaveStampIsCosmeticEvenAlone) {
  expect_one_cosmetic_stamp("Updated 2024-11-08T17:14:28Z by Louise", "Updated 2024-11-14T16:46:26Z by Louise");
  expect_one_cosmetic_stamp("Last edited on May 3, 2025 by Ann Lee", "Last edited on June 9, 2025 by Ann Lee");
}

// Negative twins: a document's new date of effect, no author named, is news alone; and what
// was updated, said between the update word and the author, is no stamp.
TEST(RelativeStamps, WhatWasUpdatedSaidBeforeTheAuthorIsNews) {
  EXPECT_TRUE(diff_texts(parse_text(help_article("Updated the list of partners on May 3, 2025 by Ann")),
                         parse_text(help_article("Updated the list of processors on June 9, 2025 by Ann")))
                  .substantive);
}

// Negative twins (a red team's finds): the one who answers for the text named by its contact
// or as a company, switched, is news.
TEST(RelativeStamps, AStampNamingAContactOrACompanyIsNoSaveStamp) {
  for (const auto& [before, after] : std::vector<std::pair<const char*, const char*>>{
           {"Last updated 1 March 2025 by our DPO, dpo@example.com", "Last updated 1 March 2025 by our DPO, dpo@othercorp.com"},
           {"Updated 1 March 2025 by Example Inc, www.example.com", "Updated 1 March 2025 by Othercorp LLC, www.othercorp.com"},
           {"Updated 1 March 2025 by Example Ltd", "Updated 9 June 2025 by Othercorp Ltd"}})
    EXPECT_TRUE(diff_texts(parse_text(help_article(before)), parse_text(help_article(after))).substantive) << after;
}

// Negative twin: a document's new date of effect, no author named, is news alone.
TEST(RelativeStamps, ANewDateOfEffectWithoutAnAuthorIsNews) {
  EXPECT_TRUE(diff_texts(parse_text(help_article("Last updated May 3, 2025")), parse_text(help_article("Last updated June 9, 2025")))
                  .substantive);
}

// A help article's byline: who wrote it, not what it says.
TEST(RelativeStamps, AHelpArticlesBylineIsAPageControl) {
  const Change change = diff_texts(parse_text(help_article("Updated today") + "Written by Ann Lee and 2 others\n"),
                                   parse_text(help_article("Updated today") + "Written by Ann Lee and 3 others\n"));
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"page_control"}));
}

// Negative twin: a sentence opening with "By" is no byline.
TEST(RelativeStamps, ASentenceOpeningWithByIsNews) {
  EXPECT_TRUE(diff_texts(parse_text(help_article("Updated today") + "By using Orbit you agree to arbitration\n"),
                         parse_text(help_article("Updated today") + "By using Orbit you waive arbitration\n"))
                  .substantive);
}

// An article's header above terms on a help centre (contrib replay: an exchange's terms, the
// update stamp and reading time glued after the date of publication, then dropped).
std::string article(const std::string& header) {
  return "# Terms of Service\n" + header + "\n"
         "These terms govern your use of the Orbit exchange and its wallet services.\n"
         "You must not use the exchange from a country where it is not licensed.\n";
}

TEST(RelativeStamps, AnArticlesUpdateStampAndReadingTimeBesideItsPublicationAreCosmetic) {
  for (const auto& [before, after] : std::vector<std::pair<std::string, std::string>>{
           {"Published on May 9, 2024Updated on May 9, 202448 min read", "Published on May 9, 2024"},
           {"Published on Sep 11, 2023Updated on Aug 5, 20245 min read", "Published on Sep 11, 2023"},
           {"Published on Sep 11, 2023 \xC2\xB7 Updated on Aug 5, 2024 \xC2\xB7 5 min read",
            "Published on Sep 11, 2023 \xC2\xB7 5 min read"},
           {"Publi\xC3\xA9 le 9 mai 2024 \xC2\xB7 12 min de lecture", "Publi\xC3\xA9 le 9 mai 2024 \xC2\xB7 13 min de lecture"}}) {
    const Change change = diff_texts(parse_text(article(before)), parse_text(article(after)));
    ASSERT_EQ(change.hunks.size(), 1u) << after;
    EXPECT_FALSE(change.substantive) << after;
    EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"date_stamp"})) << after;
  }
}

// Negative twins: a new date of publication; a sentence about reading; a new update date.
TEST(RelativeStamps, AnArticlesNewPublicationOrASentenceAboutReadingIsNews) {
  EXPECT_TRUE(diff_texts(parse_text(article("Published on May 9, 2024 \xC2\xB7 48 min read")),
                         parse_text(article("Published on June 2, 2025 \xC2\xB7 48 min read")))
                  .substantive);
  EXPECT_TRUE(diff_texts(parse_text(article("Published on May 9, 2024")),
                         parse_text(article("Published on May 9, 2024. You must take 10 min read")))
                  .substantive);
  // A review's find: the update stamp's new date is the article's, and the terms' when they are
  // that article.
  EXPECT_TRUE(diff_texts(parse_text(article("Published on May 9, 2024 \xC2\xB7 Last updated on Aug 5, 2024 \xC2\xB7 48 min read")),
                         parse_text(article("Published on May 9, 2024 \xC2\xB7 Last updated on Jan 7, 2025 \xC2\xB7 48 min read")))
                  .substantive);
}

}  // namespace
}  // namespace tosdiff
