#include "tosdiff/compare/diff.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace tosdiff {
namespace {

using Strings = std::vector<std::string>;

// Texts are written in their rendered form: "# h" headings, "- x" items, other lines
// paragraphs.
Text text_of(const std::string& rendered) { return parse_text(rendered); }

std::string words(std::size_t from, std::size_t to, const std::string& prefix = "w") {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) out += ' ';
    out += prefix + std::to_string(i);
  }
  return out;
}

std::string describe(const Change& change) {
  std::string out;
  for (const Hunk& h : change.hunks) {
    out += "@@ -" + std::to_string(h.old_start) + "," + std::to_string(h.old_lines) + " +" +
           std::to_string(h.new_start) + "," + std::to_string(h.new_lines) + " @@ " +
           (h.cosmetic ? "cosmetic" : "substantive");
    for (const auto& k : h.cosmetic_kinds) out += " " + k;
    out += "\n";
    for (const auto& l : h.lines) out += std::string(1, l.op) + " " + l.text + "\n";
  }
  return out;
}

std::size_t substantive_hunks(const Change& change) {
  return static_cast<std::size_t>(
      std::count_if(change.hunks.begin(), change.hunks.end(), [](const Hunk& h) { return !h.cosmetic; }));
}

bool has_kind(const std::vector<std::string>& kinds, const std::string& kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

// ---- no change ----------------------------------------------------------------------------

TEST(DiffTexts, IdenticalTextsGiveNoHunks) {
  Text t = text_of("# Terms\nWelcome.\n- one\n- two\na | b\n");
  Change change = diff_texts(t, t);
  EXPECT_TRUE(change.hunks.empty());
  EXPECT_FALSE(change.substantive);
  EXPECT_TRUE(change.cosmetic_kinds.empty());
  EXPECT_EQ(change.stats.blocks_added + change.stats.blocks_removed + change.stats.blocks_changed, 0u);
  EXPECT_EQ(change.stats.words_added + change.stats.words_removed, 0u);
}

TEST(DiffTexts, EmptyTextsGiveNoHunks) {
  EXPECT_TRUE(diff_texts(Text{}, Text{}).hunks.empty());
}

// ---- one word in a long paragraph ---------------------------------------------------------

TEST(DiffTexts, OneWordChangedInLongParagraph) {
  const std::string before_para = words(0, 50) + " keep " + words(51, 100);
  const std::string after_para = words(0, 50) + " delete " + words(51, 100);
  Text before = text_of("# Terms\nIntro.\n" + before_para + "\nOutro.\n");
  Text after = text_of("# Terms\nIntro.\n" + after_para + "\nOutro.\n");
  Change change = diff_texts(before, after);
  ASSERT_EQ(change.hunks.size(), 1u) << describe(change);
  const Hunk& h = change.hunks[0];
  EXPECT_FALSE(h.cosmetic);
  EXPECT_TRUE(change.substantive);
  EXPECT_EQ(h.old_start, 3u);
  EXPECT_EQ(h.old_lines, 1u);
  EXPECT_EQ(h.new_start, 3u);
  EXPECT_EQ(h.new_lines, 1u);
  EXPECT_EQ(h.section, Strings{"Terms"});
  ASSERT_EQ(h.lines.size(), 2u);
  EXPECT_EQ(h.lines[0].op, '-');
  EXPECT_EQ(h.lines[0].text, before_para);
  EXPECT_EQ(h.lines[1].op, '+');
  EXPECT_EQ(h.lines[1].text, after_para);

  ASSERT_EQ(h.words.size(), 4u);
  EXPECT_EQ(h.words[0].op, '=');
  EXPECT_EQ(h.words[1].op, '-');
  EXPECT_EQ(h.words[1].text, "keep");
  EXPECT_EQ(h.words[2].op, '+');
  EXPECT_EQ(h.words[2].text, "delete");
  EXPECT_EQ(h.words[3].op, '=');
  // 50 words before the change, 8 kept next to it.
  EXPECT_EQ(h.words[0].elided_words, 50u - kWordContext);
  EXPECT_EQ(h.words[0].text, "\xE2\x80\xA6 " + words(50 - kWordContext, 50));
  // 49 words after, 8 kept.
  EXPECT_EQ(h.words[3].elided_words, 49u - kWordContext);
  EXPECT_EQ(h.words[3].text, words(51, 51 + kWordContext) + " \xE2\x80\xA6");

  EXPECT_EQ(change.stats.words_added, 1u);
  EXPECT_EQ(change.stats.words_removed, 1u);
  EXPECT_EQ(change.stats.blocks_changed, 1u);
  EXPECT_EQ(change.stats.blocks_added, 0u);
  EXPECT_EQ(change.stats.blocks_removed, 0u);
  EXPECT_EQ(change.substantive_stats.words_added, 1u);
  EXPECT_EQ(change.substantive_stats.words_removed, 1u);
  EXPECT_TRUE(change.cosmetic_kinds.empty());
}

// ---- insertion and deletion ---------------------------------------------------------------

TEST(DiffTexts, InsertedParagraphUsesGnuStyleStartForEmptySide) {
  Text before = text_of("A\nB\nC\n");
  Text after = text_of("A\nNew paragraph here.\nB\nC\n");
  Change change = diff_texts(before, after);
  ASSERT_EQ(change.hunks.size(), 1u) << describe(change);
  const Hunk& h = change.hunks[0];
  EXPECT_FALSE(h.cosmetic);
  EXPECT_EQ(h.old_start, 1u);  // the line before the hunk
  EXPECT_EQ(h.old_lines, 0u);
  EXPECT_EQ(h.new_start, 2u);
  EXPECT_EQ(h.new_lines, 1u);
  ASSERT_EQ(h.lines.size(), 1u);
  EXPECT_EQ(h.lines[0].op, '+');
  EXPECT_EQ(h.lines[0].text, "New paragraph here.");
  EXPECT_EQ(change.stats.blocks_added, 1u);
  EXPECT_EQ(change.stats.blocks_removed, 0u);
  EXPECT_EQ(change.stats.blocks_changed, 0u);
  EXPECT_EQ(change.stats.words_added, 3u);
  EXPECT_EQ(change.stats.words_removed, 0u);
  ASSERT_EQ(h.words.size(), 1u);
  EXPECT_EQ(h.words[0].op, '+');
  EXPECT_EQ(h.words[0].text, "New paragraph here.");
}

TEST(DiffTexts, DeletedParagraphUsesGnuStyleStartForEmptySide) {
  Text before = text_of("A\nGone now.\nB\nC\n");
  Text after = text_of("A\nB\nC\n");
  Change change = diff_texts(before, after);
  ASSERT_EQ(change.hunks.size(), 1u) << describe(change);
  const Hunk& h = change.hunks[0];
  EXPECT_FALSE(h.cosmetic);
  EXPECT_EQ(h.old_start, 2u);
  EXPECT_EQ(h.old_lines, 1u);
  EXPECT_EQ(h.new_start, 1u);
  EXPECT_EQ(h.new_lines, 0u);
  ASSERT_EQ(h.lines.size(), 1u);
  EXPECT_EQ(h.lines[0].op, '-');
  EXPECT_EQ(change.stats.blocks_removed, 1u);
  EXPECT_EQ(change.stats.words_removed, 2u);
  EXPECT_EQ(change.stats.words_added, 0u);
}

TEST(DiffTexts, InsertionAtTheStartAndIntoAnEmptyText) {
  Change at_start = diff_texts(text_of("A\n"), text_of("Z\nA\n"));
  ASSERT_EQ(at_start.hunks.size(), 1u);
  EXPECT_EQ(at_start.hunks[0].old_start, 0u);
  EXPECT_EQ(at_start.hunks[0].old_lines, 0u);
  EXPECT_EQ(at_start.hunks[0].new_start, 1u);
  EXPECT_EQ(at_start.hunks[0].new_lines, 1u);

  Change from_empty = diff_texts(Text{}, text_of("X\nY\n"));
  ASSERT_EQ(from_empty.hunks.size(), 1u);
  EXPECT_EQ(from_empty.hunks[0].old_start, 0u);
  EXPECT_EQ(from_empty.hunks[0].old_lines, 0u);
  EXPECT_EQ(from_empty.hunks[0].new_start, 1u);
  EXPECT_EQ(from_empty.hunks[0].new_lines, 2u);
  EXPECT_EQ(from_empty.stats.blocks_added, 2u);
}

TEST(DiffTexts, DeletionAtTheEndAndToAnEmptyText) {
  Change at_end = diff_texts(text_of("A\nB\nC\n"), text_of("A\nB\n"));
  ASSERT_EQ(at_end.hunks.size(), 1u);
  EXPECT_EQ(at_end.hunks[0].old_start, 3u);
  EXPECT_EQ(at_end.hunks[0].old_lines, 1u);
  EXPECT_EQ(at_end.hunks[0].new_start, 2u);
  EXPECT_EQ(at_end.hunks[0].new_lines, 0u);

  Change to_empty = diff_texts(text_of("X\nY\n"), Text{});
  ASSERT_EQ(to_empty.hunks.size(), 1u);
  EXPECT_EQ(to_empty.hunks[0].old_start, 1u);
  EXPECT_EQ(to_empty.hunks[0].old_lines, 2u);
  EXPECT_EQ(to_empty.hunks[0].new_start, 0u);
  EXPECT_EQ(to_empty.hunks[0].new_lines, 0u);
}

// Edits on both sides of a common line, so the general (dtl) path runs, not only the
// prefix/suffix shortcut.
TEST(DiffTexts, SeveralHunksThroughTheGeneralPath) {
  Text before = text_of("P\nQ\nR\nS\n");
  Text after = text_of("P\nInserted first.\nQ\nR\nReplaced last.\n");
  Change change = diff_texts(before, after);
  ASSERT_EQ(change.hunks.size(), 2u) << describe(change);
  const Hunk& insert = change.hunks[0];
  EXPECT_EQ(insert.old_start, 1u);
  EXPECT_EQ(insert.old_lines, 0u);
  EXPECT_EQ(insert.new_start, 2u);
  EXPECT_EQ(insert.new_lines, 1u);
  const Hunk& replace = change.hunks[1];
  EXPECT_EQ(replace.old_start, 4u);
  EXPECT_EQ(replace.old_lines, 1u);
  EXPECT_EQ(replace.new_start, 5u);
  EXPECT_EQ(replace.new_lines, 1u);
  ASSERT_EQ(replace.lines.size(), 2u);
  EXPECT_EQ(replace.lines[0].op, '-');
  EXPECT_EQ(replace.lines[0].text, "S");
  EXPECT_EQ(replace.lines[1].op, '+');
  EXPECT_EQ(change.stats.blocks_added, 1u);
  EXPECT_EQ(change.stats.blocks_changed, 1u);
}

// ---- sections -------------------------------------------------------------------------------

TEST(DiffTexts, SectionIsTheHeadingPath) {
  const std::string head = "# Terms of Use\nIntro.\n## Accounts\nBe nice.\n### Minors\nAsk a parent.\n## Payments\n";
  Text before = text_of(head + "Pay monthly.\n# Privacy\nWe collect data.\n");
  Text after = text_of(head + "Pay yearly.\n# Privacy\nWe collect data.\n");
  Change change = diff_texts(before, after);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_EQ(change.hunks[0].section, (Strings{"Terms of Use", "Payments"}));

  Text before2 = text_of(head + "Pay monthly.\n# Privacy\nWe collect data.\n");
  Text after2 = text_of(head + "Pay monthly.\n# Privacy\nWe collect a lot of data.\n");
  Change change2 = diff_texts(before2, after2);
  ASSERT_EQ(change2.hunks.size(), 1u);
  EXPECT_EQ(change2.hunks[0].section, (Strings{"Privacy"}));
}

TEST(DiffTexts, SectionOfADeletionComesFromTheOldText) {
  Text before = text_of("# A\n## B\nx\ny\n");
  Text after = text_of("# A\n## B\nx\n");
  Change change = diff_texts(before, after);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_EQ(change.hunks[0].section, (Strings{"A", "B"}));
}

TEST(DiffTexts, NoHeadingsGiveEmptySection) {
  Change change = diff_texts(text_of("a\nb\n"), text_of("a\nc\n"));
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_TRUE(change.hunks[0].section.empty());
}

// ---- cosmetic changes -------------------------------------------------------------------------

TEST(DiffTexts, DateReformatIsCosmeticDateFormat) {
  Text before = text_of("# Terms\nLast updated: December 17, 2025\nBody text.\n");
  Text after = text_of("# Terms\nLast updated: 17 December 2025\nBody text.\n");
  Change change = diff_texts(before, after);
  ASSERT_EQ(change.hunks.size(), 1u) << describe(change);
  const Hunk& h = change.hunks[0];
  EXPECT_TRUE(h.cosmetic);
  EXPECT_EQ(h.cosmetic_kinds, Strings{"date_format"});
  EXPECT_EQ(h.old_lines, 1u);
  EXPECT_EQ(h.new_lines, 1u);
  EXPECT_FALSE(change.substantive);
  EXPECT_EQ(change.cosmetic_kinds, Strings{"date_format"});
  EXPECT_EQ(change.substantive_stats.words_added + change.substantive_stats.words_removed, 0u);
}

// A date line written with less: its day or its clock time left out, or its time put in; twins:
// another month, a day put in, another day, another number on the line.
TEST(DiffTexts, ADateLineWrittenWithLessIsCosmeticDateFormat) {
  const auto kinds = [](const char* before_line, const char* after_line) {
    const Change change = diff_texts(text_of(std::string("# Terms\n") + before_line + "\nBody text of the terms.\n"),
                                     text_of(std::string("# Terms\n") + after_line + "\nBody text of the terms.\n"));
    return change.substantive ? Strings{"substantive"} : change.cosmetic_kinds;
  };
  EXPECT_EQ(kinds("April 29, 2019 12:39", "April 2019"), Strings{"date_format"});
  EXPECT_EQ(kinds("Last updated: April 29, 2019 12:39 PM", "Last updated: April 29, 2019"), Strings{"date_format"});
  EXPECT_EQ(kinds("Last updated: 29 avril 2019", "Last updated: 29 avril 2019 at 3:15 pm"), Strings{"date_format"});
  EXPECT_EQ(kinds("Updated 2019-04-29", "Updated April 2019"), Strings{"date_format"});
  EXPECT_EQ(kinds("April 29, 2019 12:39", "May 2019"), Strings{"substantive"});
  EXPECT_EQ(kinds("Last updated: April 2019", "Last updated: April 29, 2019"), Strings{"substantive"});
  EXPECT_EQ(kinds("Last updated: April 29, 2019 12:39", "Last updated: April 30, 2019"), Strings{"substantive"});
  EXPECT_EQ(kinds("Version 3, April 29, 2019", "Version 4, April 2019"), Strings{"substantive"});
  EXPECT_EQ(kinds("Effective April 29, 2019", "Effective until April 2019"), Strings{"substantive"});
  // The review's finds: a scope's, a deadline's or a date of effect's date said with less, a time
  // put in or taken off beside anything but an edit's stamp.
  EXPECT_EQ(kinds("Applies to accounts created before 15 March 2024", "Applies to accounts created before March 2024"),
            Strings{"substantive"});
  EXPECT_EQ(kinds("Effective until April 29, 2019", "Effective until April 2019"), Strings{"substantive"});
  EXPECT_EQ(kinds("Effective April 29, 2019", "Effective April 2019"), Strings{"substantive"});
  EXPECT_EQ(kinds("Deadline: April 29, 2019", "Deadline: April 29, 2019 at 9:00 am"), Strings{"substantive"});
  EXPECT_EQ(kinds("Service unavailable April 29, 2019 9:00 - 17:00", "Service unavailable April 29, 2019"),
            Strings{"substantive"});
  EXPECT_EQ(kinds("Widerspruch bis 29. April 2019", "Widerspruch bis April 2019"), Strings{"substantive"});
  EXPECT_EQ(kinds("Aktualisiert am 29. April 2019 um 12:39 Uhr", "Aktualisiert am 29. April 2019"),
            Strings{"date_format"});
}

TEST(DiffTexts, QuotesAndCaseAreCosmetic) {
  Change change = diff_texts(text_of("The \xE2\x80\x9CService\xE2\x80\x9D\nx\nTerms Of Use\n"),
                             text_of("The \"Service\"\nx\nTerms of use\n"));
  EXPECT_FALSE(change.substantive) << describe(change);
  EXPECT_EQ(change.hunks.size(), 2u);
  EXPECT_EQ(change.cosmetic_kinds, (Strings{"case", "quotes"}));
}

TEST(DiffTexts, RenumberedListAfterInsertedItemOnlyTheInsertionIsSubstantive) {
  Text before = text_of("# Rules\n1. Be kind.\n2. No spam.\n3. No fraud.\n4. Obey the law.\nEnd.\n");
  Text after = text_of("# Rules\n1. Be kind.\n2. No scraping.\n3. No spam.\n4. No fraud.\n5. Obey the law.\nEnd.\n");
  Change change = diff_texts(before, after);
  EXPECT_TRUE(change.substantive);
  ASSERT_EQ(substantive_hunks(change), 1u) << describe(change);
  for (const Hunk& h : change.hunks) {
    if (h.cosmetic) continue;
    // The substantive hunk holds the new item and nothing else.
    ASSERT_EQ(h.lines.size(), 1u) << describe(change);
    EXPECT_EQ(h.lines[0].op, '+');
    EXPECT_EQ(h.lines[0].text, "2. No scraping.");
    EXPECT_EQ(h.old_lines, 0u);
    EXPECT_EQ(h.new_lines, 1u);
  }
  EXPECT_EQ(change.substantive_stats.blocks_added, 1u);
  EXPECT_EQ(change.substantive_stats.blocks_changed, 0u) << "renumbered items counted as substantive";
  EXPECT_EQ(change.substantive_stats.words_added, 2u);
  EXPECT_EQ(change.substantive_stats.words_removed, 0u);
}

TEST(DiffTexts, RenumberedListItemsAreNeverSubstantive) {
  Text before = text_of("1. Be kind.\n2. No spam.\n3. No fraud.\n");
  Text after = text_of("1. Be kind.\n2. No scraping.\n3. No spam.\n4. No fraud.\n");
  Change change = diff_texts(before, after);
  for (const Hunk& h : change.hunks) {
    if (h.cosmetic) continue;
    for (const LineOp& line : h.lines)
      EXPECT_TRUE(line.text.find("No spam") == std::string::npos && line.text.find("No fraud") == std::string::npos)
          << "renumbered item in a substantive hunk:\n" << describe(change);
  }
}

TEST(DiffTexts, RenumberedListAloneIsCosmeticNumbering) {
  Text before = text_of("1. Be kind.\n2. No spam.\n");
  Text after = text_of("3. Be kind.\n4. No spam.\n");
  Change change = diff_texts(before, after);
  EXPECT_FALSE(change.substantive) << describe(change);
  ASSERT_FALSE(change.hunks.empty());
  for (const Hunk& h : change.hunks) EXPECT_TRUE(h.cosmetic);
  EXPECT_EQ(change.cosmetic_kinds, Strings{"numbering"}) << describe(change);
}

TEST(DiffTexts, RenumberedHeadingsAreCosmeticNumbering) {
  Text before = text_of("## 4. Payments\nPay us.\n## 5. Liability\nNone.\n");
  Text after = text_of("## 5. Payments\nPay us.\n## 6. Liability\nNone.\n");
  Change change = diff_texts(before, after);
  EXPECT_FALSE(change.substantive) << describe(change);
  EXPECT_EQ(change.hunks.size(), 2u);
  EXPECT_EQ(change.cosmetic_kinds, Strings{"numbering"});
}

TEST(DiffTexts, MovedParagraphIsCosmeticReorder) {
  Text before = text_of("# T\nAlpha paragraph.\nBeta paragraph.\nGamma paragraph.\nDelta paragraph.\n");
  Text after = text_of("# T\nBeta paragraph.\nGamma paragraph.\nAlpha paragraph.\nDelta paragraph.\n");
  Change change = diff_texts(before, after);
  EXPECT_FALSE(change.substantive) << describe(change);
  ASSERT_FALSE(change.hunks.empty());
  for (const Hunk& h : change.hunks) {
    EXPECT_TRUE(h.cosmetic);
    EXPECT_TRUE(has_kind(h.cosmetic_kinds, "reorder")) << describe(change);
  }
  EXPECT_EQ(change.cosmetic_kinds, Strings{"reorder"});
}

TEST(DiffTexts, DuplicatedParagraphIsNotAReorder) {
  // One more copy of an existing paragraph is new text, not a move.
  Text before = text_of("Alpha.\nBeta.\n");
  Text after = text_of("Alpha.\nBeta.\nAlpha.\n");
  Change change = diff_texts(before, after);
  EXPECT_TRUE(change.substantive) << describe(change);
}

TEST(DiffTexts, ParagraphSplitIntoTwoIsCosmeticLayout) {
  Text before = text_of("# T\nWe collect your data. We never sell it.\nEnd.\n");
  Text after = text_of("# T\nWe collect your data.\nWe never sell it.\nEnd.\n");
  Change change = diff_texts(before, after);
  ASSERT_EQ(change.hunks.size(), 1u) << describe(change);
  EXPECT_TRUE(change.hunks[0].cosmetic);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, Strings{"layout"});
  EXPECT_FALSE(change.substantive);
}

