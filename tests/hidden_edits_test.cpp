// Real edits of a policy that one of the comparison's cosmetic rules used to hide, as the
// twenty-ninth session's red team wrote them (synthetic texts), each with its negative twin:
// the noise the rule is for stays cosmetic.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/pointers.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

Change hidden_edit_change(const std::string& before, const std::string& after) {
  return diff_texts(parse_text(before), parse_text(after));
}

std::string privacy(const std::string& paragraph) {
  return "# Privacy Policy\nWe collect the data you give us when you open an account.\n" + paragraph +
         "\nYou may write to our data protection officer at any time.\n";
}

// ---- a sentence's end moved ------------------------------------------------------------------

TEST(HiddenEdits, ASentencesEndMovedIsNewsHoweverTheWordsAreWritten) {
  const std::vector<std::pair<std::string, std::string>> moves = {
      // A contraction written out beside the move.
      {"We do not sell your personal data. For advertising, we share it with our partners.",
       "We don't sell your personal data for advertising. We share it with our partners."},
      // The next sentence opening with a figure.
      {"Refunds are not available. 30 days after purchase, you may cancel your subscription at any time.",
       "Refunds are not available 30 days after purchase. You may cancel your subscription at any time."},
      // An accented capital.
      {"Nous ne vendons jamais vos donn\xC3\xA9" "es. \xC3\x80 des fins publicitaires, nous les partageons avec nos partenaires.",
       "Nous ne vendons jamais vos donn\xC3\xA9" "es \xC3\xA0 des fins publicitaires. Nous les partageons avec nos partenaires."},
      // Far along the sentence.
      {"We do not sell your personal information. To our advertising partners and to data brokers in the United "
       "States and Canada, we disclose device identifiers.",
       "We do not sell your personal information to our advertising partners and to data brokers in the United "
       "States and Canada. We disclose device identifiers."}};
  for (const auto& [before, after] : moves) EXPECT_TRUE(hidden_edit_change(privacy(before), privacy(after)).substantive) << after;
  // Twins: a contraction alone, a comma put in, a sentence split in two stay cosmetic.
  EXPECT_FALSE(hidden_edit_change(privacy("We do not sell your personal data. We share it with our partners."),
                         privacy("We don't sell your personal data. We share it with our partners."))
                   .substantive);
  EXPECT_FALSE(hidden_edit_change(privacy("Refunds are not available. 30 days after purchase you may cancel."),
                         privacy("Refunds are not available. 30 days after purchase, you may cancel."))
                   .substantive);
  EXPECT_FALSE(hidden_edit_change(privacy("We keep your data for a year and we delete it after that year ends."),
                         privacy("We keep your data for a year. And we delete it after that year ends."))
                   .substantive);
}

// ---- a link to another country's edition --------------------------------------------------------

TEST(HiddenEdits, TermsIncorporatedFromAnotherCountrysEditionAreNews) {
  const std::string doc = "# Terms\nYou may cancel at any time.\n";
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{{"ie", "us"}, {"en-ie", "en-us"}})
    EXPECT_TRUE(hidden_edit_change(doc + "Payments are governed by https://acme.example/" + from + "/legal/payment-terms.\n",
                                   doc + "Payments are governed by https://acme.example/" + to + "/legal/payment-terms.\n")
                    .substantive)
        << to;
  // Twins: the same page in another language, or its language given a region.
  EXPECT_FALSE(hidden_edit_change(doc + "Payments are governed by https://acme.example/en/legal/payment-terms.\n",
                                  doc + "Payments are governed by https://acme.example/de/legal/payment-terms.\n")
                   .substantive);
  EXPECT_FALSE(hidden_edit_change(doc + "Payments are governed by https://acme.example/en/legal/payment-terms.\n",
                                  doc + "Payments are governed by https://acme.example/en-gb/legal/payment-terms.\n")
                   .substantive);
}

// ---- who stands behind the site --------------------------------------------------------------

std::string terms_with(const std::string& line) {
  std::string body = "# Terms of Service\n";
  for (int i = 1; i <= 12; ++i)
    body += "Clause " + std::to_string(i) + ": you may not resell the service, and we may suspend an account that breaks "
            "this clause after one warning sent to the address on file.\n";
  return body + line + "\n";
}

