// What the twenty-sixth session's red teams found on page families tosdiff had not met (help
// centres, docs generators, cookie policies, PDFs): each a fixture of our own (synthetic
// text) with its negative twin that must stay as it was.

#include <gtest/gtest.h>

#include <string>

#include "support/page_reading.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {
namespace {

using testing::change_between;
using testing::read_page;
using testing::selecting;

std::string page(const std::string& body) { return "<html><body><main>" + body + "</main></body></html>"; }

// ---- a move that changes what a block is read under ----------------------------------------

TEST(RedTeamMoves, AnItemMovedToAListOfTheOppositeMeaningIsAChange) {
  const std::string before =
      "# Sharing\nWe may share these categories with our payment processors:\n- your billing address;\n"
      "- the last four digits of your card;\nWe will never share these categories with anyone:\n"
      "- the contents of your messages;\n- your precise location history;\n";
  const std::string after =
      "# Sharing\nWe may share these categories with our payment processors:\n- your billing address;\n"
      "- your precise location history;\nWe will never share these categories with anyone:\n"
      "- the contents of your messages;\n- the last four digits of your card;\n";
  EXPECT_TRUE(change_between(before, after).substantive);
  // Twin: the items reordered inside their own list say the same.
  const std::string reordered =
      "# Sharing\nWe may share these categories with our payment processors:\n"
      "- the last four digits of your card;\n- your billing address;\nWe will never share these categories "
      "with anyone:\n- your precise location history;\n- the contents of your messages;\n";
  Change twin = change_between(before, reordered);
  EXPECT_FALSE(twin.substantive);
  EXPECT_EQ(twin.cosmetic_kinds, std::vector<std::string>{"reorder"});
}

TEST(RedTeamMoves, ValuesExchangedBetweenRowsWrittenAsLinesAreAChange) {
  // A PDF's table, each cell on a line of its own: the value's row is the line before it.
  const std::string before =
      "# Retention\nBilling records\n18 months after collection\nSupport tickets\n30 months after collection\n"
      "Server logs\n6 months after collection\n";
  const std::string after =
      "# Retention\nBilling records\n30 months after collection\nSupport tickets\n18 months after collection\n"
      "Server logs\n6 months after collection\n";
  EXPECT_TRUE(change_between(before, after).substantive);
  // Twin: whole rows (label and value) exchanged.
  const std::string rows_moved =
      "# Retention\nSupport tickets\n30 months after collection\nBilling records\n18 months after collection\n"
      "Server logs\n6 months after collection\n";
  EXPECT_FALSE(change_between(before, rows_moved).substantive);
}

TEST(RedTeamMoves, AnItemOfAListWithoutBulletsMovedToAnotherLeadInIsAChange) {
  // A PDF's bulleted lists whose bullets were drawn as pictures: items read as paragraphs
  // under their lead-in.
  const std::string before =
      "# Sharing\nWe may share these categories with our payment processors:\nyour billing address and country;\n"
      "the last four digits of your payment card;\nWe will never share these categories with anyone:\n"
      "the contents of your private files;\nyour precise location history;\n";
  const std::string after =
      "# Sharing\nWe may share these categories with our payment processors:\nyour billing address and country;\n"
      "your precise location history;\nWe will never share these categories with anyone:\n"
      "the contents of your private files;\nthe last four digits of your payment card;\n";
  EXPECT_TRUE(change_between(before, after).substantive);
  // Twins: a paragraph after a list is not under the list's lead-in, and moved above it says
  // the same (pga replay: a help line put before the list of what is banned); and a
  // paragraph moved into another section is read as moved (on real histories such moves were
  // a policy's own editing).
  const std::string list =
      "# Safety\nWe remove the following content:\n- instructions for self-harm\n- promotion of self-harm\n";
  const std::string help = "If you are struggling, our Help Center lists free and confidential support.\n";
  EXPECT_FALSE(change_between(list + help + "## Violence\nWe remove threats.\n",
                              "# Safety\n" + help + list.substr(9) + "## Violence\nWe remove threats.\n")
                   .substantive);
  const std::string sections =
      "# Policy\n## Usage data\nWe record which features you use.\nOur videos explain how we use this data.\n"
      "## Health data\nWe read the heart rate your watch measures.\n";
  const std::string moved =
      "# Policy\nOur videos explain how we use this data.\n## Usage data\nWe record which features you use.\n"
      "## Health data\nWe read the heart rate your watch measures.\n";
  EXPECT_FALSE(change_between(sections, moved).substantive);
}

TEST(RedTeamMoves, ListsUnderLeadInsWordedAlikeAreToldApartByTheirSections) {
  // A review's find: the same lead-in under Free and under Paid accounts.
  const std::string before =
      "# Sharing\n## Free accounts\nWe may share with advertising partners:\n- your location\n- your email address\n"
      "## Paid accounts\nWe may share with advertising partners:\n- your device identifiers\n";
  const std::string after =
      "# Sharing\n## Free accounts\nWe may share with advertising partners:\n- your location\n"
      "## Paid accounts\nWe may share with advertising partners:\n- your device identifiers\n- your email address\n";
  EXPECT_TRUE(change_between(before, after).substantive);
  // Twin: sections opened by one-word titles written as paragraphs, exchanged whole, say the
  // same (a one-word line after prose is a title, not a table's value).
  const std::string cookies = "Cookies\nWe use cookies to keep you signed in and to count visits.\n";
  const std::string security = "Security\nWe encrypt your data in transit and at rest.\n";
  const std::string intro = "# Privacy\nThis policy explains what we collect and why we collect it.\n";
  EXPECT_FALSE(change_between(intro + cookies + security, intro + security + cookies).substantive);
}

TEST(RedTeamMoves, ALeadInMovedAcrossAnItemPutsItUnderTheOtherLeadIn) {
  // The diff aligns the item and moves the lead-in: "Your precise location." is now shared.
  const auto lists = [](const std::string& share, const std::string& never) {
    return "# Privacy\n## Sharing\nWe share the following categories with our advertising partners:\n" + share +
           "We never share the following categories with anyone:\n" + never + "## Contact\nWrite to us.\n";
  };
  const std::string before = lists("- Your contact details.\n- Your purchase history.\n",
                                   "- Your precise location.\n- Your health information.\n");
  const std::string after = lists("- Your contact details.\n- Your purchase history.\n- Your precise location.\n",
                                  "- Your health information.\n");
  EXPECT_TRUE(change_between(before, after).substantive);
  // Twin: a lead-in moved with its whole list says the same.
  const std::string share = "We share the following categories with our advertising partners:\n- Your contact details.\n";
  const std::string never = "We never share the following categories with anyone:\n- Your health information.\n";
  EXPECT_FALSE(change_between("# Privacy\n## Sharing\n" + share + never, "# Privacy\n## Sharing\n" + never + share).substantive);
}

TEST(RedTeamMoves, AListWhoseLeadInSaysItsOrderMattersReRankedIsAChange) {
  const std::string head = "# Terms\n## Conflicts\nIf these documents conflict, they prevail in the following order:\n";
  EXPECT_TRUE(change_between(head + "1. Your order form.\n2. The data processing addendum.\n3. This policy.\n",
                             head + "1. This policy.\n2. Your order form.\n3. The data processing addendum.\n")
                  .substantive);
  // Twins: a list whose lead-in says nothing of its order, re-sorted, and one under "In order
  // to", say the same.
  const std::string share = "# Privacy\n## Sharing\nIn order to run the service, we share your data with:\n";
  EXPECT_FALSE(change_between(share + "- payment processors\n- hosting providers\n- support tools\n",
                              share + "- hosting providers\n- payment processors\n- support tools\n")
                   .substantive);
}

TEST(RedTeamMoves, ASentencePointingBackMovedToAnotherSectionIsAChange) {
  // "this information" was the purchases'; under the health section it is the health data's.
  const std::string health = "## Health information\nIf you connect a tracker, we collect your heart rate and sleep data.\n";
  const std::string purchases = "## Purchase information\nWe keep a record of the plan you chose and what you paid.\n";
  const std::string sharing = "We may share this information with our advertising partners.\n";
  const std::string head = "# Privacy Policy\n";
  EXPECT_TRUE(change_between(head + health + purchases + sharing, head + health + sharing + purchases).substantive);
  EXPECT_TRUE(change_between(head + health + purchases + "Nous pouvons partager ces donn\xC3\xA9" "es avec nos partenaires.\n",
                             head + health + "Nous pouvons partager ces donn\xC3\xA9" "es avec nos partenaires.\n" + purchases)
                  .substantive);
  // Twins: a sentence saying what it is about moved across sections, and one pointing back
  // moved within its section, say the same.
  const std::string support = "You can reach our support team at any time from the help menu.\n";
  EXPECT_FALSE(change_between(head + health + purchases + support, head + health + support + purchases).substantive);
  const std::string detail = "We keep a record of the plan you chose and what you paid.\n";
  EXPECT_FALSE(change_between(head + health + "## Purchase information\n" + detail + sharing + "Receipts are emailed.\n",
                              head + health + "## Purchase information\n" + sharing + detail + "Receipts are emailed.\n")
                   .substantive);
}

// ---- the twenty-eighth session's red team: real edits a cosmetic rule hid -------------------

TEST(RedTeamHiding, ALinkToAnotherPageOfTheSiteInTheSameLanguageIsNoLanguageSwitch) {
  const std::string doc = "# Privacy\nYou may object to marketing at any time.\n";
  EXPECT_TRUE(change_between(doc + "Opt out at https://lumen.example/en/privacy/opt-out.\n",
                             doc + "Opt out at https://lumen.example/en-us/newsletter/subscribe.\n")
                  .substantive);
  EXPECT_TRUE(change_between(doc + "These terms include https://lumen.example/uk/legal/consumer-terms.\n",
                             doc + "These terms include https://lumen.example/us/legal/arbitration-agreement.\n")
                  .substantive);
  // Twins: the same page in another language, its path translated or not.
  EXPECT_FALSE(change_between(doc + "Opt out at https://lumen.example/en/privacy/opt-out.\n",
                              doc + "Opt out at https://lumen.example/en-us/privacy/opt-out.\n")
                   .substantive);
  EXPECT_FALSE(change_between(doc + "Details at https://lumen.example/de/datenschutz/.\n",
                              doc + "Details at https://lumen.example/fr/confidentialite/.\n")
                   .substantive);
}

TEST(RedTeamHiding, ANumberAfterAComparisonIsALimitNotAWidgetsCount) {
  const std::string doc = "# Terms\nYou may cancel at any time.\n";
  EXPECT_TRUE(change_between(doc + "We delete chat messages sent more than 30 days ago.\n",
                             doc + "We delete chat messages sent more than 400 days ago.\n")
                  .substantive);
  EXPECT_TRUE(change_between(doc + "Videos with fewer than 1K views are not eligible for payouts.\n",
                             doc + "Videos with fewer than 10K views are not eligible for payouts.\n")
                  .substantive);
  // Twins: a help article's widgets.
  EXPECT_FALSE(change_between(doc + "Updated 3 days ago\n", doc + "Updated 5 days ago\n").substantive);
  EXPECT_FALSE(change_between(doc + "1.2K views\n", doc + "1.4K views\n").substantive);
}

TEST(RedTeamHiding, WordsASlipApartThatAreBothWordsAreNoTypo) {
  const std::string doc =
      "# Terms\nIf these terms and an order conflict, the later document prevails over the other document.\n";
  std::string latter = doc;
  latter.replace(latter.find("later"), 5, "latter");
  EXPECT_TRUE(change_between(doc, latter).substantive);
  // Twin: a slip corrected.
  std::string slip = doc;
  slip.replace(slip.find("document"), 8, "docuemnt");
  EXPECT_FALSE(change_between(slip, doc).substantive);
}

TEST(RedTeamHiding, AnAmountOpeningAListItemIsNoSectionNumber) {
  const std::string head = "# Pricing\nThe plans cost:\n";
  EXPECT_TRUE(change_between(head + "- 4.99 USD per month for Plus\n- 9.99 USD per month for Pro\n",
                             head + "- 7.99 USD per month for Plus\n- 9.99 USD per month for Pro\n")
                  .substantive);
  EXPECT_TRUE(change_between(head + "- 2.5 GB Storage for free accounts\n", head + "- 1.5 GB Storage for free accounts\n")
                  .substantive);
  // Twin: a renumbered section.
  EXPECT_FALSE(change_between("# Terms\n## 4.2 License\nYou may use the app.\n", "# Terms\n## 4.3 License\nYou may use the app.\n")
                   .substantive);
}

TEST(RedTeamHiding, AConditionMovedToTheNextParagraphsSentenceIsAChange) {
  const std::string head = "# Privacy\n## Location\n";
  EXPECT_TRUE(change_between(head + "We do not share your location data with advertisers without your consent.\n"
                                    "We may use it to personalise the ads you see.\n",
                             head + "We do not share your location data with advertisers.\n"
                                    "Without your consent, we may use it to personalise the ads you see.\n")
                  .substantive);
  // Twins: a paragraph split where a sentence ended, or two merged there, is layout.
  const std::string one = head + "We do not share your location data. We may use it to personalise the ads you see.\n";
  const std::string two = head + "We do not share your location data.\nWe may use it to personalise the ads you see.\n";
  EXPECT_FALSE(change_between(one, two).substantive);
  EXPECT_FALSE(change_between(two, one).substantive);
}

TEST(RedTeamHiding, AnItemGoneFromTheCopyKeptWhenTheOtherCopyGoesIsAChange) {
  std::string copy;
  for (int i = 1; i <= 6; ++i)
    copy += "Point " + std::to_string(i) + " of our summary explains how we handle your data in plain words.\n";
  const std::string list = "We never sell or share the following with advertisers:\n";
  const std::string items = "- Your contacts list.\n- Your health information.\n";
  const std::string location = "- Your precise location.\n";
  const std::string head = "# Privacy summary\n";
  const std::string both = head + copy + list + location + items + copy + list + location + items;
  EXPECT_TRUE(change_between(both, head + copy + list + items).substantive);
  // Twin: one copy taken down whole.
  EXPECT_FALSE(change_between(both, head + copy + list + location + items).substantive);
}

TEST(RedTeamHiding, AListASentenceLeadsIntoIsNoTableOfContentsThoughItsItemsNameSections) {
  std::string sections;
  for (const char* name : {"Contact details", "Purchase history", "Precise location", "Health information"})
    sections += std::string("## ") + name + "\nWhat we collect under this heading, and why we collect it.\n";
  const std::string never = "We never share the following categories with anyone:\n";
  const std::string before = "# Privacy\n" + never + "- Purchase history\n- Precise location\n- Health information\n" + sections;
  const std::string after = "# Privacy\n" + never + "- Purchase history\n- Health information\n" + sections;
  EXPECT_TRUE(change_between(before, after).substantive);
  // Twin: a table of contents under its title loses an entry, the section staying.
  const std::string contents = "# Privacy\nContents:\n- Contact details\n- Purchase history\n- Precise location\n";
  EXPECT_FALSE(change_between(contents + "- Health information\n" + sections, contents + sections).substantive);
}

TEST(RedTeamHiding, APolicysClauseUnderAPurposeLabelledAdsIsNoAdvert) {
  const std::string head = "# Privacy\n## Purposes\nService\nWe use your data to run the app.\nAds\n";
  EXPECT_TRUE(change_between(head + "We never share your email address with advertisers.\n",
                             head + "We share your email address with advertisers.\n")
                  .substantive);
  EXPECT_TRUE(change_between("# Confidentialit\xC3\xA9\nPublicit\xC3\xA9\nNous ne partageons jamais votre adresse.\n",
                             "# Confidentialit\xC3\xA9\nPublicit\xC3\xA9\nNous partageons votre adresse.\n")
                  .substantive);
  // Twin: an ad's copy under its label changes with the campaign.
  EXPECT_FALSE(change_between(head + "Try Lumen Pro free for 30 days.\n", head + "Lumen Pro: half price this week.\n")
                   .substantive);
}

// ---- names that say content, not a widget -------------------------------------------------

TEST(RedTeamNames, AHelpCentresArticleBlocksAreTheArticle) {
  const std::string article =
      "<article class=\"article\"><div class=\"intercom-interblocks-heading\"><h2>Data we keep</h2></div>"
      "<div class=\"intercom-interblocks-paragraph no-margin\"><p>We keep your chat history for 30 days "
      "after you delete it.</p></div><div class=\"intercom-interblocks-paragraph\"><p>You may opt out of "
      "model training in your settings.</p></div></article>";
  const std::string text = read_page(page(article), selecting(".article"));
  EXPECT_NE(text.find("30 days"), std::string::npos) << text;
  EXPECT_NE(text.find("opt out of model training"), std::string::npos) << text;
  EXPECT_NE(read_page(page(article)).find("30 days"), std::string::npos);
  // Twin: the messenger's launcher and greeting are still the widget's.
  const std::string with_launcher =
      page(article) + "<div class=\"intercom-lightweight-app\"><div class=\"intercom-launcher\">Hi there! "
                      "Ask us anything</div></div>";
  EXPECT_EQ(read_page(with_launcher).find("Ask us anything"), std::string::npos);
}

TEST(RedTeamNames, ATooltipsTriggerInASentenceIsTheSentencesWords) {
  const std::string body =
      "<h1>Privacy</h1><p>We share your usage statistics with <a class=\"glossary-tooltip\" role=\"button\" "
      "href=\"#t1\">our advertising partners</a> so that they can measure their campaigns.</p>"
      "<p>We keep them for 14 months.</p>";
  EXPECT_NE(read_page(page(body)).find("with our advertising partners so that"), std::string::npos)
      << read_page(page(body));
  // Twins: the tooltip a trigger shows (inside it, or on its own by its role) stays out.
  const std::string css_tooltip =
      "<h1>Privacy</h1><p>We share your usage statistics with <span class=\"tooltip\">partners<span "
      "class=\"tooltiptext\">Companies we work with</span></span> so that they can measure their campaigns.</p>";
  const std::string text = read_page(page(css_tooltip));
  EXPECT_NE(text.find("with partners so that"), std::string::npos) << text;
  EXPECT_EQ(text.find("Companies we work with"), std::string::npos) << text;
  const std::string share_tooltip =
      "<h1>Privacy</h1><p>We keep them for 14 months.</p><div class=\"share\"><span class=\"tooltip\">Copy "
      "link</span></div>";
  EXPECT_EQ(read_page(page(share_tooltip)).find("Copy link"), std::string::npos);
}

TEST(RedTeamNames, AHeadingSluggedFromItsWordsIsNoWidget) {
  const std::string body =
      "<h1 id=\"privacy\">Privacy</h1><h2 id=\"live-chat\">Live chat</h2><p>Conversations with our support "
      "agents are recorded and kept for 90 days.</p><h2 id=\"cookie-banner\">Cookie banner</h2><p>The banner "
      "asks for your consent before any analytics cookie is set.</p>";
  const std::string text = read_page(page(body), selecting("main"));
  EXPECT_NE(text.find("## Live chat"), std::string::npos) << text;
  EXPECT_NE(text.find("## Cookie banner"), std::string::npos) << text;
  // Twins: the chat widget named so is still dropped, and so is a heading for screen readers.
  const std::string widget = body + "<div id=\"live-chat\">Chat with us</div><h2 class=\"visually-hidden\">"
                                    "Footer navigation</h2>";
  const std::string twin = read_page(page(widget), selecting("main"));
  EXPECT_EQ(twin.find("Chat with us"), std::string::npos) << twin;
  EXPECT_EQ(twin.find("Footer navigation"), std::string::npos) << twin;
}

TEST(RedTeamNames, ACookieTableFoldedInACollapsedCategoryIsContent) {
  const std::string body =
      "<h1>Cookie Policy</h1><p>We use the following categories of cookies on our websites and apps.</p>"
      "<h2><button aria-expanded=\"false\" aria-controls=\"cookie-details-ads\">Advertising cookies</button></h2>"
      "<div id=\"cookie-details-ads\" class=\"cookie-details\" hidden><table><tr><th>Name</th><th>Purpose</th>"
      "<th>Duration</th></tr><tr><td>_adid</td><td>Shows you ads on other websites</td><td>3 months</td></tr>"
      "</table></div>";
  const std::string text = read_page(page(body));
  EXPECT_NE(text.find("Shows you ads on other websites | 3 months"), std::string::npos) << text;
  // Twin: a collapsed consent box named so, holding choices and no table, stays out.
  const std::string consent =
      "<h1>Cookie Policy</h1><p>We use the following categories of cookies on our websites and apps.</p>"
      "<button aria-expanded=\"false\" aria-controls=\"cookie-settings\">Settings</button><div "
      "id=\"cookie-settings\" class=\"cookie-settings\" hidden><p>Choose which cookies we may set.</p>"
      "<label>Analytics</label></div>";
  EXPECT_EQ(read_page(page(consent)).find("Choose which cookies"), std::string::npos) << read_page(page(consent));
}

TEST(RedTeamNames, AHelpArticlesBylineAndItsSectionsOtherArticlesAreNoText) {
  const std::string article =
      "<article><h1>Data retention</h1><div class=\"article-author\"><div class=\"avatar__info\">Alex Rivera"
      "</div></div><p>We keep your conversations for 30 days after you delete them, then erase them from our "
      "systems.</p><p>You may ask us to delete your account at any time.</p></article>"
      "<aside class=\"article-sidebar\"><h3>Articles in this section</h3><ul><li><a href=\"/a1\">Privacy "
      "policy</a></li><li><a href=\"/a2\">Data retention</a></li></ul></aside>";
  const std::string text = read_page(page(article));
  EXPECT_EQ(text.find("Alex Rivera"), std::string::npos) << text;
  EXPECT_EQ(text.find("Articles in this section"), std::string::npos) << text;
  EXPECT_NE(text.find("30 days"), std::string::npos) << text;
  // Twin: a sentence about authors in the article's own paragraphs is the article's.
  const std::string authors =
      "<article><h1>Submissions</h1><p>Authors keep the copyright in what they submit, and grant us a licence to "
      "publish it.</p></article>";
  EXPECT_NE(read_page(page(authors)).find("Authors keep the copyright"), std::string::npos);
}

TEST(RedTeamNames, ALayoutsSideMenuContainerHoldingThePageIsNoMenu) {
  // A review's find: Angular Material's "mat-sidenav-container" wraps the menu and the page.
  const std::string body =
      "<div class=\"mat-sidenav-container\"><div class=\"mat-sidenav\"><a href=\"/a\">Home</a><a href=\"/b\">"
      "Pricing</a><a href=\"/c\">Docs</a><a href=\"/d\">Blog</a><a href=\"/e\">Careers</a></div><main><h1>Legal "
      "notice</h1><p>Acme SAS, 12 rue de la Paix, Paris. Publisher: Jane Doe.</p></main></div>";
  const std::string text = read_page("<html><body>" + body + "</body></html>");
  EXPECT_NE(text.find("Publisher: Jane Doe"), std::string::npos) << text;
  // Twin: a side menu of its own is still a menu.
  const std::string menu = "<html><body><nav class=\"sidenav\"><a href=\"/a\">Home</a><a href=\"/b\">Pricing</a>"
                           "</nav><main><h1>Legal notice</h1><p>Acme SAS, 12 rue de la Paix, Paris.</p></main></body></html>";
  EXPECT_EQ(read_page(menu).find("Pricing"), std::string::npos);
}

TEST(RedTeamControls, ATopLinkInASentenceIsTheSentencesWords) {
  const std::string body = "<h1>Notices</h1><p>The date of the last change is shown at the <a href=\"#top\">top of "
                           "the page</a>, and we email you before any change takes effect.</p>";
  EXPECT_NE(read_page(page(body)).find("shown at the top of the page, and"), std::string::npos) << read_page(page(body));
  // Twin: a bar's title beside it is no sentence; the way back up is no text.
  const std::string bar = "<div class=\"sticky-header\"><span>Notices</span><a href=\"#top\">Back to top</a></div>";
  EXPECT_EQ(read_page(page(body + bar)).find("Back to top"), std::string::npos) << read_page(page(body + bar));
}

// ---- hidden parts of the document --------------------------------------------------------

TEST(RedTeamHidden, ATabOfTheSameDocumentIsContentAndATabOfAnotherDocumentIsNot) {
  // A docs page's region tabs: buttons switching between clauses of one document.
  const std::string clauses =
      "<h1>Terms</h1><p>These terms apply to every plan we sell and to the free tier alike.</p>"
      "<ul role=\"tablist\"><li role=\"tab\" aria-selected=\"true\">United States</li><li role=\"tab\" "
      "aria-selected=\"false\">European Union</li></ul><div role=\"tabpanel\"><p>Disputes are resolved by "
      "binding arbitration in San Francisco.</p></div><div role=\"tabpanel\" hidden><p>You may bring proceedings "
      "before the courts of your country of residence.</p></div>";
  const std::string text = read_page(page(clauses));
  EXPECT_NE(text.find("courts of your country of residence"), std::string::npos) << text;
  // Twin: a legal hub's tabs are links, each to a document; the hidden panel is another one.
  const std::string hub =
      "<h1>Privacy Policy</h1><div role=\"tablist\"><a role=\"tab\" aria-selected=\"false\" "
      "href=\"/legal#terms\">Terms</a><a role=\"tab\" aria-selected=\"true\" href=\"/legal#privacy\">Privacy</a>"
      "</div><div role=\"tabpanel\"><p>We keep your prompts for 30 days to detect abuse.</p></div><div "
      "role=\"tabpanel\" hidden><h2>Terms of Service</h2><p>You must be 18 or older to use the service and you are "
      "responsible for what you do with its outputs, including any content you publish or share.</p><p>We may "
      "suspend accounts that break these terms, and disputes are resolved by the courts of Paris.</p></div>";
  const std::string twin = read_page(page(hub));
  EXPECT_EQ(twin.find("18 or older"), std::string::npos) << twin;
  // Every panel hidden (caught before the page's script chose one): the bulk stays.
  std::string all_hidden = hub;
  all_hidden.replace(all_hidden.find("<div role=\"tabpanel\">"), 22, "<div role=\"tabpanel\" hidden>");
  EXPECT_NE(read_page(page(all_hidden)).find("18 or older"), std::string::npos) << read_page(page(all_hidden));
  // Tabs written as anchors to panels of this page are buttons in all but their tag (a
  // review's find: Bootstrap's tabs).
  const std::string anchors =
      "<h1>Terms</h1><p>These terms apply to every plan we sell and to the free tier alike.</p><ul role=\"tablist\">"
      "<li><a role=\"tab\" href=\"#us\" aria-selected=\"true\">United States</a></li><li><a role=\"tab\" "
      "href=\"#eu\">European Union</a></li></ul><div id=\"us\" role=\"tabpanel\"><p>Disputes are resolved by "
      "binding arbitration.</p></div><div id=\"eu\" role=\"tabpanel\" hidden><p>You may bring proceedings before the "
      "courts of your country of residence.</p></div>";
  EXPECT_NE(read_page(page(anchors)).find("courts of your country of residence"), std::string::npos);
}

TEST(RedTeamHidden, ADetailFoldedByAScriptWithoutAriaIsContent) {
  const std::string folded =
      "<h1>Privacy</h1><p>We collect the searches you make and the pages you visit from our results, and we use "
      "them to improve our services for everyone.</p><div class=\"zippy\"><div class=\"zippy-title\">How long we "
      "keep them</div><div class=\"zippy-content\" style=\"display:none\"><p>We keep your searches for 18 months, "
      "then we delete them or keep them only in a form that no longer identifies you or your device.</p></div></div>";
  const std::string text = read_page(page(folded));
  EXPECT_NE(text.find("18 months"), std::string::npos) << text;
  // Twin: a hidden sentence after a paragraph (no toggle before it) is still weighed by its
  // share of the page.
  const std::string after_paragraph =
      "<h1>Privacy</h1><p>We collect the searches you make and the pages you visit from our results, and we use "
      "them to improve our services for everyone.</p><p>Read on for the details.</p><div style=\"display:none\">"
      "<p>Thanks for subscribing! You will receive our monthly newsletter about new features and offers at the "
      "address you gave us, and you can stop it at any time.</p></div>"
      "<p>We keep your searches for 18 months.</p><p>We never sell them to anyone, and we share them only with the "
      "processors that host our services.</p><p>You may ask us for a copy of your searches at any time.</p>";
  EXPECT_EQ(read_page(page(after_paragraph)).find("Thanks for subscribing"), std::string::npos);
  // Nor is the answer a vote's buttons show (a review's find: a help centre's feedback box).
  const std::string vote =
      "<h1>Privacy</h1><p>We collect the searches you make and the pages you visit from our results, and we use "
      "them to improve our services for everyone.</p><p>We keep your searches for 18 months.</p><p>We never sell "
      "them.</p><p>You may ask us for a copy at any time.</p><div class=\"article-votes\">Was this article "
      "helpful?<button>Yes</button><button>No</button><div style=\"display:none\"><p>Sorry about that! Tell us "
      "what was missing so that we can improve this article.</p></div></div>";
  EXPECT_EQ(read_page(page(vote)).find("Sorry about that"), std::string::npos) << read_page(page(vote));
}

TEST(RedTeamCopies, ASectionsCopyRightBesideItIsADuplicate) {
  // A services agreement's copy of one product's section for small screens, rendered after it.
  const std::string section =
      "## 6.2. Calls\nCalls are not a replacement for your ordinary telephone and cannot reach emergency services.\n"
      "Unused call credit expires 180 days after your last use of it.\n";
  const std::string before = "# Services Agreement\n" + section + "## 7. Games\nGame passes renew every month.\n";
  const std::string after = "# Services Agreement\n" + section + section + "## 7. Games\nGame passes renew every month.\n";
  Change change = change_between(before, after);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.cosmetic_kinds, std::vector<std::string>{"duplicate"});
  EXPECT_FALSE(change_between(after, before).substantive);
  // Twin: the same two lines put under another section, a paragraph between them and their
  // twin, say something of that section.
  const std::string elsewhere = "# Services Agreement\n" + section +
                                "## 7. Games\nGame passes renew every month.\n"
                                "Calls are not a replacement for your ordinary telephone and cannot reach emergency "
                                "services.\nUnused call credit expires 180 days after your last use of it.\n";
  EXPECT_TRUE(change_between(before, elsewhere).substantive);
}

