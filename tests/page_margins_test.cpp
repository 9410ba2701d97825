// Labels around the document, selected with it (issue 11: replays of four collections
// alerted on the site's name beside a title, a "New" badge, a help centre's suggested
// questions, a banner to resume an application, an airline's footer). Those are cosmetic
// (page_header, page_footer); a date, a scope ("Applies to: France"), a name, a sentence, a
// summary of the terms' topics above the first sentence, an annex's bare list below the last
// one, and a tail that is no site footer stay news. The texts are our own.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/classify/classify.hpp"
#include "tosdiff/compare/calls_to_action.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/model/text.hpp"
#include "tosdiff/pipeline/record_builder.hpp"

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

const std::string kBody =
    "The Northwind service is provided by Northwind Limited, and these terms govern your use of it, whatever device you use.\n"
    "## Your account\n"
    "You must be at least sixteen years old to open an account, and you are responsible for what happens under it.\n"
    "## Your content\n"
    "You keep the rights you have in your content, and you give us a licence to host and show it to the people you choose.\n"
    "## Ending these terms\n"
    "You may close your account at any time; we may suspend it if you break these terms, after telling you why.\n"
    "## Payments\n"
    "Paid plans renew each month until you cancel them, and we tell you of any change in price one month before it applies.\n"
    "## Disputes\n"
    "These terms are governed by the law of the place where you live, and its courts may hear any dispute about them.\n"
    "## Contact\n"
    "You can reach our support team through the help centre, and our legal team by post at the address below this page.\n";

std::string page(const std::string& header) { return header + kBody; }

// The change is cosmetic: one hunk, of these kinds.
void expect_one_cosmetic_hunk(const Change& change, const Kinds& kinds) {
  EXPECT_FALSE(change.substantive);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, kinds);
}

Change header_change(const std::string& before, const std::string& after) {
  const Text old_text = parse_text(before), new_text = parse_text(after);
  Change change = diff_texts(old_text, new_text);
  mark_page_margins(change, old_text, new_text, [](const Hunk& hunk) { return touches_a_topic(hunk, builtin_rules()); });
  return change;
}

TEST(PageHeader, TheFirstSentenceIsFound) {
  const Text text = parse_text(page("# Terms of Service | Northwind Help\nOn this page\n"));
  ASSERT_EQ(first_sentence(text), 2u);
  EXPECT_EQ(first_sentence(parse_text("# Title\n- Home\n- Help\n")), 3u);  // none: the text's size
}

TEST(PageHeader, TheSiteNameBesideTheTitleIsCosmetic) {
  const Change change = header_change(page("# Terms of Service | Northwind Help\n"), page("# Terms of Service\n"));
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"page_header"}));
}

// Contrib replay: a video platform's terms, a tab to its community guidelines above them taken
// away; the tab names a topic (acceptable use) and says nothing of it.
TEST(PageHeader, ATabToAnotherDocumentAboveTheFirstSentenceIsCosmetic) {
  const Change change = header_change(page("Community Guidelines\n# Terms of Service\n"), page("# Terms of Service\n"));
  expect_one_cosmetic_hunk(change, {"page_header"});
  EXPECT_FALSE(header_change(page("- Cookie Policy\n- Community Standards\n# Terms\n"), page("- Community Standards\n# Terms\n"))
                   .substantive);
  // Twins, each touching a topic: the document's state, a key point, a date; a negation, a
  // scope, a verb (a review's finds); and labels naming a state of the terms, touching a topic
  // or not, in three languages.
  for (const char* label : {"No Arbitration Agreement", "Arbitration Agreement Applies", "Arbitration Agreement Required",
                            "Terms for minors", "Proposed Terms", "Superseded Terms", "Neue Nutzungsbedingungen",
                            "Nouvelles conditions", "Conditions de r\xC3\xA9siliation modifi\xC3\xA9" "es",
                            "Update to our Terms", "Pending Terms", "Arbitration Agreement", "Zuk\xC3\xBC" "nftige AGB", "Condiciones aplicables"})
    EXPECT_TRUE(header_change(page("# Terms of Service\n"), page(std::string(label) + "\n# Terms of Service\n")).substantive)
        << label;
  // A label naming the document renamed to name another (a review's finds), in two languages; a
  // badge beside it is a label.
  EXPECT_TRUE(header_change(page("Consumer Terms\n# Terms\n"), page("Business Terms\n# Terms\n")).substantive);
  EXPECT_TRUE(header_change(page("Terms of Service\n# Terms\n"), page("Terms of Sale\n# Terms\n")).substantive);
  EXPECT_TRUE(header_change(page("Conditions g\xC3\xA9n\xC3\xA9rales d'utilisation\n# CGU\n"),
                            page("Conditions g\xC3\xA9n\xC3\xA9rales de vente\n# CGU\n"))
                  .substantive);
  EXPECT_FALSE(header_change(page("Business Terms\n# Terms\n"), page("Business Terms (PDF)\n# Terms\n")).substantive);
  EXPECT_FALSE(header_change(page("Privacy Policy\n# Terms\n"), page("Privacy Statement\n# Terms\n")).substantive);
  // A link to the archive every such site has, above the title or in the footer, is a label.
  EXPECT_FALSE(header_change(page("# Terms of Service\n"), page("Prior Versions of the Terms\n# Terms of Service\n")).substantive);
  EXPECT_TRUE(header_change(page("# Terms of Service\n"), page("Arbitration agreement updated\n# Terms of Service\n")).substantive);
  EXPECT_TRUE(header_change(page("We never sell your data\n# Terms\n"), page("# Terms\n")).substantive);
  EXPECT_TRUE(header_change(page("Arbitration Agreement 2026\n# Terms\n"), page("# Terms\n")).substantive);
}

TEST(PageHeader, ABadgeSuggestedQuestionsAndABannerAreCosmetic) {
  EXPECT_FALSE(header_change(page("# Business Terms - New\n"), page("# Business Terms\n")).substantive);
  EXPECT_FALSE(header_change(page("# Terms of Service\n"),
                             page("# Terms of Service\nWhat is the Northwind service?\nHow is Northwind funded?\n"
                                  "I have a different question\n"))
                   .substantive);
  EXPECT_FALSE(header_change(page("# Terms of Service\n"),
                             page("# Terms of Service\nClick here to resume your application\nClose the banner\n"))
                   .substantive);
}

