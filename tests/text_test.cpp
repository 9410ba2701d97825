#include "tosdiff/model/text.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace tosdiff {
namespace {

Block heading(int level, std::string text) {
  Block b;
  b.kind = BlockKind::heading;
  b.level = level;
  b.text = std::move(text);
  return b;
}

Block paragraph(std::string text) {
  Block b;
  b.kind = BlockKind::paragraph;
  b.text = std::move(text);
  return b;
}

Block item(int level, std::string marker, std::string text) {
  Block b;
  b.kind = BlockKind::list_item;
  b.level = level;
  b.marker = std::move(marker);
  b.text = std::move(text);
  return b;
}

Block row(std::string text) {
  Block b;
  b.kind = BlockKind::table_row;
  b.text = std::move(text);
  return b;
}

const char* kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::heading: return "heading";
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::list_item: return "list_item";
    case BlockKind::table_row: return "table_row";
  }
  return "?";
}

// Compares every field, with a readable message naming the block.
void expect_same_blocks(const Text& expected, const Text& actual) {
  ASSERT_EQ(expected.blocks.size(), actual.blocks.size()) << render_text(actual);
  for (std::size_t i = 0; i < expected.blocks.size(); ++i) {
    const Block& e = expected.blocks[i];
    const Block& a = actual.blocks[i];
    SCOPED_TRACE("block " + std::to_string(i) + " '" + e.text + "'");
    EXPECT_STREQ(kind_name(e.kind), kind_name(a.kind));
    EXPECT_EQ(e.level, a.level);
    EXPECT_EQ(e.marker, a.marker);
    EXPECT_EQ(e.text, a.text);
  }
}

// ---- render_block -------------------------------------------------------------------------

TEST(RenderBlock, HeadingsOfEveryLevel) {
  EXPECT_EQ(render_block(heading(1, "Terms")), "# Terms");
  EXPECT_EQ(render_block(heading(2, "Privacy")), "## Privacy");
  EXPECT_EQ(render_block(heading(3, "Data")), "### Data");
  EXPECT_EQ(render_block(heading(4, "Four")), "#### Four");
  EXPECT_EQ(render_block(heading(5, "Five")), "##### Five");
  EXPECT_EQ(render_block(heading(6, "Six")), "###### Six");
}

TEST(RenderBlock, HeadingLevelOutOfRangeIsClamped) {
  EXPECT_EQ(render_block(heading(0, "Zero")), "# Zero");
  EXPECT_EQ(render_block(heading(9, "Nine")), "###### Nine");
}

TEST(RenderBlock, ListItemsIndentTwoSpacesPerLevel) {
  EXPECT_EQ(render_block(item(0, "-", "first")), "- first");
  EXPECT_EQ(render_block(item(1, "-", "nested")), "  - nested");
  EXPECT_EQ(render_block(item(2, "12.", "deeper")), "    12. deeper");
  EXPECT_EQ(render_block(item(0, "3.", "ordered")), "3. ordered");
}

TEST(RenderBlock, TableRowAndPlainParagraphAreVerbatim) {
  EXPECT_EQ(render_block(row("a | b | c")), "a | b | c");
  EXPECT_EQ(render_block(paragraph("We collect data.")), "We collect data.");
  EXPECT_EQ(render_block(paragraph("#hashtag is not a heading")), "#hashtag is not a heading");
  EXPECT_EQ(render_block(paragraph("a|b has no spaced bar")), "a|b has no spaced bar");
  EXPECT_EQ(render_block(paragraph("-dash without space")), "-dash without space");
  EXPECT_EQ(render_block(paragraph("2025 was a year")), "2025 was a year");
}

TEST(RenderBlock, ParagraphsThatWouldReadAsSomethingElseAreEscaped) {
  EXPECT_EQ(render_block(paragraph("# Not a heading")), "\\# Not a heading");
  EXPECT_EQ(render_block(paragraph("###### six")), "\\###### six");
  EXPECT_EQ(render_block(paragraph("- not an item")), "\\- not an item");
  EXPECT_EQ(render_block(paragraph("1. Introduction")), "\\1. Introduction");
  EXPECT_EQ(render_block(paragraph("  - indented dash")), "\\  - indented dash");
  EXPECT_EQ(render_block(paragraph("a | b")), "a | b");  // reads back as a table row: same line
  EXPECT_EQ(render_block(paragraph("\\starts with a backslash")), "\\\\starts with a backslash");
}

TEST(RenderBlock, SevenHashesAreAParagraph) {
  EXPECT_EQ(render_block(paragraph("####### seven")), "####### seven");
}