TEST(RedTeamControls, AWayBackUpWrittenOtherwiseIsStillNoText) {
  const std::string terms = "<h1>Services Agreement</h1><p>You may cancel your subscription at any time.</p>";
  for (const char* label : {"Top of page", "Top \xE2\x86\x91", "Return to the top", "Go back to top"}) {
    const std::string text = read_page(page(terms + "<p><a href=\"#top\">" + label + "</a></p>"));
    EXPECT_EQ(text, "# Services Agreement\nYou may cancel your subscription at any time.\n") << label;
  }
  // Twin: a link to a part of the page that says more is the page's.
  const std::string twin = read_page(page(terms + "<p><a href=\"#top-risks\">Top risks we see</a></p>"));
  EXPECT_NE(twin.find("Top risks we see"), std::string::npos) << twin;
}

TEST(RedTeamControls, ADisclosuresToggleLabelIsNoText) {
  const std::string before = "# Privacy\nWe keep your searches for 18 months.\nMore details\nWe delete them after that.\n";
  const std::string after = "# Privacy\nWe keep your searches for 18 months.\nShow more\nWe delete them after that.\n";
  EXPECT_FALSE(change_between(before, after).substantive);
  // Twin: a sentence that opens the same way says something.
  const std::string sentence =
      "# Privacy\nWe keep your searches for 18 months.\nMore details are in our retention schedule.\n"
      "We delete them after that.\n";
  EXPECT_TRUE(change_between(before, sentence).substantive);
}