TEST(HiddenEdits, ACopyrightLineNamingANewOwnerIsNews) {
  const std::string before = terms_with("\xC2\xA9 2026 Acme Inc. All rights reserved.");
  for (const std::string& after : {std::string("\xC2\xA9 2026 Acme Inc., acquired by Orbix Media. All rights reserved."),
                                   std::string("\xC2\xA9 2026 Acme Inc., a brand of Orbix Media. All rights reserved.")})
    EXPECT_TRUE(hidden_edit_change(before, terms_with(after)).substantive) << after;
  // Twin: another year.
  EXPECT_FALSE(hidden_edit_change(before, terms_with("\xC2\xA9 2019-2026 Acme Inc. All rights reserved.")).substantive);
}

// Pointers are judged with the classifier's topics, in the record builder: here the sentence
// test itself.
TEST(HiddenEdits, APointerNamingTheRepresentativeOrTheAuthorityIsNoPointer) {
  EXPECT_FALSE(is_pointer_sentence("For more information, contact our EU representative, Lumen Privacy Rep GmbH."));
  EXPECT_FALSE(is_pointer_sentence("For more information, contact our EU representative, Orbix Compliance Ltd."));
  EXPECT_FALSE(is_pointer_sentence("For more information, contact the Irish Data Protection Commission."));
  // Twin: a pointer to a page, however worded.
  EXPECT_TRUE(is_pointer_sentence("For more information, see our Privacy Center."));
  EXPECT_TRUE(is_pointer_sentence("To learn more, visit our Privacy Center."));
}

// ---- page notes that say something -------------------------------------------------------------

TEST(HiddenEdits, AViewingNoticeNamingItsAudienceIsNews) {
  const std::string head = "You are viewing the Terms of Service for users in the European Union";
  EXPECT_TRUE(hidden_edit_change(terms_with(head + " and Switzerland."), terms_with(head + ".")).substantive);
  // Twin: the region the page is shown for.
  EXPECT_FALSE(hidden_edit_change(terms_with("You are viewing the Terms of Service for your region."),
                                  terms_with("You are viewing the Terms of Service for your country."))
                   .substantive);
}

TEST(HiddenEdits, ATranslationNoticeSayingWhichTextGovernsIsNews) {
  const std::string notice = "Diese Seite wurde maschinell \xC3\xBC" "bersetzt.";
  EXPECT_TRUE(hidden_edit_change(terms_with(notice), terms_with(notice + " Im Streitfall gilt die englische Fassung."))
                  .substantive);
  EXPECT_TRUE(hidden_edit_change(terms_with("This page was machine translated."),
                                 terms_with("This page was machine translated. If they conflict, the English text controls."))
                  .substantive);
  // Twin: the notice reworded.
  EXPECT_FALSE(hidden_edit_change(terms_with(notice), terms_with("Diese Seite wurde automatisch \xC3\xBC" "bersetzt."))
                   .substantive);
}

// ---- values written as signs --------------------------------------------------------------------

TEST(HiddenEdits, ATrafficLightInASummaryTableIsAValue) {
  const auto table = [](const std::string& sell, const std::string& ads) {
    return privacy("Green means we do it; red means we never do it.\n| What | Do we? |\n| --- | --- |\n| Sell your personal "
                   "data | " + sell + " |\n| Share with advertisers | " + ads + " |");
  };
  const std::string red = "\xF0\x9F\x94\xB4", green = "\xF0\x9F\x9F\xA2", no_entry = "\xF0\x9F\x9A\xAB",
                    thumbs_up = "\xF0\x9F\x91\x8D";
  EXPECT_TRUE(hidden_edit_change(table(red, red), table(green, red)).substantive);
  EXPECT_TRUE(hidden_edit_change(table(red, no_entry), table(red, thumbs_up)).substantive);
  // Twin: a light as a list's bullet taken away.
  EXPECT_FALSE(hidden_edit_change(privacy("- " + green + " We never sell your data."), privacy("- We never sell your data."))
                   .substantive);
}

// ---- a date line moved, its date another -------------------------------------------------------

TEST(HiddenEdits, ADateLineMovedToAnotherDateIsNewsWhereThePageWritesMonthsFirst) {
  const std::string clauses = "These terms are governed by the laws of New York.\nYou may cancel at any time.\n";
  EXPECT_TRUE(hidden_edit_change("# Terms\nEffective: 04/05/2026\n" + clauses,
                                 "# Terms\n" + clauses + "Effective date: May 4, 2026\n")
                  .substantive);
  // Twin: the same date spelled out.
  EXPECT_FALSE(hidden_edit_change("# Terms\nEffective: 04/05/2026\n" + clauses,
                                  "# Terms\n" + clauses + "Effective date: April 5, 2026\n")
                   .substantive);
}

}  // namespace
}  // namespace tosdiff
