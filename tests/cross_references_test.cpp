// A cross-reference corrected to the section it always meant (issue 11: replays of the unseen
// contrib and pga collections alerted on an ad network's controller terms whose "9.2 (Processor
// Terms)" became "9.4 (No Effect on Processor Terms)", the text's 9.4 being that section, and on a
// social network's privacy policy whose "Section 2 “How We Share ...”" became "Section 3", as the
// text said elsewhere). Such a correction is cosmetic; a reference moved from a right section to
// another, or to a number the text does not title so, and any other word changed beside it, stay
// news. The texts are our own.

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "tosdiff/compare/cross_references.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

std::string controller_terms(const std::string& precedence) {
  return "# Lumenfield Controller Terms\n"
         "4.1 Processing. Each party will process personal data in line with the law that applies to it.\n"
         "4.2 Restrictions on Processing. Neither party will sell the personal data it receives.\n"
         "9.1 Order of Precedence. " + precedence + "\n"
         "9.2 Additional Commercial Clauses. The agreement remains in full force and effect.\n"
         "9.3 No Modification of the Clauses. Nothing here modifies the standard contractual clauses.\n"
         "9.4 No Effect on Processor Terms. These terms do not affect any processor terms between the parties.\n";
}

Change references_change_of(const std::string& before, const std::string& after) {
  return diff_texts(parse_text(before), parse_text(after));
}

TEST(CrossReferences, ReferencesAreRead) {
  std::string rest;
  const auto refs = section_references("subject to Sections 4.2 (Restrictions on Processing) and 9.2 (Processor Terms), the", &rest);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].number, "4.2");
  EXPECT_EQ(refs[0].title, "restrictions on processing");
  EXPECT_EQ(refs[1].number, "9.2");
  EXPECT_EQ(refs[1].title, "processor terms");
  EXPECT_EQ(section_references("see Section 14.12(a) below", nullptr).at(0).number, "14.12(a)");
  EXPECT_TRUE(section_references("within 30 days of the notice", nullptr).empty());
}

TEST(CrossReferences, AReferenceCorrectedToTheSectionOfItsTitleIsCosmetic) {
  const Change change = references_change_of(
      controller_terms("Subject to Sections 4.2 (Restrictions on Processing) and 9.2 (Processor Terms), these terms prevail."),
      controller_terms("Subject to Sections 4.2 (Restrictions on Processing) and 9.4 (No Effect on Processor Terms), these terms prevail."));
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"cross_reference"}));
}

TEST(CrossReferences, AReferenceCorrectedAsTheTextSaysElsewhereIsCosmetic) {
  const std::string tail =
      "## How we share the information we collect\nWe share your information with service providers only.\n"
      "All the categories above may be shared as described in Section 3 \xE2\x80\x9CHow We Share the Information We Collect\xE2\x80\x9D.\n";
  const Change change = references_change_of(
      "# Privacy Policy\nWe do not sell your information (see Section 2 \xE2\x80\x9CHow We Share the Information We Collect\xE2\x80\x9D below).\n" + tail,
      "# Privacy Policy\nWe do not sell your information (see Section 3 \xE2\x80\x9CHow We Share the Information We Collect\xE2\x80\x9D below).\n" + tail);
  EXPECT_FALSE(change.substantive);
}

// Negative twins: a right reference moved to another section; a reference moved to a number the
// text titles otherwise; a word changed beside the correction.
TEST(CrossReferences, AReferenceMovedOrAWordBesideItIsNews) {
  EXPECT_TRUE(references_change_of(
                  controller_terms("Subject to Section 9.2 (Additional Commercial Clauses), these terms prevail."),
                  controller_terms("Subject to Section 9.3 (No Modification of the Clauses), these terms prevail."))
                  .substantive);
  EXPECT_TRUE(references_change_of(
                  controller_terms("Subject to Section 9.2 (Processor Terms), these terms prevail."),
                  controller_terms("Subject to Section 9.3 (Processor Terms), these terms prevail."))
                  .substantive);
  EXPECT_TRUE(references_change_of(
                  controller_terms("Subject to Section 9.2 (Processor Terms), these terms prevail."),
                  controller_terms("Subject to Section 9.4 (No Effect on Processor Terms), these terms do not prevail."))
                  .substantive);
  EXPECT_TRUE(references_change_of(
                  controller_terms("Subject to Section 9.2, these terms prevail."),
                  controller_terms("Subject to Section 9.3, these terms prevail."))
                  .substantive);
}