// ---- a layout's copies --------------------------------------------------------------------

// A site builder's page laid out per breakpoint: each copy in a wrapper whose classes name the
// breakpoints that hide it, the text in an element the declaration selects.
std::string breakpoint_page(const std::string& policy, int copies, const std::string& extra_in_last = "") {
  static const char* kWrappers[] = {"ssr-variant hidden-1h83bnm hidden-1nfcbyt", "ssr-variant hidden-1idy2d hidden-1h83bnm",
                                    "ssr-variant hidden-1idy2d hidden-1nfcbyt"};
  std::string html =
      "<html><head><style>@media (min-width: 1200px) { .hidden-1idy2d { display: none !important; } }</style></head>"
      "<body><div id=\"main\"><div data-framer-name=\"Nav\"><a href=\"/\">Lumen</a><a href=\"/blog\">Blog</a>"
      "<a href=\"/careers\">Careers at Lumen</a><a href=\"/legal\">Legal</a></div>";
  for (int k = 0; k < copies; ++k)
    html += std::string("<div class=\"") + kWrappers[k] + "\"><div data-framer-name=\"Post\" class=\"framer-v-" +
            std::to_string(k) + "\">" + policy + (k + 1 == copies ? extra_in_last : "") + "</div></div>";
  return html + "<div data-framer-name=\"Footer\"><p>\xC2\xA9 2026 Lumen Inc.</p><a href=\"/terms\">Terms</a>"
                "<a href=\"/privacy\">Privacy</a><a href=\"/status\">Status</a></div></div></body></html>";
}