TEST(DiffTexts, TwoParagraphsMergedIsCosmeticLayout) {
  Text before = text_of("We collect your data.\nWe never sell it.\n");
  Text after = text_of("We collect your data. We never sell it.\n");
  Change change = diff_texts(before, after);
  ASSERT_EQ(change.hunks.size(), 1u) << describe(change);
  EXPECT_TRUE(change.hunks[0].cosmetic);
  EXPECT_TRUE(has_kind(change.hunks[0].cosmetic_kinds, "layout"));
}

TEST(DiffTexts, SplitWithDifferentWordsIsSubstantive) {
  Text before = text_of("We collect your data. We never sell it.\n");
  Text after = text_of("We collect your data.\nWe sometimes sell it.\n");
  EXPECT_TRUE(diff_texts(before, after).substantive);
}

TEST(DiffTexts, HeadingTurnedIntoParagraphIsCosmeticLayout) {
  Text before = text_of("Intro.\n## Your account\nKeep it safe.\n");
  Text after = text_of("Intro.\nYour account\nKeep it safe.\n");
  Change change = diff_texts(before, after);
  ASSERT_EQ(change.hunks.size(), 1u) << describe(change);
  EXPECT_TRUE(change.hunks[0].cosmetic);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, Strings{"layout"});
  EXPECT_FALSE(change.substantive);
}