// Pga replay: a photo network's law enforcement guidelines, four buttons put under the title
// above the first sentence. Their words name the document's topic (requests, records), which
// keeps a summary box of key points news; a row of buttons opens with the verbs of controls or
// the reader's choice, and is furniture. Rules written as imperatives, a line with a number,
// and a sentence beside the buttons stay news.
TEST(PageHeader, ARowOfButtonsUnderTheTitleIsCosmetic) {
  EXPECT_TRUE(is_call_to_action("Request user information"));
  EXPECT_TRUE(is_call_to_action("I have a different question"));
  EXPECT_TRUE(is_call_to_action("Demander des informations"));
  EXPECT_FALSE(is_call_to_action("Do not post spam"));
  EXPECT_FALSE(is_call_to_action("Request your records within 30 days"));
  EXPECT_FALSE(is_call_to_action("Submit a request."));
  EXPECT_FALSE(is_call_to_action("Request"));
  const std::string buttons = "Request user information\nSubmit an emergency request\nPreserve account records\nI have a different question\n";
  const Change change = header_change(page("# Information for law enforcement\n"), page("# Information for law enforcement\n" + buttons));
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"page_header"}));
  EXPECT_TRUE(header_change(page("# Help\n"), page("# Help\nWe never sell your data\nYou own your content\n")).substantive);
  EXPECT_TRUE(header_change(page("# Rules\n"), page("# Rules\nRespect other members\nDo not post spam\nReport abuse to moderators\n")).substantive);
  EXPECT_TRUE(header_change(page("# Help\n"), page("# Help\nRequest your records within 30 days\nSubmit an emergency request\n")).substantive);
  EXPECT_TRUE(header_change(page("# Help\n"), page("# Help\n" + buttons + "Emergency requests are answered within a day.\n")).substantive);
  // A review's finds: a row taken away may have been the one way to a right, a relabelled button
  // may say another thing.
  EXPECT_TRUE(header_change(page("# Information for law enforcement\n" + buttons), page("# Information for law enforcement\n")).substantive);
  // Buttons asking for what is due to the reader, taken away or relabelled, whatever the
  // classifier finds in them: a request, the reader's want, a control on the reader's own things.
  EXPECT_TRUE(asks_for_the_readers_due("Request an independent review"));
  EXPECT_TRUE(asks_for_the_readers_due("Ich m\u00f6chte mein Konto l\u00f6schen"));
  EXPECT_TRUE(asks_for_the_readers_due("Download all your data"));
  EXPECT_FALSE(asks_for_the_readers_due("Download the app"));
  EXPECT_FALSE(asks_for_the_readers_due("Sign in"));
  EXPECT_TRUE(header_change(page("# Appeals\n1. Submit an appeal form\n2. Request an independent review\n"),
                            page("# Appeals\n1. Submit an appeal form\n2. Request a second internal review\n"))
                  .substantive);
  EXPECT_TRUE(header_change(page("# Your data\nDownload all your data\nContact us\n"), page("# Your data\nContact us\n")).substantive);
  EXPECT_FALSE(header_change(page("# Help\nDownload the app\nSign in\n"), page("# Help\nSign in\n")).substantive);
  EXPECT_TRUE(header_change(page("# Your rights\nRequest account deletion\nDownload your data\n"),
                            page("# Your rights\nRequest account deactivation\nDownload your data\n"))
                  .substantive);
}

TEST(PageHeader, ATitleWithTheSiteAfterABarIsCosmetic) {
  // "Title | Site" reads back as a table row of two cells: a lone row is no table.
  EXPECT_FALSE(header_change(page("Terms of Service | Northwind Help\n"), page("Terms of Service\n")).substantive);
  EXPECT_FALSE(header_change(page("Terms of Service\n"), page("Terms of Service | Northwind Help\n")).substantive);
}

// A site's banner above the document's title: a challenge's deadline, a survey, a promotion,
// put up, taken down or swapped (replay: a platform's developer terms, a law firm's terms of
// sale). Dates and sentences in it say nothing of the terms.
TEST(PageHeader, ABannerAboveTheTitleIsCosmetic) {
  const std::string title = "# Terms of Service\n";
  const std::string challenge = "Submit your app to the Northwind Builders Challenge by August 19!\n";
  const std::string ended =
      "Help us build a better Northwind for you! Take the 2-minute developer survey \xE2\x86\x92\n";
  expect_one_cosmetic_hunk(header_change(page(title), page(challenge + title)), {"page_header"});
  expect_one_cosmetic_hunk(header_change(page(ended + title), page(title)), {"page_header"});
  expect_one_cosmetic_hunk(header_change(page(challenge + title), page(ended + title)), {"page_header"});
  expect_one_cosmetic_hunk(
      header_change(page(title), page("Autumn offer: 100 euros off your first year with us! Call us on 01 23 45 67 89\n" + title)),
      {"page_header"});
  // A maintenance notice under its label (contrib replay: an energy supplier's terms; "contact"
  // once read as Portuguese's account); a label over a change of the terms stays news.
  const std::string maintenance =
      "Please note\nWe are temporarily unable to process new sign-ups online due to scheduled maintenance from Friday 6pm "
      "to Saturday 6pm. Please fill out this form and we will contact you. Apologies for any inconvenience caused.\n";
  expect_one_cosmetic_hunk(header_change(page(title), page(maintenance + title)), {"page_header"});
  EXPECT_TRUE(header_change(page(title), page("Please note\nOur terms are changing on 5 July 2026: please read them before then.\n" + title))
                  .substantive);
  EXPECT_TRUE(header_change(page(title), page("Important\nA sua conta ser\u00e1 encerrada em breve. Pedimos desculpa pelo inc\u00f3modo.\n" + title))
                  .substantive);
  // A prompt with its close button, a survey asking for feedback, a docs site's page prompt:
  // words that hold the news words' letters ("close", "feedback", "page") are no news.
  expect_one_cosmetic_hunk(header_change(page(title), page("Get our newsletter: regular emails about new features. Close\n" +
                                                           title)),
                           {"page_header"});
  expect_one_cosmetic_hunk(header_change(page(title), page("Tell us what you think! Give feedback on our new help pages.\n" +
                                                           title)),
                           {"page_header"});
  // (A developer site's own prompt: its control's words wherever it stands, page_controls.hpp.)
  expect_one_cosmetic_hunk(
      header_change(page(title), page("Save this page to your developer profile to get notifications on important updates.\n" +
                                      title)),
      {"page_control"});
  // The same promotion set out on two lines, its call on the second.
  expect_one_cosmetic_hunk(header_change(page(title), page("Autumn offer: 100 euros off your first year with us!\n"
                                                           "Call us on 01 23 45 67 89\n" + title)),
                           {"page_header"});
  // Under a label the site puts above its title, too.
  expect_one_cosmetic_hunk(header_change(page("Developer terms\n" + title), page(challenge + "Developer terms\n" + title)),
                           {"page_header"});
}

// Banners with their close buttons above a site's menu (contrib replay: a cable operator's
// privacy policy, four such banners over its menu, each renamed entry alerted): no banner is the
// document's first sentence, so the menu under them is the page's header.
TEST(PageHeader, AMenuUnderBannersWithCloseButtonsIsCosmetic) {
  const std::string banners =
      "Your complete guide to the Summer Games. Every minute. Every medal. Every screen. Go Now close\n"
      "Your Northwind session has timed out due to inactivity. Click here to go back close\n";
  const std::string menu = "- Home\n- TV\n- Connect\n- Account\n- Shop\n- Help\n- Security\n";
  std::string renamed = menu;
  renamed.replace(renamed.find("- Shop"), 6, "- Upgrade Services");
  expect_one_cosmetic_hunk(header_change(page(banners + menu + "# Privacy Policy\n"), page(banners + renamed + "# Privacy Policy\n")),
                           {"page_header"});
  EXPECT_EQ(first_sentence(parse_text(page(banners + menu))), 9u);
}

// Twins: a list item that ends on "close" is a clause ("... update or close"), and a paragraph
// whose last words call no one to anything is too: the document starts there (reviews' finds).
TEST(PageHeader, AClauseEndingOnCloseIsTheFirstSentence) {
  const Text listed = parse_text(
      "- Accounts. We may suspend your account, transfer it to another owner or simply close\n- Home\n- Help\n" + kBody);
  EXPECT_EQ(first_sentence(listed), 0u);
  for (const char* clause : {"We keep your data while your account is open. We delete it thirty days after you close",
                             "These terms cover every Northwind service. Accounts without a login for two years close",
                             "Claims. If a claim is frivolous or brought in bad faith, the arbitrator may dismiss"})
    EXPECT_EQ(first_sentence(parse_text(std::string(clause) + "\n- Home\n- Help\n" + kBody)), 0u) << clause;
  EXPECT_TRUE(header_change(page("These terms cover every Northwind service. Accounts without a login for two years close\n"),
                            page("These terms cover every Northwind service. Accounts without a login for two weeks close\n"))
                  .substantive);
  // The button as a glyph, or in German, is one.
  EXPECT_EQ(first_sentence(parse_text("Your Northwind session has timed out due to inactivity. Click here to go back \xC3\x97\n" +
                                      kBody)),
            1u);
  EXPECT_EQ(first_sentence(parse_text("Ihre Sitzung ist wegen Inaktivit\xC3\xA4t abgelaufen. Jetzt neu anmelden "
                                      "schlie\xC3\x9F" "en\n" + kBody)),
            1u);
}

