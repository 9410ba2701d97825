#pragma once
// A link's label lost from the text or found again: "fall under our ." becoming "fall under our
// Community Standard for Restricted Goods and Services." (pga replay: a social network's
// standards, the label gone from one capture and back in the next, alerted both times). A
// sentence never ends on "our": the page's link was there, its text not captured. A pure
// transform.

#include <vector>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// Marks cosmetic, kind "markup", every substantive hunk whose word diff makes one edit: after a
// word that cannot end a sentence ("our", "the", "your", "see", "under", "notre", "unsere", ...),
// a sentence's mark alone (".", ",", ";") on one side, and on the other a link's label ending
// with that mark: at most 12 words, two thirds of them capitalised ("Community Standard for
// Restricted Goods and Services."). A label of words in lower case ("our partners may sell your
// data.") says something, and stays news. And every hunk whose one edit takes away (or puts in)
// a sentence's opening words that were a link's label: "Visit Your Payments to manage ..." read
// as "to manage ..." (no sentence opens in lower case); at most 6 words, two thirds of them
// capitalised, no digit, mark or negation ("Do Not sell" is a rule's words).
void mark_lost_link_labels(std::vector<Hunk>& hunks);

}  // namespace tosdiff
