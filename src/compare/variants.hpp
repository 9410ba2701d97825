#pragma once
// Variants a page alternates between. Some sites serve two texts of one document by turns
// (a regional edition naming another company and address, an A/B test): once the document
// has been seen going back and forth (a flapping change), the same places switching again are
// not news, even when the rest of the text was revised in between and no version repeats.
// A pure transform over a diff's hunks.

#include <cstddef>
#include <string>
#include <vector>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// One edit of a hunk's word diff: a run of removed words and the run of added words that
// takes its place (either may be empty), as the word diff wrote them.
struct WordEdit {
  std::string removed, added;
  // Its place: the words just before it (word_edits(): the last three of the words the hunk
  // keeps before it, "" when none; hunk_swap(): the first six words the hunk keeps). A switch
  // is known only in its place.
  std::string before;
  bool operator==(const WordEdit& other) const { return removed == other.removed && added == other.added; }  // the words alone
};

// The edits of a hunk, in order; none when it has no word diff.
std::vector<WordEdit> word_edits(const Hunk& hunk);

// The hunk's edits taken together: the words its removed blocks have and its added blocks
// lack, and the other way, each sorted. The word diff may cut the same switch into other
// edits on another day (a house number matched with a postcode's digit, a word put in beside
// the address); the words switched stay the same. Empty sides when it has no blocks.
WordEdit hunk_swap(const Hunk& hunk);

// Marks cosmetic, kind "variant", every substantive hunk all of whose edits are `known` in
// their place, made either way (A → B or B → A), or whose hunk_swap is. When no substantive hunk is left, a date stamp hunk
// (cosmetic only beside another substantive change) is substantive again. Re-tallies the
// change; returns how many hunks it marked.
std::size_t mark_variants(Change& change, const std::vector<WordEdit>& known);

}  // namespace tosdiff