// Twins: on a text without headings, or under a line announcing it, a list is the document's:
// a service or a processor renamed in it is news (a review's finds).
TEST(PageHeader, AListTheDocumentAnnouncesOrWithoutATitleIsNoMenu) {
  const std::string services = "These terms apply to the following services:\n- Northwind TV\n- Northwind Radio\n"
                               "- Northwind Mobile\n- Northwind Home\n";
  std::string renamed = services;
  renamed.replace(renamed.find("Northwind Radio"), 15, "Fabrikam Streaming");
  EXPECT_TRUE(header_change(services + kBody, renamed + kBody).substantive);
  const std::string processors = "- Amazon Web Services\n- Stripe\n- Twilio\n- Zendesk\n- Mailchimp\n";
  std::string switched = processors;
  switched.replace(switched.find("Twilio"), 6, "Message Bird");
  std::string no_headings = kBody;
  for (std::size_t at; (at = no_headings.find("## ")) != std::string::npos;) no_headings.erase(at, 3);
  EXPECT_TRUE(header_change(processors + no_headings, switched + no_headings).substantive);
}

// The fourth review's finds above the title: a shop closing (in English, French, German), a
// move to another company's app riding along a newsletter prompt.
TEST(PageHeader, ABannerSayingTheShopClosesOrAMoveRidingAlongIsNews) {
  const std::string title = "# Terms of Service\n";
  for (const char* banner : {"Welcome back! Our web shop closes at the end of the month, so order now!\n",
                             "Bienvenue ! Notre boutique en ligne ferme ses portes, commandez vite !\n",
                             "Willkommen zur\xC3\xBC" "ck! Unser Webshop wird zum Monatsende eingestellt, bestellen Sie jetzt noch!\n",
                             "Sign up for our newsletter today and never miss a prompt!\nVisit Orbix Notes, the new home of "
                             "every Northwind journal!\n"})
    EXPECT_TRUE(header_change(page(title), page(banner + title)).substantive) << banner;
}

// Twins: above the title, a line naming the document, a date of effect, a topic of the terms,
// and a banner whose title is no longer the document's are news.
TEST(PageHeader, AboveTheTitleANoticeOfTheTermsADateOrATopicIsNews) {
  const std::string title = "# Terms of Service\n";
  EXPECT_TRUE(header_change(page(title), page("Please read these terms carefully before you use the service.\n" + title))
                  .substantive);
  EXPECT_TRUE(header_change(page(title), page("Effective March 10, 2026\n" + title)).substantive);
  EXPECT_TRUE(header_change(page("This article applies to selling in: United Kingdom\n" + title),
                            page("This article applies to selling in: France\n" + title))
                  .substantive);
  EXPECT_TRUE(header_change(page(title), page("Unsere neue Datenschutzrichtlinie finden Sie hier. Sie tritt am 13. Juli 2026 "
                                              "in Kraft.\n" + title))
                  .substantive);
  EXPECT_TRUE(header_change(page(title), page("Nuestra nueva pol\xC3\xADtica se aplica desde el 1 de julio de 2026.\n" + title))
                  .substantive);
  EXPECT_TRUE(header_change(page(title), page("From June 1, 2026 we use your inputs to train our models.\n" + title))
                  .substantive);
  // Sentences above the first heading are the document's, and so is what is put among them:
  // a section's heading first is no title.
  EXPECT_TRUE(header_change(page("This notice describes how Northwind collects your information.\n" + title),
                            page("This notice describes how Northwind collects your information.\n"
                                 "Southbay Limited, registered in Dublin, is the controller of your data.\n" +
                                 title))
                  .substantive);
  EXPECT_TRUE(header_change(page("### 1. What we collect\n"),
                            page("Southbay Limited, registered in Dublin, is the controller of your data.\n"
                                 "### 1. What we collect\n"))
                  .substantive);
  // A review: clauses above the title that call no one to anything, or speak of the reader's
  // account, data or rights, whatever their language.
  for (const std::string clause :
       {"Lumenfield has been bought by Orbix Holdings, which now controls your account and everything in it.",
        "We now read your private messages to check them for scams before they are delivered.",
        "Wichtig: Ab sofort entscheidet ausschlie\xC3\x9Flich ein Schiedsgericht in Z\xC3\xBCrich \xC3\xBC" "ber alle "
        "Streitigkeiten mit Lumenfield.",
        "Important! We now sell what you post to advertisers and brokers.",
        "Nouveau ! Vos donn\xC3\xA9" "es sont d\xC3\xA9sormais h\xC3\xA9" "berg\xC3\xA9" "es aux \xC3\x89tats-Unis.",
        // A second review: calls to the reader about no site matter, or saying the news.
        "Exciting news! Lumenfield has been acquired by Globex Corp and will join the Globex family.",
        "We are shutting down on June 30. Download your photos before then!",
        "Heads up! Refunds are no longer available for annual plans.",
        "Sorry for the inconvenience, uploads are now limited to 1 GB per user.",
        "Join our webinar! From May 1 the minimum age to use Lumenfield is 18 years old.",
        "Welcome to the new Lumenfield! We now share your photos with our partners.",
        "The Lumenfield Local programme has been discontinued as of January 1, 2026. Learn what this means for you \xE2\x86\x92",
        "Uwaga! Od 1 czerwca udost\xC4\x99pniamy Twoje zdj\xC4\x99" "cia partnerom reklamowym."}) {
    EXPECT_TRUE(header_change(page(title), page(clause + "\n" + title)).substantive) << clause;
  }
  // Above the first sentence, below the title: an exclamation that says something is no label;
  // one about the site's own matters is.
  EXPECT_TRUE(header_change(page(title), page(title + "Starting today, anyone can see your profile!\n")).substantive);
  EXPECT_FALSE(header_change(page(title), page(title + "Take our two-minute survey and win a mug!\n")).substantive);
  EXPECT_FALSE(header_change(page(title + "Welcome to the Northwind corporate website!\n"), page(title)).substantive);
  // A numbered first heading opens a section, not the document: what stands above it is the
  // document's own opening.
  EXPECT_TRUE(header_change(page("Lumenfield Ireland Ltd runs this service for members in Europe.\n## 1. Your account\n"),
                            page("Orbix Inc of Texas runs this service for all members.\n## 1. Your account\n"))
                  .substantive);
  // The title changed with it: the page now opens with another document.
  EXPECT_TRUE(header_change(page(title), page("Submit your app to the Northwind Builders Challenge by August 19!\n"
                                              "# Developer Agreement\n"))
                  .substantive);
}

// Twins: what the head of a document says.
// A shop's carousel above its terms of sale: product cards (name, brand, price tag, badge).
std::string carousel(const std::string& first_card) {
  return "# Terms of sale\nYOU MIGHT LIKE\n" + first_card + "\nNew\nWool scarf\nNORTH PINE\n80,00\xE2\x82\xAC\n";
}

TEST(PageHeader, ProductCardsAboveTheFirstSentenceAreCosmetic) {
  const Change replaced = header_change(page(carousel("Tweed dress\nHALVARD\n445,00\xE2\x82\xAC")),
                                        page(carousel("Cotton shirt\nLUMEN ATELIER\n1 195,00\xE2\x82\xAC")));
  EXPECT_FALSE(replaced.substantive);
  ASSERT_FALSE(replaced.hunks.empty());
  EXPECT_EQ(replaced.hunks[0].cosmetic_kinds, (Kinds{"page_header"}));
  // Names with digits in them, a name cut short.
  EXPECT_FALSE(header_change(page(carousel("Silver bracelet 3g\nHALVARD\n170,00\xE2\x82\xAC")),
                             page(carousel("Striped sweat Y-3\nLUMEN ATELIER\nStriped sweat with bands and a hood...\n"
                                           "230,00\xE2\x82\xAC")))
                   .substantive);
  // A card on sale: two prices, and a discount label.
  EXPECT_FALSE(header_change(page(carousel("Backpack\nBRIGHTWATER\n95,00\xE2\x82\xAC 47,50\xE2\x82\xAC\n\\-50%")),
                             page(carousel("Tweed dress\nHALVARD\n$445.00")))
                   .substantive);
}

