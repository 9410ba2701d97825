// A share widget's list of networks caught in a selection (contrib replay: an insurer's
// privacy policy page, its AddToAny menu moved between two forms and a network dropped from
// it, each alerted). The lists are cosmetic; the names of networks in the document's own
// sentences stay news. The texts are our own.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/share_widget.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

const std::string kShareNetworks =
    "Thanks for sharing! Facebook Twitter Pinterest LinkedIn Digg Facebook Messenger Flipboard Copy Link Email "
    "Reddit WhatsApp Gmail Telegram Pocket Mix Tumblr Amazon Wish List AOL Mail Blogger Buffer Diaspora Douban "
    "Evernote Fark Hatena Instapaper Kakao Line LiveJournal Mastodon Mendeley Mixi MySpace Odnoklassniki Pinboard "
    "Plurk Print Qzone Renren Skype Slashdot SMS Threema Trello Tuenti Twiddla TypePad Post Viadeo Viber VK Wanelo "
    "Webnews WeChat WordPress Wykop XING Yahoo Mail Yummly";

const std::string kInsurerPolicy =
    "# Privacy notice\nWe collect your name and your claims to run your health plan, as the law requires.\n"
    "## Sharing\nWe share your claims with the doctors who treat you and with no one else.\n";

Change share_change_of(const std::string& before, const std::string& after) {
  return diff_texts(parse_text(before), parse_text(after));
}

TEST(ShareWidget, AListOfNetworksIsOne) {
  EXPECT_TRUE(is_share_list(kShareNetworks));
  EXPECT_TRUE(is_share_list("Share: Facebook Twitter LinkedIn WhatsApp Email Copy Link Print"));
  // Twins: a sentence naming networks; too few names.
  EXPECT_FALSE(is_share_list("We share your data with Facebook and Google for advertising and with Twitter for analytics."));
  EXPECT_FALSE(is_share_list("Facebook Twitter LinkedIn"));
}

TEST(ShareWidget, TheListMovedFromOneFormToAnotherIsCosmetic) {
  const std::string forms = "\nFind a doctor near you by name or speciality\nSearch\nRegister for a member account\nMember log in. Continue";
  const std::string before = kInsurerPolicy + "Log in. Please enter all of your information " + kShareNetworks + forms + "\n";
  const std::string after = kInsurerPolicy + "Log in. Please enter all of your information" + forms + " " + kShareNetworks + "\n";
  const Change change = share_change_of(before, after);
  EXPECT_EQ(change.hunks.size(), 2u);
  EXPECT_FALSE(change.substantive);
  for (const Hunk& hunk : change.hunks) EXPECT_EQ(hunk.cosmetic_kinds, (Kinds{"page_control"}));
}

TEST(ShareWidget, ANetworkDroppedFromTheListIsCosmetic) {
  std::string dropped = kShareNetworks;
  dropped.erase(dropped.find(" Webnews"), 8);
  const Change change = share_change_of(kInsurerPolicy + kShareNetworks + "\n", kInsurerPolicy + dropped + "\n");
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"page_control"}));
}

TEST(ShareWidget, TheListReorderedIsCosmetic) {
  // Four networks out of one place and into another, and "Email app" dropped (AddToAny's menu
  // as the insurer's page served it from one month to the next).
  auto replaced = [](std::string list, const std::string& from, const std::string& to) {
    return list.replace(list.find(from), from.size(), to);
  };
  const std::string before =
      replaced(kShareNetworks, "Pocket Mix Tumblr", "Pocket Email app Mix Tumblr") + " Email app More\u2026";
  const std::string after =
      replaced(replaced(kShareNetworks, "Email Reddit WhatsApp Gmail Telegram", "Email Telegram"), "Evernote Fark",
               "Evernote Reddit WhatsApp Gmail Fark") + " More\u2026";
  const Change change = share_change_of(kInsurerPolicy + before + "\n", kInsurerPolicy + after + "\n");
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive) << [&] {
    std::string edits;
    for (const auto& w : change.hunks[0].words) edits += std::string(1, w.op) + "[" + w.text + "] ";
    return edits;
  }();
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"page_control"}));
}

TEST(ShareWidget, ANetworkNamedInTheDocumentsSentencesIsNews) {
  // Twins: a network put into a sharing clause, a clause put in beside the list.
  EXPECT_TRUE(share_change_of(kInsurerPolicy + "We share your claims with Facebook and Twitter for advertising.\n" + kShareNetworks + "\n",
                        kInsurerPolicy + "We share your claims with Facebook, Twitter and TikTok for advertising.\n" + kShareNetworks + "\n")
                  .substantive);
  // A sentence listing recipients, one put in: news, however many networks it names.
  const std::string recipients = "Our recipients are Facebook, Google, Twitter, LinkedIn, Pinterest, Reddit, Snapchat and Tumblr.";
  std::string more = recipients;
  more.insert(more.find(" and Tumblr"), ", Yahoo, TikTok");
  EXPECT_TRUE(share_change_of(kInsurerPolicy + recipients + "\n", kInsurerPolicy + more + "\n").substantive);
  std::string with_clause = kShareNetworks;
  with_clause.insert(with_clause.find(" Webnews"), " We sell your claims to insurers.");
  EXPECT_TRUE(share_change_of(kInsurerPolicy + kShareNetworks + "\n", kInsurerPolicy + with_clause + "\n").substantive);
  // Five capitalised words that are a clause's, however they sit in the list.
  std::string with_name = kShareNetworks;
  with_name.insert(with_name.find(" Webnews"), " Lumen Health Sells Member Claims");
  EXPECT_TRUE(share_change_of(kInsurerPolicy + kShareNetworks + "\n", kInsurerPolicy + with_name + "\n").substantive);
  // At the list's end, a clause's words on the right (a review's find).
  EXPECT_TRUE(share_change_of(kInsurerPolicy + kShareNetworks + " Member Claims Are Private Here\n",
                              kInsurerPolicy + kShareNetworks + " Member Claims Are Sold To Insurers Here\n")
                  .substantive);
}

}  // namespace
}  // namespace tosdiff
