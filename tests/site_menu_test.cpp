// A shop's menu caught above the document by a declaration that selects the page's wrapper
// (issue 11: a replay of an unseen collection alerted on every new collection and sale in a
// department store's menu above its privacy policy). The menu's changes are cosmetic
// (site_menu); the policy's own lists, its title and date, and a list at the top that is no
// menu stay news. The texts are our own.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/site_menu.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

// A shop's mega-menu: top categories, each with "See all" and a few entries under it.
std::string shop_menu(const std::string& sale_entry) {
  std::string menu = "North Pine Halvard Oslo Lumen Atelier Brightwater\n- " + sale_entry + "\n";
  for (const char* category : {"WOMEN", "MEN", "BEAUTY", "HOME", "KIDS"}) {
    menu += "- " + std::string(category) + "\n  - See all\n  - New in\n  - Shoes\n  - Coats\n  - Accessories\n";
  }
  menu += "- Guide: how to wear a belted coat?\n- TOP BRANDS\n  - North Pine\n  - Halvard\n  - Illustration\n";
  return menu;
}

const std::string kShopPolicy =
    "# Privacy policy\n"
    "Version of 2 October 2025\n"
    "The Brightwater group takes the greatest care of the personal data you entrust to it, as this policy explains.\n"
    "## What we collect\n"
    "We collect your name, your e-mail address, your orders and the pages you visit on our sites and in our stores.\n"
    "## Who receives it\n"
    "Our carriers, our payment providers and our customer service receive what they need to serve you, and no more.\n"
    "## Your rights\n"
    "You may access, correct or erase your data at any time by writing to our data protection officer.\n"
    "## How long we keep it\n"
    "We keep your account data while your account is open and your orders for ten years, as the law on accounting requires.\n";

Change menu_change_of(const std::string& before, const std::string& after) {
  return diff_texts(parse_text(before), parse_text(after));
}

TEST(SiteMenu, TheMenuAboveTheDocumentIsCounted) {
  const Text text = parse_text(shop_menu("SALE: up to -40%") + kShopPolicy);
  const std::size_t menu = site_menu_range(text).end;
  ASSERT_GT(menu, 30u);
  EXPECT_EQ(text.blocks[menu - 1].text, "Illustration");  // the last list item; the title is not in it
  EXPECT_EQ(text.blocks[menu].text, "Privacy policy");
}

TEST(SiteMenu, ASaleInTheMenuIsCosmetic) {
  const Change change = menu_change_of(shop_menu("SALE: up to -40%") + kShopPolicy, shop_menu("WINTER SALE: up to -60%") + kShopPolicy);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"site_menu"}));
}

TEST(SiteMenu, AMenuNewlyCaughtAboveTheDocumentIsCosmetic) {
  EXPECT_FALSE(menu_change_of(kShopPolicy, shop_menu("SALE: up to -40%") + kShopPolicy).substantive);
}

TEST(SiteMenu, TheDocumentBelowTheMenuIsNews) {
  std::string changed = kShopPolicy;
  changed.replace(changed.find("and no more"), 11, "and our advertising partners");
  const Change change = menu_change_of(shop_menu("SALE") + kShopPolicy, shop_menu("SALE") + changed);
  EXPECT_TRUE(change.substantive);
}

TEST(SiteMenu, ANewDateOfEffectBelowTheMenuIsNews) {
  std::string changed = kShopPolicy;
  changed.replace(changed.find("2 October 2025"), 14, "9 March 2026");
  EXPECT_TRUE(menu_change_of(shop_menu("SALE") + kShopPolicy, shop_menu("SALE") + changed).substantive);
}

// Twins: lists that are the policy's own.
std::string processors(const std::string& extra) {
  std::string list;
  for (int i = 1; i <= 34; ++i) list += "- Processor " + std::to_string(i) + " Ltd\n  - Hosting\n";
  return list + extra;
}

TEST(SiteMenu, AProcessorAddedToAListAfterTheIntroductionIsNews) {
  const std::string intro = "# Sub-processors\nWe use the following sub-processors, and we tell you before we add one, as the agreement says.\n";
  const Change change = menu_change_of(intro + processors("") + kShopPolicy, intro + processors("- Ad Network Inc\n  - Hosting\n") + kShopPolicy);
  EXPECT_TRUE(change.substantive);
}

