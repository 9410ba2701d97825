#include "tosdiff/extract/pdf_text.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/pdf_builder.hpp"
#include "tosdiff/compare/diff.hpp"
#include "tosdiff/fetch/charset.hpp"

namespace tosdiff {
namespace {

namespace fs = std::filesystem;
using testing::build_pdf;
using testing::PdfBuildOptions;
using testing::PdfEncryption;
using testing::PdfPage;
using testing::PdfText;
using testing::Typesetter;

// The rendered text, or "ERROR <kind>: <message>\n".
std::string rendered(const std::string& pdf, const PdfOptions& options = {}) {
  Result<Text> text = pdf_to_text(pdf, options);
  if (!text) return "ERROR " + std::string(to_string(text.error().kind)) + ": " + text.error().message + "\n";
  return render_text(*text);
}

std::string kind_of(const std::string& pdf, const PdfOptions& options = {}) {
  Result<Text> text = pdf_to_text(pdf, options);
  return text ? "ok" : std::string(to_string(text.error().kind));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const std::string kLong1 =
    "These terms govern your use of the Example service and of every application we publish. By creating an "
    "account or by using the service you agree to them; if you do not agree, do not use the service.";
const std::string kLong2 =
    "We may change these terms. When a change reduces your rights we tell you by email at least thirty days "
    "before it takes effect, and you may close your account before that date without charge.";

// ---- structure ------------------------------------------------------------------------------

TEST(PdfText, HeadingsParagraphsAndListsAreRecovered) {
  Typesetter t;
  t.heading("Terms of Service", 20);
  t.paragraph("Last updated: 1 March 2024");
  t.heading("1. Introduction", 14);
  t.paragraph(kLong1);
  t.paragraph(kLong2);
  t.heading("2. Your account", 14);
  t.paragraph("You must keep your account secure. In particular:");
  t.list_item("\u2022",
              "use a strong password that you do not use anywhere else, and change it if you think that "
              "someone else may know it;");
  t.list_item("\u2022", "turn on two-step verification;");
  t.list_item("\u2022", "tell us at once about any unauthorised use.");
  t.heading("2.1 Age", 12);
  t.paragraph("You must be at least 16 years old.");
  t.list_item("1.", "Children under 13 may not use the service.");
  t.list_item("2.",
              "Teenagers need the consent of a parent, which we may ask them to show us at any time before or "
              "after they sign up.");
  t.list_item("(a)", "This lettered item keeps its label.");

  EXPECT_EQ(rendered(build_pdf(t.pages())),
            "# Terms of Service\n"
            "Last updated: 1 March 2024\n"
            "## 1. Introduction\n" +
                kLong1 + "\n" + kLong2 +
                "\n"
                "## 2. Your account\n"
                "You must keep your account secure. In particular:\n"
                "- use a strong password that you do not use anywhere else, and change it if you think that "
                "someone else may know it;\n"
                "- turn on two-step verification;\n"
                "- tell us at once about any unauthorised use.\n"
                "### 2.1 Age\n"
                "You must be at least 16 years old.\n"
                "1. Children under 13 may not use the service.\n"
                "2. Teenagers need the consent of a parent, which we may ask them to show us at any time before "
                "or after they sign up.\n"
                "- (a) This lettered item keeps its label.\n");
}

TEST(PdfText, HeadingsAtBodySizeAreFoundByWeightNumberingAndCapitals) {
  Typesetter t;
  t.heading("Privacy Policy", 18);
  t.heading("What we collect", 11);  // bold, body size
  t.paragraph(kLong1);
  Typesetter::Style plain;
  t.paragraph("3. Cookies", plain);  // numbered, alone between paragraphs
  t.paragraph(kLong2);
  t.paragraph("3.1 Strictly necessary cookies", plain);
  t.paragraph("These keep you signed in.");
  t.paragraph("Article 4", plain);
  t.paragraph("Transfers abroad follow the standard clauses.");
  t.paragraph("LIMITATION OF LIABILITY", plain);
  t.paragraph("We are liable only as the law requires.");

  EXPECT_EQ(rendered(build_pdf(t.pages())),
            "# Privacy Policy\n"
            "## What we collect\n" +
                kLong1 +
                "\n"
                "## 3. Cookies\n" +
                kLong2 +
                "\n"
                "### 3.1 Strictly necessary cookies\n"
                "These keep you signed in.\n"
                "## Article 4\n"
                "Transfers abroad follow the standard clauses.\n"
                "## LIMITATION OF LIABILITY\n"
                "We are liable only as the law requires.\n");
}

TEST(PdfText, NumberedLinesInARowAreAList) {
  Typesetter t;
  t.paragraph("We collect:");
  Typesetter::Style item;
  item.space_before = 2;
  t.paragraph("1. Name", item);
  t.paragraph("2. Email address", item);
  t.paragraph("3. Phone number", item);
  t.paragraph("We keep them for a year, then delete them unless the law requires otherwise.");
  EXPECT_EQ(rendered(build_pdf(t.pages())),
            "We collect:\n"
            "1. Name\n"
            "2. Email address\n"
            "3. Phone number\n"
            "We keep them for a year, then delete them unless the law requires otherwise.\n");
}

TEST(PdfText, NestedListLevelsFollowIndentation) {
  Typesetter t;
  t.paragraph("We share data with:");
  t.list_item("\u2022", "service providers, such as:", 18);
  t.list_item("\u2013", "hosting companies;", 36);
  t.list_item("\u2013", "payment processors;", 36);
  t.list_item("\u2022", "public authorities, when the law requires it.", 18);
  t.paragraph("Nothing else is shared.");
  EXPECT_EQ(rendered(build_pdf(t.pages())),
            "We share data with:\n"
            "- service providers, such as:\n"
            "  - hosting companies;\n"
            "  - payment processors;\n"
            "- public authorities, when the law requires it.\n"
            "Nothing else is shared.\n");
}

TEST(PdfText, FirstLineIndentsSeparateParagraphsWithoutSpacing) {
  Typesetter t;
  Typesetter::Style indented;
  indented.space_before = 0;
  indented.first_indent = 18;
  t.paragraph(kLong1, indented);
  t.paragraph(kLong2, indented);
  t.paragraph(kLong1 + " " + kLong2, indented);
  EXPECT_EQ(rendered(build_pdf(t.pages())), kLong1 + "\n" + kLong2 + "\n" + kLong1 + " " + kLong2 + "\n");
}

TEST(PdfText, ShortLastLinesEndParagraphsWithoutSpacing) {
  Typesetter t;
  Typesetter::Style tight;
  tight.space_before = 0;
  t.paragraph(kLong1, tight);
  t.paragraph(kLong2, tight);
  EXPECT_EQ(rendered(build_pdf(t.pages())), kLong1 + "\n" + kLong2 + "\n");
}

TEST(PdfText, HyphenatedLineBreaksAreJoined) {
  Typesetter t;
  t.paragraph(
      "We keep the data for the reten-\ntion period agreed in the Franco-\nGerman treaty and the COVID-\n19 "
      "rules, as does a well-\nKnown compound.");
  EXPECT_EQ(rendered(build_pdf(t.pages())),
            "We keep the data for the retention period agreed in the Franco-German treaty and the COVID-19 rules, as "
            "does a well-Known compound.\n");
}

TEST(PdfText, ASuspendedHyphenAtALineEndStaysBeforeItsConjunction) {
  // A red team's find: "first-" at a line's end and "and third-party" on the next read as
  // "firstand third-party" on one re-print and not on another.
  Typesetter t;
  t.paragraph("We use both first-\nand third-party cookies and keep short-\nto long-term logs, in Kurz-\nund Langzeit.");
  EXPECT_EQ(rendered(build_pdf(t.pages())),
            "We use both first- and third-party cookies and keep short- to long-term logs, in Kurz- und Langzeit.\n");
  // Twin: a word broken at its hyphenation point is joined, as before.
  Typesetter broken;
  broken.paragraph("We keep them for the whole reten-\ntion period and an-\nother month.");
  EXPECT_EQ(rendered(build_pdf(broken.pages())), "We keep them for the whole retention period and another month.\n");
}

TEST(PdfText, AContentsEntrysLeaderAndPageNumberAreDropped) {
  // A red team's find: a cover page put in, every entry's page one more, an alert.
  auto document = [](bool cover) {
    std::vector<PdfPage> pages;
    if (cover) pages.push_back(PdfPage{612, 792, 0, {PdfText{72, 300, 24, true, "Example Terms"}}, false});
    const int first = cover ? 3 : 2;
    PdfPage contents;
    contents.texts.push_back(PdfText{72, 90, 14, true, "Contents"});
    contents.texts.push_back(PdfText{72, 120, 11, false, "1. Introduction .................... " + std::to_string(first)});
    contents.texts.push_back(PdfText{72, 140, 11, false, "2. Fees and payment . . . . . . . . . . " + std::to_string(first + 1)});
    contents.texts.push_back(PdfText{72, 160, 11, false, "3. Termination ...................... " + std::to_string(first + 2)});
    pages.push_back(contents);
    for (const char* body : {"These terms apply to every plan we sell and to the free tier alike.",
                             "The fee is 4.50 per month, billed in advance on the first day.",
                             "You may close your account at any time, and we refund unused days."})
      pages.push_back(PdfPage{612, 792, 0, {PdfText{72, 100, 11, false, body}}, false});
    return build_pdf(pages);
  };
  const std::string entries = "1. Introduction\n2. Fees and payment\n3. Termination\n";
  for (bool cover : {false, true}) {
    const std::string text = rendered(document(cover));
    EXPECT_NE(text.find(entries), std::string::npos) << text;
  }
  // Twin: a fee schedule's leaders end with amounts, not pages in order: they stay.
  PdfPage fees;
  fees.texts.push_back(PdfText{72, 90, 14, true, "Fees"});
  fees.texts.push_back(PdfText{72, 120, 11, false, "Late payment fee ........................ 25"});
  fees.texts.push_back(PdfText{72, 140, 11, false, "Minimum age to open an account .......... 18"});
  fees.texts.push_back(PdfText{72, 160, 11, false, "Card replacement fee .................... 40"});
  fees.texts.push_back(PdfText{72, 200, 11, false, "Prices may rise... 10 days after notice."});
  const std::string schedule = rendered(build_pdf({fees}));
  EXPECT_NE(schedule.find("25"), std::string::npos) << schedule;
  EXPECT_NE(schedule.find("18"), std::string::npos) << schedule;
  EXPECT_NE(schedule.find("Prices may rise... 10 days after notice."), std::string::npos) << schedule;
}

// A red team's find: an excerpt's contents page numbered as the larger book is ("5. Retention
// ...... 53" in a file of 4 pages): every number one more when a page went in before, an alert.
// And the same numbers laid out as a column of their own, after the titles.
TEST(PdfText, AContentsPageNumberedBeyondTheFileOrInAColumnIsNoText) {
  auto document = [](int first, bool column) {
    std::vector<PdfPage> pages;
    PdfPage contents;
    contents.texts.push_back(PdfText{72, 90, 14, true, "Contents"});
    const char* titles[] = {"1. Introduction", "2. Fees and payment", "3. Termination"};
    for (int k = 0; k < 3; ++k) {
      const std::string number = std::to_string(first + 2 * k);
      if (column) {
        contents.texts.push_back(PdfText{72, 120.0 + 20 * k, 11, false, titles[k]});
      } else {
        contents.texts.push_back(PdfText{72, 120.0 + 20 * k, 11, false, std::string(titles[k]) + " .................... " + number});
      }
    }
    if (column)
      for (int k = 0; k < 3; ++k) contents.texts.push_back(PdfText{500, 120.0 + 20 * k, 11, false, std::to_string(first + 2 * k)});
    pages.push_back(contents);
    const char* bodies[] = {"These terms apply to every plan we sell and to the free tier alike.",
                            "The fee is 4.50 per month, billed in advance on the first day.",
                            "You may close your account at any time, and we refund unused days."};
    for (int k = 0; k < 3; ++k)
      pages.push_back(PdfPage{612, 792, 0, {PdfText{72, 80, 14, true, titles[k]}, PdfText{72, 110, 11, false, bodies[k]}}, false});
    return build_pdf(pages);
  };
  for (bool column : {false, true}) {
    const std::string text = rendered(document(45, column));
    EXPECT_EQ(text, rendered(document(46, column))) << text;
    EXPECT_EQ(text.find("45"), std::string::npos) << text;
    EXPECT_NE(text.find("Fees and payment"), std::string::npos) << text;
  }
  // Twin: a table's rows with a gap before their figures, rising, within the file's pages: the
  // figures stay (their names are no headings of the document).
  PdfPage limits;
  limits.texts.push_back(PdfText{72, 90, 14, true, "Limits"});
  limits.texts.push_back(PdfText{72, 120, 11, false, "Minimum age"});
  limits.texts.push_back(PdfText{400, 120, 11, false, "2"});
  limits.texts.push_back(PdfText{72, 140, 11, false, "Accounts per person"});
  limits.texts.push_back(PdfText{400, 140, 11, false, "3"});
  limits.texts.push_back(PdfText{72, 160, 11, false, "Devices per account"});
  limits.texts.push_back(PdfText{400, 160, 11, false, "4"});
  PdfPage more;
  more.texts.push_back(PdfText{72, 100, 11, false, "You may close your account at any time."});
  const std::string table = rendered(build_pdf({limits, more, more, more, more}));
  EXPECT_NE(table.find("Devices per account 4"), std::string::npos) << table;
}

TEST(PdfText, APageWithoutTextButInkedIsNamedAndABlankOneIsNot) {
  PdfPage typed;
  typed.texts.push_back(PdfText{72, 100, 11, false, "These terms apply to every plan we sell."});
  PdfPage scanned;
  scanned.image = true;
  PdfPage blank;
  EXPECT_EQ(pdf_pages_without_text(build_pdf({typed, scanned, typed, blank})), std::vector<std::size_t>{2});
  EXPECT_TRUE(pdf_pages_without_text(build_pdf({typed, blank, typed})).empty());
  EXPECT_TRUE(pdf_pages_without_text("not a pdf").empty());
}

TEST(PdfText, ADiagonalWatermarksLettersAreNotText) {
  // A red team's find: "DRAFT" across the page, a letter at a time on baselines of their own,
  // landed in the text as "# T" and "DefinitionsD".
  auto page_with_mark = [](bool mark) {
    PdfPage page;
    page.texts.push_back(PdfText{72, 100, 11, false, "We keep your data while your account is open."});
    page.texts.push_back(PdfText{72, 300, 11, false, "You may close your account at any time."});
    page.texts.push_back(PdfText{72, 500, 11, false, "Disputes go to the courts of your country."});
    if (mark) {
      const std::string letters = "DRAFT";
      for (std::size_t k = 0; k < letters.size(); ++k)
        page.texts.push_back(PdfText{150 + 45.0 * k, 450 - 32.0 * k, 72, false, letters.substr(k, 1)});
    }
    return page;
  };
  EXPECT_EQ(rendered(build_pdf({page_with_mark(true)})), rendered(build_pdf({page_with_mark(false)})));
  // Twins: a drop cap, and large letters standing on one line, are the text's.
  PdfPage capital;
  capital.texts.push_back(PdfText{72, 120, 36, false, "W"});
  capital.texts.push_back(PdfText{110, 100, 11, false, "e keep your data while your account is open."});
  capital.texts.push_back(PdfText{72, 300, 11, false, "You may close your account at any time."});
  PdfPage row = capital;
  for (int k = 0; k < 3; ++k) row.texts.push_back(PdfText{72 + 60.0 * k, 500, 36, false, std::string(1, "XYZ"[k])});
  EXPECT_NE(rendered(build_pdf({capital})).find('W'), std::string::npos);
  const std::string letters_in_a_row = rendered(build_pdf({row}));
  EXPECT_NE(letters_in_a_row.find('X'), std::string::npos) << letters_in_a_row;
  EXPECT_NE(letters_in_a_row.find('Z'), std::string::npos) << letters_in_a_row;
}

// ---- a change is that change -------------------------------------------------------------------

// The terms' title and eight sections (14 pt headings) of three paragraphs each, section 2's
// second paragraph `clause`: several pages.
void typeset_terms(Typesetter& t, const std::string& clause) {
  t.heading("Terms of Service", 20);
  for (int section = 1; section <= 8; ++section) {
    t.heading(std::to_string(section) + ". Section number " + std::to_string(section), 14);
    for (int p = 1; p <= 3; ++p) {
      if (section == 2 && p == 2) {
        t.paragraph(clause);
        continue;
      }
      t.paragraph("Paragraph " + std::to_string(p) + " of section " + std::to_string(section) + ". " + kLong1 + " " +
                  kLong2);
    }
  }
}

std::vector<PdfPage> long_terms(const std::string& changed_clause) {
  Typesetter t;
  t.header = "Example Inc. \u2014 Terms of Service";
  t.page_numbers = true;
  typeset_terms(t, changed_clause);
  return t.pages();
}

TEST(PdfText, AChangedClauseIsExactlyThatChange) {
  const std::string before = "We keep your data while your account is open and delete it within ninety days.";
  const std::string after =
      "We keep your data while your account is open and delete it within thirty days, except where the law "
      "requires us to keep particular records longer, in which case we keep only those records, for only as "
      "long as the law requires, and delete them as soon as that period ends; we tell you which records they are "
      "if you ask.";
  const std::vector<PdfPage> v1 = long_terms(before);
  const std::vector<PdfPage> v2 = long_terms(after);
  ASSERT_GE(v1.size(), 3u);
  // The new text is several lines longer: every later page break falls elsewhere.
  ASSERT_NE(v1[1].texts.front().text, v2[1].texts.front().text);

  const std::vector<std::string> a = lines_of(rendered(build_pdf(v1)));
  const std::vector<std::string> b = lines_of(rendered(build_pdf(v2)));
  ASSERT_EQ(a.size(), b.size());
  std::vector<std::size_t> differing;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) differing.push_back(i);
  ASSERT_EQ(differing.size(), 1u);
  EXPECT_EQ(a[differing[0]], before);
  EXPECT_EQ(b[differing[0]], after);
  EXPECT_EQ(a.size(), 1u + 1 + 8 * 4);  // the running header once, the title, 8 sections
}

// ---- pagination ----------------------------------------------------------------------------

TEST(PdfText, RunningHeadersFootersAndPageNumbersAreDroppedAndWhatTheHeaderSaysIsReadOnce) {
  const std::vector<PdfPage> pages = long_terms("A short clause.");
  ASSERT_GE(pages.size(), 3u);
  const std::string text = rendered(build_pdf(pages));
  EXPECT_EQ(text.rfind("Example Inc. \u2014 Terms of Service\n# Terms of Service\n", 0), 0u) << text;
  EXPECT_EQ(text.find("Example Inc.", 1), std::string::npos) << text;
  EXPECT_EQ(text.find("Page "), std::string::npos) << text;
  // Every paragraph is whole, including those a page break cut in two.
  for (const std::string& line : lines_of(text)) {
    if (line.rfind("Paragraph", 0) == 0) {
      EXPECT_TRUE(line.size() > kLong1.size() + kLong2.size()) << line;
    }
  }
}

// A red team's find: the date of effect printed only in the running header, the same on every
// page, was dropped with the page numbers, and a new date went unseen.
std::vector<PdfPage> terms_under_a_header(const std::string& header, double bottom = 720) {
  Typesetter t;
  t.bottom = bottom;
  t.header = header;
  t.page_numbers = true;
  typeset_terms(t, kLong1);
  return t.pages();
}

TEST(PdfText, AHeaderOnlyChangeOfTheDateOfEffectIsAChange) {
  const std::vector<PdfPage> v1 = terms_under_a_header("Northwind Terms \u2014 effective 1 March 2027");
  ASSERT_GE(v1.size(), 3u);
  const std::string a = rendered(build_pdf(v1));
  const std::string b = rendered(build_pdf(terms_under_a_header("Northwind Terms \u2014 effective 1 April 2027")));
  EXPECT_EQ(a.rfind("Northwind Terms \u2014 effective 1 March 2027\n# Terms of Service\n", 0), 0u) << a;
  const Change change = diff_texts(parse_text(a), parse_text(b));
  EXPECT_TRUE(change.substantive);
  EXPECT_EQ(change.hunks.size(), 1u);
  // Twin: the same header over pages broken elsewhere reads the same; so does a header whose
  // numbers differ per page (a print stamp, "Page 3 of 5"), which stays out.
  EXPECT_EQ(rendered(build_pdf(terms_under_a_header("Northwind Terms \u2014 effective 1 March 2027", 600))), a);
  const std::string numbered = rendered(build_pdf(terms_under_a_header("Northwind Terms")));
  EXPECT_EQ(numbered.rfind("Northwind Terms\n# Terms of Service\n", 0), 0u) << numbered;
  EXPECT_EQ(numbered.find("Page "), std::string::npos) << numbered;
  // Nor is a copy's id, new with every copy signed.
  const std::string signed_copy = rendered(build_pdf(terms_under_a_header("DocuSign Envelope ID: 5A1B2C3D-0E4F-4A5B-9C8D")));
  EXPECT_EQ(signed_copy.find("Envelope"), std::string::npos) << signed_copy;
}

// A book's running head (a red team's find): the title of the section the page is in on the
// left, the document's on the right, on one baseline. It was read at the top of every page
// and moved with every re-flow.
std::string terms_under_a_book_head(double bottom) {
  Typesetter t;
  t.bottom = bottom;
  t.page_numbers = true;
  typeset_terms(t, kLong1);
  std::vector<PdfPage> pages = t.pages();
  std::string section = "Terms of Service";
  for (PdfPage& page : pages) {
    const std::string in_force = section;
    for (const PdfText& text : page.texts)
      if (text.size == 14) section = text.text;
    page.texts.push_back(PdfText{72, 40, 9, false, in_force});
    page.texts.push_back(PdfText{400, 40, 9, false, "Northwind Terms of Service"});
  }
  return build_pdf(pages);
}

TEST(PdfText, ABooksRunningHeadWithTheSectionsTitleIsFurniture) {
  const std::string a = rendered(terms_under_a_book_head(720));
  EXPECT_EQ(a.rfind("Northwind Terms of Service\n# Terms of Service\n", 0), 0u) << a;
  EXPECT_EQ(a.find("Northwind", 1), std::string::npos) << a;
  // Twin: the same document broken into pages elsewhere reads the same.
  EXPECT_EQ(rendered(terms_under_a_book_head(600)), a);
}

// A red team's find: a table printed sideways on a page of upright text was dropped with the
// words at another angle, and an edit in it went unseen.
PdfPage annex_with_a_sideways_table(const std::string& charge) {
  PdfPage page;
  page.texts.push_back(PdfText{72, 90, 14, true, "Annex A. Early termination charges"});
  page.texts.push_back(PdfText{72, 120, 11, false, "If you cancel an annual subscription early, the charge below applies."});
  page.texts.push_back(PdfText{72, 140, 11, false, "The table is printed sideways to fit the page."});
  const char* rows[] = {"Months used    Charge", "1 to 3    XX", "4 to 6    25 percent", "7 to 12    none"};
  for (int k = 0; k < 4; ++k) {
    std::string row = rows[k];
    if (const auto at = row.find("XX"); at != std::string::npos) row.replace(at, 2, charge);
    page.texts.push_back(PdfText{200.0 + 18 * k, 700, 11, k == 0, row, 1});
  }
  // A note down the margin, one line: not a block of text.
  page.texts.push_back(PdfText{570, 200, 8, false, "Ref. LEGAL-2024-17 approved by the board", -1});
  return page;
}

TEST(PdfText, ATablePrintedSidewaysIsReadAfterTheUprightTextAndItsEditsAreSeen) {
  const std::string a = rendered(build_pdf({annex_with_a_sideways_table("50 percent")}));
  EXPECT_NE(a.find("The table is printed sideways to fit the page.\n"), std::string::npos) << a;
  EXPECT_NE(a.find("1 to 3 50 percent"), std::string::npos) << a;
  EXPECT_LT(a.find("fit the page"), a.find("1 to 3"));
  EXPECT_EQ(a.find("LEGAL-2024"), std::string::npos) << a;
  const std::string b = rendered(build_pdf({annex_with_a_sideways_table("75 percent")}));
  EXPECT_TRUE(diff_texts(parse_text(a), parse_text(b)).substantive);
}

PdfPage page_with(const std::string& body, const std::vector<PdfText>& furniture) {
  PdfPage page;
  page.texts.push_back(PdfText{72, 100, 11, false, body});
  page.texts.insert(page.texts.end(), furniture.begin(), furniture.end());
  return page;
}

TEST(PdfText, PageNumberStylesAreDropped) {
  const std::string body = "The body of the page, long enough to count as text.";
  for (const std::string number : {"3", "- 3 -", "\u2013 3 \u2013", "(3)", "Page 3", "page 3 of 12", "3 of 12",
                                   "3 / 12", "p. 3", "iv", "Seite 3 von 12"}) {
    SCOPED_TRACE(number);
    EXPECT_EQ(rendered(build_pdf({page_with(body, {PdfText{300, 760, 9, false, number}})})), body + "\n");
    EXPECT_EQ(rendered(build_pdf({page_with(body, {PdfText{500, 40, 9, false, number}})})), body + "\n");
  }
}

TEST(PdfText, WordsThatLookLikeRomanNumeralsAreNotPageNumbers) {
  const std::string body = "The body of the page, long enough to count as text.";
  EXPECT_EQ(rendered(build_pdf({page_with(body, {PdfText{300, 760, 9, false, "civil"}})})), body + "\ncivil\n");
  EXPECT_EQ(rendered(build_pdf({page_with(body, {PdfText{300, 760, 9, false, "xii"}})})), body + "\n");
}

TEST(PdfText, PageNumberLikeLinesInTheBodyStay) {
  Typesetter t;
  t.paragraph(kLong1 + " The fee, in euros, is:");
  t.paragraph("30");
  t.paragraph(kLong2);
  EXPECT_EQ(rendered(build_pdf(t.pages())), kLong1 + " The fee, in euros, is:\n30\n" + kLong2 + "\n");
}

TEST(PdfText, RepeatedTextInTheBandsIsDroppedOnlyWhenItRepeats) {
  // A heading near the top of the first page is not a running header.
  Typesetter t;
  t.header = "Confidential \u2014 version 7 of 2024-03-01";
  t.heading("Acceptable Use Policy", 18);
  for (int i = 0; i < 40; ++i) t.paragraph("Rule " + std::to_string(i + 1) + ". " + kLong1);
  const std::vector<PdfPage> pages = t.pages();
  ASSERT_GE(pages.size(), 3u);
  const std::string text = rendered(build_pdf(pages));
  // Read once, above the text, not on every page.
  EXPECT_EQ(text.rfind("Confidential \u2014 version 7 of 2024-03-01\n# Acceptable Use Policy\n", 0), 0u) << text;
  EXPECT_EQ(text.find("Confidential", 1), std::string::npos);
  EXPECT_EQ(lines_of(text).size(), 42u);
}

TEST(PdfText, RunningFurnitureWithDifferentNumbersPerPageIsDropped) {
  // Dates and version numbers that differ page to page (digits masked) still repeat.
  std::vector<PdfPage> pages;
  for (int i = 1; i <= 4; ++i)
    pages.push_back(
        page_with("Body text of page " + std::string(1, static_cast<char>('A' + i)) + " that is plainly long enough.",
                  {PdfText{72, 40, 9, false, "Printed 2024-03-0" + std::to_string(i) + " 10:0" + std::to_string(i)},
                   PdfText{300, 760, 9, false, "- " + std::to_string(i) + " -"}}));
  const std::string text = rendered(build_pdf(pages));
  EXPECT_EQ(text.find("Printed"), std::string::npos) << text;
  EXPECT_EQ(lines_of(text).size(), 4u) << text;
}

// ---- errors -----------------------------------------------------------------------------------

Typesetter small_document() {
  Typesetter t;
  t.heading("Terms", 18);
  t.paragraph(kLong1);
  return t;
}

TEST(PdfText, EncryptedPdfThatNeedsAPassword) {
  PdfBuildOptions options;
  options.encryption = PdfEncryption{"secret", "owner", true};
  const Result<Text> text = pdf_to_text(build_pdf(small_document().pages(), options), {});
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().kind, ErrorKind::pdf_encrypted);
  EXPECT_NE(text.error().message.find("password"), std::string::npos) << text.error().message;
}

TEST(PdfText, EncryptedPdfThatForbidsCopying) {
  PdfBuildOptions options;
  options.encryption = PdfEncryption{"", "owner", false};
  const Result<Text> text = pdf_to_text(build_pdf(small_document().pages(), options), {});
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().kind, ErrorKind::pdf_encrypted);
  EXPECT_NE(text.error().message.find("permissions forbid"), std::string::npos) << text.error().message;
}