const std::string kBreakpointPolicy =
    "<h1>Privacy Policy</h1><h2>What we keep</h2><p>We keep the notes you write, the files you upload and the "
    "comments you leave on shared boards for as long as your account stays open.</p><p>We delete your content "
    "within 30 days of a request sent from your account settings, and backups within 90 days.</p><h2>Who we "
    "tell</h2><p>We do not sell your personal information, and we share it with processors only under written "
    "contracts that forbid them to use it for their own purposes.</p><p>Disputes arising under this policy are "
    "governed by the laws of Ireland, and you may complain to your data protection authority.</p>";

TEST(RedTeamCopies, EveryBreakpointsCopyOfTheSelectedTextReadsAsOne) {
  const NormalizeOptions post = selecting("[data-framer-name=Post]");
  const std::string one = read_page(breakpoint_page(kBreakpointPolicy, 1), post);
  EXPECT_EQ(read_page(breakpoint_page(kBreakpointPolicy, 3), post), one);
  EXPECT_EQ(read_page(breakpoint_page(kBreakpointPolicy, 2), post), one);
  // Without selectors too: each of three copies holds under a third of the page.
  EXPECT_EQ(read_page(breakpoint_page(kBreakpointPolicy, 3)), read_page(breakpoint_page(kBreakpointPolicy, 1)));
  // Twin: an edit in every copy is one change, and read.
  std::string edited = kBreakpointPolicy;
  edited.replace(edited.find("within 30 days"), 14, "within 60 days");
  const Change change = change_between(one, read_page(breakpoint_page(edited, 3), post));
  EXPECT_TRUE(change.substantive);
  EXPECT_EQ(change.hunks.size(), 1u);
  // Twin: a copy that says more than the others is kept whole.
  const std::string more = read_page(
      breakpoint_page(kBreakpointPolicy, 3, "<p>We may also share your content with advertising partners.</p>"), post);
  EXPECT_NE(more.find("advertising partners"), std::string::npos);
  EXPECT_TRUE(change_between(one, more).substantive);
  // Twin: two selected elements with the same words and no breakpoint's mark are both the page's.
  const std::string unmarked = "<html><body><div class=\"post\">" + kBreakpointPolicy + "</div><div class=\"post\">" +
                               kBreakpointPolicy + "</div></body></html>";
  const std::string twice = read_page(unmarked, selecting(".post"));
  EXPECT_NE(twice.find("Disputes arising"), twice.rfind("Disputes arising"));
}