TEST(PageHeader, APriceRevisedUnderItsLabelOrAPriceInAClauseAboveTheFirstSentenceIsNews) {
  // The product (a plan) stays, its price changes: a price rise.
  EXPECT_TRUE(header_change(page("# Terms\nPremium plan\n9,99\xE2\x82\xAC\n"), page("# Terms\nPremium plan\n12,99\xE2\x82\xAC\n"))
                  .substantive);
  // A price with what it is for is no tag.
  EXPECT_TRUE(header_change(page("# Terms\nPremium plan\n9,99\xE2\x82\xAC per month\n"),
                            page("# Terms\nPremium plan for families\n12,99\xE2\x82\xAC per month\n"))
                  .substantive);
  // On a shop's listing (4 price tags or more above the document), a product's price revised.
  const std::string listing = "# Terms of sale\nYOU MIGHT LIKE\nWool scarf\n80,00\xE2\x82\xAC\nBelt\n45,00\xE2\x82\xAC\n"
                              "Boots\n210,00\xE2\x82\xAC\nCoat\n";
  EXPECT_FALSE(header_change(page(listing + "750,00\xE2\x82\xAC\n"), page(listing + "790,00\xE2\x82\xAC\n")).substantive);
  // A date or a label with its value among the cards states something.
  EXPECT_TRUE(header_change(page(carousel("Tweed dress\nHALVARD\n445,00\xE2\x82\xAC")),
                            page(carousel("Tweed dress\nOffer ends 31 March 2026\n445,00\xE2\x82\xAC")))
                  .substantive);
  // Below the first sentence, cards are the document's (a fee schedule's entries).
  EXPECT_TRUE(header_change(page("# Terms\n") + "Delivery to a locker\n4,99\xE2\x82\xAC\n",
                            page("# Terms\n") + "Delivery to your door\n6,99\xE2\x82\xAC\n")
                  .substantive);
}

TEST(PageHeader, ATableAboveTheFirstSentenceIsTheDocument) {
  EXPECT_TRUE(header_change(page("# Terms of Service\nData | Kept for\nChats | until you delete them\n"),
                            page("# Terms of Service\nData | Kept for\nChats | for ever\n"))
                  .substantive);
}

TEST(PageHeader, ADateAboveTheFirstSentenceIsNews) {
  EXPECT_TRUE(header_change(page("# Terms of Service\nLast updated 3 March 2025\n"),
                            page("# Terms of Service\nLast updated 9 June 2026\n"))
                  .substantive);
}

TEST(PageHeader, AScopeAboveTheFirstSentenceIsNews) {
  EXPECT_TRUE(header_change(page("# Terms of Service\nThese terms apply to users in: United Kingdom\n"),
                            page("# Terms of Service\nThese terms apply to users in: France\n"))
                  .substantive);
}

TEST(PageHeader, ANameSwitchedAboveTheFirstSentenceIsNews) {
  const Change change =
      header_change(page("# Terms of Service\nProvided by\nNorthwind Limited\n"), page("# Terms of Service\nProvided by\nSouthbay Holdings\n"));
  EXPECT_TRUE(change.substantive);
}

// A review's find: a scope above the first sentence, a label without a full stop.
TEST(PageHeader, AScopeWrittenAsALabelAboveTheFirstSentenceIsNews) {
  EXPECT_TRUE(header_change(page("For customers in the European Union\n# Terms of Service\n"), page("# Terms of Service\n"))
                  .substantive);
  EXPECT_TRUE(header_change(page("# Terms of Service\nApplies to users outside the United States\n"),
                            page("# Terms of Service\nApplies to users in every country\n"))
                  .substantive);
  // A menu's "For Business" is a label.
  expect_one_cosmetic_hunk(header_change(page("- Home\n- For Business\n# Terms of Service\n"),
                                         page("- Home\n- For Developers\n# Terms of Service\n")),
                           Kinds{"page_header"});
}

// The second review's finds: a list of what the policy collects in a header that also holds a
// menu, a banner under the title with the key points below it, a banner telling of a service
// ending: news.
TEST(PageHeader, AListThatIsNoMenuOrABannerUnderTheTitleStaysNews) {
  const std::string menu = "- Home\n- TV\n- Internet\n- Mobile\n- Help\n";
  EXPECT_TRUE(header_change(page(menu + "# Privacy Policy\n- Contacts\n- Photos\n- Location\n- Messages\n- Payments\n"),
                            page(menu + "# Privacy Policy\n- Contacts\n- Voice Recordings\n- Location\n- Messages\n- Payments\n"))
                  .substantive);
  const std::string welcome = "# Lumen Studio Terms\nWelcome to Lumen Studio, and thank you for joining our growing community of makers!\n";
  EXPECT_TRUE(header_change(page(welcome + "- You own everything you create\n"), page(welcome + "- Lumen owns everything you create\n"))
                  .substantive);
  EXPECT_TRUE(header_change(page("# Lumen Studio Terms\n"),
                            page("# Lumen Studio Terms\nGet our app now, because this website will stop taking orders at the "
                                 "end of the month!\n"))
                  .substantive);
}

// The third review's finds: a list under the title or under a label that names like sections
// (recipients, data) is no menu; past a banner, the header stops at the title.
TEST(PageHeader, ListsUnderTheTitleOrALabelAndKeyPointsUnderABannerAndTitleStayNews) {
  const std::string recipients = "- Support\n- Community\n- Partners\n- Developers\n- Advertisers\n";
  std::string insurers = recipients;
  insurers.replace(insurers.find("- Advertisers"), 13, "- Insurance Companies");
  EXPECT_TRUE(header_change(page("# Privacy Policy\n" + recipients), page("# Privacy Policy\n" + insurers)).substantive);
  EXPECT_TRUE(header_change(page("Who can see your data\n" + recipients), page("Who can see your data\n" + insurers)).substantive);
  // Key points said of the parties under the title, no banner above: the terms' too.
  EXPECT_TRUE(header_change(page("# Lumen Studio Terms\nKey points\n- You own everything you create\n"),
                            page("# Lumen Studio Terms\nKey points\n- Lumen owns everything you create\n"))
                  .substantive);
  const std::string banner = "Join our newsletter today, and get fresh ideas for your next project every single week!\n";
  EXPECT_TRUE(header_change(page(banner + "# Lumen Studio Terms\nKey points\n- You own everything you create\n"),
                            page(banner + "# Lumen Studio Terms\nKey points\n- Lumen owns everything you create\n"))
                  .substantive);
}

TEST(PageHeader, AShortSentenceAboveTheFirstSentenceIsNews) {
  EXPECT_TRUE(header_change(page("# Terms of Service\nThese terms do not apply to business accounts.\n"), page("# Terms of Service\n"))
                  .substantive);
}

TEST(PageHeader, ASummaryOfTheTermsTopicsAboveTheFirstSentenceIsNews) {
  // Short lines without punctuation, as a "key points" box writes them: the classifier finds
  // a topic in them (data sale, AI training), so they are the document.
  EXPECT_TRUE(header_change(page("# Privacy Policy\n## Key points\n- We never sell your personal data\n- Encryption everywhere\n"),
                            page("# Privacy Policy\n## Key points\n- Encryption everywhere\n"))
                  .substantive);
  EXPECT_TRUE(header_change(page("# Privacy Policy\n## Key points\n- Encryption everywhere\n"),
                            page("# Privacy Policy\n## Key points\n- Encryption everywhere\n- Your chats train our AI models\n"))
                  .substantive);
}