TEST(PdfText, EncryptedPdfThatOpensWithoutPasswordIsRead) {
  PdfBuildOptions options;
  options.encryption = PdfEncryption{"", "owner", true};
  EXPECT_EQ(rendered(build_pdf(small_document().pages(), options)), rendered(build_pdf(small_document().pages())));
  EXPECT_EQ(rendered(build_pdf(small_document().pages(), options)), "# Terms\n" + kLong1 + "\n");
}

TEST(PdfText, BrokenBytes) {
  const std::string pdf = build_pdf(small_document().pages());
  EXPECT_EQ(kind_of(""), "pdf_broken");
  EXPECT_EQ(kind_of("hello, world"), "pdf_broken");
  EXPECT_EQ(kind_of("%PDF-1.7\nthis is not a PDF body\n%%EOF\n"), "pdf_broken");
  EXPECT_EQ(kind_of(pdf.substr(0, 20)), "pdf_broken");
  EXPECT_EQ(kind_of(pdf.substr(0, pdf.size() / 2)), "pdf_broken");
  std::string garbage(4096, '\0');
  for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919) % 251);
  EXPECT_EQ(kind_of(garbage), "pdf_broken");
  // Poppler's complaint is quoted, not printed.
  const Result<Text> text = pdf_to_text("%PDF-1.4\ngarbage\n", {});
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message.find("poppler cannot load the PDF"), std::string::npos);
}