TEST(RedTeamCopies, ABlocksCopyForSmallScreensAnywhereInTheContentIsNoText) {
  const std::string summary =
      "<ul><li>In the privacy section, we explained how we process data for assistant features.</li>"
      "<li>In the storage section, we changed the renewal terms for paid plans.</li></ul>";
  const std::string body = "<h1>Services Agreement</h1><p>Published: 30 July 2025</p>%COPY%<h2>Summary of changes</h2>" +
                           summary +
                           "<h2>1. Your privacy</h2><p>Your privacy matters to us, and this agreement explains how "
                           "we handle the content you store with the services.</p>";
  const auto with = [&](const std::string& copy) {
    std::string html = body;
    html.replace(html.find("%COPY%"), 6, copy);
    return read_page(page(html));
  };
  const std::string plain = with("");
  EXPECT_EQ(with("<div class=\"visible-xs visible-sm\">" + summary + "</div>"), plain);
  // Twin: the same list unmarked is the author's own (a summary said twice).
  EXPECT_NE(with("<div class=\"summary-box\">" + summary + "</div>"), plain);
  // Twin: a marked block saying something the text does not.
  EXPECT_NE(with("<div class=\"visible-xs\"><p>On phones, we may share your contacts with advertising partners "
                 "to suggest people you know.</p></div>"),
            plain);
  // Twin: a marked phrase inside a sentence is the sentence's.
  const std::string sentence =
      read_page(page("<h1>Terms</h1><p>Your privacy matters to us, and this agreement explains how we handle the "
                     "content you store.</p><p>We may <span class=\"hidden-mobile\">Your privacy matters to us, and "
                     "this agreement explains how we handle</span> it.</p>"));
  EXPECT_NE(sentence.find("We may Your privacy"), std::string::npos);
}

