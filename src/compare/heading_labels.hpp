#pragma once
// A label set right above a section's heading and made to read as it: a breadcrumb's last
// item or a link to the section, "Coordinating Harm Promoting Crime" becoming "Coordinating
// Harm and Promoting Crime" over the heading "Coordinating Harm and Promoting Crime"
// (replay: a platform's community standards, alerted as a word added to a rule). The heading
// says what the section is called; the label repeating it says nothing more. A pure transform.

#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Marks cosmetic, kind "navigation", every substantive hunk that rewords one block, not a
// heading, of at most kHeadingLabelWords words, right above a heading both texts have unchanged,
// when one side of the block reads as that heading (its words, folded) and the other differs
// from it by at most two words. A sentence above a heading, or a label that grows into
// another name, stays news.
void mark_heading_labels(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
