#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/literal_markup.hpp"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace tosdiff {
namespace {

using Kinds = std::vector<std::string>;

// ---- single folding steps -----------------------------------------------------------------

TEST(Canonicalize, NoStepsIsIdentity) {
  const std::string text = "  The \xE2\x80\x9CService\xE2\x80\x9D, Dec. 17th, 2025 \xE2\x80\x94 4.2 Foo.";
  EXPECT_EQ(canonicalize(text, 0), text);
}

TEST(Canonicalize, WhitespaceFoldsRunsAndTrims) {
  EXPECT_EQ(canonicalize("  a \t b\n\nc  ", kFoldWhitespace), "a b c");
}

TEST(Canonicalize, WhitespaceBeforePunctuationAndInsideParensDropped) {
  EXPECT_EQ(canonicalize("word , next ; end .", kFoldWhitespace), "word, next; end.");
  EXPECT_EQ(canonicalize("see ( section 4 ) and [ note ]", kFoldWhitespace), "see (section 4) and [note]");
  EXPECT_EQ(canonicalize("Really ?", kFoldWhitespace), "Really?");
}

// Issue 11 (contrib replay): an icon font's glyph (a private-use character) put before each
// heading of a privacy policy is no word; zero-width characters and a soft hyphen are nothing.
TEST(Canonicalize, InvisibleCharactersAndIconGlyphsAreNoWords) {
  EXPECT_EQ(canonicalize("\xEE\xA4\x84" "Data Retention", kFoldWhitespace), "Data Retention");
  EXPECT_EQ(canonicalize("Home\xEF\x80\x80" "Privacy", kFoldWhitespace), "Home Privacy");
  EXPECT_EQ(canonicalize("pri\xC2\xAD" "vacy and co\xE2\x80\x8B" "okies\xEF\xBB\xBF", kFoldWhitespace), "privacy and cookies");
  EXPECT_EQ(cosmetic_kinds("## Data Retention", "## \xEE\xA4\x84" "Data Retention"), (std::vector<std::string>{"whitespace"}));
  // Negative twin: other characters beyond ASCII are kept (a currency sign, an accented letter).
  EXPECT_EQ(canonicalize("Fee 5\xE2\x82\xAC par r\xC3\xA9sum\xC3\xA9", kFoldWhitespace), "Fee 5\xE2\x82\xAC par r\xC3\xA9sum\xC3\xA9");
}

// Issue 11 (contrib replay): HTML written out as text (a tracking pixel's tag from a noscript
// block, a CMS escaping its own paragraphs and links) says nothing of the terms.
TEST(Canonicalize, HtmlTagsWrittenInTheTextAreMarkup) {
  EXPECT_EQ(drop_literal_tags("<p>These terms apply.</p><p>Your data is yours.</p>"), "These terms apply. Your data is yours.");
  EXPECT_EQ(drop_literal_tags("See <a href=\"/transparency\">here</a>."), "See here.");
  EXPECT_EQ(drop_literal_tags("pri<b>vacy</b>"), "privacy");
  EXPECT_EQ(cosmetic_kinds("Contact us at the address below.",
                           "Contact us at the address below. <img height=\"1\" width=\"1\" style=\"display:none\" "
                           "src=\"https://pixel.example/tr?id=42&ev=PageView\" />"),
            (std::vector<std::string>{"markup"}));
  // Negative twins: labels and comparisons in angle brackets are text.
  EXPECT_EQ(drop_literal_tags("<Summary> We keep logs."), "<Summary> We keep logs.");
  EXPECT_EQ(drop_literal_tags("<<END OF POLICY>>"), "<<END OF POLICY>>");
  EXPECT_EQ(drop_literal_tags("if x <5 and y > 2"), "if x <5 and y > 2");
  EXPECT_EQ(drop_literal_tags("<abbr-list> <ab c>"), "<abbr-list> <ab c>");
  EXPECT_NE(comparison_key("<p>We do not sell your data.</p>"), comparison_key("<p>We sell your data.</p>"));
}

// Markdown's heading marks leaked into the text when a page glued a heading to the paragraph
// above it (contrib replay: a ride-hailing company's privacy policy).
TEST(Canonicalize, HeadingMarksWrittenInTheTextAreMarkup) {
  EXPECT_EQ(drop_written_heading_marks("your personal data.### 5. Who we share it with"), "your personal data. 5. Who we share it with");
  EXPECT_EQ(drop_written_heading_marks("## ### Contact"), "Contact");
  // Twins: a number sign that is text.
  EXPECT_EQ(drop_written_heading_marks("Ticket #12 and C# code"), "Ticket #12 and C# code");
  EXPECT_EQ(drop_written_heading_marks("tag##x"), "tag##x");
}

// A heading's Markdown underline read into its line (contrib replay: an illustration site's
// privacy policy, three headings gaining "==============").
TEST(Canonicalize, HeadingUnderlinesWrittenInTheTextAreMarkup) {
  EXPECT_EQ(drop_written_underlines("Purpose of use =============="), "Purpose of use");
  EXPECT_EQ(drop_written_underlines("Time of acquisition -----"), "Time of acquisition");
  // Twins: a run inside a line, and a table's cells (a review's find: columns swapped).
  EXPECT_EQ(drop_written_underlines("Fee ----- none"), "Fee ----- none");
  EXPECT_NE(comparison_key("Location | --- | Yes"), comparison_key("Location | Yes | ---"));
  EXPECT_EQ(comparison_key("Purpose of use =============="), comparison_key("Purpose of use"));
  EXPECT_EQ(cosmetic_kinds("Purpose of use", "Purpose of use ======="), (std::vector<std::string>{"markup"}));
  // Twins: a dash, an equation, a word with dashes, and a word changed beside an underline.
  EXPECT_EQ(drop_written_underlines("fees -- if any -- apply"), "fees -- if any -- apply");
  EXPECT_EQ(drop_written_underlines("a=b and x==y"), "a=b and x==y");
  EXPECT_EQ(drop_written_underlines("state-of-the-art"), "state-of-the-art");
  EXPECT_NE(comparison_key("Purpose of use ====="), comparison_key("Purposes of sale"));
}

// Issue 11 (contrib replay): a newspaper's liability clause, its quotes written as entities one day.
TEST(Canonicalize, CharacterReferencesWrittenInTheTextAreMarkup) {
  EXPECT_EQ(decode_literal_entities("provided &quot;as is&quot; &amp; &#39;as available&#x2019;"),
            "provided \"as is\" & 'as available\xE2\x80\x99");
  EXPECT_EQ(decode_literal_entities("Terms &amp Conditions"), "Terms & Conditions");
  EXPECT_EQ(cosmetic_kinds("The service is provided &quot;as is&quot;.", "The service is provided \"as is\"."),
            (std::vector<std::string>{"markup"}));
  // Negative twins: an ampersand that starts no reference is text; another word stays news.
  EXPECT_EQ(decode_literal_entities("AT&T and R&D &ampersand &#; &#xZZ;"), "AT&T and R&D &ampersand &#; &#xZZ;");
  EXPECT_NE(comparison_key("provided &quot;as is&quot;"), comparison_key("provided \"as available\""));
}

TEST(Canonicalize, QuotesDashesAndEllipsisFoldedToAscii) {
  EXPECT_EQ(canonicalize("\xE2\x80\x9Cquoted\xE2\x80\x9D", kFoldQuotes), "\"quoted\"");
  EXPECT_EQ(canonicalize("it\xE2\x80\x99s \xE2\x80\x98single\xE2\x80\x99", kFoldQuotes), "it's 'single'");
  EXPECT_EQ(canonicalize("a\xE2\x80\x93" "b \xE2\x80\x94 c", kFoldQuotes), "a-b - c");
  EXPECT_EQ(canonicalize("wait\xE2\x80\xA6", kFoldQuotes), "wait...");
  EXPECT_EQ(canonicalize("\xC2\xAB" "guillemets\xC2\xBB", kFoldQuotes), "\"guillemets\"");
  EXPECT_EQ(canonicalize("`tick'", kFoldQuotes), "'tick'");
  EXPECT_EQ(canonicalize("\xE2\x88\x92" "5", kFoldQuotes), "-5");
}

TEST(Canonicalize, QuotesLeavesOtherUnicodeAlone) {
  const std::string text = "caf\xC3\xA9 \xE2\x82\xAC 5 \xE2\x84\x96";  // café € 5 №
  EXPECT_EQ(canonicalize(text, kFoldQuotes), text);
}

// A typographer's marks are the letters they stand for (a red team's find: "Lumen(R)" made
// "Lumen®" by a Markdown renderer was an alert).
TEST(Canonicalize, TradeMarksAreTheirLetters) {
  EXPECT_EQ(canonicalize("Lumen\xC2\xAE Chat\xE2\x84\xA2 Help\xE2\x84\xA0", kFoldQuotes), "Lumen(R) Chat(TM) Help(SM)");
  EXPECT_EQ(canonicalize("Lumen(R) Chat(TM)", kFoldAll), canonicalize("Lumen\xC2\xAE Chat\xE2\x84\xA2", kFoldAll));
  // Twin: another name.
  EXPECT_NE(canonicalize("Lumen(R) Chat(TM)", kFoldAll), canonicalize("Orbix\xC2\xAE Chat\xE2\x84\xA2", kFoldAll));
}

TEST(Canonicalize, CaseLowersAsciiAndLatin1Capitals) {
  EXPECT_EQ(canonicalize("Terms Of SERVICE", kFoldCase), "terms of service");
  EXPECT_EQ(canonicalize("\xC3\x84rger \xC3\x89t\xC3\xA9", kFoldCase), "\xC3\xA4rger \xC3\xA9t\xC3\xA9");
  // The multiplication sign is not a capital letter.
  EXPECT_EQ(canonicalize("2\xC3\x97" "3", kFoldCase), "2\xC3\x97" "3");
}

TEST(Canonicalize, PunctuationAtWordEndsDropped) {
  EXPECT_EQ(canonicalize("We collect data.", kFoldPunctuation), "We collect data");
  EXPECT_EQ(canonicalize("Updated: May 6", kFoldPunctuation), "Updated May 6");
  EXPECT_EQ(canonicalize("Hello, world!!!", kFoldPunctuation), "Hello world");
  EXPECT_EQ(canonicalize("(see above.) next", kFoldPunctuation), "see above next");  // brackets are marks too
}

TEST(Canonicalize, PunctuationInsideWordsKept) {
  EXPECT_EQ(canonicalize("version 1.5 costs $1,000", kFoldPunctuation), "version 1.5 costs $1,000");
  EXPECT_EQ(canonicalize("example.com", kFoldPunctuation), "example.com");
  EXPECT_NE(canonicalize("1.5", kFoldPunctuation), canonicalize("15", kFoldPunctuation));
}

TEST(Canonicalize, NumberingStripped) {
  EXPECT_EQ(canonicalize("4.2 Foo", kFoldNumbering), "Foo");
  EXPECT_EQ(canonicalize("4.2.1. Foo", kFoldNumbering), "Foo");
  EXPECT_EQ(canonicalize("4. Foo", kFoldNumbering), "Foo");
  EXPECT_EQ(canonicalize("(b) foo", kFoldNumbering), "foo");
  EXPECT_EQ(canonicalize("b) foo", kFoldNumbering), "foo");
  EXPECT_EQ(canonicalize("B. Definitions", kFoldNumbering), "Definitions");
  EXPECT_EQ(canonicalize("iii. foo", kFoldNumbering), "foo");
  EXPECT_EQ(canonicalize("(iv) foo", kFoldNumbering), "foo");
  EXPECT_EQ(canonicalize("IV. Foo", kFoldNumbering), "Foo");
  EXPECT_EQ(canonicalize("Section 5. Foo", kFoldNumbering), "Foo");
  EXPECT_EQ(canonicalize("SECTION 12 Foo", kFoldNumbering), "Foo");
  EXPECT_EQ(canonicalize("Article 3. Scope", kFoldNumbering), "Scope");
  EXPECT_EQ(canonicalize("\xC2\xA7 7 Liability", kFoldNumbering), "Liability");
  EXPECT_EQ(canonicalize("\xC2\xA7" "7 Liability", kFoldNumbering), "Liability");
  EXPECT_EQ(canonicalize("1) foo", kFoldNumbering), "foo");
  EXPECT_EQ(canonicalize("(4) foo", kFoldNumbering), "foo");
}

TEST(Canonicalize, NumberingLeavesOrdinaryTextAlone) {
  for (const char* text : {"4 years of data", "I agree to the terms", "2025 was a good year", "A user may",
                           "e.g. cookies", "Mr. Smith", "4", "(b)", "4.2", "Section 5", "Section of law",
                           "10% discount", "(see below)", "ii"}) {
    EXPECT_EQ(canonicalize(text, kFoldNumbering), text) << text;
  }
}

TEST(Canonicalize, NumberingOnlyAtTheStart) {
  EXPECT_EQ(canonicalize("see 4.2 Foo", kFoldNumbering), "see 4.2 Foo");
  EXPECT_EQ(canonicalize("under (b) above", kFoldNumbering), "under (b) above");
}

TEST(Canonicalize, LinkTargetsCanonicalized) {
  EXPECT_EQ(canonicalize("see [our policy](http://www.example.com/privacy/?utm_source=x)", kFoldLinkTarget),
            "see [our policy](https://example.com/privacy)");
  EXPECT_EQ(canonicalize("no links (here) at all", kFoldLinkTarget), "no links (here) at all");
  // A URL glued to the word before it by a space the page lost: its scheme still marks it
  // (contrib replay: a job site's privacy policy, its complaint address moved to https).
  EXPECT_EQ(canonicalize("complain athttp://www.example.org/dpf-complaints for more", kFoldLinkTarget),
            canonicalize("complain athttps://www.example.org/dpf-complaints for more", kFoldLinkTarget));
  // Twin: another address glued so stays another address.
  EXPECT_NE(canonicalize("complain athttp://www.example.org/dpf-complaints", kFoldLinkTarget),
            canonicalize("complain athttps://www.other.example/dpf-complaints", kFoldLinkTarget));
}

TEST(Canonicalize, AllStepsTogether) {
  EXPECT_EQ(canonicalize("4.2  The \xE2\x80\x9CService\xE2\x80\x9D: Updated December 17, 2025."),
            "theservice 2025-12-17");  // a label before a date is only its form; quotes are marks
  EXPECT_EQ(comparison_key("Hello , World"), comparison_key("hello world"));
}

// ---- rewrite_dates --------------------------------------------------------------------------

TEST(RewriteDates, CommonEnglishForms) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"December 17, 2025", "2025-12-17"},
      {"December 17 2025", "2025-12-17"},
      {"17 December 2025", "2025-12-17"},
      {"17 December, 2025", "2025-12-17"},
      {"Dec. 17th, 2025", "2025-12-17"},
      {"Dec 17, 2025", "2025-12-17"},
      {"17th of December, 2025", "2025-12-17"},
      {"1st of Jan 2026", "2026-01-01"},
      {"Sept. 2nd, 2024", "2024-09-02"},
      {"Sep 3 2024", "2024-09-03"},
      {"3rd March 2024", "2024-03-03"},
      {"DECEMBER 17, 2025", "2025-12-17"},
      {"may 5, 2025", "2025-05-05"},
      {"2025-12-17", "2025-12-17"},
      {"2025/12/17", "2025-12-17"},
      {"2025-1-7", "2025-01-07"},
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(rewrite_dates(text), expected) << text;
}