TEST(SiteMenu, AProcessorAddedToAListUnderAnIntroductionWithoutHeadingIsNews) {
  for (const std::string intro : {"We use the following sub-processors, and tell you before we add one of them.\n",
                                   "# Sub-processors\nWe use these, and tell you first.\n",
                                   "Our sub-processors. We tell you before we add one:\n"}) {
    EXPECT_TRUE(menu_change_of(intro + processors("") + kShopPolicy,
                               intro + processors("- Ad Network Inc\n  - Hosting\n") + kShopPolicy)
                    .substantive)
        << intro;
  }
}

TEST(SiteMenu, AProcessorAddedUnderAnIntroductionWhosePurposesNameSectionsIsNews) {
  // A processors list whose nested purposes say "Support" and "Newsletter", under a sentence
  // that could pass for a banner.
  std::string list;
  for (int i = 1; i <= 16; ++i) list += "- Processor " + std::to_string(i) + " Ltd\n  - Support\n  - Newsletter\n";
  const std::string intro = "We use the following sub-processors, and tell you before we add one of them.\n";
  EXPECT_TRUE(menu_change_of(intro + list + kShopPolicy, intro + list + "- Ad Network Inc\n  - Support\n" + kShopPolicy).substantive);
}

// A site's menu under banners (contrib replay: a cable company's privacy policy under four
// of them, "Your session has timed out due to inactivity. Click here to go back"; a menu entry
// renamed, alerted).
std::string bannered_menu(const std::string& entry) {
  std::string menu = "Come here often? Make lumenfield.example your homepage. close\n"
                     "Your session has timed out due to inactivity. Click here to go back. close\nLUMENFIELD\n";
  for (const char* section : {"TV", "Email", "Voicemail", "More"})
    menu += "- " + std::string(section) + "\n  - News\n  - Sports\n  - Travel\n";
  menu += "  - " + entry + "\n- Shop\n- My Account\n- Support\n- Sign In\n- Shop\n- My Account\n- Support\n- Sign Out\n"
          "- Help\n- Contact Us\n- Search\n- Store\n";
  return menu;
}

TEST(SiteMenu, AMenuUnderBannersIsCosmeticTheBannersAreNot) {
  const Text text = parse_text(bannered_menu("Queue") + kShopPolicy);
  const MenuRange menu = site_menu_range(text);
  EXPECT_EQ(menu.begin, 2u);
  ASSERT_GT(menu.end, 30u);
  EXPECT_EQ(text.blocks[menu.end].text, "Privacy policy");
  const Change change = menu_change_of(bannered_menu("Queue") + kShopPolicy, bannered_menu("Watchlist") + kShopPolicy);
  EXPECT_FALSE(change.substantive);
  // Twin: a banner's sentence changed is no menu's.
  std::string banner = bannered_menu("Queue");
  banner.replace(banner.find("Come here often?"), 16, "Our terms change on 1 May.");
  EXPECT_TRUE(menu_change_of(bannered_menu("Queue") + kShopPolicy, banner + kShopPolicy).substantive);
}

TEST(SiteMenu, AListAtTheTopWithoutAnyRepeatedEntryIsNoMenu) {
  std::string list = "# Data we collect\n";
  for (int i = 1; i <= 40; ++i) list += "- Category " + std::to_string(i) + "\n  - Field " + std::to_string(i) + "\n";
  EXPECT_EQ(site_menu_range(parse_text(list + kShopPolicy)).end, 0u);
  EXPECT_TRUE(menu_change_of(list + kShopPolicy, list + "- Biometric data\n" + kShopPolicy).substantive);
}

// A greeting-card site's menu of coming events, dated, rolling forward above its policy: no
// label repeated, but the site's own sections named (contrib replay, some 170 alerts).
std::string events_menu(const std::string& events) {
  std::string menu = "- Home\n- Ecards\n- Birthday\n- Thank You\n- Anniversary\n- Love\n- Congrats\n- Friendship\n"
                     "- Family\n- Cute\n- Pets\n- Flowers\n- Wedding\n- Invitations\n- At Work\n- Events & Holidays\n- Autumn\n- More...\n";
  menu += events;
  return menu + "  - See All Events\n- Go\n- Privacy Policy\n- Terms of Use\n- Cookie Policy\n- Help\n- Contact Us\n";
}