TEST(DiffTexts, ParagraphTurnedIntoListItemIsCosmeticLayout) {
  Change change = diff_texts(text_of("Keep it safe.\n"), text_of("- Keep it safe.\n"));
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_TRUE(change.hunks[0].cosmetic);
  EXPECT_EQ(change.hunks[0].cosmetic_kinds, Strings{"layout"});
}

// A real change next to cosmetic ones: the change is substantive, the cosmetic edits are not.
TEST(DiffTexts, RealChangeAmongSeparatedCosmeticChanges) {
  Text before = text_of(
      "# Terms\nEffective December 17, 2025\nUnchanged one.\nWe keep data for two (2) years.\nUnchanged two.\n"
      "The \xE2\x80\x9CService\xE2\x80\x9D is provided as is.\n");
  Text after = text_of(
      "# Terms\nEffective 17 December 2025\nUnchanged one.\nWe keep data for one (1) year.\nUnchanged two.\n"
      "The \"Service\" is provided as is.\n");
  Change change = diff_texts(before, after);
  ASSERT_EQ(change.hunks.size(), 3u) << describe(change);
  EXPECT_TRUE(change.substantive);
  EXPECT_TRUE(change.hunks[0].cosmetic);
  EXPECT_FALSE(change.hunks[1].cosmetic);
  EXPECT_TRUE(change.hunks[2].cosmetic);
  EXPECT_EQ(change.cosmetic_kinds, (Strings{"date_format", "quotes"}));
  EXPECT_EQ(change.substantive_stats.words_removed, 3u);  // two (2) years.
  EXPECT_EQ(change.substantive_stats.words_added, 3u);    // one (1) year.
}

