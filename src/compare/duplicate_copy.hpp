#pragma once
// A passage the page carried twice losing one copy: a page whose selected element held the
// terms twice (one copy per layout, for small and large screens) and lost one in a redesign
// (replay: a dating site's terms, alerted as 6,743 words of rights removed). What the copy
// said is still said. A pure transform.

#include <string>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Marks cosmetic, kind "duplicate", every substantive hunk that only removes blocks, 3 or
// more and 500 words or more, which the new text still has, in the same order (`after_keys`:
// the comparison keys of the new text's blocks; a block may be found inside a longer one,
// the kept copy merging two list items), all of them but blocks of at most 4 words (a
// button's label). A shorter run (a list that another list repeats) stays substantive. A
// hunk that only adds such a run is a second copy put on, and so is one that adds a copy of
// the whole document (nine tenths of its blocks or more) however few its words or blocks. And a hunk
// that only removes date lines (at most 8 words with a date) the new text still has.
void mark_duplicate_copies(std::vector<Hunk>& hunks, const std::vector<std::string>& after_keys);


// The same edit made in every copy of a passage the page repeats: a site's menu rendered once
// per page section (contrib replay: a ministry's menu, written out 18 times around a privacy
// policy, gaining the same two entries in each copy). Marks cosmetic, kind "duplicate", every
// substantive hunk made of entries of at most 16 words (no sentence of 5 words or more) whose
// very edit (the same lines taken away and put in) is made at 5 places or more, each after the
// same 5 blocks of the old text, and every other hunk making that very edit (the same menu
// rendered elsewhere, at another depth or after other blocks). The same item put into a
// policy's lists is made after each list's own items, and stays news.
void mark_repeated_edits(std::vector<Hunk>& hunks, const std::vector<std::string>& before_keys);

// A heading's words written again as a line of their own, put in or taken off alone: a bar that
// sticks to the top with the page's title, a print header (metamorphic bench: an alert on 4
// of 64 pages). Marks cosmetic, kind "duplicate", a hunk of one block of at most 12 words, not
// a list's entry, that puts in a copy of a heading right beside it (the old text has the
// heading), or takes such a copy away (the new text keeps the heading).
void mark_heading_copies(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