TEST(PageHeader, LabelsBelowTheLastSentenceAreTheDocument) {
  // An annex written as a bare list, below the last sentence: a new cookie, a new processor.
  const std::string head = "# Cookie Policy\n";
  EXPECT_TRUE(header_change(page(head) + "## Cookies we use\n- Session\n- Preferences\n",
                            page(head) + "## Cookies we use\n- Session\n- Preferences\n- Heatmap recorder\n")
                  .substantive);
}

TEST(PageHeader, AListThatIsTheWholeDocumentIsNews) {
  // A ranking page in short bullets, its one sentence at the end: the bullets are the text.
  const std::string before = "# How results are ranked\n- Relevance of the query\n- Freshness of the page\n- Quality of the site\n"
                             "These are the main parameters, in order of weight, that decide the order of the results we show.\n";
  std::string after = before;
  after.replace(after.find("- Freshness of the page\n"), 24, "- Sponsorship by the seller\n");
  EXPECT_TRUE(header_change(before, after).substantive);
}

TEST(PageHeader, ADateStampBesideOnlyALabelIsNewsAgain) {
  // The date moving with a change of the terms says nothing more; moving with a label only,
  // it is the one change, and news.
  const std::string before = page("# Terms of Service | Northwind Help\n") + "Effective 3 March 2025\n";
  const std::string after = page("# Terms of Service\n") + "Effective 9 June 2026\n";
  const Change change = header_change(before, after);
  EXPECT_TRUE(change.substantive);
}

const std::string kFooter =
    "#### Customer service\n- Contact us\n- Refund\n- Claims\n#### About us\n- Site map\n- Newsletter\n"
    "#### Flights from\n- London\n- Manchester\n- Lyon\n";

TEST(PageFooter, TheFooterStartsAtItsFirstColumn) {
  const Text text = parse_text(page("# Terms\n") + "## Processors\n- Cloudhost\n" + kFooter);
  const std::size_t start = site_footer_start(text);
  ASSERT_LT(start, text.blocks.size());
  EXPECT_EQ(text.blocks[start].text, "Customer service");
  const Text one_link = parse_text(page("# Terms\n") + "- Help\n- Lyon\n");
  EXPECT_EQ(site_footer_start(one_link), one_link.blocks.size());  // one link: no footer
}

// Reviews' finds in a footer: a company renamed that keeps its brand, a site's dialog saying
// something without a full stop, a statutory opt-out link taken away, and the policy's own
// "Contact us" section above the footer's links.
TEST(PageFooter, ACompanyADialogAnOptOutLinkOrThePolicysContactSectionIsNews) {
  const std::string menu = "- Careers\n- FAQs\n- Site map\n- Terms of use\n- Privacy center\n";
  auto with = [&](const std::string& footer) { return page("# Terms\n") + footer; };
  EXPECT_TRUE(header_change(with(menu + "- Operated by Northwind Health Plans Inc\n"),
                            with(menu + "- Operated by Northwind Holdings LLC\n"))
                  .substantive);
  auto dialogs = [](const std::string& notice) {
    return "Copyright \xC2\xA9 2019 Northwind Inc.\nYou are now leaving the Northwind website\n" + notice + "\n";
  };
  const std::string dialog_before = dialogs("Northwind is not responsible for the privacy practices of linked sites");
  const std::string dialog = dialogs("Northwind shares your browsing history with the sites you visit from here");
  EXPECT_TRUE(header_change(with(menu + dialog_before), with(menu + dialog)).substantive);
  EXPECT_TRUE(header_change(with(menu + "- Do Not Sell or Share My Personal Information\n"), with(menu)).substantive);
  const std::string contact = "## Contact us\nNorthwind Europe Limited\nAttention of the Data Protection Officer\n";
  EXPECT_TRUE(header_change(with(contact + menu), with("## Contact us\nNorthwind Ireland Limited\nAttention of the Data "
                                                       "Protection Officer\n" + menu))
                  .substantive);
}

// The second review's finds: an opt-out link in other words, a clause without its full stop, a
// company by a legal form the first lists missed, an insurer named below the copyright line,
// the policy's contact section as a list, its list of services announced above the footer.
TEST(PageFooter, OptOutLinksClausesCompaniesAndThePolicysListsInTheFooterAreNews) {
  const std::string links = "- Contact us\n- Careers\n- Press\n- Site map\n- Accessibility\n";
  const std::string copyright = "Copyright \xC2\xA9 2026 Northwind Inc.\n";
  auto with = [&](const std::string& above, const std::string& before_copy, const std::string& after_copy) {
    return page("# Terms\n") + above + links + before_copy + copyright + after_copy;
  };
  EXPECT_TRUE(header_change(with("", "- Your Privacy Choices\n", ""), with("", "", "")).substantive);
  EXPECT_TRUE(header_change(with("", "- Opt out of sale or sharing\n", ""), with("", "", "")).substantive);
  EXPECT_TRUE(header_change(with("", "Northwind does not sell your personal information\n", ""),
                            with("", "Northwind may sell your personal information\n", ""))
                  .substantive);
  EXPECT_TRUE(header_change(with("", "Northwind Payments S.L.\n", ""), with("", "Orbix Pagos S.L.\n", "")).substantive);
  EXPECT_TRUE(header_change(with("", "", "Insured by Lumen Mutual\n"), with("", "", "Insured by Orbix Mutual\n")).substantive);
  EXPECT_TRUE(header_change(with("## Contact us\n- Northwind Europe\n- Privacy team\n", "", ""),
                            with("## Contact us\n- Orbix Data Group\n- Privacy team\n", "", ""))
                  .substantive);
  const std::string covered = "This policy applies to the following Northwind services:\n- Store\n- Support\n- Community\n";
  EXPECT_TRUE(header_change(with(covered, "", ""), with(covered + "- Health\n", "", "")).substantive);
}

// The third review's finds in a footer: a regulator, a controller, an operator without a legal
// form, an opt-out link in Spanish, the policy's list of services under its own heading.
TEST(PageFooter, ARegulatorAControllerAnOperatorOrAListUnderTheDocumentsHeadingIsNews) {
  const std::string links = "- Contact us\n- Careers\n- Press\n- Site map\n- Accessibility\n";
  const std::string copyright = "Copyright \xC2\xA9 2026 Northwind Inc.\n";
  auto with = [&](const std::string& above, const std::string& line) { return page("# Terms\n") + above + links + line + copyright; };
  for (const auto& [before, after] : std::vector<std::pair<std::string, std::string>>{
           {"Regulated by the Central Bank of Ireland\n", "Regulated by the Bank of Lithuania\n"},
           {"Northwind Europe is the data controller for EU users\n", "Orbix Data Group is the data controller for EU users\n"},
           {"Operated by Northwind Marketplaces\n", "Operated by Orbix Group\n"},
           {"- Sus opciones de privacidad\n", ""},
           // The fourth review's finds.
           {"- Not FDIC insured\n- No bank guarantee\n- May lose value\n", ""},
           {"- Part of the Orbix Financial Group\n", ""},
           {"Exploité par Northwind SAS\n", "Exploité par Orbix Marchés\n"},
           {"- Your California Privacy Choices\n", ""}})
    EXPECT_TRUE(header_change(with("", before), with("", after)).substantive) << before;
  const std::string covered = "## Services this policy covers\n- Store\n- Support\n- Community\n- Developers\n";
  EXPECT_TRUE(header_change(with(covered, ""), with(covered + "- Health\n", "")).substantive);
  const std::string recipients = "## Who receives your data\n- Support\n- Partners\n- Developers\n";
  EXPECT_TRUE(header_change(with(recipients, ""), with(recipients + "- Insurers\n", "")).substantive);
}

TEST(PageFooter, TheSiteFootersLinksAreCosmetic) {
  std::string renamed = kFooter, cities = kFooter;
  renamed.replace(renamed.find("- Refund"), 8, "- Request a receipt");
  cities.replace(cities.find("- London\n- Manchester\n"), 22, "- Brussels\n");
  Change change = header_change(page("# Terms\n") + kFooter, page("# Terms\n") + renamed);
  expect_one_cosmetic_hunk(change, {"page_footer"});
  EXPECT_FALSE(header_change(page("# Terms\n") + kFooter, page("# Terms\n") + cities).substantive);
}