TEST(DiffTexts, RealChangeAdjacentToCosmeticChangesOnlyThatHunkIsSubstantive) {
  Text before = text_of(
      "# Terms\nEffective December 17, 2025\nWe keep data for two (2) years.\n"
      "The \xE2\x80\x9CService\xE2\x80\x9D is provided as is.\nEnd.\n");
  Text after = text_of(
      "# Terms\nEffective 17 December 2025\nWe keep data for one (1) year.\n"
      "The \"Service\" is provided as is.\nEnd.\n");
  Change change = diff_texts(before, after);
  EXPECT_TRUE(change.substantive);
  ASSERT_EQ(substantive_hunks(change), 1u) << describe(change);
  for (const Hunk& h : change.hunks) {
    if (h.cosmetic) continue;
    ASSERT_EQ(h.lines.size(), 2u) << "cosmetic lines inside the substantive hunk:\n" << describe(change);
    EXPECT_EQ(h.lines[0].text, "We keep data for two (2) years.");
    EXPECT_EQ(h.lines[1].text, "We keep data for one (1) year.");
  }
  EXPECT_EQ(change.substantive_stats.words_removed, 3u) << describe(change);
  EXPECT_EQ(change.substantive_stats.words_added, 3u);
}

TEST(DiffTexts, RealChangeInsideACosmeticallyChangedParagraph) {
  Text before = text_of("Since December 17, 2025 the \xE2\x80\x9CService\xE2\x80\x9D keeps data for two (2) years.\n");
  Text after = text_of("Since 17 December 2025 the \"Service\" keeps data for one (1) year.\n");
  Change change = diff_texts(before, after);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_TRUE(change.substantive);
  EXPECT_FALSE(change.hunks[0].cosmetic);
  EXPECT_TRUE(change.hunks[0].cosmetic_kinds.empty());
}