TEST(RewriteDates, OtherLanguagesForms) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"31. Januar 2022", "2022-01-31"},
      {"31. January 2022", "2022-01-31"},
      {"1. M\u00e4rz 2024", "2024-03-01"},
      {"1. M\u00c4RZ 2024", "2024-03-01"},
      {"1er ao\u00fbt 2024", "2024-08-01"},
      {"12 d\u00e9cembre 2025", "2025-12-12"},
      {"17 mars 2025", "2025-03-17"},
      {"31 de enero de 2022", "2022-01-31"},
      {"31 de enero del 2022", "2022-01-31"},
      {"5 de mar\u00e7o de 2023", "2023-03-05"},
      {"9 settembre 2024", "2024-09-09"},
      {"14 maart 2024", "2024-03-14"},
      {"3 mei 2024", "2024-05-03"},
      {"Stand: 31.01.2022", "Stand: 2022-01-31"},
      {"Effective\u2014May 1, 2026", "Effective\u20142026-05-01"},
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(rewrite_dates(text), expected) << text;
  // Twins: another day, another month; a French "2er" is no date; a month's name alone.
  EXPECT_NE(rewrite_dates("31. Januar 2022"), rewrite_dates("30. Januar 2022"));
  EXPECT_NE(rewrite_dates("1er ao\u00fbt 2024"), rewrite_dates("1er juillet 2024"));
  for (const char* text : {"2er ao\u00fbt 2024", "le 17 mars", "mars 2025", "17 set 2025", "15 sie 2026"})
    EXPECT_EQ(rewrite_dates(text), text) << text;
  // The abbreviations dates write in those languages, a dot after them or not (a red team's
  // finds); the words of another meaning ("set", "sie") are not taken for them.
  for (const char* text : {"17 d\u00e9c 2025", "17 d\u00e9c. 2025", "17. Dez. 2025", "17 dic. 2025", "17.12.2025",
                           "17 grudnia 2025", "17\u00b0 dicembre 2025", "17.\u00ba de dezembro de 2025"})
    EXPECT_EQ(rewrite_dates(text), "2025-12-17") << text;
}

