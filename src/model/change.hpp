#pragma once
// What changed between two versions of a document: hunks of blocks, with their line and word
// diffs, whether each is substantive or cosmetic, and what the classifier found in them.
// Made by the diff engine (compare/diff.hpp), classified (classify/), carried in change
// records (model/record.hpp), rendered by report/.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tosdiff {

struct LineOp {
  char op = '+';     // '-' a block of the old text, '+' a block of the new text
  std::string text;  // the rendered block
};

// A run of words in a word diff. Long unchanged runs are cut to `kWordContext` words on the
// side(s) next to a change; `elided_words` says how many words were left out in the middle
// (marked by " … " in `text`), so a reader sees the changed sentence, not a 3,000-word line.
struct WordOp {
  char op = '=';     // '=' unchanged, '-' removed, '+' added
  std::string text;  // words separated by single spaces
  std::size_t elided_words = 0;
};

inline constexpr std::size_t kWordContext = 8;

// What the classifier (classify.hpp) found in one hunk: a topic its changed words (or its
// heading path) touch, with the phrases that matched ...
struct TopicMatch {
  std::string id, label;
  std::vector<std::string> evidence;  // the matched phrases, as written, deduplicated
  std::string where;                  // added | removed | changed (both sides) | section
};
// ... and a directional flag: a protection removed or a permission added.
struct FlagMatch {
  std::string id, label;
  std::string direction;  // removed | added
  std::string kind;       // right_removed | permission_added
  std::vector<std::string> evidence;
};

// A changed cell of a table row, with what names it: the header of its column (the first
// row of its table) and the row's first cell. A report can then say "Pro › Retention:
// [-1 year-]{+2 years+}" without the rest of the table.
struct TableCell {
  std::string row;     // the row's first cell ("" when the changed cell is that first cell)
  std::string column;  // the column's header ("" when the header row has no such column)
  std::vector<WordOp> words;  // word diff of the cell
};

struct Hunk {
  // 1-based line numbers, GNU style: a side with 0 lines names the line before the hunk.
  std::size_t old_start = 0, old_lines = 0, new_start = 0, new_lines = 0;
  std::vector<std::string> section;  // heading texts above the hunk, outermost first
  std::vector<LineOp> lines;         // removed blocks, then added blocks
  std::vector<WordOp> words;         // word diff of the removed vs the added blocks
  // When the hunk changes cells of table rows, and only that (as many rows removed as added,
  // each with its cells in the same columns, under a header row): each changed cell.
  std::vector<TableCell> cells;
  bool cosmetic = false;
  std::vector<std::string> cosmetic_kinds;  // when cosmetic: whitespace, quotes, case,
                                            // punctuation, date_format, numbering,
                                            // link_target, spelling, reorder, layout,
                                            // date_stamp
  std::vector<TopicMatch> topics;  // filled by classify(); substantive hunks only
  std::vector<FlagMatch> flags;
  // A date the page prints beside the document's own, which stays (a help article's date above
  // terms that say "Last updated: ..."): a date_stamp that is no date of effect even alone.
  bool page_date = false;
};

struct DiffStats {
  std::size_t blocks_added = 0, blocks_removed = 0, blocks_changed = 0;
  std::size_t words_added = 0, words_removed = 0;
};

// Whether a list of cosmetic kinds (a hunk's, a change's, a version's) holds `kind`.
inline bool has_kind(const std::vector<std::string>& kinds, std::string_view kind) {
  for (const std::string& k : kinds)
    if (k == kind) return true;
  return false;
}

struct Change {
  std::vector<Hunk> hunks;  // empty when the texts are byte-equal
  DiffStats stats;          // over every hunk
  DiffStats substantive_stats;  // over substantive hunks only
  bool substantive = false;     // at least one hunk is substantive
  std::vector<std::string> cosmetic_kinds;  // union over cosmetic hunks, sorted
};

// The statistics of one hunk: blocks_changed = min(old_lines, new_lines), the rest added or
// removed; words counted from its word diff.
DiffStats hunk_stats(const Hunk& hunk);
// Recomputes a change's stats, substantive flag and cosmetic kinds from its hunks (used
// after reading a record back).
void tally(Change& change);

}  // namespace tosdiff
