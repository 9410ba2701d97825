// A changed table cell named by its row and column (compare/table_cells), and how the views
// lay out a changed place (report/place_view): cells one a line, an added section block by
// block, anything else as its word diff; the cells kept in the change record's JSON.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/compare/table_cells.hpp"
#include "tosdiff/report/place_view.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/report/word_diff.hpp"
#include "support/records.hpp"

namespace tosdiff {
namespace {

const std::string kTable =
    "# Privacy\n"
    "We keep data as this table says.\n"
    "Data | Retention | Purpose\n"
    "Chats | 30 days | Safety review\n"
    "Account | Until deletion | Service\n"
    "Contact us at any time.\n";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

std::vector<std::string> rendered(const Hunk& hunk) {
  std::vector<std::string> out;
  for (const PlaceLine& line : place_lines(hunk)) out.push_back(render_place_line(line, plain_words()));
  return out;
}

TEST(TableCells, AChangedCellIsNamedByItsRowsFirstCellAndItsColumnsHeader) {
  const Change change = diff_texts(parse_text(kTable), parse_text(replaced(kTable, "30 days | Safety review",
                                                                          "5 years | Safety review and training")));
  ASSERT_EQ(change.hunks.size(), 1u);
  const Hunk& h = change.hunks[0];
  ASSERT_EQ(h.cells.size(), 2u);
  EXPECT_EQ(h.cells[0].row, "Chats");
  EXPECT_EQ(h.cells[0].column, "Retention");
  EXPECT_EQ(rendered(h), (std::vector<std::string>{"Chats \u203a Retention: [-30 days-] {+5 years+}",
                                                   "Chats \u203a Purpose: Safety review {+and training+}"}));
}

TEST(TableCells, TheFirstCellIsNamedByItsColumnAlone) {
  const Change change = diff_texts(parse_text(kTable), parse_text(replaced(kTable, "Chats |", "Messages |")));
  ASSERT_EQ(change.hunks.size(), 1u);
  ASSERT_EQ(change.hunks[0].cells.size(), 1u);
  EXPECT_EQ(rendered(change.hunks[0]), std::vector<std::string>{"Data: [-Chats-] {+Messages+}"});
}

TEST(TableCells, RowsThatDoNotPairUpAreShownAsTheirWords) {
  // A column added: the cells no longer line up.
  const Change wider = diff_texts(parse_text(kTable), parse_text(replaced(kTable, "Chats | 30 days | Safety review",
                                                                         "Chats | 30 days | Safety review | EU")));
  ASSERT_EQ(wider.hunks.size(), 1u);
  EXPECT_TRUE(wider.hunks[0].cells.empty());
  EXPECT_EQ(rendered(wider.hunks[0]).size(), 1u);
  // The header row itself: nothing above it names its cells.
  const Change header = diff_texts(parse_text(kTable), parse_text(replaced(kTable, "Data | Retention", "Data | Kept for")));
  ASSERT_EQ(header.hunks.size(), 1u);
  EXPECT_TRUE(header.hunks[0].cells.empty());
  // A paragraph is not a row.
  const Change paragraph = diff_texts(parse_text(kTable), parse_text(replaced(kTable, "at any time", "on weekdays")));
  EXPECT_TRUE(paragraph.hunks[0].cells.empty());
  // An empty cell, as the normalizer writes it.
  EXPECT_EQ(row_cells("a |  | c"), (std::vector<std::string>{"a", "", "c"}));
}

TEST(PlaceView, AnAddedHeadingStaysApartFromItsParagraph) {
  const Change change = diff_texts(parse_text(kTable), parse_text(replaced(kTable, "Contact us",
                                                                          "## Training\nWe may train on chats.\nContact us")));
  ASSERT_EQ(change.hunks.size(), 1u);
  const auto lines = place_lines(change.hunks[0]);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].role, PlaceLine::Role::heading);
  EXPECT_EQ(render_place_line(lines[0], plain_words()), "{+Training+}");
  EXPECT_EQ(render_place_line(lines[1], plain_words()), "{+We may train on chats.+}");
  // A rewording stays one word diff.
  const Change reworded = diff_texts(parse_text(kTable), parse_text(replaced(kTable, "at any time", "on weekdays")));
  EXPECT_EQ(place_lines(reworded.hunks[0]).size(), 1u);
}

TEST(TableCells, TheCellsTravelInTheChangeRecord) {
  ChangeRecord record = testing::changed_record("acme", "privacy-policy");
  record.change = diff_texts(parse_text(kTable), parse_text(replaced(kTable, "30 days", "5 years")));
  const ChangeRecord back = record_from_json(record_to_json(record));
  ASSERT_EQ(back.change->hunks.size(), 1u);
  ASSERT_EQ(back.change->hunks[0].cells.size(), 1u);
  EXPECT_EQ(back.change->hunks[0].cells[0].row, "Chats");
  EXPECT_EQ(back.change->hunks[0].cells[0].column, "Retention");
  EXPECT_EQ(render_words(back.change->hunks[0].cells[0].words, plain_words()), "[-30 days-] {+5 years+}");
}

}  // namespace
}  // namespace tosdiff
