#pragma once
// The site a link card points to, printed under its title: "How to manage your Feed Facebook
// Help Center", "Manage the information we collect about you Privacy Center". A redesign that
// drops these labels from every card of a policy changes no term (pga replay: a social
// network's privacy policy, 26 such labels gone in one version). A pure transform.

#include <vector>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// Marks cosmetic, kind "page_control", every substantive hunk whose every edit takes away or
// puts in a help site's name (at most two capitalised words, then Help or Privacy Center or
// Centre) after a card's title, alone or glued by the markup to the words around it ("settings
// Facebook Help CenterHow" / "settingsHow"), followed by the next card's title or by nothing,
// when the change has two such names at least (a redesign takes the label off every card). Not
// after an article or a verb of a sentence ("visit the Privacy Center"), not before the
// sentence's next words ("Privacy Center partners only"), not a block of its own (a list item
// naming a product or a channel for one's rights).
void mark_link_card_sources(std::vector<Hunk>& hunks);

}  // namespace tosdiff