// ---- scale ------------------------------------------------------------------------------------

TEST(DiffTexts, LargeRewriteOfManyBlocksIsEveryBlockChanged) {
  std::string a, b;
  for (int i = 0; i < 2000; ++i) {
    a += "Old clause number " + std::to_string(i) + " says one thing.\n";
    b += "New provision " + std::to_string(i) + " states another thing entirely.\n";
  }
  Text before = text_of(a), after = text_of(b);
  // No clock (see below): dtl's bounded mode keeps this within the test's timeout.
  Change change = diff_texts(before, after);
  EXPECT_TRUE(change.substantive);
  EXPECT_EQ(change.stats.blocks_removed + change.stats.blocks_changed, 2000u);
  EXPECT_EQ(change.stats.blocks_added + change.stats.blocks_changed, 2000u);
}

TEST(DiffTexts, LargeRewriteOfOne2000WordParagraphCompletesQuickly) {
  Text before = text_of(words(0, 2000, "old") + "\n");
  Text after = text_of(words(0, 2000, "new") + "\n");
  const auto start = std::chrono::steady_clock::now();
  Change change = diff_texts(before, after);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  ASSERT_EQ(change.hunks.size(), 1u);
  EXPECT_EQ(change.stats.words_removed, 2000u);
  EXPECT_EQ(change.stats.words_added, 2000u);
}