// ---- render_text / parse_text -----------------------------------------------------------

TEST(RenderText, EmptyTextIsEmptyString) {
  EXPECT_EQ(render_text(Text{}), "");
  EXPECT_TRUE(parse_text("").blocks.empty());
}

TEST(RenderText, EveryBlockEndsWithNewline) {
  Text text{{heading(1, "Terms"), paragraph("Hello."), item(0, "-", "one"), row("x | y")}};
  EXPECT_EQ(render_text(text), "# Terms\nHello.\n- one\nx | y\n");
}

TEST(ParseText, RecognizesEachSyntax) {
  Text parsed = parse_text("# Title\n### Sub\nplain words\n- dash\n  - nested\n    7. deep\n10. ten\nq | r\n");
  Text expected{{heading(1, "Title"), heading(3, "Sub"), paragraph("plain words"), item(0, "-", "dash"),
                 item(1, "-", "nested"), item(2, "7.", "deep"), item(0, "10.", "ten"), row("q | r")}};
  expect_same_blocks(expected, parsed);
}

TEST(ParseText, LastLineWithoutNewline) {
  Text parsed = parse_text("# A\nb");
  expect_same_blocks(Text{{heading(1, "A"), paragraph("b")}}, parsed);
}

TEST(ParseText, EmptyLineIsAnEmptyParagraph) {
  Text parsed = parse_text("a\n\nb\n");
  expect_same_blocks(Text{{paragraph("a"), paragraph(""), paragraph("b")}}, parsed);
}

TEST(ParseText, OddIndentIsNotAListItem) {
  Text parsed = parse_text(" - one space\n   1. three spaces\n");
  ASSERT_EQ(parsed.blocks.size(), 2u);
  EXPECT_EQ(parsed.blocks[0].kind, BlockKind::paragraph);
  EXPECT_EQ(parsed.blocks[0].text, " - one space");
  EXPECT_EQ(parsed.blocks[1].kind, BlockKind::paragraph);
}

TEST(ParseText, HashWithoutSpaceIsAParagraph) {
  Text parsed = parse_text("#1 rule\n#\n");
  ASSERT_EQ(parsed.blocks.size(), 2u);
  EXPECT_EQ(parsed.blocks[0].kind, BlockKind::paragraph);
  EXPECT_EQ(parsed.blocks[1].kind, BlockKind::paragraph);
  EXPECT_EQ(parsed.blocks[1].text, "#");
}

TEST(ParseText, NumberWithoutDotIsNotAnItem) {
  Text parsed = parse_text("2025 was a year\n1) not our syntax\n");
  ASSERT_EQ(parsed.blocks.size(), 2u);
  EXPECT_EQ(parsed.blocks[0].kind, BlockKind::paragraph);
  EXPECT_EQ(parsed.blocks[1].kind, BlockKind::paragraph);
}

TEST(RoundTrip, StructuredTextComesBackUnchanged) {
  Text text{{heading(1, "Terms of Service"), paragraph("Welcome to the service."),
             heading(2, "1. Accounts"), item(0, "1.", "You must be 18."), item(1, "-", "or 13 with consent"),
             item(2, "4.", "deeply nested"), heading(6, "Level six"), row("Cookie | Purpose | Duration"),
             row("_ga | analytics | 2 years"), paragraph("Last updated: May 6, 2025")}};
  expect_same_blocks(text, parse_text(render_text(text)));
  // A paragraph with " | " reads back as a table row (documented): same line either way.
  Text pipes{{paragraph("cell | cell")}};
  EXPECT_EQ(render_text(parse_text(render_text(pipes))), render_text(pipes));
}

TEST(RoundTrip, ParagraphsThatLookLikeOtherSyntaxStayParagraphs) {
  Text text{{paragraph("# Not a heading"), paragraph("## Still not"), paragraph("###### six"),
             paragraph("- looks like an item"), paragraph("1. looks ordered"), paragraph("  - indented"),
             paragraph("    12. indented ordered"), paragraph("\\backslash"),
             paragraph("\\\\two backslashes"), paragraph("\\# escaped already"), paragraph("# "),
             paragraph("- "), paragraph("####### seven"), paragraph("#hashtag"), paragraph("")}};
  expect_same_blocks(text, parse_text(render_text(text)));
}

TEST(RoundTrip, HeadingAndItemTextThatLooksLikeSyntax) {
  Text text{{heading(2, "# hash inside"), heading(3, "a | b"), heading(1, "\\ backslash"),
             item(0, "-", "# not heading"), item(0, "2.", "x | y"), item(1, "-", "- dash text"),
             item(0, "-", "\\escaped")}};
  expect_same_blocks(text, parse_text(render_text(text)));
}