TEST(SiteMenu, DatedEventsRollingForwardInAMenuThatNamesTheSitesSectionsAreCosmetic) {
  const std::string before = "  - Angel Week (Sep 24 - 28, 2026)\n  - Coffee Day (Sep 29, 2026)\n  - Heart Day (Sep 29, 2026)\n"
                             "  - Question Day (Sep 30, 2026)\n  - Cookie Month (October 2026)\n  - Dessert Month (October 2026)\n";
  const std::string after = "  - Coffee Day (Sep 29, 2026)\n  - Heart Day (Sep 29, 2026)\n  - Question Day (Sep 30, 2026)\n"
                            "  - Cookie Month (October 2026)\n  - Dessert Month (October 2026)\n  - Harvest Day (Oct 2, 2026)\n";
  const Change change = menu_change_of(events_menu(before) + kShopPolicy, events_menu(after) + kShopPolicy);
  EXPECT_FALSE(change.substantive);
}

// A car maker's menus written flat (their nesting lost), "Main Menu" over each, a story teaser
// in each part, above its privacy statement (contrib replay): the teaser's rotation is the site's.
std::string flat_menus(const std::string& teaser, bool labelled = true) {
  std::string menu = "- Our Stories\n- Our Company\n- Investors\n- Careers\n";
  const char* const parts[][4] = {{"OUR STORIES", "Culture", "Technology", "Commitment"},
                                  {"OUR COMPANY", "About Us", "Leadership", "Community"},
                                  {"INVESTORS", "News", "Events", "Stock Information"}};
  for (const auto& part : parts) {
    if (labelled) menu += "- Main Menu\n";
    for (const char* entry : part) menu += "- " + std::string(entry) + "\n";
    menu += teaser + "\nRead the Story\n";
  }
  return menu + "- Shop\n- Owners\n- Press\n- Contact Us\n- Help\n- Sitemap\n- Accessibility\n";
}

TEST(SiteMenu, AMenuWrittenFlatWithItsLabelOverEachPartIsCosmetic) {
  const std::string before = flat_menus("Our Engineer Guides a Robotics Team") + kShopPolicy;
  const std::string after = flat_menus("Two Makers Join to Build a New Vehicle") + kShopPolicy;
  EXPECT_GE(site_menu_range(parse_text(before)).end, 30u);
  const Change teaser = menu_change_of(before, after);
  EXPECT_FALSE(teaser.substantive);
  ASSERT_FALSE(teaser.hunks.empty());
  EXPECT_EQ(teaser.hunks[0].cosmetic_kinds, (Kinds{"site_menu"}));
  // Twins: without the label over each part, a flat list is no menu; the policy below is news.
  EXPECT_EQ(site_menu_range(parse_text(flat_menus("Our Engineer Guides a Robotics Team", false) + kShopPolicy)).end, 0u);
  EXPECT_TRUE(menu_change_of(flat_menus("Our Engineer Guides a Robotics Team", false) + kShopPolicy,
                             flat_menus("Two Makers Join to Build a New Vehicle", false) + kShopPolicy)
                  .substantive);
  std::string policy = kShopPolicy;
  policy.replace(policy.find("and no more"), 11, "and our advertising partners");
  EXPECT_TRUE(menu_change_of(before, flat_menus("Our Engineer Guides a Robotics Team") + policy).substantive);
}

TEST(SiteMenu, AMenuWithNoDocumentBelowItIsNoMenu) {
  EXPECT_EQ(site_menu_range(parse_text(shop_menu("SALE"))).end, 0u);
  EXPECT_TRUE(menu_change_of(shop_menu("SALE"), shop_menu("SALE -50%")).substantive);
}

// A help centre's related articles closing the page.
std::string related(const std::string& second_card) {
  return "Related articles\n- [\nGuests\nRebooking and refund policy\nWhat happens when a host cancels.\n- [\n" +
         second_card + "\n";
}

