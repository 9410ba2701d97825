// A site's chrome put on or taken off whole around unchanged terms (issue 11: a replay of the
// unseen contrib collection alerted when a game publisher's terms lost their menu of games and
// their footer of languages, when a telecom's lost 277 lines of mega-menu, and when a news
// agency's privacy policy gained a menu of products and promotions). Such a piece at the very
// start, or a footer at the very end, is cosmetic; a preamble of sentences, an annex of bare
// names closing the policy, and a menu-like list in the middle stay news. The texts are our own.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/page_chrome.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

const std::string kTerms =
    "# Terms of use of the Lumenfield websites\n"
    "Thank you for visiting this website. It is provided to you by Lumenfield Games, Inc., a company registered in Delaware.\n"
    "PLEASE NOTE THAT THE SECTION BELOW ON DISPUTES CONTAINS A BINDING ARBITRATION AGREEMENT AND A CLASS ACTION WAIVER.\n"
    "Last revised: 19 June 2024\n"
    "## Use of the site\n"
    "You may use the site for your own personal, non-commercial use, and only as these terms and the law allow.\n"
    "You may not copy, modify or distribute the content of the site without our written consent, except as the law allows.\n"
    "## Accounts\n"
    "You are responsible for keeping your password secret and for everything that happens under your account.\n"
    "We may suspend your account if we believe you broke these terms, after telling you why whenever we can.\n"
    "## Disputes\n"
    "Any dispute about these terms will be settled by binding arbitration in San Francisco, California, on an individual basis.\n"
    "You may opt out of arbitration within thirty days of accepting these terms by writing to our legal department.\n"
    "## Miscellaneous\n"
    "If any provision of these terms is held invalid, the other provisions remain in full force and effect.\n";

// A game publisher's menu: its games (names with numbers and colons), account links, a close button.
const std::string kGamesMenu =
    "Menu\nGames\nShop\nNews\nEsports\nSupport\n0\nMy Account\nStarfall® 2\nStarfall®\nDeep Vault® III: Reforged\n"
    "Ember Saga® IV\nEmber Saga® Immortal\nSky Lancers®: Remastered\nMore Games\nApp Downloads\nGame Forums\nClose\n"
    "Log In\nAccount Settings\nCreate a Free Account\nMy Gifts\nLog Out\nClose\nBack To Top\n";

// Its footer: the language switcher, the usual links, the copyright and trademark lines, the privacy links.
const std::string kGamesFooter =
    "Back To Directory\nEnglish (US)\nEnglish (EU)\nDeutsch\nEspañol (EU)\nFrançais\nItaliano\nPolski\n日本語\n"
    "Careers\nAbout\nSupport\nContact Us\nPress\nSite Map\n"
    "©2024 Lumenfield Games, Inc. All rights reserved.\n"
    "All trademarks referenced herein are the properties of their respective owners.\n"
    "Do not sell my personal information\nPrivacy\nLegal\nTerms\nCookies\n";

Change chrome_change_of(const std::string& before, const std::string& after) {
  return diff_texts(parse_text(before), parse_text(after));
}

TEST(PageChrome, AMenuTakenOffWholeAboveTheTermsIsCosmetic) {
  const Change change = chrome_change_of(kGamesMenu + kTerms, kTerms);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"site_menu"}));
}

TEST(PageChrome, AMenuPutOnWholeAboveTheTermsIsCosmetic) {
  const Change change = chrome_change_of(kTerms, kGamesMenu + kTerms);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
}

TEST(PageChrome, AFooterTakenOffWholeBelowTheTermsIsCosmetic) {
  const Change change = chrome_change_of(kGamesMenu + kTerms + kGamesFooter, kTerms);
  ASSERT_EQ(change.hunks.size(), 2u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[1].cosmetic_kinds, (Kinds{"page_footer"}));
}

// Negative twin: a preamble of sentences put above the terms is the document's.
TEST(PageChrome, APreambleOfSentencesPutOnAboveTheTermsIsNews) {
  std::string preamble;
  for (int i = 1; i <= 16; ++i)
    preamble += "Summary point " + std::to_string(i) + ": we now share your gameplay data with our advertising partners.\n";
  const Change change = chrome_change_of(kTerms, preamble + kTerms);
  EXPECT_TRUE(change.substantive);
}

// Negative twin: a new version put above the one it replaces, its tables of short cells
// (france replay: a music service's new privacy notice, 207 lines, two thirds of them short).
TEST(PageChrome, ANewVersionWithTablesPutAboveTheOldOneIsNews) {
  std::string notice = "# Your privacy at Lumenfield\n### Updated September 2026\n"
                       "We care about your privacy, and this notice explains which personal data we collect, why, and for how long.\n";
  for (const char* category : {"Contact info", "Identifiers", "Location", "Usage data", "User content", "Search history"})
    notice += std::string("#### ") + category + "\nName, e-mail address\nProvided by you at sign-up\n";
  notice += "We use your listening history to recommend content, and we share it with advertising partners unless you object.\n"
            "You may object at any time in your settings, and we stop within thirty days of your request to us.\n";
  const Change change = chrome_change_of(kTerms, notice + kTerms);
  EXPECT_TRUE(change.substantive);
}

// Negative twin: an annex of bare names closing the terms, taken off whole, has no footer's
// marks: the list of companies the terms bind is the document's.
TEST(PageChrome, AnAnnexOfNamesTakenOffAtTheEndIsNews) {
  std::string annex = "## Annex: our affiliates\n";
  for (const char* name : {"Lumenfield Games Ireland", "Lumenfield Games GmbH", "Lumenfield Games SAS", "Lumenfield Korea",
                           "Lumenfield Japan KK", "Lumenfield Brasil Ltda", "Lumenfield Canada", "Lumenfield Australia",
                           "Lumenfield Poland", "Lumenfield Spain SL", "Lumenfield Italia Srl", "Lumenfield Nordic AB",
                           "Lumenfield Mexico", "Lumenfield India", "Lumenfield Singapore", "Lumenfield Taiwan"})
    annex += "- " + std::string(name) + "\n";
  const Change change = chrome_change_of(kTerms + annex, kTerms);
  EXPECT_TRUE(change.substantive);
}

// Negative twin: the same menu's entries taken out of the middle of the terms are no edge.
TEST(PageChrome, LabelsTakenOutOfTheMiddleAreNews) {
  const std::string half = kTerms.substr(0, kTerms.find("## Disputes"));
  const std::string rest = kTerms.substr(half.size());
  const Change change = chrome_change_of(half + kGamesMenu + rest, kTerms);
  EXPECT_TRUE(change.substantive);
}

}  // namespace
}  // namespace tosdiff