TEST(RedTeamNames, AConsentBarWhoseButtonsTheDeclarationRemovesIsNoText) {
  // An Open Terms Archive declaration: every div, its buttons, menus and footer removed.
  NormalizeOptions options = selecting("div");
  options.remove = {"button", "footer", "nav", "aside"};
  const std::string policy =
      "<div class=\"container\"><h1>Privacy Policy</h1><p>We keep your prompts for 30 days to detect abuse, and "
      "then delete them unless you saved them to a conversation.</p></div>";
  const auto with = [&](const std::string& box) {
    return read_page("<html><body><div class=\"min-h-screen\">" + box + policy + "</div></body></html>", options);
  };
  const std::string plain = with("");
  EXPECT_EQ(with("<div class=\"fixed bottom-0\"><p>We use cookies to analyse traffic and improve your experience. By "
                 "clicking Accept you agree to our use of cookies.</p><button>Accept</button><button>Decline</button>"
                 "</div>"),
            plain);
  // Twin: a box with the same buttons that says nothing of cookies is the page's.
  EXPECT_NE(with("<div class=\"fixed bottom-0\"><p>We may use your prompts to train our models unless you opt out "
                 "in your settings.</p><button>Accept</button><button>Decline</button></div>"),
            plain);
  // Twin: a cookie policy's section with its own controls, a heading above them, stays.
  EXPECT_NE(with("<div class=\"section\"><h2>Cookies</h2><p>We use cookies to keep you signed in. You may accept or "
                 "refuse analytics cookies at any time.</p><button>Accept</button><button>Manage settings</button>"
                 "</div>"),
            plain);
}

