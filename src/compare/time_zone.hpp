#pragma once
// Dates rendered in another time zone: a page that writes its dates in the reader's time
// zone (client-side) shows every one of them a day earlier or later from one fetch to the
// next (replay: a platform's list of 700 dated entries, alerted as 24 changed places). A
// pure transform.

#include <string>
#include <vector>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// When the new text is the old one with dates moved by the same one day, earlier or later (3
// dates or more; the others the same, as a page writes its own date as text beside a log it
// renders in the reader's time zone; nothing else different), every substantive hunk is
// cosmetic, kind "time_zone". Judged on the whole texts, not hunk by hunk: a list of dates shifted by
// a day can line up with itself in the diff. One date moved, dates moved by different
// amounts, or anything else changed: substantive as usual.
// The texts are given by the comparison keys of their blocks (canonical.hpp), one per block.
void mark_time_zone_shift(std::vector<Hunk>& hunks, const std::vector<std::string>& old_keys,
                          const std::vector<std::string>& new_keys);

}  // namespace tosdiff