TEST(PdfText, ImageOnlyPdfHasNoText) {
  PdfPage scan;
  scan.image = true;
  const Result<Text> text = pdf_to_text(build_pdf({scan, scan, scan}), {});
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().kind, ErrorKind::pdf_no_text);
  EXPECT_NE(text.error().message.find("scanned or image-only PDF: no text layer; tosdiff does not OCR"),
            std::string::npos)
      << text.error().message;
  // Page numbers and a scanner's stamp on every page are not a text layer.
  std::vector<PdfPage> stamped;
  for (int i = 1; i <= 3; ++i) {
    PdfPage page = scan;
    page.texts.push_back(PdfText{300, 770, 8, false, std::to_string(i)});
    page.texts.push_back(PdfText{72, 30, 8, false, "Scanned with ExampleScan"});
    stamped.push_back(page);
  }
  EXPECT_EQ(kind_of(build_pdf(stamped)), "pdf_no_text");
}

TEST(PdfText, TooLarge) {
  const std::vector<PdfPage> pages = long_terms("A clause.");
  PdfOptions options;
  options.max_pages = 2;
  EXPECT_EQ(kind_of(build_pdf(pages), options), "too_large");
  options = {};
  options.max_text_bytes = 1000;
  EXPECT_EQ(kind_of(build_pdf(pages), options), "too_large");
  EXPECT_EQ(kind_of(build_pdf(pages)), "ok");
}