TEST(RedTeamDates, ANumericDateReadTheWayThePageWritesThemIsItsForm) {
  const std::string tail = "We keep your prompts for 30 days.\nThis policy replaces the version of 17/10/2024.\n";
  const std::string before = "# Privacy Policy\nEffective: 12/03/2025\n" + tail;
  for (const char* written : {"Effective: 12 March 2025", "Effective: March 12, 2025", "Effective: 2025-03-12"}) {
    const Change change = change_between(before, "# Privacy Policy\n" + std::string(written) + "\n" + tail);
    EXPECT_FALSE(change.substantive) << written;
    EXPECT_EQ(change.cosmetic_kinds, std::vector<std::string>{"date_format"}) << written;
  }
  // Twin: the other reading is another date on a page that writes the day first.
  EXPECT_TRUE(change_between(before, "# Privacy Policy\nEffective: 3 December 2025\n" + tail).substantive);
  // Twin: a page that never says which way it writes them leaves the date news.
  EXPECT_TRUE(change_between("# Privacy Policy\nEffective: 12/03/2025\nWe keep your prompts for 30 days.\n",
                             "# Privacy Policy\nEffective: 12 March 2025\nWe keep your prompts for 30 days.\n")
                  .substantive);
  // Twin: a date that changed.
  EXPECT_TRUE(change_between(before, "# Privacy Policy\nEffective: 14 March 2025\n" + tail).substantive);
  // A page that writes the month first reads the same date the other way.
  const std::string us_tail = "This policy replaces the version of 10/17/2024.\n";
  EXPECT_FALSE(change_between("# Terms\nEffective: 12/03/2025\n" + us_tail, "# Terms\nEffective: December 3, 2025\n" + us_tail)
                   .substantive);
}

}  // namespace
}  // namespace tosdiff
