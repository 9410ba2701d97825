#pragma once
// Date lines in a diff's hunks (internal to compare/, used by diff.cpp): the page's "Last
// updated" line moving with other changes, a bare date in the page's head, a stale second
// copy of a date line. Pure transforms over hunks.

#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// A hunk that replaces one short block by another differing only in a date: the page's
// "Last updated" line. Short: a date line, not a clause ("These terms take effect on ...").
bool replaces_a_date_line(const Hunk& hunk);

// Inside a record that changes the terms elsewhere, the date stamp moving with them says
// nothing more: that hunk is cosmetic (`date_stamp`). Alone, a new date is substantive (a
// new date of effect is news).
void mark_date_stamps(std::vector<Hunk>& hunks);

// A date alone on its line in the page's head, moved, while both texts keep the document's own
// date line with its label unchanged: the help centre's date of the article page. Cosmetic
// (`date_stamp`, page_date), alone too.
void mark_page_dates(std::vector<Hunk>& hunks, const Text& before, const Text& after);

// A second date line taken off while the new text still has one worded the same with its
// date: cosmetic (`date_stamp`). The only date line taken off is news.
void mark_stale_date_lines(std::vector<Hunk>& hunks, const Text& after);

}  // namespace tosdiff