// ---- encodings and invariants ------------------------------------------------------------------

TEST(PdfText, CompressedStreamsReadLikeUncompressedOnes) {
  const std::vector<PdfPage> pages = long_terms("A clause.");
  PdfBuildOptions compressed;
  compressed.compress = true;
  const std::string plain_pdf = build_pdf(pages);
  const std::string flate_pdf = build_pdf(pages, compressed);
  ASSERT_NE(flate_pdf.find("/FlateDecode"), std::string::npos);
  ASSERT_LT(flate_pdf.size(), plain_pdf.size());
  EXPECT_EQ(rendered(flate_pdf), rendered(plain_pdf));
}

TEST(PdfText, RotatedPageReadsLikeAnUprightOne) {
  std::vector<PdfPage> pages = small_document().pages();
  const std::string upright = rendered(build_pdf(pages));
  for (PdfPage& page : pages) page.rotate = 90;
  EXPECT_EQ(rendered(build_pdf(pages)), upright);
}

TEST(PdfText, TextIsFoldedValidUtf8AndDeterministic) {
  Typesetter t;
  t.paragraph(
      "Caf\u00E9   cr\u00E8me  \u201Cquoted\u201D \u2014 na\u00EFve r\u00E9sum\u00E9 \u20AC5, \u00A7 3 and \u00BD.");
  const std::string pdf = build_pdf(t.pages());
  const std::string text = rendered(pdf);
  EXPECT_EQ(
      text,
      "Caf\u00E9 cr\u00E8me \u201Cquoted\u201D \u2014 na\u00EFve r\u00E9sum\u00E9 \u20AC5, \u00A7 3 and \u00BD.\n");
  EXPECT_TRUE(is_valid_utf8(text));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(rendered(pdf), text);
}

