#pragma once
// Dates rendered in another time zone: a page that writes its dates in the reader's time
// zone (client-side) shows every one of them a day earlier or later from one fetch to the
// next (replay: a platform's list of 700 dated entries, alerted as 24 changed places). A
// pure transform.

#include <vector>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// When every substantive hunk of a change only changes dates (each removed block paired with
// an added one that differs in its dates alone), and every date moved by the same one day,
// earlier or later, 3 dates or more: those hunks are cosmetic, kind "time_zone". One date
// moved, or dates moved by different amounts, stay substantive.
void mark_time_zone_shift(std::vector<Hunk>& hunks);

}  // namespace tosdiff
