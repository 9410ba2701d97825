// A label right above a section's heading made to read as that heading (issue 11: a replay of a
// platform's community standards alerted on "and" put into a breadcrumb's last item). The
// label is navigation; a sentence above a heading, a label renamed into another name, and a
// heading renamed with its label stay news. The texts are our own.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

Change label_change_of(const std::string& before, const std::string& after) {
  return diff_texts(parse_text(before), parse_text(after));
}

std::string standards(const std::string& label, const std::string& heading = "Fraud and Deceptive Practices") {
  return "# Community Standards\nWe remove content that breaks these rules.\nHome\nPolicies\nCommunity Standards\n" +
         label + "\n# " + heading + "\nDo not post offers of fake documents.\nDo not run pyramid schemes.";
}

TEST(HeadingLabels, ABreadcrumbMadeToReadAsTheHeadingBelowIsNavigation) {
  const Change change = label_change_of(standards("Fraud Deceptive Practices"), standards("Fraud and Deceptive Practices"));
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"navigation"}));
  // And back: the label drifting from the heading by a word.
  EXPECT_FALSE(label_change_of(standards("Fraud and Deceptive Practices"), standards("Fraud & Deceptive Practices")).substantive);
}

TEST(HeadingLabels, ASentenceOrAnotherNameAboveAHeadingStaysNews) {
  // A label renamed into another name (more than two words apart from the heading).
  EXPECT_TRUE(label_change_of(standards("Scams"), standards("Fraud and Deceptive Practices")).substantive);
  // The heading renamed with its label: the section's name changed.
  EXPECT_TRUE(label_change_of(standards("Fraud Practices", "Fraud Practices"),
                        standards("Fraud and Deceptive Practices", "Fraud and Deceptive Practices"))
                  .substantive);
  // A sentence right above a heading, one word from it: a provision, not a label.
  const std::string before = "# Terms\nWe may suspend accounts for fraud and scams.\n## Fraud and scams\nWe report fraud.";
  const std::string after = "# Terms\nWe may suspend accounts for fraud and scams at once.\n## Fraud and scams\nWe report fraud.";
  EXPECT_TRUE(label_change_of(before, after).substantive);
  // A label changed that is not right above the heading it would match.
  EXPECT_TRUE(label_change_of("# Terms\nFraud Practices\nWe report fraud.\n## Fraud and Practices\nText.",
                        "# Terms\nFraud and Practices\nWe report fraud.\n## Fraud and Practices\nText.")
                  .substantive);
}

}  // namespace
}  // namespace tosdiff
