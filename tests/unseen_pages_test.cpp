// What bench/metamorphic found on real pages changed the way the web changes them: each case
// a fixture of our own (synthetic text), with its negative twin that must stay as it was.

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "support/page_reading.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/extract/class_hashes.hpp"
#include "tosdiff/extract/missing_part.hpp"
#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/extract/selector.hpp"
#include "tosdiff/model/text.hpp"
#include "tosdiff/util/unicode_compose.hpp"

namespace tosdiff {
namespace {

using testing::change_between;
using testing::read_page;
using testing::selecting;

const std::string kUnseenClauses =
    "<h1>Terms of Use</h1><p>You may cancel your subscription at any time in your account settings.</p>"
    "<p>We keep your messages for 30 days after you delete them, then erase them.</p>";

// ---- classes written with a build's hash ---------------------------------------------------------

TEST(UnseenPagesClassHashes, AHashIsToldFromAWord) {
  auto stem = hashed_class("footer--JPmRP55e");
  ASSERT_TRUE(stem);
  EXPECT_EQ(stem->stem, "footer--");
  EXPECT_EQ(stem->hash_length, 8u);
  EXPECT_TRUE(hashed_class("cookieConfirm--qyDQHqgu"));   // two capitals, two small letters
  EXPECT_TRUE(hashed_class("styles_footer__a1B2c"));      // Next.js's CSS modules
  EXPECT_TRUE(matches_stem("footer--Zx81Kqa2", *stem));
  // Twins: words, a grid's size, another length, a styling library's own prefix.
  EXPECT_FALSE(hashed_class("main-content"));
  EXPECT_FALSE(hashed_class("footer-links"));
  EXPECT_FALSE(hashed_class("page-isOpen"));
  EXPECT_FALSE(hashed_class("col-lg-7"));
  EXPECT_FALSE(hashed_class("css-1a2b3c"));
  EXPECT_FALSE(hashed_class("sc-bdVaJa"));
  EXPECT_FALSE(matches_stem("footer--Zx81Kq", *stem));
  EXPECT_FALSE(matches_stem("header--Zx81Kqa2", *stem));
  EXPECT_FALSE(matches_stem("footer--links-ab", *stem));
}

TEST(UnseenPagesClassHashes, ASelectorIsLoosenedOnlyWhereItNamesAHash) {
  auto selector = Selector::parse("#root .footer--JPmRP55e > p, .terms");
  ASSERT_TRUE(selector);
  EXPECT_TRUE(selector->with_stable_class_names());
  auto words = Selector::parse("main .legal-text");
  ASSERT_TRUE(words);
  EXPECT_FALSE(words->with_stable_class_names());
}

// A declaration removes ".footer--JPmRP55e"; the site rebuilds its styles and the footer's class
// becomes "footer--Q9vLm2Xa": the footer is still removed, and the report names the selector.
TEST(UnseenPagesClassHashes, ARemoveOfARebuiltClassStillRemoves) {
  const std::string footer = "<div class=\"footer--Q9vLm2Xa site\"><p>Careers Press Status Contact us</p></div>";
  NormalizeOptions options;
  options.select = {std::string("#app")};
  options.remove = {std::string(".footer--JPmRP55e")};
  NormalizeReport report;
  options.report = &report;
  const std::string page = "<div id=\"app\">" + kUnseenClauses + footer + "</div>";
  NormalizeOptions plain;
  plain.select = {std::string("#app")};
  EXPECT_EQ(read_page(page, options), read_page("<div id=\"app\">" + kUnseenClauses + "</div>", plain));
  ASSERT_EQ(report.read_by_stable_classes.size(), 1u);
  EXPECT_EQ(report.read_by_stable_classes[0], "'.footer--JPmRP55e'");
  // Twin: the same name with another word after it is another element, and stays.
  const std::string other = "<div class=\"footer--contact\"><p>Write to Lumen Ltd, 1 Dock Road, Dublin.</p></div>";
  NormalizeReport none;
  options.report = &none;
  EXPECT_NE(read_page("<div id=\"app\">" + kUnseenClauses + other + "</div>", options).find("Dock Road"), std::string::npos);
  EXPECT_TRUE(none.read_by_stable_classes.empty());
}

TEST(UnseenPagesClassHashes, ASelectOfARebuiltClassStillSelects) {
  NormalizeOptions options;
  options.select = {std::string(".legal__a1B2c")};
  NormalizeReport report;
  options.report = &report;
  const std::string page = "<nav>Home Pricing</nav><div class=\"legal__Zq9Xy\">" + kUnseenClauses + "</div>";
  const std::string text = read_page(page, options);
  EXPECT_NE(text.find("30 days"), std::string::npos) << text;
  EXPECT_EQ(text.find("Pricing"), std::string::npos) << text;
  EXPECT_EQ(report.read_by_stable_classes.size(), 1u);
  // Twin: a class of a word is no hash, and a selector naming it that matches nothing is no_match.
  options.select = {std::string(".legal-text")};
  EXPECT_EQ(read_page(page, options).rfind("ERROR", 0), 0u);
}

// ---- text composed as NFC ------------------------------------------------------------------------

TEST(UnseenPagesUnicode, DecomposedLettersAreComposed) {
  EXPECT_EQ(compose_canonical("re\xCC\x81siliation"), "r\xC3\xA9siliation");        // e + U+0301
  EXPECT_EQ(compose_canonical("Gescha\xCC\x88" "ftsfu\xCC\x88hrer"), "Gesch\xC3\xA4" "ftsf\xC3\xBChrer");
  EXPECT_EQ(compose_canonical("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8"), "\xEA\xB0\x81");  // Hangul L V T: 각
  EXPECT_EQ(compose_canonical("e\xCC\xA3\xCC\x82"), "\xE1\xBB\x87");                  // e, dot below, circumflex: ệ
  // Twins: composed text, plain ASCII, a mark no letter takes stay as written.
  EXPECT_EQ(compose_canonical("r\xC3\xA9siliation"), "r\xC3\xA9siliation");
  EXPECT_EQ(compose_canonical("plain words"), "plain words");
  EXPECT_EQ(compose_canonical("q\xCC\x81"), "q\xCC\x81");
  EXPECT_EQ(compose_canonical("\xCC\x81" "a"), "\xCC\x81" "a");  // a mark opening the text
}

TEST(UnseenPagesUnicode, APageWrittenDecomposedReadsAsOneWrittenComposed) {
  const std::string composed = "<p>Les pr\xC3\xA9sentes conditions r\xC3\xA9gissent l'acc\xC3\xA8s au service.</p>";
  const std::string decomposed = "<p>Les pre\xCC\x81sentes conditions re\xCC\x81gissent l'acce\xCC\x80s au service.</p>";
  EXPECT_EQ(read_page(decomposed), read_page(composed));
  // Twin: another letter is another word.
  EXPECT_NE(read_page("<p>Les pra\xCC\x81sentes conditions r\xC3\xA9gissent l'acc\xC3\xA8s au service.</p>"), read_page(composed));
}

// ---- a widget's passing message, a control between words ---------------------------------------------

TEST(UnseenPagesFurniture, ATooltipToastOrStatusLineIsFurniture) {
  EXPECT_EQ(read_page(kUnseenClauses + "<div role=\"status\" class=\"toast\">Link copied to clipboard</div>"), read_page(kUnseenClauses));
  EXPECT_EQ(read_page(kUnseenClauses + "<span role=\"tooltip\">Share</span>"), read_page(kUnseenClauses));
  EXPECT_EQ(read_page(kUnseenClauses + "<div class=\"snackbar\">Saved</div>"), read_page(kUnseenClauses));
  // Twins: a notice of new terms with its date, or a long one, is the page's to say.
  EXPECT_NE(read_page(kUnseenClauses + "<div role=\"status\">New terms apply from 1 March 2027</div>").find("1 March 2027"),
            std::string::npos);
  const std::string long_notice =
      "<div role=\"status\">We have changed how we use your messages: they now train our models unless you "
      "object in your settings, and the change applies to every account opened before this notice was shown.</div>";
  EXPECT_NE(read_page(kUnseenClauses + long_notice).find("train our models"), std::string::npos);
}

TEST(UnseenPagesFurniture, AControlLeftOutPartsTheWordsAroundIt) {
  EXPECT_EQ(read_page("<p><span>Was this article helpful?</span><button>Yes</button><button>No</button>"
                 "<span>12 out of 40 found this helpful</span></p>"),
            "Was this article helpful? 12 out of 40 found this helpful\n");
  // Twin: inline elements side by side are one word, as the page shows them.
  EXPECT_EQ(read_page("<p>Sub<span>scription</span> fees</p>"), "Subscription fees\n");
}

// ---- a cut of a furniture test that falls on a space ----------------------------------------------

// A paragraph naming four of the site's documents in a sentence: read whole, it is the
// document's. Its text past the list's allowance ends on a space (the allowance is the links'
// bytes and 40 more), which once made it look no longer than a list of links.
TEST(UnseenPagesFurniture, ASentenceNamingFourDocumentsIsNoListOfLinks) {
  const std::string sentence =
      "<p>We also agree to be bound by these Terms, which we may amend, and our <a href=\"/privacy\">Privacy Policy</a>, "
      "<a href=\"/cookies\">Cookie Policy</a>, <a href=\"/guidelines\">Community Guidelines</a> and "
      "<a href=\"/safety\">Safety Tips</a> and any additional terms that apply to purchases you make.</p>";
  EXPECT_NE(read_page(kUnseenClauses + sentence).find("purchases you make"), std::string::npos);
  // Twin: the four links alone, with a comma between, are a footer's list.
  const std::string list = "<p><a href=\"/privacy\">Privacy Policy</a>, <a href=\"/cookies\">Cookie Policy</a>, "
                           "<a href=\"/guidelines\">Community Guidelines</a>, <a href=\"/safety\">Safety Tips</a></p>";
  EXPECT_EQ(read_page(kUnseenClauses + list).find("Safety Tips"), std::string::npos);
}

// A consent banner's sentence put in above a site's help menu: the menu is still above the
// document's first sentence, and still the site's furniture.
TEST(UnseenPagesFurniture, ABannerAboveTheMenuLeavesTheMenuFurniture) {
  const std::string menu = "<div class=\"page-menu\"><h2>help</h2><a href=\"/faq\">questions and answers</a>"
                           "<a href=\"/charter\">our charter</a><a href=\"/cookies\">cookie charter</a>"
                           "<a href=\"/jobs\">we are hiring</a></div>";
  const std::string banner = "<div class=\"cookie-banner\"><p>This site uses cookies to give you the best experience "
                             "we can.</p><button>OK</button></div>";
  const std::string body = "<div><p>These terms govern your use of the Lumen services and the fees you pay for "
                           "them, from the day you sign up.</p></div>";
  const std::string without = read_page("<body>" + menu + body + "</body>");
  ASSERT_EQ(without.find("our charter"), std::string::npos) << without;
  EXPECT_EQ(read_page("<body>" + banner + menu + body + "</body>"), without);
  // Twin: a sentence of the document's own above the links makes them the document's.
  const std::string intro = "<p>Before you read on, these pages explain how the Lumen service handles your data.</p>";
  EXPECT_NE(read_page("<body>" + intro + menu + body + "</body>").find("our charter"), std::string::npos);
}

// ---- a second copy of the whole document --------------------------------------------------------------

TEST(UnseenPagesDuplicate, ACopyOfTheWholeDocumentIsADuplicate) {
  const std::string doc = "# Disclosure policy\nReport vulnerabilities to security@lumen.example within 90 days.\n";
  const Change change = change_between(doc, doc + doc);
  EXPECT_FALSE(change.substantive);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, std::vector<std::string>{"duplicate"});
  // Twin: a short passage written again inside a longer document adds it somewhere else.
  std::string longer = "# Terms\n";
  for (int i = 1; i <= 12; ++i) longer += "Clause " + std::to_string(i) + " says something else entirely.\n";
  const std::string passage = "We share your data with advertisers.\nYou can object in your settings.\n";
  EXPECT_TRUE(change_between(passage + longer, passage + longer + passage).substantive);
}

// ---- URLs written in the text -----------------------------------------------------------------------

TEST(UnseenPagesUrls, AnAddressWrittenWithoutItsSchemeIsTheSameAddress) {
  // Glued to a label's colon, on a brand's own top-level domain.
  EXPECT_FALSE(change_between("# Cookies\nPolitique de confidentialit\xC3\xA9 :https://snap.example.com/fr-FR/privacy\n",
                              "# Cookies\nPolitique de confidentialit\xC3\xA9 :snap.example.com/fr-FR/privacy\n")
                   .substantive);
  EXPECT_FALSE(change_between("# Privacy\nSee https://safety.google/privacy/privacy-controls for your settings.\n",
                              "# Privacy\nSee safety.google/privacy/privacy-controls for your settings.\n")
                   .substantive);
  // Twins: another site, another page.
  EXPECT_TRUE(change_between("# Privacy\nSee https://safety.google/privacy/privacy-controls for your settings.\n",
                             "# Privacy\nSee safety.example.com/privacy/privacy-controls for your settings.\n")
                  .substantive);
  EXPECT_TRUE(change_between("# Cookies\nPolitique de confidentialit\xC3\xA9 :https://snap.example.com/fr-FR/privacy\n",
                             "# Cookies\nPolitique de confidentialit\xC3\xA9 :snap.example.com/fr-FR/terms\n")
                  .substantive);
}

// ---- a help centre's stamp, an empty ad slot ---------------------------------------------------------

TEST(UnseenPagesStamps, ARelativeStampOrAnAdLabelPutInAloneIsCosmetic) {
  const std::string doc = "# Terms\nYou may cancel at any time.\nWe refund unused days.\n";
  const Change stamp = change_between(doc, "# Terms\nUpdated 27 days ago\nYou may cancel at any time.\nWe refund unused days.\n");
  EXPECT_FALSE(stamp.substantive);
  const Change label = change_between(doc, "# Terms\nAdvertisement\nYou may cancel at any time.\nWe refund unused days.\n");
  EXPECT_FALSE(label.substantive);
  // Twins: a date of effect put in, a stamp with a clause beside it, a section named Ads.
  EXPECT_TRUE(change_between(doc, "# Terms\nEffective 3 March 2027\nYou may cancel at any time.\nWe refund unused "
                                  "days.\n").substantive);
  EXPECT_TRUE(change_between(doc, "# Terms\nUpdated 27 days ago\nWe may share your data.\nYou may cancel at any "
                                  "time.\nWe refund unused days.\n").substantive);
  EXPECT_TRUE(change_between(doc, "# Terms\nYou may cancel at any time.\nWe refund unused days.\n## Advertising\n"
                                  "We show ads based on your activity.\n").substantive);
}

// ---- a page caught before a part of it loaded --------------------------------------------------------

TEST(UnseenPagesPartial, ASectionInPlaceOfWhichThePageSaysLoadingIsAMissingPart) {
  std::string before = "# Privacy Policy\n";
  for (int i = 1; i <= 10; ++i)
    before += "## " + std::to_string(i) + ". Section\nWe process your data for purpose " + std::to_string(i) +
              " and keep it for 30 days.\n";
  std::string loading = before;
  const std::string section = "## 4. Section\nWe process your data for purpose 4 and keep it for 30 days.\n";
  loading.replace(loading.find(section), section.size(), "Loading\xE2\x80\xA6\n");
  const auto part = missing_part(parse_text(before), parse_text(loading));
  ASSERT_TRUE(part);
  EXPECT_EQ(part->blocks, 2u);
  EXPECT_EQ(part->placeholders, 1u);
  EXPECT_NE(describe_missing_part(*part, 150).find("loading placeholder"), std::string::npos);
  // A heading alone in the placeholder's place, in other languages, with a spinner's dots.
  std::string heading = before;
  heading.replace(heading.find("## 4. Section\n"), 14, "Chargement...\n");
  EXPECT_TRUE(missing_part(parse_text(before), parse_text(heading)));
  EXPECT_TRUE(is_loading_placeholder("Wird geladen \xE2\x80\xA6"));
  EXPECT_TRUE(is_loading_placeholder("Please wait"));
  // Twins: the section taken away with nothing in its place is an ordinary change (too small
  // to be a part missing), a sentence about loading is no placeholder, and a placeholder the
  // text already had is the document's own line.
  std::string gone = before;
  gone.replace(gone.find(section), section.size(), "");
  EXPECT_FALSE(missing_part(parse_text(before), parse_text(gone)));
  EXPECT_FALSE(is_loading_placeholder("Loading your data into our systems takes up to 30 days."));
  std::string had = "Loading\xE2\x80\xA6\n" + before;
  std::string again = had;
  again.replace(again.find(section), section.size(), "Loading\xE2\x80\xA6\n");
  EXPECT_FALSE(missing_part(parse_text(had), parse_text(again)));
  // Another sentence put in with the placeholder is a change of the text.
  std::string reworded = loading;
  reworded.replace(reworded.find("purpose 7"), 9, "purpose 77");
  EXPECT_FALSE(missing_part(parse_text(before), parse_text(reworded)));
}


// ---- a blog's reading time, a notice of which edition is shown (twenty-third session) ----------------

TEST(UnseenPagesNotices, AReadingTimeOrAViewingNoticePutInAloneIsCosmetic) {
  const std::string doc = "# Terms\nYou may cancel at any time.\nWe refund unused days.\n";
  for (const std::string line : {"11 min read", "5-7 min read", "Lesezeit: 4 Minuten", "6 minutes de lecture",
                                 "Reading time: 9 minutes",
                                 "You are viewing the version of this page for your region. Other regions",
                                 "Vous consultez la version fran\xC3\xA7" "aise de cette page."}) {
    const Change change = change_between(doc, "# Terms\n" + line + "\nYou may cancel at any time.\nWe refund unused days.\n");
    EXPECT_FALSE(change.substantive) << line;
  }
  // Twins: a duration of the terms, a reading time beside a clause, a notice of who is bound.
  for (const std::string line : {"You may read the archive for 11 minutes a day.",
                                 "You are viewing the EEA terms, which apply if you live in the EEA.",
                                 "You are viewing the binding English version of these terms."})
    EXPECT_TRUE(change_between(doc, "# Terms\n" + line + "\nYou may cancel at any time.\nWe refund unused days.\n")
                    .substantive)
        << line;
  EXPECT_TRUE(change_between(doc, "# Terms\n11 min read\nWe may share your data.\nYou may cancel at any time.\nWe "
                                  "refund unused days.\n").substantive);
}

// ---- a support chat's launcher, a site-wide announcement bar --------------------------------------------

TEST(UnseenPagesFurniture, AChatLauncherOrAnAnnouncementBarIsFurniture) {
  const std::string chat = "<div class=\"intercom-lightweight-app\"><div class=\"intercom-launcher\" role=\"button\"></div>"
                           "<p>Hi there! How can we help? Chat with us</p></div>";
  const std::string bar = "<div class=\"announcement-bar\"><p>Introducing our newest model: faster and smarter. "
                          "<a href=\"/blog\">Learn more</a></p></div>";
  EXPECT_EQ(read_page("<body>" + chat + kUnseenClauses + "</body>"), read_page("<body>" + kUnseenClauses + "</body>"));
  EXPECT_EQ(read_page("<body>" + bar + kUnseenClauses + "</body>"), read_page("<body>" + kUnseenClauses + "</body>"));
  // Twins: an announcement of new terms is news whatever the bar is called; a section of a
  // policy about the chat service names the vendor in its text, not in a class.
  const std::string terms_bar = "<div class=\"announcement-bar\"><p>Our Terms of Use change on 1 March 2027. "
                                "<a href=\"/terms\">Read them</a></p></div>";
  EXPECT_NE(read_page("<body>" + terms_bar + kUnseenClauses + "</body>").find("1 March 2027"), std::string::npos);
  const std::string section = "<section id=\"support-chat\"><h2>Support chat</h2><p>Our chat is run by Intercom, which "
                              "keeps your messages for 12 months.</p></section>";
  EXPECT_NE(read_page("<body>" + kUnseenClauses + section + "</body>").find("12 months"), std::string::npos);
}

// ---- headings put in capitals ----------------------------------------------------------------------------

TEST(UnseenPagesCase, HeadingsInCapitalsAreTheSameWordsInAnyScript) {
  EXPECT_FALSE(change_between("## Datensicherheit und Sicherungsma\xC3\x9Fnahmen\nWir sch\xC3\xBCtzen Ihre Daten.\n",
                              "## DATENSICHERHEIT UND SICHERUNGSMASSNAHMEN\nWir sch\xC3\xBCtzen Ihre Daten.\n")
                   .substantive);
  EXPECT_FALSE(change_between("## \xC3\x9C" "bermittlung in L\xC3\xA4nder au\xC3\x9F" "erhalb der EU\nText.\n",
                              "## \xC3\x9C" "BERMITTLUNG IN L\xC3\x84NDER AUSSERHALB DER EU\nText.\n")
                   .substantive);
  EXPECT_FALSE(change_between("## Ochrona danych \xC5\x82\xC4\x85" "czonych\nText.\n",    // Polish ł, ą
                              "## OCHRONA DANYCH \xC5\x81\xC4\x84" "CZONYCH\nText.\n")
                   .substantive);
  EXPECT_FALSE(change_between("## \xD0\x97\xD0\xB0\xD1\x89\xD0\xB8\xD1\x82\xD0\xB0\nText.\n",  // Cyrillic
                              "## \xD0\x97\xD0\x90\xD0\xA9\xD0\x98\xD0\xA2\xD0\x90\nText.\n")
                   .substantive);
  // Twins: other letters, not other capitals ("Massnahmen" is no "Ma\xC3\x9Fnahmen" of another case
  // only when the words differ: "Busse" and "Bu\xC3\x9F" stay apart).
  EXPECT_TRUE(change_between("## Datenschutz\nSie zahlen eine Bu\xC3\x9F" "e.\n", "## Datenschutz\nSie zahlen eine Buche.\n")
                  .substantive);
  EXPECT_TRUE(change_between("## Ochrona danych\nText.\n", "## Ochrona dawnych\nText.\n").substantive);
}

// ---- links to other sites' policies ---------------------------------------------------------------------

// A policy naming the platforms whose buttons it embeds, each a link to that platform's own
// privacy statement: the document's list, though its entries read like a footer's ("privacy").
std::string page_with_links(const std::vector<std::pair<std::string, std::string>>& links) {
  std::string list = "<ul>";
  for (const auto& [href, label] : links) list += "<li><a href=\"" + href + "\">" + label + "</a></li>";
  return "<body>" + kUnseenClauses + "<p>These buttons load code from the platforms below.</p>" + list +
         "</ul><p>We keep the rest of your data in the EU for as long as your account is open.</p></body>";
}

TEST(UnseenPagesFurniture, AListOfLinksToOtherSitesPoliciesIsTheDocuments) {
  const std::string platforms = read_page(page_with_links({{"https://www.facebook.com/policy", "Facebook (privacy statement)"},
                                                           {"https://twitter.com/privacy", "Twitter (privacy statement)"},
                                                           {"https://policies.google.com/privacy", "YouTube (privacy statement)"},
                                                           {"https://help.instagram.com/1", "Instagram (privacy statement)"}}));
  EXPECT_NE(platforms.find("Instagram (privacy statement)"), std::string::npos) << platforms;
  // Twin: the site's own places, its subdomains too, are its footer.
  const std::string footer = read_page(page_with_links({{"https://www.lumen.example/privacy", "Privacy"},
                                                        {"https://www.lumen.example/terms", "Terms"},
                                                        {"https://help.lumen.example/", "Help"},
                                                        {"/careers", "Careers"}}));
  EXPECT_EQ(footer.find("Careers"), std::string::npos) << footer;
}

// ---- pictographs beside the words ------------------------------------------------------------------------

TEST(UnseenPagesPictographs, AnEmojiAnArrowOrABulletBesideTheWordsIsNoWord) {
  const std::string doc = "## Data we collect\nSee our Privacy Policy for details.\n- (a) our affiliates;\n- (b) our "
                          "processors.\n";
  const Change decorated = change_between(
      doc, "## \xF0\x9F\x93\x8C Data we collect\nSee our Privacy Policy \xE2\x86\x92 for details.\n- \xE2\x80\xA2 (a) our "
           "affiliates;\n- \xE2\x80\xA2 (b) our processors.\n");
  EXPECT_FALSE(decorated.substantive);
  // Twins: a check mark become a cross is a value changed; a word beside an emoji is a word.
  EXPECT_TRUE(change_between("| Category | Sold |\n| Contacts | \xE2\x9C\x97 |\n", "| Category | Sold |\n| Contacts | \xE2\x9C\x93 |\n")
                  .substantive);
  EXPECT_TRUE(change_between("## Sold to advertisers: \xE2\x9D\x8C\nText.\n", "## Sold to advertisers: \xE2\x9C\x85\nText.\n")
                  .substantive);
  EXPECT_TRUE(change_between(doc, "## \xF0\x9F\x93\x8C Data we sell\nSee our Privacy Policy for details.\n- (a) our "
                                  "affiliates;\n- (b) our processors.\n").substantive);
}

// ---- typography a redesign or another editor brings ------------------------------------------------------

TEST(UnseenPagesTypography, AmpersandsApostrophesAndTypewriterDashesAreTheSameWords) {
  const std::string doc = "## Trust and Safety\nOpenAI\u2019s terms \u2014 if any \u2014 apply to Inputs and Outputs.\n";
  EXPECT_FALSE(change_between(doc, "## Trust & Safety\nOpenAI\u02bcs terms -- if any -- apply to Inputs & Outputs.\n")
                   .substantive);
  EXPECT_FALSE(change_between("## Conditions g\xC3\xA9n\xC3\xA9rales et mentions\nTexte.\n",
                              "## Conditions g\xC3\xA9n\xC3\xA9rales & mentions\nTexte.\n").substantive);
  // Twins: "and" become "or" is a change; so is a word beside the dash.
  EXPECT_TRUE(change_between(doc, "## Trust & Safety\nOpenAI\u2019s terms \u2014 if any \u2014 apply to Inputs or Outputs.\n")
                  .substantive);
  EXPECT_TRUE(change_between(doc, "## Trust and Safety\nOpenAI\u2019s terms -- if any -- apply to Inputs and Feedback.\n")
                  .substantive);
}

TEST(UnseenPagesStamps, ASitesBuildStampIsNoText) {
  const std::string doc = "# Terms\nYou may cancel at any time.\nWe refund unused days.\n";
  EXPECT_FALSE(change_between(doc, doc + "Page generated 2026-01-17 03:17 UTC \xC2\xB7 build c20c4f1\n").substantive);
  EXPECT_FALSE(change_between(doc + "Last deployed on 2026-03-02 | commit 4f2a9c1\n",
                              doc + "Last deployed on 2026-04-12 | commit 9a0b7e3\n").substantive);
  // Twins: a version of the terms and its date are the document's.
  EXPECT_TRUE(change_between(doc, doc + "Version 4, effective 2026-01-17\n").substantive);
  EXPECT_TRUE(change_between(doc, doc + "These terms were last revised on 2026-01-17.\n").substantive);
}

// A stamp of figures closing the page is no sentence of the document: the site's menus above
// it stay furniture.
TEST(UnseenPagesFurniture, AStampOfFiguresDoesNotMakeTheMenusAboveItTheDocuments) {
  const std::string body = "<div><p>These terms govern your use of the Lumen services and the fees you pay for "
                           "them, from the day you sign up.</p></div>";
  const std::string menu = "<div class=\"page-menu\"><a href=\"/faq\">questions and answers</a>"
                           "<a href=\"/charter\">our charter</a><a href=\"/cookies\">cookie charter</a>"
                           "<a href=\"/jobs\">we are hiring</a></div>";
  const std::string without = read_page("<body>" + body + menu + "</body>");
  ASSERT_EQ(without.find("our charter"), std::string::npos) << without;
  const std::string stamped = read_page("<body>" + body + menu + "<p>Page generated 2026-01-17 03:17:55 UTC, 0x4f2a9c1e</p></body>");
  EXPECT_EQ(stamped.find("our charter"), std::string::npos) << stamped;
  // Twin: a sentence of the document's own below the links makes them the document's.
  const std::string outro = "<p>You can reach each of these pages from your account settings at any time.</p>";
  EXPECT_NE(read_page("<body>" + body + menu + outro + "</body>").find("our charter"), std::string::npos);
}

// ---- a docs platform's stamp, a widget's offer about the page -------------------------------------------

TEST(UnseenPagesStamps, AnEditorsStampOrAWidgetsOfferPutInAloneIsCosmetic) {
  const std::string doc = "# Terms\nYou may cancel at any time.\nWe refund unused days.\n";
  for (const std::string line : {"Last updated on August 14, 2026 by docs-bot", "Get a quick overview of this page",
                                 "Listen to this article", "Diese Seite \xC3\xBC" "bersetzen"})
    EXPECT_FALSE(change_between(doc, doc + line + "\n").substantive) << line;
  // Twins: the terms' own date line, a clause about the page, a clause naming a party.
  for (const std::string line : {"Last updated on August 14, 2026", "We may share this page with our partners",
                                 "This page explains how we share your data"})
    EXPECT_TRUE(change_between(doc, doc + line + "\n").substantive) << line;
}

// ---- a heading's icon, a heading's copy, a docs platform's controls -----------------------------------------

TEST(UnseenPagesPictographs, AHeadingsIconIsNoPartOfItsWords) {
  EXPECT_EQ(read_page("<h2>\xE2\x9C\x85 Types of cookies</h2><p>We use three kinds of cookies.</p>"),
            read_page("<h2>Types of cookies</h2><p>We use three kinds of cookies.</p>"));
  EXPECT_EQ(read_page("<h2>\xF0\x9F\x93\x8C \xF0\x9F\x94\x92 Security</h2><p>We encrypt data.</p>"),
            read_page("<h2>Security</h2><p>We encrypt data.</p>"));
  // The icon in an element of its own, a line of its own in the heading.
  EXPECT_EQ(read_page("<h2><span>\xE2\x9C\x85</span><div>Types of cookies</div></h2><p>We use three kinds.</p>"),
            read_page("<h2>Types of cookies</h2><p>We use three kinds.</p>"));
  // Twins: a heading of pictures only (an answer's tick, a region's flag: a review's find, when
  // such headings were dropped, ✅ → ❌ and two flags exchanged read as no change), a check mark
  // in a table's cell, a mark after the words.
  EXPECT_NE(read_page("<h2>\xE2\x9C\x85</h2><p>We use three kinds of cookies.</p>").find("\xE2\x9C\x85"), std::string::npos);
  EXPECT_NE(read_page("<h3>\xF0\x9F\x87\xAA\xF0\x9F\x87\xBA</h3><p>Disputes go to the courts of your country.</p>")
                .find("\xF0\x9F\x87\xAA"),
            std::string::npos);
  EXPECT_NE(read_page("<table><tr><td>Contacts</td><td>\xE2\x9C\x85 Sold</td></tr></table>").find("\xE2\x9C\x85"),
            std::string::npos);
  EXPECT_NE(read_page("<h2>Sold to advertisers \xE2\x9C\x85</h2><p>Text.</p>").find("\xE2\x9C\x85"), std::string::npos);
}

TEST(UnseenPagesDuplicate, AHeadingWrittenAgainAsALineIsACopy) {
  const std::string doc = "# Acceptable Use Policy\nYou may not use the service to harm others.\n";
  const Change sticky = change_between(doc, "Acceptable Use Policy\n" + doc);
  EXPECT_FALSE(sticky.substantive);
  EXPECT_FALSE(change_between("Acceptable Use Policy\n" + doc, doc).substantive);
  // Twins: a line naming another document, a heading's words written into a sentence.
  EXPECT_TRUE(change_between(doc, "Enterprise Acceptable Use Policy\n" + doc).substantive);
  EXPECT_TRUE(change_between(doc, doc + "This Acceptable Use Policy binds every member of your team.\n").substantive);
  // A list's entry naming a section further down, taken out: the list says less (contrib
  // replay: a service's applications, one of them dropped from the list).
  const std::string apps = "# Privacy\nOur service has several applications:\n- Jobs\n- Exchange\n- Events\n## Jobs\nText.\n"
                           "## Exchange\nText.\n";
  EXPECT_TRUE(change_between(apps, "# Privacy\nOur service has several applications:\n- Jobs\n- Events\n## Jobs\nText.\n"
                                   "## Exchange\nText.\n").substantive);
}

TEST(UnseenPagesTypography, DashesArrowsAndDocsControlsAreNoWords) {
  EXPECT_FALSE(change_between("## Terms\n\xE2\x80\x94- End of Privacy Policy\n", "## Terms\n--- End of Privacy Policy\n").substantive);
  EXPECT_FALSE(change_between("## Terms\nSee our General Terms and Conditions.In particular:\n",
                              "## Terms\nSee our General Terms and Conditions \xE2\x86\x92.In particular:\n").substantive);
  const std::string doc = "# Terms\nYou may cancel at any time.\n";
  EXPECT_FALSE(change_between(doc, doc + "Edit this pagePreviousNextPowered by Mintlify\n").substantive);
  EXPECT_FALSE(change_between(doc, doc + "Copy page\n").substantive);
  // Twins: a sentence about a platform, a dash become a word.
  EXPECT_TRUE(change_between(doc, doc + "Payments are powered by Stripe, which keeps your card number.\n").substantive);
  EXPECT_TRUE(change_between("## Terms\nTerm -- one year\n", "## Terms\nTerm -- two years\n").substantive);
}

TEST(UnseenPagesHeadings, ABreakInsideAHeadingKeepsItOneTitle) {
  EXPECT_EQ(read_page("<h2>Last updated:<br class=\"hidden md:block\"> May 19, 2026</h2><p>We use cookies.</p>"),
            read_page("<h2>Last updated: May 19, 2026</h2><p>We use cookies.</p>"));
  // Twins: a break in a paragraph still parts its lines, and a heading's date still changes.
  EXPECT_NE(read_page("<p>Acme Ltd<br>1 Main Street</p>"), read_page("<p>Acme Ltd 1 Main Street</p>"));
  EXPECT_NE(read_page("<h2>Last updated:<br> May 19, 2026</h2>"), read_page("<h2>Last updated:<br> June 2, 2026</h2>"));
}

TEST(UnseenPagesHeadings, AButtonBesideAHeadingsWordsIsNoPartOfIt) {
  EXPECT_EQ(read_page("<h2>Services<button aria-label=\"Copy link to this section\">Copy link</button></h2><p>Text.</p>"),
            read_page("<h2>Services</h2><p>Text.</p>"));
  EXPECT_EQ(read_page("<h3><span role=\"button\">+</span> Fees</h3><p>Text.</p>"), read_page("<h3>Fees</h3><p>Text.</p>"));
  // Twins: an accordion's heading that is all button keeps its words; a link beside the words stays.
  EXPECT_EQ(read_page("<h3><button aria-expanded=\"true\">Fees and payment</button></h3><p>Text.</p>"),
            read_page("<h3>Fees and payment</h3><p>Text.</p>"));
  EXPECT_NE(read_page("<h3><span>4.</span> <button aria-expanded=\"false\">Limitation of Liability</button></h3><p>Text.</p>")
                .find("Limitation of Liability"), std::string::npos);
  EXPECT_NE(read_page("<h3><button>Governing Law</button><span class=\"sr-only\">(expand section)</span></h3><p>Text.</p>")
                .find("Governing Law"), std::string::npos);
  EXPECT_NE(read_page("<h3><span>4.</span><button>\xE8\xB4\xA3\xE4\xBB\xBB\xE9\x99\x90\xE5\x88\xB6</button></h3><p>Text.</p>")
                .find("\xE8\xB4\xA3\xE4\xBB\xBB"), std::string::npos);
}

TEST(UnseenPagesFurniture, ShareButtonsBesideTheTitleLeaveTheTitleTheDocuments) {
  const std::string body =
      "<div><p>This agreement applies to businesses and developers who use our services and products.</p>"
      "<p>You may cancel your subscription at any time in your account settings.</p></div>";
  const std::string shared = read_page(
      "<body><div><p>Updated: 1 May 2026</p><h1>Services Agreement</h1><div><span>Share:</span>"
      "<a href=\"https://twitter.example/share\">Twitter</a><a href=\"https://facebook.example/sharer\">Facebook</a>"
      "<a href=\"https://linkedin.example/share\">LinkedIn</a><button>Print this page</button></div>"
      "<a href=\"/terms.pdf\">Download PDF <span>(opens in a new window)</span></a>"
      "<a href=\"/previous\">View previous business terms</a></div>" + body + "</body>");
  EXPECT_NE(shared.find("Services Agreement"), std::string::npos) << shared;
  EXPECT_NE(shared.find("Updated: 1 May 2026"), std::string::npos) << shared;
  // Twin: a site's header whose only heading is its logo's link stays furniture.
  const std::string menu = read_page(
      "<body><div><h1><a href=\"/\">Acme</a></h1><a href=\"/pricing\">Pricing</a><a href=\"/blog\">Blog</a>"
      "<a href=\"/careers\">Careers</a></div>" + body + "</body>");
  EXPECT_EQ(menu.find("Pricing"), std::string::npos) << menu;
}

TEST(UnseenPagesFurniture, ANoticeAboveTheTitleLeavesTheLinksBelowTheTitleAtTheEdge) {
  const std::string versions =
      "<p>Previous versions</p><ul><li><a href=\"/v3\">May 12, 2026</a></li><li><a href=\"/v2\">April 10, 2026</a></li>"
      "<li><a href=\"/v1\">June 27, 2025</a></li></ul>";
  const std::string body =
      "<p>These terms are entered into between Lumen LLC and the business customer of Lumen.</p>"
      "<p>You may cancel your subscription at any time in your account settings.</p>";
  const std::string title = "<h1 id=\"t\"><a href=\"#t\">Terms of Service</a></h1>";
  const std::string notice = "<div role=\"note\"><p>You are viewing the version of this page for your region. "
                             "<a href=\"/regions\">Other regions</a></p></div>";
  const std::string plain = read_page("<body><main>" + title + versions + body + "</main></body>");
  const std::string noticed = read_page("<body><main>" + notice + title + versions + body + "</main></body>");
  EXPECT_EQ(plain.find("May 12, 2026"), std::string::npos) << plain;
  EXPECT_EQ(noticed.find("May 12, 2026"), std::string::npos) << noticed;
  // Twin: the same list between two of the document's sentences is the document's.
  const std::string inside = read_page("<body><main>" + notice + title + "<p>These terms are entered into between "
                                       "Lumen LLC and the business customer of Lumen.</p>" + versions + body + "</main></body>");
  EXPECT_NE(inside.find("May 12, 2026"), std::string::npos) << inside;
  // Twin: an <h1> further down (a cookie policy under a privacy policy's <h2>) leaves the list of
  // partners above it in the text.
  const std::string partners = read_page(
      "<body><main><h2>Privacy Policy</h2><p>We share your personal data with these advertising partners, who act as "
      "independent controllers:</p><ul><li><a href=\"https://a.example\">Adnet Media</a></li><li><a href=\"https://b.example\">"
      "Brightads</a></li><li><a href=\"https://c.example\">Clickly</a></li><li><a href=\"https://d.example\">Datapoint</a>"
      "</li></ul><p>You can object to this sharing at any time in your settings.</p><h1>Cookie Policy</h1>"
      "<p>We use cookies to keep you signed in and to measure our audience.</p></main></body>");
  EXPECT_NE(partners.find("Brightads"), std::string::npos) << partners;
}

TEST(UnseenPagesStamps, AHelpArticlesBylineAndAgePutInAloneAreCosmetic) {
  const std::string doc = "# Terms\nYou may cancel your subscription at any time.\n";
  for (const char* line : {"Written by Jane DoeUpdated this week", "Written by Jane Doe Updated over a week ago",
                           "Written by Sam LeeUpdated over 2 months ago", "Written by Sam Lee", "Updated yesterday"}) {
    EXPECT_FALSE(change_between(doc, std::string(line) + "\n" + doc).substantive) << line;
    EXPECT_FALSE(change_between(std::string(line) + "\n" + doc, doc).substantive) << line;
  }
  // Twins: a sentence naming who wrote the terms for whom, an age in a clause.
  EXPECT_TRUE(change_between(doc, "Written by our legal team for every member of your organisation.\n" + doc).substantive);
  EXPECT_TRUE(change_between(doc, doc + "Accounts inactive for over a week are deleted.\n").substantive);
}

TEST(UnseenPagesHeadings, ASectionNumberAloneInAnEmptyHeadingIsNoText) {
  const std::string doc = "# Cookies\n## 1. Scope\nThis policy covers our apps.\n## 2. Contact\nWrite to us.\n";
  EXPECT_FALSE(change_between(doc, "# Cookies\n## 1. Scope\nThis policy covers our apps.\n## 2.\n## 3. Contact\n"
                                   "Write to us.\n").substantive);
  // Twins: a numbered section put in with its title, a number of days alone in a line.
  EXPECT_TRUE(change_between(doc, "# Cookies\n## 1. Scope\nThis policy covers our apps.\n## 2. Sale\n## 3. Contact\n"
                                  "Write to us.\n").substantive);
  EXPECT_TRUE(change_between(doc, doc + "30\n").substantive);
  // A table's lettered value alone on its line, replaced (consent → legitimate interest).
  EXPECT_TRUE(change_between(doc + "Legal basis\n(a)\nMarketing\n", doc + "Legal basis\n(f)\nMarketing\n").substantive);
}

TEST(UnseenPagesHeadings, ASectionsBareNumberIsNumbering) {
  const std::string numbered = "# CGU\n## 1 Objet du contrat\nLe contrat lie les parties.\n## 2 Acc\xC3\xA8s\nL'acc\xC3\xA8s est libre.\n"
                               "## 3 Services\nLes services sont gratuits.\n";
  const std::string plain = "# CGU\n## Objet du contrat\nLe contrat lie les parties.\n## Acc\xC3\xA8s\nL'acc\xC3\xA8s est libre.\n"
                            "## Services\nLes services sont gratuits.\n";
  const Change dropped = change_between(numbered, plain);
  EXPECT_FALSE(dropped.substantive);
  ASSERT_FALSE(dropped.hunks.empty());
  EXPECT_EQ(dropped.hunks[0].cosmetic_kinds, std::vector<std::string>{"numbering"});
  EXPECT_FALSE(change_between(plain, numbered).substantive);
  // Twins: a number in a heading changed, or one that counts something, put in or taken off.
  EXPECT_TRUE(change_between("# Plans\n## 3 Devices per Account\nShare your plan.\n## Billing\nMonthly.\n",
                             "# Plans\n## 5 Devices per Account\nShare your plan.\n## Billing\nMonthly.\n").substantive);
  EXPECT_TRUE(change_between("# AGB\n## 48 Stunden Stornierung\nKostenlos.\n## Zahlung\nMonatlich.\n",
                             "# AGB\n## 24 Stunden Stornierung\nKostenlos.\n## Zahlung\nMonatlich.\n").substantive);
  EXPECT_TRUE(change_between("# Plans\n## 3 Devices per Account\nShare your plan.\n## Billing\nMonthly.\n",
                             "# Plans\n## Devices per Account\nShare your plan.\n## Billing\nMonthly.\n").substantive);
  EXPECT_TRUE(change_between(numbered, "# CGU\n## 1 Objet du contrat\nLe contrat lie les parties.\n## 4 Acc\xC3\xA8s\n"
                                       "L'acc\xC3\xA8s est libre.\n## 3 Services\nLes services sont gratuits.\n").substantive);
}

TEST(UnseenPagesNotices, AHostsNotesAndAScriptNoticeAreCosmetic) {
  const std::string doc = "# Terms\nYou may cancel your subscription at any time.\n";
  for (const char* line : {"Published using Google DocsReport abuseLearn more", "Published using Google Docs",
                           "Updated automatically every 5 minutes", "You need to enable JavaScript to run this app.",
                           "Bitte aktivieren Sie JavaScript, um diese Seite zu nutzen.",
                           "Cette page a \xC3\xA9t\xC3\xA9 traduite automatiquement. Afficher l'original",
                           "Esta p\xC3\xA1gina ha sido traducida autom\xC3\xA1ticamente."}) {
    EXPECT_FALSE(change_between(doc, std::string(line) + "\n" + doc).substantive) << line;
    EXPECT_FALSE(change_between(doc, doc + line + "\n").substantive) << line;
  }
  // Twins: who publishes the terms, a period in a cookie table, what scripts do, which text binds.
  EXPECT_TRUE(change_between(doc + "Published by Acme Inc.\n", doc + "Published by Acme Ireland Ltd\n").substantive);
  EXPECT_TRUE(change_between(doc, doc + "Refreshed every 30 days\n").substantive);
  EXPECT_TRUE(change_between(doc, doc + "Updated automatically every month\n").substantive);
  EXPECT_TRUE(change_between(doc, doc + "You must enable JavaScript to use the Services.\n").substantive);
  EXPECT_TRUE(change_between(doc, doc + "If JavaScript is disabled, no analytics cookies are set.\n").substantive);
  EXPECT_TRUE(change_between(doc, doc + "Toute traduction de cette page est fournie \xC3\xA0 titre indicatif.\n").substantive);
}

// A copy generated when it is asked for says when, and its running line is read once
// (pdf_running_lines.cpp): a new moment at every check is no change of the terms.
TEST(UnseenPagesNotices, WhenACopyWasPrintedOrGeneratedIsCosmetic) {
  const std::string doc = "# Terms\nYou may cancel your subscription at any time.\n";
  for (const auto& [before, after] : std::vector<std::pair<std::string, std::string>>{
           {"Printed on 3 March 2026", "Printed on 5 March 2026"},
           {"Generated on 2026-03-03 at 10:02 UTC", "Generated on 2026-03-05 at 09:41 UTC"},
           {"Downloaded: 03/03/2026, 10:02 AM", "Downloaded: 03/05/2026, 9:41 AM"},
           {"Imprim\xC3\xA9 le 3 mars 2026", "Imprim\xC3\xA9 le 5 mars 2026"},
           {"Gedruckt am 03.03.2026 um 10:02 Uhr", "Gedruckt am 05.03.2026 um 09:41 Uhr"}}) {
    EXPECT_FALSE(change_between(doc + before + "\n", doc + after + "\n").substantive) << before;
    EXPECT_FALSE(change_between(doc, doc + after + "\n").substantive) << after;
  }
  // Twins: the document's own date, and words beside the moment.
  EXPECT_TRUE(change_between(doc + "Effective on 3 March 2026\n", doc + "Effective on 5 March 2026\n").substantive);
  EXPECT_TRUE(change_between(doc + "Last updated on 3 March 2026\n", doc + "Last updated on 5 March 2026\n").substantive);
  EXPECT_TRUE(change_between(doc, doc + "Printed in Ireland under licence 2026\n").substantive);
  EXPECT_TRUE(change_between(doc, doc + "Generated content may be used to train our models from 3 March 2026\n").substantive);
}

TEST(UnseenPagesTables, ATableRebuiltOneCellPerLineIsLayout) {
  const std::string head = "# Privacy\n1. Data We Collect\n2. How We Use Data\n3. Your Rights\n4. Contact\n"
                           "## 1. Data We Collect\nWe collect your email address.\n## 2. How We Use Data\nWe run the service.\n"
                           "## 3. Your Rights\nYou have rights.\n";
  const std::string table = head + "Your Rights | How to exercise it\nAccess | Write to us at privacy@lumen.example\n"
                                   "Deletion | Delete your account in the settings\n## 4. Contact\nWrite to us.\n";
  const std::string cells = head + "Your Rights\nHow to exercise it\nAccess\nWrite to us at privacy@lumen.example\n"
                                   "Deletion\nDelete your account in the settings\n## 4. Contact\nWrite to us.\n";
  EXPECT_FALSE(change_between(table, cells).substantive);
  EXPECT_FALSE(change_between(cells, table).substantive);
  // Twin: a cell's words changed as the table is rebuilt.
  const std::string changed = head + "Your Rights\nHow to exercise it\nAccess\nWrite to us at privacy@lumen.example\n"
                                     "Deletion\nWe delete your account within a year\n## 4. Contact\nWrite to us.\n";
  EXPECT_TRUE(change_between(table, changed).substantive);
  // A cell's lettered items, one line each once the table is divs.
  const std::string row = "# Privacy\n## Purposes\nPurpose | Type of data\nTo register you | (a) Profile Data (b) Contact Data\n";
  const std::string lines = "# Privacy\n## Purposes\nPurpose\nType of data\nTo register you\n(a) Profile Data\n(b) Contact Data\n";
  EXPECT_FALSE(change_between(row, lines).substantive);
  EXPECT_TRUE(change_between(row, "# Privacy\n## Purposes\nPurpose\nType of data\nTo register you\n(a) Profile Data\n"
                                  "(b) Payment Data\n").substantive);
  // Rows on both sides are read cell by cell: a mark moved to the next column is news.
  const std::string sold = "# Privacy\n## Categories\nCategory | Sold | Shared\nIdentifiers | Yes | \nGeolocation |  | Yes\n";
  EXPECT_TRUE(change_between(sold, "# Privacy\n## Categories\nCategory | Sold | Shared\nIdentifiers |  | Yes\n"
                                   "Geolocation | Yes | \n").substantive);
}

TEST(UnseenPagesDuplicate, ALayoutsCopyOfTheWholePageIsLeftOut) {
  std::string clauses;
  for (int i = 1; i <= 6; ++i)
    clauses += "<h2>Section " + std::to_string(i) + "</h2><p>Clause " + std::to_string(i) +
               ": you may cancel your subscription at any time in your account settings, and we refund "
               "the unused part of your plan.</p>";
  const std::string menu = "<div class=\"top\"><a href=\"/a\">Products</a><a href=\"/b\">Pricing</a>"
                           "<a href=\"/c\">Careers</a><a href=\"/d\">Log in</a></div>";
  const std::string content = menu + "<div class=\"page\"><h1>Terms of Service</h1>" + clauses + "</div>";
  const std::string once = read_page("<html><body>" + content + "</body></html>");
  const std::string twice = read_page("<html><body>" + content + "<div class=\"d-md-none\">" + content + "</div></body></html>");
  EXPECT_EQ(once, twice);
  EXPECT_EQ(once.find("Pricing"), std::string::npos) << once;
  // Both copies marked for their widths (a site builder's breakpoints): one stays.
  const std::string both = read_page("<html><body><div class=\"hidden-desktop\">" + content +
                                     "</div><div class=\"hidden-phone\">" + content + "</div></body></html>");
  EXPECT_NE(both.find("Clause 6"), std::string::npos) << both;
  EXPECT_EQ(both.find("Clause 6"), both.rfind("Clause 6")) << both;
  // Twin: two editions side by side, their words not the same, are both the document's.
  std::string other = content;
  other.replace(other.find("Clause 3"), 8, "Clause 3 (EEA)");
  const std::string editions = read_page("<html><body>" + content + "<div>" + other + "</div></body></html>");
  EXPECT_NE(editions.find("Clause 3 (EEA)"), std::string::npos) << editions;
  // Twin: two regions' panels with the same words, no breakpoint's mark: both stay, so that one
  // changing alone later reads as a change.
  const std::string panels = read_page("<html><body>" + menu + "<div class=\"panel-eu\"><h1>Terms</h1>" + clauses +
                                       "</div><div class=\"panel-us\"><h1>Terms</h1>" + clauses + "</div></body></html>");
  EXPECT_NE(panels.find("Clause 6"), panels.rfind("Clause 6")) << panels;
}

TEST(UnseenPagesFurniture, TextClippedToNothingAndAnAccessibilityOverlayAreFurniture) {
  const std::string body = "<h1>Terms</h1><p>You may cancel your subscription at any time in your account settings.</p>";
  const std::string plain = read_page("<html><body>" + body + "</body></html>");
  EXPECT_EQ(read_page("<html><body>" + body + "<next-route-announcer><p aria-live=\"assertive\" role=\"alert\" "
                      "style=\"border:0;clip:rect(0 0 0 0);height:1px;margin:-1px;overflow:hidden;padding:0;"
                      "position:absolute;width:1px\">Terms | Lumen</p></next-route-announcer></body></html>"),
            plain);
  EXPECT_EQ(read_page("<html><body>" + body + "<div id=\"userwayAccessibilityIcon\" role=\"button\"><span>Accessibility "
                      "Menu</span></div></body></html>"),
            plain);
  // Twins: a clip that leaves a box, a border of one pixel, a cookie table's row naming the vendor.
  EXPECT_NE(read_page("<html><body>" + body + "<div style=\"position:absolute;clip: rect(0px, 960px, 600px, 0px)\"><p>"
                      "Fees are non-refundable after 14 days.</p></div></body></html>").find("non-refundable"),
            std::string::npos);
  EXPECT_NE(read_page("<html><body>" + body + "<p style=\"position:absolute;border-width:1px;min-height:1px\">"
                      "Arbitration applies to every dispute.</p></body></html>").find("Arbitration"),
            std::string::npos);
  EXPECT_NE(read_page("<html><body>" + body + "<table><tr id=\"userway-cookie\"><td>uw_prefs</td><td>UserWay</td>"
                      "<td>Stores your accessibility settings</td><td>1 year</td></tr></table></body></html>").find("uw_prefs"),
            std::string::npos);
}

// ---- a consent manager's placeholder where an embed would be (twenty-fifth session) -----------------

TEST(UnseenPagesFurniture, AnEmbedsConsentPlaceholderIsFurniture) {
  const std::string first = "<h1>Privacy</h1><h2>Cookies</h2><p>We use cookies to keep you signed in.</p>";
  const std::string second = "<h2>Videos</h2><p>Our help videos are hosted by a third party.</p>";
  const std::string plain = read_page("<html><body><main>" + first + second + "</main></body></html>");
  for (const char* placeholder :
       {"<div class=\"cookieconsent-optout-marketing\"><p>Please <a href=\"javascript:Cookiebot.renew()\">accept "
        "marketing-cookies</a> to watch this video.</p></div>",
        "<div class=\"uc-embedding-container\"><h3>We need your consent to load the YouTube Video service!</h3><p>We "
        "use a third party service to embed video content that may collect data about your activity.</p><button "
        "class=\"uc-embedding-accept\">Accept</button></div>",
        "<div class=\"video-embed consent-placeholder\"><p>This video is hosted by YouTube. Accept marketing cookies "
        "to watch it.</p><button type=\"button\">Load video</button></div>"}) {
    EXPECT_EQ(read_page("<html><body><main>" + first + placeholder + second + "</main></body></html>"), plain)
        << placeholder;
  }
  // Twins: a policy's own section on consent, a cookie table's row naming the manager, and a
  // box named a placeholder that holds a policy's worth of text.
  EXPECT_NE(read_page("<html><body><main>" + first + "<div class=\"cookie-consent-section\"><p>Accept marketing "
                      "cookies to watch embedded videos; YouTube then sets its own cookies.</p></div>" + second +
                      "</main></body></html>").find("YouTube then sets"),
            std::string::npos);
  EXPECT_NE(read_page("<html><body><main>" + first + "<table><tr class=\"cookie-blocker-row\"><td>CookieConsent</td>"
                      "<td>Cookiebot</td><td>Stores your consent state</td></tr></table>" + second + "</main></body></html>")
                .find("Stores your consent state"),
            std::string::npos);
  // A review's finds: a cookie declaration's placeholder filled with the cookie table, and
  // "cookie" and "blocker" in two names of a section on ad blockers.
  EXPECT_NE(read_page("<html><body><main>" + first + "<div id=\"cookie-declaration-placeholder\"><table><tr><td>_fbp"
                      "</td><td>Facebook advertising pixel</td><td>3 months</td></tr></table></div>" + second +
                      "</main></body></html>").find("Facebook advertising pixel"),
            std::string::npos);
  EXPECT_NE(read_page("<html><body><main>" + first + "<div class=\"section cookies adblocker\"><p>We never share the "
                      "fact that you use an ad blocker with advertisers.</p></div>" + second + "</main></body></html>")
                .find("ad blocker with advertisers"),
            std::string::npos);
  std::string long_text;
  for (int i = 0; i < 12; ++i) long_text += "<p>We share viewing data with the video host when you press play.</p>";
  EXPECT_NE(read_page("<html><body><main>" + first + "<div class=\"consent-placeholder\">" + long_text + "</div>" +
                      second + "</main></body></html>").find("press play"),
            std::string::npos);
}

TEST(UnseenPagesFurniture, ABannerOfferingTheReadersCountrysSiteIsFurniture) {
  const std::string heading = "<h2>Who we are</h2><p>Lumen Ltd runs the service from Dublin.</p>";
  const std::string plain = read_page("<html><body><main><h1>Privacy</h1>" + heading + "</main></body></html>");
  for (const char* banner :
       {"<div class=\"geo-banner\"><p>It looks like you are visiting from Germany. Would you like to go to the German "
        "site?</p><a href=\"/de\">Go to the German site</a><button>Stay here</button></div>",
        "<div class=\"locale-suggestion\"><p>Vous semblez \xC3\xAAtre en France. Voulez-vous consulter le site "
        "fran\xC3\xA7" "ais ?</p><a href=\"/fr\">Continuer en fran\xC3\xA7" "ais</a></div>"}) {
    // Above the document's first heading, in the box that holds it (the box is not the banner).
    EXPECT_EQ(read_page("<html><body><main><h1>Privacy</h1><div class=\"header\">" + std::string(banner) + heading +
                        "</div></main></body></html>"),
              plain)
        << banner;
  }
  // Twins: the guess saying which terms apply, a box that goes on with the document's words,
  // and a guess with no link to go anywhere.
  EXPECT_NE(read_page("<html><body><main><h1>Privacy</h1><div><p>It looks like you are in the EEA: the EEA terms below "
                      "apply to you.</p><a href=\"/eea\">Read the EEA version</a></div>" + heading + "</main></body></html>")
                .find("EEA terms below"),
            std::string::npos);
  EXPECT_NE(read_page("<html><body><main><h1>Privacy</h1><div><p>It looks like you are visiting from Germany.</p><a "
                      "href=\"/de\">German site</a><p>We keep your data in the European Union.</p></div>" + heading +
                      "</main></body></html>")
                .find("We keep your data"),
            std::string::npos);
  EXPECT_NE(read_page("<html><body><main><h1>Privacy</h1><div><p>It looks like you are visiting from a country where "
                      "the service is not offered; your data stays on our servers.</p></div>" + heading +
                      "</main></body></html>")
                .find("not offered"),
            std::string::npos);
  // A review's finds: a policy's paragraph opening with the guess and ending with a link, and a
  // region's notice naming the data controller.
  EXPECT_NE(read_page("<html><body><main><h1>Privacy</h1><p>It seems you want to remove your data from Lumen. You can "
                      "delete your account from the Settings page, or by <a href=\"/support\">contacting our support "
                      "team</a></p>" + heading + "</main></body></html>")
                .find("delete your account"),
            std::string::npos);
  EXPECT_NE(read_page("<html><body><main><h1>Privacy</h1><div class=\"region-notice\">It looks like you are in the "
                      "United Kingdom. Your data controller is Lumen UK Ltd, London. Residents of other countries should "
                      "read the <a href=\"/privacy/global\">global version</a></div>" + heading + "</main></body></html>")
                .find("Lumen UK Ltd"),
            std::string::npos);
}

TEST(UnseenPagesFurniture, AStatusPagesIndicatorIsFurniture) {
  const std::string body = "<h1>Terms</h1><p>You may cancel your subscription at any time in your account settings.</p>";
  const std::string plain = read_page("<html><body>" + body + "</body></html>");
  EXPECT_EQ(read_page("<html><body>" + body + "<a class=\"footer-link\" href=\"https://status.lumen.example\"><span "
                      "class=\"dot\"></span><span>Investigating elevated error rates</span></a></body></html>"),
            plain);
  EXPECT_EQ(read_page("<html><body>" + body + "<div class=\"status-indicator\">Partial outage</div></body></html>"), plain);
  // Its line alone, wherever it is read.
  const std::string doc = "# Terms\nYou may cancel your subscription at any time.\n";
  EXPECT_FALSE(change_between(doc, doc + "All systems operational\n").substantive);
  // Twins: a status page named in a sentence, a box named for the service's status that says
  // what is owed, and a line about outages that is a term.
  EXPECT_NE(read_page("<html><body>" + body + "<p>See <a href=\"https://status.lumen.example\">status.lumen.example</a> "
                      "for outages.</p></body></html>").find("status.lumen.example for outages"),
            std::string::npos);
  EXPECT_NE(read_page("<html><body>" + body + "<div class=\"service-status\"><p>When the service is unavailable for more "
                      "than four hours in a month, you are owed a credit of 10% of your monthly fee.</p></div></body></html>")
                .find("owed a credit"),
            std::string::npos);
  EXPECT_TRUE(change_between(doc, doc + "Partial outages are credited at 10% of the monthly fee.\n").substantive);
  // A review's finds: a status link inside a sentence written in a div, and a table's cells
  // named for the service's status holding its figures.
  EXPECT_NE(read_page("<html><body>" + body + "<div>Lumen commits to <a href=\"https://status.lumen.example/uptime\">"
                      "99.9% monthly uptime</a> for paid plans.</div></body></html>").find("99.9% monthly uptime"),
            std::string::npos);
  EXPECT_NE(read_page("<html><body>" + body + "<table><tr><th>Plan</th><th>Uptime</th></tr><tr><td>Business</td><td "
                      "class=\"service-status\">99.95%</td></tr></table></body></html>").find("99.95%"),
            std::string::npos);
}

// A page whose selector stopped matching, found again by its archived text: no-break spaces put
// between its words are spaces (metamorphic bench: a stale selector's page read another element,
// "+ # Legal", when a few of its spaces became no-break ones).
TEST(UnseenPagesFallback, NoBreakSpacesDoNotHideTheDocumentFromItsArchivedText) {
  std::string panel;
  for (int i = 1; i <= 6; ++i)
    panel += "<p>Clause " + std::to_string(i) + ": the members of the service keep the rights to their photos and "
             "messages, and may delete them at any time from the settings of the service.</p>";
  const auto page = [&](const std::string& body) {
    return "<html><body><main><h1>Legal</h1><p>Terms of Service of the service</p><div class=\"panel\">" + body +
           "</div><p><a href=\"/privacy\">Privacy of the service</a> <a href=\"/terms\">Terms of the service</a></p>"
           "</main></body></html>";
  };
  NormalizeOptions selected;
  selected.select = {std::string(".panel")};
  const std::string archived = read_page(page(panel), selected);
  NormalizeOptions stale;
  stale.select = {std::string(".panel-v2")};
  stale.fallback_on_no_match = true;
  stale.anchor_text = archived;
  std::string spaced = panel;
  for (std::size_t at = spaced.find(" the "); at != std::string::npos; at = spaced.find(" the ", at + 1))
    spaced.replace(at, 1, "\xC2\xA0");
  EXPECT_EQ(read_page(page(panel), stale), archived);
  EXPECT_EQ(read_page(page(spaced), stale), archived);
}

// A first check whose selector matches nothing, on a page whose <main> holds a hidden mobile
// menu: the part of the page read is found by the words a reader sees, so the title and the
// warning above the terms' own box stay in (a review's find: they were never archived).
TEST(UnseenPagesFallback, AHiddenMenuDoesNotCutTheTitleAndWarningOffAStaleSelectorsText) {
  std::string menu = "<nav class=\"mobile-menu\" style=\"display:none\">";
  for (int i = 0; i < 40; ++i) menu += "<a href=\"/p" + std::to_string(i) + "\">Product " + std::to_string(i) + " plans</a> ";
  menu += "</nav>";
  std::string terms = "<div class=\"terms-v2\">";
  for (int i = 1; i <= 8; ++i)
    terms += "<h2>" + std::to_string(i) + ". Section</h2><p>We process your account data for purpose " +
             std::to_string(i) + " and keep it for " + std::to_string(3 * i) + " months after you close your account.</p>";
  terms += "</div>";
  NormalizeOptions stale;
  stale.select = {std::string(".terms-container")};
  stale.fallback_on_no_match = true;
  const std::string text = read_page("<html><body><main>" + menu + "<h1>Terms of Service</h1><p>IMPORTANT: these terms "
                                     "contain a binding arbitration clause and a class action waiver.</p>" + terms +
                                     "</main></body></html>", stale);
  EXPECT_NE(text.find("binding arbitration clause"), std::string::npos) << text;
  EXPECT_EQ(text.find("Product 3 plans"), std::string::npos) << text;
  // Twin: the terms folded into an accordion's closed panels (hidden, each of them small) are
  // still the document's words: the page is read whole, the panels with it.
  std::string folded = "<div class=\"terms-v2\">";
  for (int i = 1; i <= 8; ++i)
    folded += "<div class=\"accordion-item\"><h2 aria-expanded=\"false\">" + std::to_string(i) + ". Section</h2><div "
              "class=\"accordion-panel\" hidden><p>We process your account data for purpose " + std::to_string(i) +
              " and keep it for " + std::to_string(3 * i) + " months after you close your account.</p></div></div>";
  folded += "</div>";
  const std::string closed = read_page("<html><body><main>" + menu + "<h1>Terms of Service</h1><p>IMPORTANT: these "
                                       "terms contain a binding arbitration clause and a class action waiver.</p>" +
                                       folded + "</main></body></html>", stale);
  EXPECT_NE(closed.find("keep it for 24 months"), std::string::npos) << closed;
  EXPECT_NE(closed.find("binding arbitration clause"), std::string::npos) << closed;
}

}  // namespace
}  // namespace tosdiff