TEST(SiteMenu, RelatedArticlesClosingThePageAreCosmetic) {
  const std::string card = "Hosts\nCancellation fees\nWhat a host pays for cancelling.";
  const Text text = parse_text(kShopPolicy + related(card));
  EXPECT_EQ(text.blocks[related_articles_start(text)].text, "Related articles");
  const Change card_changed =
      menu_change_of(kShopPolicy + related(card), kShopPolicy + related("Hosts\nSafety tips\nHow to host safely."));
  EXPECT_FALSE(card_changed.substantive);
  ASSERT_FALSE(card_changed.hunks.empty());
  EXPECT_EQ(card_changed.hunks[0].cosmetic_kinds, (Kinds{"site_menu"}));
  EXPECT_FALSE(menu_change_of(kShopPolicy + related(card), kShopPolicy).substantive);  // taken away
  EXPECT_FALSE(menu_change_of(kShopPolicy, kShopPolicy + related(card)).substantive);  // put at the end
}

TEST(SiteMenu, RelatedArticlesShownTwiceAreCosmeticInBothCopies) {
  // The list under a heading, then again as plain lines: a change in the first copy too.
  auto twice = [](const std::string& entry) {
    const std::string list = "About the app\nYour settings\n" + entry + "\n";
    return "## Related articles\n" + list + "Related articles\n" + list;
  };
  const Text text = parse_text(kShopPolicy + twice("Your posts"));
  EXPECT_EQ(text.blocks[related_articles_start(text)].text, "Related articles");
  EXPECT_EQ(text.blocks[related_articles_start(text)].kind, BlockKind::heading);
  EXPECT_FALSE(menu_change_of(kShopPolicy + twice("Your posts"), kShopPolicy + twice("Interact with posts")).substantive);
}

TEST(SiteMenu, TextAfterARelatedArticlesLabelThatIsProseIsNews) {
  const std::string tail =
      "Related articles\nThese terms also apply to the articles you publish on our help centre, and you grant us a "
      "licence to show them to other users, to translate them and to keep them after you close your account.\n";
  std::string changed = tail;
  changed.replace(changed.find("to keep them"), 12, "to sell them");
  EXPECT_TRUE(menu_change_of(kShopPolicy + tail, kShopPolicy + changed).substantive);
  // And the document above the list is news as ever.
  std::string policy = kShopPolicy;
  policy.replace(policy.find("and no more"), 11, "and our advertising partners");
  EXPECT_TRUE(menu_change_of(kShopPolicy + related("Hosts"), policy + related("Hosts")).substantive);
}

// A site's news closing the page, dated teasers rotating as posts come out (contrib replay: an
// e-ID provider's terms over "Latest from us", a post in at the top and one out at the end).
std::string latest_news(const std::string& newest, const std::string& oldest) {
  return "## Latest from us\n" + newest + "\nHarbour Bank now offers the app to business customers.\n" +
         "Spring release 2026-03-02\nThe new version of the app is out with a darker theme.\n" + oldest + "\n";
}

TEST(SiteMenu, ASitesLatestNewsRotatingBelowTheTermsIsCosmetic) {
  const std::string post = "Merchants can now verify ID cards 2026-04-10\nShops in the Nordpay network read the ID card.";
  const std::string old_post = "Summer meeting 2025-06-13\nRead our take-aways from this year's meeting.";
  const Change rotated = menu_change_of(kShopPolicy + latest_news("Business accounts 2026-03-20", old_post),
                                        kShopPolicy + latest_news(post + "\nBusiness accounts 2026-03-20", ""));
  EXPECT_FALSE(rotated.substantive);
  ASSERT_FALSE(rotated.hunks.empty());
  EXPECT_EQ(rotated.hunks[0].cosmetic_kinds, (Kinds{"site_menu"}));
  // Twins: a clause under the label, a bare "News" section of the policy.
  const std::string clause =
      "We may show your name, your photograph and your comments in the news we publish about our services, on this site "
      "and in our newsletters, for as long as the news stays online, unless you tell us not to.";
  EXPECT_TRUE(menu_change_of(kShopPolicy + "## Latest from us\n" + old_post + "\n",
                             kShopPolicy + "## Latest from us\n" + old_post + "\n" + clause + "\n")
                  .substantive);
  EXPECT_TRUE(menu_change_of(kShopPolicy + "## News\n" + old_post + "\n", kShopPolicy + "## News\n" + post + "\n").substantive);
  // The review's twins: a short clause put under the label; the policy's own sections after a
  // news section; a news label over undated lines.
  EXPECT_TRUE(menu_change_of(kShopPolicy + "## Latest from us\n" + old_post + "\n",
                             kShopPolicy + "## Latest from us\n" + old_post + "\nWe share your e-mail address with our partners.\n")
                  .substantive);
  const std::string closing = "## Latest news\nWe send you news by e-mail only when you ask for it.\n## Changes\n";
  EXPECT_TRUE(menu_change_of(kShopPolicy + closing + "We tell you 30 days before any change.\n",
                             kShopPolicy + closing + "We may change this policy at any time without notice.\n")
                  .substantive);
  EXPECT_TRUE(menu_change_of(kShopPolicy + "## Latest news\nWe send you news by e-mail when you ask.\n",
                             kShopPolicy + "## Latest news\nWe send you news by e-mail and by text message.\n")
                  .substantive);
}