// ---- golden files ----------------------------------------------------------------------------
//
// fixtures/pdf/<case>.pdf is converted and compared byte for byte with <case>.txt (an error
// as "ERROR <kind>: <message>\n"). With TOSDIFF_UPDATE_GOLDEN=1 the .txt files are written
// instead (fixtures/pdf/README.md says how the PDFs are made and how to review).

fs::path golden_dir() { return fs::path(TOSDIFF_FIXTURES_DIR) / "pdf"; }

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> golden_cases() {
  std::vector<std::string> cases;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(golden_dir(), ec))
    if (entry.path().extension() == ".pdf") cases.push_back(entry.path().stem().string());
  std::sort(cases.begin(), cases.end());
  return cases;
}

class PdfGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(PdfGolden, MatchesExpectedText) {
  const std::string name = GetParam();
  const std::string actual = rendered(read_file(golden_dir() / (name + ".pdf")));
  const fs::path expected_path = golden_dir() / (name + ".txt");
  const char* update = std::getenv("TOSDIFF_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(expected_path, std::ios::binary) << actual;
    std::cout << "[ updated  ] " << expected_path.string() << "\n";
    return;
  }
  ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " is missing; run with TOSDIFF_UPDATE_GOLDEN=1 to "
                                         << "create it, then check it by hand";
  EXPECT_EQ(actual, read_file(expected_path)) << "golden file " << expected_path;
  if (actual.rfind("ERROR ", 0) != 0) {
    EXPECT_EQ(render_text(parse_text(actual)), actual);  // what is archived reads back the same
    EXPECT_TRUE(is_valid_utf8(actual));
  }
}

