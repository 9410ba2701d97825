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

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

Change diff_texts(const Text& before, const Text& after);

// After a later pass (variants, page header) marked hunks cosmetic: when no substantive hunk
// is left, a date stamp (cosmetic because it moved with another change) and a notice of
// update (put up with one) are news on their own again. Re-tallies the change.
void settle_lone_news(Change& change);

// Word diff of two strings (tokens split at spaces), with long unchanged runs elided.
std::vector<WordOp> diff_words(const std::string& before, const std::string& after);

}  // namespace tosdiff
