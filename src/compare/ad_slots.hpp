#pragma once
// What a page shows in its ad slots: the blocks right after a label that says an ad follows
// ("Advertisement", "Sponsored", "Publicité", "Anzeige", ...). A magazine's privacy policy caught
// with its sidebar changes every week with the giveaway shown there (contrib replay: 61 alerts
// on one policy, "a makeup bag giveaway" becoming "a hotel getaway giveaway"). The ad is the
// site's, not the terms'. A pure transform.

#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Whether block `i` of `text` lies in an ad slot: one of the 4 blocks after a block that is only
// an ad label (not a heading: a policy's section "Ads" is its own), each of them (and the ones between) of at most 15 words, none a heading.
bool in_ad_slot(const Text& text, std::size_t i);

// Marks cosmetic, kind "advertisement", every substantive hunk whose every removed block lies in
// an ad slot of the old text and every added block in one of the new text, and a hunk that only
// puts in or takes off one label, not a heading (an empty slot's). A clause beside the label, or
// the label taken away with the ad's blocks kept, stays news.
void mark_ad_slots(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