TEST(RewriteDates, DatesInsideSentences) {
  EXPECT_EQ(rewrite_dates("Last updated: December 17, 2025."), "Last updated: 2025-12-17.");
  EXPECT_EQ(rewrite_dates("Effective 1 May 2025 until May 31, 2026 (inclusive)"),
            "Effective 2025-05-01 until 2026-05-31 (inclusive)");
  EXPECT_EQ(rewrite_dates("(Dec. 17th, 2025)"), "(2025-12-17)");
}

TEST(RewriteDates, NonDatesLeftAlone) {
  for (const char* text : {"May I help you?", "You may 2 times", "17 May", "on 17 May at noon", "March 2026",
                           "In May, 2025", "the 3rd of May", "December 17", "2025 was a year", "version 2025-12",
                           "2025-13-01", "2025-12-32", "December 17, 1850", "December 32, 2025", "Mayday 5, 2025",
                           "03/04/2025", "12/11/2025", "abc2025-12-17", "Ma 17, 2025", "1.2.2025.4"}) {
    EXPECT_EQ(rewrite_dates(text), text) << text;
  }
}

TEST(RewriteDates, DifferentDatesStayDifferent) {
  EXPECT_NE(rewrite_dates("December 17, 2025"), rewrite_dates("December 18, 2025"));
  EXPECT_NE(rewrite_dates("17 December 2025"), rewrite_dates("17 November 2025"));
  EXPECT_NE(rewrite_dates("17 December 2025"), rewrite_dates("17 December 2026"));
  EXPECT_NE(comparison_key("Updated July 8"), comparison_key("Updated July 9"));
  EXPECT_NE(comparison_key("Effective December 17, 2025"), comparison_key("Effective 18 December 2025"));
}