TEST(DiffTexts, LongTextWithScatteredEditsFindsEachEdit) {
  std::string a, b;
  for (int i = 0; i < 5000; ++i) {
    std::string line = "Clause " + std::to_string(i) + " " + words(0, 20) + "\n";
    a += line;
    b += (i % 500 == 250) ? "Changed clause " + std::to_string(i) + "\n" : line;
  }
  // No clock here (a loaded machine or a sanitizer build is no regression): a diff gone
  // quadratic on 5,000 blocks runs past the test's timeout, and bench/ measures the speed.
  Change change = diff_texts(text_of(a), text_of(b));
  EXPECT_EQ(change.hunks.size(), 10u);
}

// ---- diff_words -------------------------------------------------------------------------------

TEST(DiffWords, Equal) {
  auto ops = diff_words("a b c", "a b c");
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0].op, '=');
  EXPECT_EQ(ops[0].text, "a b c");
  EXPECT_EQ(ops[0].elided_words, 0u);
}

TEST(DiffWords, EmptySides) {
  EXPECT_TRUE(diff_words("", "").empty());
  auto added = diff_words("", "a b");
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0].op, '+');
  EXPECT_EQ(added[0].text, "a b");
  auto removed = diff_words("a b", "");
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].op, '-');
  EXPECT_EQ(removed[0].text, "a b");
}