// Contrib replay: a payment app's privacy policy, its footer put on whole (columns titled by
// lines of their own, the company's address, the copyright line) above the app store's rating
// and the app's button closing the page. Twins: a law's link in it, a clause put on with it, the
// footer's copyright line taken off alone with a regulator, a contact line above its links.
TEST(PageFooter, AFooterPutOnWholeAboveThePagesControlsIsCosmetic) {
  const std::string footer = "Company\nAbout us\nPress & Media\nContact us\nResources\nPrivacy Policy\nTerms & Conditions\n"
                             "Address\n12 Harbour Road, Dublin 2\n\xC2\xA9 2023 Northwind Payments Limited.\n";
  const std::string controls = "\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\nGet the App\n";
  const std::string terms = page("# Terms\n");
  const Change put_on = header_change(terms + controls, terms + footer + controls);
  expect_one_cosmetic_hunk(put_on, {"page_footer"});
  EXPECT_FALSE(header_change(terms + footer + controls, terms + controls).substantive);
  EXPECT_FALSE(header_change(terms, terms + footer).substantive);
  EXPECT_TRUE(header_change(terms + controls, terms + footer + "Do Not Sell or Share My Personal Information\n" + controls)
                  .substantive);
  EXPECT_TRUE(header_change(terms + controls,
                            terms + "We may share your payment history with credit agencies to assess your account.\n" + footer +
                                controls)
                  .substantive);
  const std::string regulated = "Regulated by the Central Bank of Ireland\n";
  EXPECT_TRUE(header_change(terms + footer + regulated + "\xC2\xA9 2024 Northwind Payments Limited.\n",
                            terms + footer)
                  .substantive);
  const Text contact = parse_text(terms + "Email: privacy@northwind.example\n" + footer);
  EXPECT_EQ(contact.blocks[site_footer_start(contact)].text, "Company");
  // A contact line in it is the footer's too.
  const std::string with_contact = "Company\nAbout us\nContact us\nPrivacy Policy\nEmail: hello@northwind.example\n"
                                   "\xC2\xA9 2023 Northwind Payments Limited.\n";
  EXPECT_FALSE(header_change(terms + controls, terms + with_contact + controls).substantive);
  // The review's finds: a clause, a regulator or a controller in a footer put on or taken off
  // whole; a short line of the document above the footer's links is no column's title.
  const auto in_footer = [&](const std::string& line) {
    return "Company\nAbout us\nContact us\n" + line + "\nPrivacy Policy\n\xC2\xA9 2023 Northwind Payments Limited.\n";
  };
  for (const char* line : {"We sell your data to advertisers.", "Regulated by the Central Bank of Ireland",
                           "Data controller: Acme Ad Network Inc.", "Only for users 18+"}) {
    EXPECT_TRUE(header_change(terms + controls, terms + in_footer(line) + controls).substantive) << line;
    EXPECT_TRUE(header_change(terms + in_footer(line) + controls, terms + controls).substantive) << line;
  }
  const std::string links = "About us\nContact us\nPrivacy Policy\n\xC2\xA9 2023 Northwind Payments Limited.\n";
  EXPECT_TRUE(header_change(terms + "All sales final\n" + links, terms + "Refunds always accepted\n" + links).substantive);
  EXPECT_TRUE(header_change(terms + "Irish law applies\n" + links, terms + "Delaware law applies\n" + links).substantive);
}

TEST(PageFooter, AnEntryOfTheFootersListsRenamedIsCosmetic) {
  // Contrib replays: a carmaker's footer ("Safety Recalls" for "Ignition Recall") and a cable
  // company's ("Queue" for "Watchlist"), each a link's label, alerted as a name switched.
  std::string renamed = kFooter;
  renamed.replace(renamed.find("- Claims"), 8, "- Ignition Recall");
  const Change change = header_change(page("# Terms\n") + kFooter, page("# Terms\n") + renamed);
  expect_one_cosmetic_hunk(change, {"page_footer"});
  // Twins: a name switched on a line of its own in the footer, or in a list above the first
  // sentence, stays news.
  EXPECT_TRUE(header_change(page("# Terms\n") + kFooter + "Northwind Limited\n", page("# Terms\n") + kFooter + "Southbay Holdings\n")
                  .substantive);
  EXPECT_TRUE(header_change(page("# Terms\n- Provided by\n- Northwind Limited\n"), page("# Terms\n- Provided by\n- Southbay Holdings\n"))
                  .substantive);
  std::string operator_renamed = kFooter + "- Northwind Limited\n";
  std::string operator_after = kFooter + "- Southbay Holdings Ltd\n";
  EXPECT_TRUE(header_change(page("# Terms\n") + operator_renamed, page("# Terms\n") + operator_after).substantive);
}

TEST(PageFooter, AFooterGluedIntoLinesOfLabelsIsCosmetic) {
  // A footer whose links the page glued together: "Contact UsHelp Center", a link put in.
  const std::string glued = "#### You found your people\nNorthwind PulseBlog Press Kit\nContact UsHelp Center\n";
  std::string more = glued;
  more.replace(more.find("Help Center"), 11, "Help CenterSitemap");
  const Change change = header_change(page("# Terms\n") + glued, page("# Terms\n") + more);
  expect_one_cosmetic_hunk(change, {"page_footer"});
  // A glued line of labels above the first sentence, one label renamed, is no name switched.
  EXPECT_FALSE(header_change(page("AboutCareersPressBusinesses\n# Terms\n"), page("AboutCareersPressAdvertise\n# Terms\n"))
                   .substantive);
  // Twins: glued labels that are no footer's; a name switched.
  EXPECT_TRUE(header_change(page("# Terms\n") + "#### Processors\nCloudhost MongoBase\n",
                            page("# Terms\n") + "#### Processors\nCloudhost MongoBase HeatMapper\n")
                  .substantive);
  EXPECT_TRUE(header_change(page("Provided by\nNorthwindLimited\n# Terms\n"), page("Provided by\nSouthbayHoldings\n# Terms\n"))
                  .substantive);
}

// Twins: what follows the last sentence and is the document's.
TEST(PageFooter, AnAnnexAboveTheFooterIsTheDocument) {
  EXPECT_TRUE(header_change(page("# Terms\n") + "## Processors\n- Cloudhost\n" + kFooter,
                            page("# Terms\n") + "## Processors\n- Cloudhost\n- Modelworks\n" + kFooter)
                  .substantive);
}

// The site's menu in columns above the footer's links (contrib replay: a product added to an
// operating system's downloads menu, a referral program to an ad network's "Advertisers" column).
const std::string kMenuColumns =
    "#### Advertisers\n- Ads specs\n- Buy your way\n- Support\n#### Insights\n- Glossary\n- Vertical hub\n";

TEST(PageFooter, AnEntryPutInTheSitesMenuAboveTheFooterIsCosmetic) {
  std::string more = kMenuColumns;
  more.replace(more.find("- Support"), 9, "- Referral program\n- Support");
  const std::string copyright = "Copyright \u00a9 2026 Northwind Limited. All rights reserved. Northwind is a trademark of Northwind Limited.\n";
  const Change change = header_change(page("# Terms\n") + kMenuColumns + kFooter + copyright,
                                      page("# Terms\n") + more + kFooter + copyright);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"page_footer"}));
}