TEST(RewriteDates, SameDateInOtherFormsIsEqual) {
  const std::string iso = rewrite_dates("2026-07-08");
  for (const char* text : {"8 July 2026", "July 8, 2026", "Jul. 8th, 2026", "8th of July, 2026", "2026/07/08"})
    EXPECT_EQ(rewrite_dates(text), iso) << text;
  EXPECT_EQ(comparison_key("Last updated: 8 July 2026"), comparison_key("Last Updated July 8, 2026"));
}

// ---- cosmetic_kinds -------------------------------------------------------------------------

TEST(CosmeticKinds, ByteEqualIsEmpty) {
  EXPECT_TRUE(cosmetic_kinds("same text", "same text").empty());
}

TEST(CosmeticKinds, QuotesOnly) {
  EXPECT_EQ(cosmetic_kinds("The \xE2\x80\x9CService\xE2\x80\x9D isn\xE2\x80\x99t free", "The \"Service\" isn't free"),
            (Kinds{"quotes"}));
}

TEST(CosmeticKinds, FullWidthPunctuationRetypedIsPunctuation) {
  // A seller's terms retyped: full-width semicolon and colon, the ideographic full stop.
  EXPECT_EQ(cosmetic_kinds("access to the Shop\xEF\xBC\x9B", "access to the Shop;"), (Kinds{"punctuation"}));
  EXPECT_EQ(cosmetic_kinds("Note\xEF\xBC\x9A the fees apply\xE3\x80\x82", "Note: the fees apply."),
            (Kinds{"punctuation"}));
  // Twins: a word changed beside it; full-width digits are no punctuation.
  EXPECT_EQ(comparison_key("access to the Shop\xEF\xBC\x9B"), comparison_key("access to the Shop;"));
  EXPECT_NE(comparison_key("access to the Shop\xEF\xBC\x9B"), comparison_key("access to the Store;"));
  EXPECT_NE(comparison_key("within \xEF\xBC\x93 days"), comparison_key("within 8 days"));
}