TEST(SiteMenu, RelatedArticlesGluedIntoOneLineAreCosmetic) {
  // Contrib replay: an ad network's policies on its help centre, the cards' titles glued.
  const std::string before = "Related Articles\nRestricted Content, Products, and ServicesPolicy FAQ - Video GamingPolicy FAQ - "
                             "Shopping & E-commerceA Content Checklist: How to write ads that pass review and keep them live …\n";
  std::string after = before;
  after.replace(after.find("Policy FAQ - Video Gaming"), 25, "Thumbnail is not related to or does not match the landing page");
  const Change change = menu_change_of(kShopPolicy + before, kShopPolicy + after);
  EXPECT_FALSE(change.substantive);
  // Twin: prose glued after the label (its sentences' full stops) stays news.
  const std::string prose = "Related Articles\nThese terms apply to the videos you publish on YouTube, and you grant us a licence to "
                            "show them to other users. You also allow us to translate them. Payments go through PayPal and WhatsApp Pay.\n";
  std::string sold = prose;
  sold.replace(sold.find("to show them"), 12, "to sell them");
  EXPECT_TRUE(menu_change_of(kShopPolicy + prose, kShopPolicy + sold).substantive);
}

TEST(SiteMenu, ARelatedTopicsLabelTakenAwayAboveTheListThatStaysIsCosmetic) {
  // A search engine's ranking description: the "RELATED TOPICS" heading dropped, its links kept.
  const std::string list = "Remove cached pages from the index\nReport a concern about a result\n";
  const Change dropped = menu_change_of(kShopPolicy + "## RELATED TOPICS\n" + list, kShopPolicy + list);
  EXPECT_FALSE(dropped.substantive);
  ASSERT_EQ(dropped.hunks.size(), 1u);
  EXPECT_EQ(dropped.hunks[0].cosmetic_kinds, (Kinds{"site_menu"}));
  EXPECT_FALSE(menu_change_of(kShopPolicy + list, kShopPolicy + "Related topics:\n" + list).substantive);  // put in
  // A help centre's list in Polish: one article renamed.
  const std::string polish = "Powi\xC4\x85zane artyku\xC5\x82y\n- Regulamin dla Klient\xC3\xB3w\n- ";
  EXPECT_FALSE(menu_change_of(kShopPolicy + polish + "Cennik\n", kShopPolicy + polish + "Cenniki i specyfikacje\n")
                   .substantive);
}

TEST(SiteMenu, AWholeListOfRelatedArticlesTakenAwayAboveASiteFooterIsCosmetic) {
  std::string footer = "Get help with your reservations.\n### Support\n";
  for (int i = 1; i <= 45; ++i) footer += "- Footer link " + std::to_string(i) + "\n";
  const std::string cards = related("Hosts\nCancellation fees\nWhat a host pays for cancelling.");
  const Change dropped = menu_change_of(kShopPolicy + cards + footer, kShopPolicy + footer);
  EXPECT_FALSE(dropped.substantive);
  EXPECT_FALSE(menu_change_of(kShopPolicy + footer, kShopPolicy + cards + footer).substantive);  // put in
  // Twin: a clause among what is taken away with the label.
  const std::string with_clause =
      "Related articles\n- Hosts\nWe may also charge hosts who cancel a fee of up to half the booking, deducted "
      "from their next payouts, and we may block the dates of the cancelled booking.\n";
  EXPECT_TRUE(menu_change_of(kShopPolicy + with_clause + footer, kShopPolicy + footer).substantive);
}