std::string case_test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string out;
  for (char c : info.param) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

INSTANTIATE_TEST_SUITE_P(Pdf, PdfGolden, ::testing::ValuesIn(golden_cases()), case_test_name);

// Two printings of the same terms, one clause longer in the second: every page break after it
// falls a line later, and the only difference in the text is the clause.
TEST(PdfGoldenFiles, AChangedClauseInAPrintedPdfIsExactlyThatChange) {
  const std::vector<std::string> a = lines_of(rendered(read_file(golden_dir() / "terms_multipage.pdf")));
  const std::vector<std::string> b = lines_of(rendered(read_file(golden_dir() / "terms_multipage_changed.pdf")));
  ASSERT_EQ(a.size(), b.size());
  std::vector<std::size_t> differing;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) differing.push_back(i);
  ASSERT_EQ(differing.size(), 1u);
  EXPECT_EQ(a[differing[0]].rfind("You need an account", 0), 0u);
  EXPECT_NE(b[differing[0]].find("sign out of shared devices."), std::string::npos);
}

TEST(PdfGoldenFiles, ArePresentAndPaired) {
  EXPECT_GE(golden_cases().size(), 3u) << "fixtures missing from " << golden_dir();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(golden_dir(), ec)) {
    if (entry.path().extension() == ".txt") {
      EXPECT_TRUE(fs::exists(golden_dir() / (entry.path().stem().string() + ".pdf"))) << entry.path() << " has no .pdf";
    }
  }
}

}  // namespace
}  // namespace tosdiff