TEST(CosmeticKinds, CaseOnly) {
  EXPECT_EQ(cosmetic_kinds("Terms Of Service", "Terms of service"), (Kinds{"case"}));
}

TEST(CosmeticKinds, DateFormatOnly) {
  EXPECT_EQ(cosmetic_kinds("Effective December 17, 2025", "Effective 17 December 2025"), (Kinds{"date_format"}));
  EXPECT_EQ(cosmetic_kinds("Updated 2025-12-17", "Updated Dec. 17th, 2025"), (Kinds{"date_format"}));
}

TEST(CosmeticKinds, WhitespaceOnly) {
  EXPECT_EQ(cosmetic_kinds("We collect data .", "We collect data."), (Kinds{"whitespace"}));
  EXPECT_EQ(cosmetic_kinds("see ( below )", "see (below)"), (Kinds{"whitespace"}));
  EXPECT_EQ(cosmetic_kinds("a  b", "a b"), (Kinds{"whitespace"}));
}

TEST(CosmeticKinds, PunctuationOnly) {
  EXPECT_EQ(cosmetic_kinds("We collect data.", "We collect data"), (Kinds{"punctuation"}));
  EXPECT_EQ(cosmetic_kinds("Updated: May 6", "Updated May 6"), (Kinds{"punctuation"}));
  EXPECT_EQ(cosmetic_kinds("Contact us!", "Contact us."), (Kinds{"punctuation"}));
}