TEST(SiteMenu, ACardOfRelatedArticlesReplacedAboveALongSiteFooterIsCosmetic) {
  // A platform's terms on its help centre: the list, then a footer of some 50 lines.
  std::string footer = "## Site Footer\n### Support\n- Help Center\n- Careers\n- Newsletter\n";
  for (int i = 1; i <= 45; ++i) footer += "- Footer link " + std::to_string(i) + "\n";
  const std::string before = kShopPolicy + related("Hosts\nCancellation fees\nWhat a host pays for cancelling.") + footer;
  const std::string after =
      kShopPolicy + related("Guests\nAge requirements\nYou must be at least 18 to book a stay on the site.") + footer;
  EXPECT_FALSE(menu_change_of(before, after).substantive);
  // Twin: a clause of the terms changed above the list.
  std::string edited = before;
  edited.replace(edited.find("Related articles"), 0, "We may charge hosts who cancel a fee.\n");
  EXPECT_TRUE(menu_change_of(before, edited).substantive);
}

TEST(SiteMenu, AClauseTakenAwayWithARelatedLabelOrALabelAboveProseIsNews) {
  const std::string list = "Remove cached pages from the index\nReport a concern about a result\n";
  const std::string clause =
      "We may also use the pages you visit to rank the results shown to other people, and we keep the record of "
      "each visit for as long as the index lists the page.\n";
  // The label and a clause above the list taken away together: the clause is news.
  EXPECT_TRUE(menu_change_of(kShopPolicy + "## Related topics\n" + clause + list, kShopPolicy + list).substantive);
  // A label that heads prose, not cards, is no list's label: the heading taken away is news.
  EXPECT_TRUE(menu_change_of(kShopPolicy + "## Related topics\n" + clause, kShopPolicy + clause).substantive);
}

// France replay: a rail booking site's cookie policy gained a "See also" box linking to its privacy
// and security pages, under its date. Twin: a sentence under "See also" may be a clause's pointer.
TEST(SiteMenu, ASeeAlsoBoxOfPageNamesIsCosmeticASentenceUnderItIsNews) {
  const std::string head = "# Cookie policy\nIn force from January 2022\n";
  const std::string body = "## What a cookie is\nA cookie is a small file a site stores on your device.\n";
  for (const char* box : {"See also\nPrivacy policy\nSecurity\n", "**Voir aussi**\nPolitique de confidentialit\u00e9\nS\u00e9curit\u00e9\n",
                          "Siehe auch:\n- Datenschutzerkl\u00e4rung\n- Impressum\n",
                          "V\u00e9ase tambi\u00e9n\nPol\u00edtica de privacidad\n"}) {
    EXPECT_FALSE(menu_change_of(head + body, head + box + body).substantive) << box;
    EXPECT_FALSE(menu_change_of(head + box + body, head + body).substantive) << box;
  }
  EXPECT_TRUE(menu_change_of(head + body, head + "See also\nWe share cookie data with advertisers.\n" + body).substantive);
  EXPECT_TRUE(menu_change_of(head + body, head + "Security\nPrivacy policy\n" + body).substantive);
}

// A mega-menu set out flat, in columns: bare titles over list items, none nested (contrib
// replay: a health insurer's privacy policy under some 200 such lines, each renamed product
// alerted), under a browser banner of 23 words.
std::string column_menu(const std::string& entry) {
  std::string menu =
      "Skip to main content\n"
      "If your browser is in private mode, pages that use your location may not work as they should. Learn more about private mode.\n"
      "- Individuals\n- Employers\n- Contact\n- Search\n- About Us\n";
  for (const char* column : {"Shop for plans", "For members", "Helpful links", "Investors", "Working with us",
                             "Individuals and families", "Employers", "Providers", "Brokers", "Medicare"})
    menu += std::string(column) + "\n- Find a doctor\n- Get a quote\n- Pay your premium\n- Log in\n- Contact us\n";
  return menu + "Initiatives\n- " + entry + "\n- Corporate responsibility\n- About Us\n";
}

