#pragma once
// The diff engine: compares two normalized texts block by block (dtl's LCS over lines),
// then word by word inside each changed region, and says for every hunk whether it changes
// what the text says (substantive) or only how it is written (cosmetic). A pure transform.
//
// Blocks are aligned by comparison_key() (canonical.hpp), not by their raw text: a date
// rewritten in another form, a renumbered list or retyped quotes leave the alignment intact
// and show up as one-line cosmetic hunks instead of breaking a long run of changes.

#include <cstddef>
#include <string>
#include <vector>

#include "tosdiff/text.hpp"

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

struct Hunk {
  // 1-based line numbers, GNU style: a side with 0 lines names the line before the hunk.
  std::size_t old_start = 0, old_lines = 0, new_start = 0, new_lines = 0;
  std::vector<std::string> section;  // heading texts above the hunk, outermost first
  std::vector<LineOp> lines;         // removed blocks, then added blocks
  std::vector<WordOp> words;         // word diff of the removed vs the added blocks
  bool cosmetic = false;
  std::vector<std::string> cosmetic_kinds;  // when cosmetic: whitespace, quotes, case,
                                            // punctuation, date_format, numbering,
                                            // link_target, reorder, layout
  std::vector<TopicMatch> topics;  // filled by classify(); substantive hunks only
  std::vector<FlagMatch> flags;
};

struct DiffStats {
  std::size_t blocks_added = 0, blocks_removed = 0, blocks_changed = 0;
  std::size_t words_added = 0, words_removed = 0;
};

struct Change {
  std::vector<Hunk> hunks;  // empty when the texts are byte-equal
  DiffStats stats;          // over every hunk
  DiffStats substantive_stats;  // over substantive hunks only
  bool substantive = false;     // at least one hunk is substantive
  std::vector<std::string> cosmetic_kinds;  // union over cosmetic hunks, sorted
};

Change diff_texts(const Text& before, const Text& after);

// The statistics of one hunk: blocks_changed = min(old_lines, new_lines), the rest added or
// removed; words counted from its word diff.
DiffStats hunk_stats(const Hunk& hunk);
// Recomputes a change's stats, substantive flag and cosmetic kinds from its hunks (used
// after reading a record back).
void tally(Change& change);

// Word diff of two strings (tokens split at spaces), with long unchanged runs elided.
std::vector<WordOp> diff_words(const std::string& before, const std::string& after);

}  // namespace tosdiff