TEST(RoundTrip, RenderParseRenderIsStable) {
  Text text{{paragraph("# a"), paragraph("\\b"), row("c | d"), item(3, "-", "e"), heading(4, "f")}};
  const std::string once = render_text(text);
  EXPECT_EQ(render_text(parse_text(once)), once);
}

// A data table with a "#" column (row numbers) is common; its header row must not read
// back as a level-1 heading, or every following block gets a wrong section.
TEST(RoundTrip, TableRowStartingWithHashIsNotReadBackAsHeading) {
  Text text{{heading(1, "Cookies"), row("# | Name | Purpose"), row("1 | _ga | analytics"),
             paragraph("After the table.")}};
  Text parsed = parse_text(render_text(text));
  ASSERT_EQ(parsed.blocks.size(), 4u);
  EXPECT_NE(parsed.blocks[1].kind, BlockKind::heading) << render_text(text);
  EXPECT_EQ(parsed.blocks[1].text, "# | Name | Purpose");
  EXPECT_EQ(render_text(parsed), render_text(text));
  auto paths = heading_paths(parsed);
  EXPECT_EQ(paths[3], (std::vector<std::size_t>{0}));
}

// A table row whose first cell looks like a list marker ("- | ...", "1. | ...") must keep
// its text; its kind may be read back differently, but the rendering must not change.
TEST(RoundTrip, TableRowWithMarkerLikeFirstCellKeepsItsRendering) {
  Text text{{row("1. | First clause"), row("- | dash cell")}};
  const std::string once = render_text(text);
  EXPECT_EQ(render_text(parse_text(once)), once);
}

// ---- heading_paths ----------------------------------------------------------------------

TEST(HeadingPaths, NoHeadingsGivesEmptyPaths) {
  Text text{{paragraph("a"), paragraph("b")}};
  auto paths = heading_paths(text);
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_TRUE(paths[0].empty());
  EXPECT_TRUE(paths[1].empty());
}

TEST(HeadingPaths, NestedSectionsOpenAndClose) {
  Text text{{paragraph("preamble"),      // 0
             heading(1, "Terms"),        // 1
             paragraph("intro"),         // 2
             heading(2, "Accounts"),     // 3
             paragraph("a"),             // 4
             heading(3, "Minors"),       // 5
             item(0, "-", "m"),          // 6
             heading(2, "Payments"),     // 7  closes Accounts and Minors
             row("x | y"),               // 8
             heading(1, "Privacy"),      // 9  closes everything
             paragraph("p")}};           // 10
  auto paths = heading_paths(text);
  using P = std::vector<std::size_t>;
  ASSERT_EQ(paths.size(), text.blocks.size());
  EXPECT_EQ(paths[0], P{});
  EXPECT_EQ(paths[1], (P{1}));
  EXPECT_EQ(paths[2], (P{1}));
  EXPECT_EQ(paths[3], (P{1, 3}));
  EXPECT_EQ(paths[4], (P{1, 3}));
  EXPECT_EQ(paths[5], (P{1, 3, 5}));
  EXPECT_EQ(paths[6], (P{1, 3, 5}));
  EXPECT_EQ(paths[7], (P{1, 7}));
  EXPECT_EQ(paths[8], (P{1, 7}));
  EXPECT_EQ(paths[9], (P{9}));
  EXPECT_EQ(paths[10], (P{9}));
}

TEST(HeadingPaths, SkippedLevelsAndShallowerHeading) {
  Text text{{heading(2, "Two"), heading(4, "Four"), heading(3, "Three"), paragraph("x"),
             heading(2, "Two again"), paragraph("y")}};
  auto paths = heading_paths(text);
  using P = std::vector<std::size_t>;
  EXPECT_EQ(paths[1], (P{0, 1}));
  EXPECT_EQ(paths[2], (P{0, 2}));  // "Three" closes the deeper "Four"
  EXPECT_EQ(paths[3], (P{0, 2}));
  EXPECT_EQ(paths[4], (P{4}));
  EXPECT_EQ(paths[5], (P{4}));
}

TEST(HeadingPaths, ParsedTextGivesSamePathsAsOriginal) {
  Text text{{heading(1, "A"), paragraph("# fake heading"), paragraph("x"), heading(2, "B"), paragraph("y")}};
  EXPECT_EQ(heading_paths(parse_text(render_text(text))), heading_paths(text));
}

}  // namespace
}  // namespace tosdiff