TEST(SiteMenu, AMenuInFlatColumnsIsCosmetic) {
  const Text text = parse_text(column_menu("Physician advisory board") + kShopPolicy);
  const MenuRange menu = site_menu_range(text);
  EXPECT_EQ(menu.begin, 2u);
  EXPECT_EQ(text.blocks[menu.end].text, "Privacy policy");
  const Change change =
      menu_change_of(column_menu("Physician advisory board") + kShopPolicy, column_menu("Code of conduct") + kShopPolicy);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"site_menu"}));
  EXPECT_FALSE(change.substantive);
}

// A review's find: a notice at collection set out as a box of columns above the policy, under
// a bare title, is the document's: a category's sale switched on is news.
TEST(SiteMenu, ANoticeAtCollectionInColumnsIsNoMenu) {
  auto notice = [](const std::string& geolocation_sold) {
    std::string box = "Notice at collection for California residents\n";
    for (const char* category : {"Identifiers", "Contact details", "Commercial information", "Internet activity",
                                 "Geolocation data", "Audio recordings", "Inferences", "Sensitive information"}) {
      box += std::string(category) + "\n- Collected: Yes\n- Sold or shared: " +
             (std::string(category) == "Geolocation data" ? geolocation_sold : "No") + "\n- Learn more\n";
    }
    return box + "- Contact us\n- Help centre\n";
  };
  EXPECT_EQ(site_menu_range(parse_text(notice("No") + kShopPolicy)).end, 0u);
  EXPECT_TRUE(menu_change_of(notice("No") + kShopPolicy, notice("Yes") + kShopPolicy).substantive);
}

TEST(SiteMenu, APolicysOwnListsUnderBareTitlesAreNoMenu) {
  // Data categories under bare titles, no site's section named, no entry repeated: the
  // document's, though it opens the text.
  std::string lists;
  for (const char* category : {"Identity", "Contact", "Usage", "Device", "Payment", "Location"}) {
    lists += std::string(category) + " data\n";
    for (int i = 1; i <= 5; ++i) lists += "- " + std::string(category) + " field " + std::to_string(i) + "\n";
  }
  EXPECT_EQ(site_menu_range(parse_text(lists + kShopPolicy)).end, 0u);
  EXPECT_TRUE(menu_change_of(lists + kShopPolicy, lists + "Biometric data\n- Face scan\n- Voice print\n" + kShopPolicy).substantive);
}

TEST(SiteMenu, TheMenuShownAgainBelowTheDocumentChangesWithIt) {
  // A ministry's site: its menu at the top, again below the policy; an entry renamed in both.
  const std::string before = shop_menu("Coronavirus") + kShopPolicy + shop_menu("Coronavirus");
  const std::string after = shop_menu("Covid-19") + kShopPolicy + shop_menu("Covid-19");
  const Change change = menu_change_of(before, after);
  ASSERT_EQ(change.hunks.size(), 2u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[1].cosmetic_kinds, (Kinds{"site_menu"}));
  // Twin: below the document, anything but the menu's own change is news.
  std::string other = shop_menu("Covid-19") + kShopPolicy + shop_menu("Covid-19");
  other.replace(other.rfind("- Covid-19"), 10, "- Covid-19 vaccines");
  EXPECT_TRUE(menu_change_of(before, other).substantive);
  // Twin: the terms' own list of the services they cover, naming them as the menu does (a
  // review's find): a service put in both places is news in the document.
  const std::string intro = "# Terms\nThese terms cover the following services of the Brightwater group, wherever you buy them:\n";
  std::string menu_after = shop_menu("SALE");
  menu_after.replace(menu_after.find("  - Shoes\n"), 10, "  - Shoes\n  - Health checks\n");
  EXPECT_TRUE(menu_change_of(shop_menu("SALE") + intro + "- Coats\n- Shoes\n" + kShopPolicy,
                             menu_after + intro + "- Coats\n- Shoes\n- Health checks\n" + kShopPolicy)
                  .substantive);
}

}  // namespace
}  // namespace tosdiff