// A review's finds, each news: a number after a reference read as a quantity changed; a
// reference with the wrong number but a clear title moved to another clause; a reference that
// pointed nowhere now pointing to the arbitration clause.
TEST(CrossReferences, QuantitiesAndRetargetedReferencesAreNews) {
  std::string rest;
  EXPECT_EQ(section_references("on the date set out in Section 10.1, or 30 days after the invoice", &rest).size(), 1u);
  EXPECT_EQ(section_references("limited as provided in Section 11 or 100 euros, whichever is greater", nullptr).size(), 1u);
  EXPECT_EQ(section_references("under Clause 6 and 90 days' written notice", nullptr).size(), 1u);
  const std::string fees = "10. Fees. You pay the fees on the date set out in your order form.\n";
  EXPECT_TRUE(references_change_of(controller_terms("Payment is due on the date set out in Section 10.1, or 30 days after the invoice date.") + fees,
                                   controller_terms("Payment is due on the date set out in Section 10.1, or 10 days after the invoice date.") + fees)
                  .substantive);
  const std::string more = "11.1 Cap. Liability is capped at the fees paid.\n12. Arbitration. Disputes go to binding arbitration.\n";
  EXPECT_TRUE(references_change_of(controller_terms("Subject to Section 9.5 (Processor Terms), these terms prevail.") + more,
                                   controller_terms("Subject to Section 11.1 (Cap), these terms prevail.") + more)
                  .substantive);
  EXPECT_TRUE(references_change_of(controller_terms("Any dispute about an order form is resolved as described in Section 16.") + more,
                                   controller_terms("Any dispute about an order form is resolved as described in Section 12.") + more)
                  .substantive);
  // The renumbering's step, without titles, stays a correction.
  EXPECT_FALSE(references_change_of(controller_terms("These terms prevail, except as Section 10.4 says.") ,
                                    controller_terms("These terms prevail, except as Section 9.4 says."))
                   .substantive);
}

// The words naming what a number is put before it or taken away, the number the same ("le
// point 5.4" / "5.4", france replay): the same provision.
TEST(CrossReferences, AReferencesWordDroppedBeforeTheSameNumberIsCosmetic) {
  const auto terms = [](const std::string& reference) {
    return "# Conditions\nConcernant " + reference + " : les frais d'annulation ne s'appliquent pas.\n## Contact\n"
           "Write to us.\n";
  };
  for (const auto& [before, after] : std::vector<std::pair<std::string, std::string>>{
           {"le point 5.4", "5.4"}, {"l'article 6", "6"}, {"5.4", "la section 5.4"}}) {
    const Change change = references_change_of(terms(before), terms(after));
    EXPECT_FALSE(change.substantive) << before << " / " << after;
  }
  EXPECT_FALSE(references_change_of("# T\nSee Section 9.2 for details.\n", "# T\nSee 9.2 for details.\n").substantive);
  // Twins: another number; a word that names no reference dropped too.
  EXPECT_TRUE(references_change_of(terms("le point 5.4"), terms("5.5")).substantive);
  EXPECT_TRUE(references_change_of(terms("le point 5.4"), terms("5.4 et 5.5")).substantive);
  EXPECT_TRUE(references_change_of("# T\nSee Section 9.2 for details.\n", "# T\nSee 9.2 for all details.\n").substantive);
}

}  // namespace
}  // namespace tosdiff