// Contrib replay: a publisher's terms, whose copyright line carries the footer's links after
// bars ("... All rights reserved. Privacy Policy | Legal | Contact Us") and so reads as a
// table's row: it is still the footer's last line, not the document's last sentence, and an
// entry of the menu above it taken away is furniture. A row of a real table below the menu
// keeps the menu inside the document.
TEST(PageFooter, ACopyrightLineWithBarsClosesTheFooter) {
  const std::string menu = "Publication Categories\n- Business\n- Developer\n- Life\n";
  const std::string copyright = "\u00a92024 Northwind, Inc. All rights reserved. Privacy Policy | Legal | Contact Us\n";
  std::string fewer = menu;
  fewer.replace(fewer.find("- Developer\n"), 12, "");
  const Change change = header_change(page("# Terms\n") + kFooter + menu + copyright, page("# Terms\n") + kFooter + fewer + copyright);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"page_footer"}));
  // A review's finds: the list the last sentence announces, and a list under a scope's heading,
  // are the document's, whatever sections or links they name.
  const std::string channels = "You can exercise these rights through any of the channels listed below, free of charge.\n";
  EXPECT_TRUE(header_change(page("# Terms\n") + channels + "- Help Center\n- Contact us\n- Privacy Portal\nCareers\nPress\n" + copyright,
                            page("# Terms\n") + channels + "- Help Center\n- Contact us\nCareers\nPress\n" + copyright)
                  .substantive);
  EXPECT_TRUE(header_change(page("# Terms\n") + "## Scope\n- Store\n- Community\n- Support\n- Lumen Pay\n" + kFooter + copyright,
                            page("# Terms\n") + "## Scope\n- Store\n- Community\n- Support\n" + kFooter + copyright)
                  .substantive);
  const std::string table = "Plan | Price | Renewal\nBasic | 5 EUR | monthly, until you cancel it in your account settings\n";
  EXPECT_TRUE(header_change(page("# Terms\n") + kFooter + menu + table, page("# Terms\n") + kFooter + fewer + table).substantive);
}

// Contrib replay: a health insurer's privacy statement, its footer's links above the copyright
// line, then a "leaving our site" dialog and a JavaScript notice whose sentences hid the footer
// (an entry put in the footer alerted, five times in its history).
TEST(PageFooter, TheFooterAboveTheCopyrightLineIsFoundUnderTheDialogsSentences) {
  const std::string menu = "- Careers\n- Site map\n- Glossary\n- Plan disclosures\n";
  const std::string tail =
      "Copyright \xC2\xA9 2019 Northwind Inc.\nJavaScript is required\n"
      "In order to have the best experience on our site, JavaScript needs to be enabled in your browser.\n"
      "You are now leaving the Northwind website\n"
      "Links to other sites are provided for your convenience only, and we are not responsible for their content.\n";
  const std::string terms = page("# Terms\n") + kBody;  // the tail is a quarter of its words at most
  const Text text = parse_text(terms + menu + tail);
  const std::size_t start = site_footer_start(text);
  ASSERT_LT(start, text.blocks.size());
  EXPECT_EQ(text.blocks[start].text, "Careers");
  const Change change = header_change(terms + menu + tail,
                                      terms + menu + "- Grievance forms\n" + tail);
  expect_one_cosmetic_hunk(change, {"page_footer"});
  // The dialog's sentences stay news (they say something), and so does a policy whose
  // copyright line stands above a long part of the document: its sections are no dialog.
  EXPECT_TRUE(header_change(terms + menu + tail,
                            terms + menu +
                                std::string(tail).replace(tail.find("we are not"), 10, "we share your visits with"))
                  .substantive);
  const std::string annex = "Copyright \xC2\xA9 2019 Northwind Inc.\n## Annex\n" + kBody + "- Careers\n";
  EXPECT_EQ(site_footer_start(parse_text(terms + menu + annex)),
            parse_text(terms + menu + annex).blocks.size());
  // A review's finds: the footer ends with the copyright line. A short clause after it, an
  // annex's list after it (its channels, its processors), and a statutory notice's link in it
  // stay news.
  auto after_copyright = [&](const std::string& line) {
    return terms + menu + "Copyright \xC2\xA9 2019 Northwind Inc.\n" + line + "\nJavaScript is required\n";
  };
  EXPECT_TRUE(header_change(after_copyright("Your data is stored in the EU"), after_copyright("Your data is stored in the USA"))
                  .substantive);
  EXPECT_TRUE(header_change(after_copyright("Vos donn\xC3\xA9" "es sont h\xC3\xA9" "berg\xC3\xA9" "es en France"),
                            after_copyright("Vos donn\xC3\xA9" "es sont h\xC3\xA9" "berg\xC3\xA9" "es aux \xC3\x89tats-Unis"))
                  .substantive);
  const std::string channels = "## Annex\nYou can reach us through the channels listed below:\n- Help center\n- Contact us\n";
  EXPECT_TRUE(header_change(after_copyright(channels + "- Postal mail to our DPO"), after_copyright(channels)).substantive);
  EXPECT_TRUE(header_change(terms + menu + "- Washington Health Data Notice\n" + tail, terms + menu + tail).substantive);
  // Contrib replay: a carmaker's footer, its copyright line among its links; an entry below it
  // renamed, and a footer's link marked updated, are labels.
  // A list of processors right after the copyright line is the document's (a review's find).
  EXPECT_TRUE(header_change(after_copyright("- Amazon Web Services\n- Stripe"),
                            after_copyright("- Amazon Web Services\n- Stripe\n- Meta Platforms (advertising)"))
                  .substantive);
  const std::string links = "- \xC2\xA9 2014 Northwind Motors\n- Contact Us\n- Sitemap\n";
  EXPECT_FALSE(header_change(terms + menu + links + "- Dealers and Suppliers\n- Careers\n",
                             terms + menu + links + "- Ignition Recall\n- Careers\n")
                   .substantive);
  EXPECT_FALSE(header_change(terms + menu + "- Privacy Policy (Update)\n" + tail, terms + menu + "- Privacy Policy (Updated)\n" + tail)
                   .substantive);
}

// A review's finds in a footer: the copyright line naming another holder (the site may have
// changed hands; another year is the same holder), an insurer through whom products are offered.
TEST(PageFooter, ACopyrightHolderChangedOrAnInsurerOfferedThroughIsNews) {
  const std::string menu = "- Careers\n- Site map\n- Glossary\n";
  const std::string terms = page("# Terms\n");
  EXPECT_TRUE(header_change(terms + menu + "Copyright \xC2\xA9 2019 Northwind Inc.\n",
                            terms + menu + "Copyright \xC2\xA9 2019 Acme Data Holdings Inc.\n")
                  .substantive);
  for (const char* holder : {"Northwind Inc., a subsidiary of Acme Holdings", "Northwind Inc. and Acme Inc.",
                             "Northwind SAS, filiale du groupe Acme"})
    EXPECT_TRUE(header_change(terms + menu + "Copyright \xC2\xA9 2019 Northwind Inc.\n",
                              terms + menu + "Copyright \xC2\xA9 2019 " + holder + "\n")
                    .substantive)
        << holder;
  EXPECT_FALSE(header_change(terms + menu + "Copyright \xC2\xA9 2019 Northwind Motors Disclaimers\n",
                             terms + menu + "Copyright \xC2\xA9 2019 Northwind Motors\n")
                   .substantive);
  EXPECT_FALSE(header_change(terms + menu + "Copyright \xC2\xA9 2019 Northwind Inc. All rights reserved.\n",
                             terms + menu + "Copyright \xC2\xA9 2026 Northwind Inc. All rights reserved.\n")
                   .substantive);
  EXPECT_TRUE(header_change(terms + menu + "Insurance products are offered through Northwind Insurance Agency\n",
                            terms + menu + "Insurance products are offered through Acme Brokerage Group\n")
                  .substantive);
}

// Contrib replay: a cable company's privacy policy, its site menu under the policy ("I Want To",
// "Shop") above a footer of press rooms and site indexes, an entry of six words put in.
const std::string kShopMenu =
    "I Want To\n- View and Pay Bill\n- Upgrade My Service\n- Move My Services\n- Support\nShop\n- Deals and Offers\n"
    "About Northwind\n- Careers\n- Press Room\n- Site Index\n- Ad Choices\n";

