// What a page shows in its ad slots (issue 11: a replay of the unseen contrib collection alerted
// 61 times on a magazine's privacy policy, each time the giveaway in its sidebar changed). An ad
// slot's content is cosmetic (advertisement); a policy's own section on ads, a clause beside the
// label, and a long block after it stay news. The texts are our own.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/compare/ad_slots.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

const std::string kMagazinePolicy =
    "# Privacy policy\n"
    "Lumen Magazine collects the data you give when you enter a giveaway, and uses it to run the giveaway.\n"
    "## Ads\n"
    "We show ads chosen from the pages you read on our site, and you can turn this off in your settings.\n";

std::string sidebar(const std::string& giveaway) {
  return "Advertisement\ndaily giveaways\n" + giveaway + "\nEnter Now see more giveaways\nAdvertisement\nSpecial Offers\n";
}

TEST(AdSlots, TheGiveawayInTheSidebarIsCosmetic) {
  const Change change = diff_texts(parse_text(kMagazinePolicy + sidebar("Makeup Bag Giveaway")),
                                   parse_text(kMagazinePolicy + sidebar("Anaheim Hotel Getaway Giveaway")));
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"advertisement"}));
}

// Negative twin: the policy's own section on ads is no ad slot.
TEST(AdSlots, APolicysSectionOnAdsIsNews) {
  std::string changed = kMagazinePolicy;
  changed.replace(changed.find("you can turn this off in your settings"), 38, "you cannot turn this off");
  EXPECT_TRUE(diff_texts(parse_text(kMagazinePolicy + sidebar("Makeup Bag Giveaway")),
                         parse_text(changed + sidebar("Makeup Bag Giveaway")))
                  .substantive);
}

// Negative twins: the label taken away with a clause, or a long block after the label.
TEST(AdSlots, TheLabelTakenAwayOrALongBlockAfterItIsNews) {
  const Text text = parse_text(kMagazinePolicy + "Advertisement\nWe share the e-mail address you give for a giveaway with its sponsor, "
                                         "who may write to you about its products for two years.\n");
  EXPECT_FALSE(in_ad_slot(text, text.blocks.size() - 1));
  EXPECT_TRUE(diff_texts(parse_text(kMagazinePolicy + sidebar("Makeup Bag Giveaway")), parse_text(kMagazinePolicy)).substantive);
}

}  // namespace
}  // namespace tosdiff
