#pragma once
// A passage the page carried twice losing one copy: a page whose selected element held the
// terms twice (one copy per layout, for small and large screens) and lost one in a redesign
// (replay: a dating site's terms, alerted as 6,743 words of rights removed). What the copy
// said is still said. A pure transform.

#include <string>
#include <vector>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// Marks cosmetic, kind "duplicate", every substantive hunk that only removes blocks, 3 or
// more and 500 words or more, which the new text still has, in the same order (`after_keys`:
// the comparison keys of the new text's blocks; a block may be found inside a longer one,
// the kept copy merging two list items), all of them but blocks of at most 4 words (a
// button's label). A shorter run (a list that another list repeats) stays substantive. And
// a hunk that only removes date lines (at most 8 words with a date) the new text still has.
void mark_duplicate_copies(std::vector<Hunk>& hunks, const std::vector<std::string>& after_keys);

}  // namespace tosdiff