TEST(PageFooter, AnEntryPutInAShopsMenuAboveItsFooterIsCosmetic) {
  std::string more = kShopMenu;
  more.replace(more.find("Shop\n"), 5, "- Manage My WiFi On Demand Account\nShop\n");
  const Change change = header_change(page("# Terms\n") + kShopMenu, page("# Terms\n") + more);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"page_footer"}));
}

// The same menu naming one section of the site only ("Shop"), its columns titled by bare lines.
TEST(PageFooter, AnEntryPutInAMenuOfBareColumnTitlesAboveTheFooterIsCosmetic) {
  std::string menu = kShopMenu;
  menu.replace(menu.find("- Support\n"), 10, "");
  menu.replace(menu.find("- Deals and Offers\n"), 19, "- Deals and Offers\n- Compare the Competition\n");
  std::string more = menu;
  more.replace(more.find("Shop\n"), 5, "- Manage My WiFi On Demand Account\nShop\n");
  const Change change = header_change(page("# Terms\n") + menu, page("# Terms\n") + more);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"page_footer"}));
  // Twin: an annex of processors under bare titles above the footer names no section.
  const std::string annex = "Hosting\n- Cloudhost\n- Modelworks\nAnalytics\n- Heatmap Analytics\n- Visitcount\n";
  const std::string footer = "About Northwind\n- Careers\n- Press Room\n- Site Index\n- Ad Choices\n";
  EXPECT_TRUE(header_change(page("# Terms\n") + annex + footer,
                            page("# Terms\n") + annex + "- Shopper Insights\n" + footer)
                  .substantive);
}

// A review's find: an annex's groups under bare titles, headed by the document's heading, one
// of them named as a site's section ("Support"), above the footer: a processor added is news.
TEST(PageFooter, AProcessorAddedToAnAnnexUnderItsHeadingAboveTheFooterIsNews) {
  const std::string annex = "## Annex: our processors\nHosting\n- Cloudhost\n- Modelworks\nSupport\n- Helpdeskly\n- Ticketly\n"
                            "Analytics\n- Visitcount\n- Heatmap Analytics\n";
  const std::string footer = "About Northwind\n- Careers\n- Press Room\n- Site Index\n- Ad Choices\n";
  std::string more = annex;
  more.replace(more.find("- Ticketly\n"), 11, "- Ticketly\n- Mindloop AI Assistant\n");
  EXPECT_TRUE(header_change(page("# Terms\n") + annex + footer, page("# Terms\n") + more + footer).substantive);
}

// Negative twins: a processor of six words added to an annex above the same footer (the annex
// names no section of the site); a clause's sentence put in the menu.
TEST(PageFooter, AProcessorAddedAboveAShopsFooterOrASentenceInItsMenuIsNews) {
  const std::string footer = "About Northwind\n- Careers\n- Press Room\n- Site Index\n- Ad Choices\n";
  const std::string annex = "Processors\n- Cloudhost Data Services Europe Limited\n- Modelworks\n";
  EXPECT_TRUE(header_change(page("# Terms\n") + annex + footer,
                            page("# Terms\n") + annex + "- Northwind Payment Processing Services Ireland\n" + footer)
                  .substantive);
  std::string more = kShopMenu;
  more.replace(more.find("Shop\n"), 5, "- We may share your viewing history with advertisers.\nShop\n");
  EXPECT_TRUE(header_change(page("# Terms\n") + kShopMenu, page("# Terms\n") + more).substantive);
  // A review of the first form: a list of goods naming gift cards, a list of plans naming
  // bundles and deals, above the same footer.
  const std::string returns = "The following items cannot be returned:\n- Gift cards\n- Personalised items\n";
  EXPECT_TRUE(header_change(page("# Terms\n") + returns + footer,
                            page("# Terms\n") + returns + "- Clearance items\n" + footer)
                  .substantive);
  const std::string plans = "The plans covered by this policy are\n- Unlimited mobile plans for personal use\n- Bundles\n"
                            "- Deals & offers\n";
  EXPECT_TRUE(header_change(page("# Terms\n") + plans + footer,
                            page("# Terms\n") + plans + "- Unlimited mobile plans for small businesses\n" + footer)
                  .substantive);
}

// Negative twin: cookies listed by category above the footer name no section of the site.
TEST(PageFooter, ACookieAddedToAnAnnexByCategoryAboveTheFooterIsNews) {
  const std::string cookies = "#### Strictly necessary\n- session_id\n- csrf_token\n#### Analytics\n- _lf_visits\n";
  std::string more = cookies;
  more += "- _lf_heatmap\n";
  EXPECT_TRUE(header_change(page("# Terms\n") + cookies + kFooter, page("# Terms\n") + more + kFooter).substantive);
}

TEST(PageFooter, ATailThatIsNoSiteFooterIsTheDocument) {
  EXPECT_TRUE(header_change(page("# Terms\n") + "#### Partners\n- Help\n- Lyon\n",
                            page("# Terms\n") + "#### Partners\n- Help\n- Lyon\n- Heatmap Analytics\n")
                  .substantive);
}

TEST(PageFooter, ACallToActionClosingThePageIsCosmetic) {
  // Replay: a whiteboard app's privacy policy dropped "Do you have any questions?" "Contact
  // Sales" after its last sentence; a whole footer of links taken off at the end likewise.
  const std::string call = "##### Any questions about Northwind?\nContact Sales\n";
  for (const auto& [before, after] : std::vector<std::pair<std::string, std::string>>{
           {page("# Terms\n") + call, page("# Terms\n")},
           {page("# Terms\n"), page("# Terms\n") + call},
           {page("# Terms\n") + kFooter, page("# Terms\n")}}) {
    const Change change = header_change(before, after);
    EXPECT_FALSE(change.substantive) << after;
    ASSERT_EQ(change.hunks.size(), 1u) << after;
    EXPECT_EQ(change.hunks[0].cosmetic_kinds, (Kinds{"page_footer"})) << after;
  }
  // Twins: an annex's list after the last sentence, with no question; a question with a
  // number to call; a question and a sentence.
  EXPECT_TRUE(header_change(page("# Terms\n") + "##### Processors\nCloudhost\n", page("# Terms\n")).substantive);
  EXPECT_TRUE(header_change(page("# Terms\n") + "##### Any questions?\nCall 555 0100\n", page("# Terms\n")).substantive);
  EXPECT_TRUE(header_change(page("# Terms\n"), page("# Terms\n") + "##### Any questions?\nWe sell your data.\n").substantive);
}

TEST(PageFooter, AnAccessibilityStatusInTheFooterIsNews) {
  // A label and its value: "Accessibility: not compliant" says something.
  EXPECT_TRUE(header_change(page("# Terms\n") + kFooter + "- Accessibility statement\n",
                            page("# Terms\n") + kFooter + "- Accessibility: not compliant\n")
                  .substantive);
}

TEST(PageHeader, TheRecordBuilderMarksTheHeader) {
  const Text before = parse_text(page("# Terms of Service\n"));
  const Text after = parse_text(page("# Terms of Service\nWhat is the Northwind service?\nHow is Northwind funded?\n"));
  RecordInput in;
  in.platform = "northwind";
  in.document = "terms-of-service";
  in.checked_at = "2026-06-09T10:00:00Z";
  in.current.number = 2;
  in.current.sha256 = "b";
  in.current_text = &after;
  VersionEntry previous;
  previous.number = 1;
  previous.sha256 = "a";
  in.previous = previous;
  in.previous_text = &before;
  in.history = {previous};
  const BuiltRecord built = build_record(in);
  EXPECT_EQ(built.record.status, Status::changed);
  EXPECT_EQ(built.record.significance, Significance::cosmetic);
  EXPECT_EQ(built.record.cosmetic_kinds, (Kinds{"page_header"}));
}

}  // namespace
}  // namespace tosdiff