TEST(DiffWords, ReplacementShowsRemovalBeforeAddition) {
  auto ops = diff_words("a b c", "a x y c");
  ASSERT_EQ(ops.size(), 4u);
  EXPECT_EQ(ops[0].op, '=');
  EXPECT_EQ(ops[0].text, "a");
  EXPECT_EQ(ops[1].op, '-');
  EXPECT_EQ(ops[1].text, "b");
  EXPECT_EQ(ops[2].op, '+');
  EXPECT_EQ(ops[2].text, "x y");
  EXPECT_EQ(ops[3].op, '=');
  EXPECT_EQ(ops[3].text, "c");
}

TEST(DiffWords, InterleavedChangesInTheMiddle) {
  auto ops = diff_words("we may share your data with partners", "we will not share your data with anyone");
  std::string minus, plus;
  for (const auto& op : ops) {
    if (op.op == '-') minus += op.text + "|";
    if (op.op == '+') plus += op.text + "|";
  }
  EXPECT_EQ(minus, "may|partners|");
  EXPECT_EQ(plus, "will not|anyone|");
}

TEST(DiffWords, ShortContextNotElided) {
  auto ops = diff_words(words(0, 9) + " old", words(0, 9) + " new");
  ASSERT_EQ(ops.size(), 3u);
  EXPECT_EQ(ops[0].text, words(0, 9));  // 9 words: one more than the context, kept
  EXPECT_EQ(ops[0].elided_words, 0u);
}