TEST(CosmeticKinds, NumberingOnly) {
  EXPECT_EQ(cosmetic_kinds("4.2 Your content", "5.1 Your content"), (Kinds{"numbering"}));
  EXPECT_EQ(cosmetic_kinds("(b) Your content", "Your content"), (Kinds{"numbering"}));
}

TEST(CosmeticKinds, LinkTargetOnly) {
  EXPECT_EQ(cosmetic_kinds("see [policy](http://example.com/p/?utm_source=a)", "see [policy](https://example.com/p)"),
            (Kinds{"link_target"}));
}

// A link archived with its non-ASCII bytes raw (before links were resolved by libcurl's URL
// API) and the same link percent-encoded, as it is archived now.
TEST(CosmeticKinds, LinkTargetEncodingIsCosmetic) {
  EXPECT_EQ(cosmetic_kinds("see [AGB](https://example.de/\xC3\xBC" "ber)", "see [AGB](https://example.de/%C3%BC" "ber)"),
            (Kinds{"link_target"}));
}

TEST(CosmeticKinds, Mixed) {
  Kinds kinds = cosmetic_kinds("The \xE2\x80\x9CService\xE2\x80\x9D Was Updated On December 17, 2025.",
                               "The \"service\" was updated on 17 December 2025");
  EXPECT_EQ(kinds, (Kinds{"quotes", "case", "punctuation", "date_format"}));
}

TEST(CosmeticKinds, DifferentWordsAreNotCosmetic) {
  // Both must have equal comparison keys for the result to mean anything; check the keys.
  EXPECT_NE(comparison_key("for two (2) years"), comparison_key("for one (1) year"));
  EXPECT_NE(comparison_key("We may share data"), comparison_key("We do not share data"));
  EXPECT_NE(comparison_key("1.5 million"), comparison_key("15 million"));
}

}  // namespace
}  // namespace tosdiff