TEST(DiffWords, LongMiddleContextElidedOnBothSides) {
  auto ops = diff_words("x " + words(0, 30) + " y", "X " + words(0, 30) + " Y");
  ASSERT_EQ(ops.size(), 5u);
  EXPECT_EQ(ops[2].op, '=');
  EXPECT_EQ(ops[2].elided_words, 30u - 2 * kWordContext);
  EXPECT_EQ(ops[2].text, words(0, 8) + " \xE2\x80\xA6 " + words(22, 30));
}

TEST(DiffWords, MiddleContextOfExactlyTwiceTheContextPlusOneKept) {
  auto ops = diff_words("x " + words(0, 17) + " y", "X " + words(0, 17) + " Y");
  ASSERT_EQ(ops.size(), 5u);
  EXPECT_EQ(ops[2].elided_words, 0u);
  EXPECT_EQ(ops[2].text, words(0, 17));
}

TEST(DiffWords, RepeatedSpacesDoNotMakeEmptyWords) {
  auto ops = diff_words("a  b", "a b");
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0].op, '=');
  EXPECT_EQ(ops[0].text, "a b");
}

// A near-total rewrite of a long text takes dtl's unserious mode, whose script reports many
// additions without their index (afterIdx 0) when the new text is the longer: read as given,
// they pointed past the end of the text (replay: a retailer's 33,000-word privacy policy
// rewritten; std::bad_alloc on every check after). The script is read in order instead.
TEST(WordDiff, ANearTotalRewriteOfALongTextKeepsEveryWordOfBothSides) {
  auto text = [](std::size_t words, unsigned seed) {
    std::string out;
    unsigned state = seed;
    for (std::size_t i = 0; i < words; ++i) {
      state = state * 1103515245u + 12345u;
      out += (i ? " w" : "w") + std::to_string((state >> 16) % 3000);
    }
    return out;
  };
  const std::string before = text(21000, 1), after = text(23000, 2);  // 21,000 x 23,000 > 4e8: unserious
  std::string removed_side, added_side;
  for (const WordOp& op : diff_words(before, after)) {
    if (op.op != '+') removed_side += (removed_side.empty() ? "" : " ") + op.text;
    if (op.op != '-') added_side += (added_side.empty() ? "" : " ") + op.text;
  }
  EXPECT_EQ(removed_side, before);
  EXPECT_EQ(added_side, after);
}

}  // namespace
}  // namespace tosdiff
