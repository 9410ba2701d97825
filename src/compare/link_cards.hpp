#pragma once
// The site a link card points to, printed under its title: "How to manage your Feed Facebook
// Help Center", "Manage the information we collect about you Privacy Center". A redesign that
// drops these labels from every card of a policy changes no term (pga replay: a social
// network's privacy policy, 26 such labels gone in one version). A pure transform.

#include <vector>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// Marks cosmetic, kind "page_control", every substantive hunk whose every edit takes away or
// puts in a help site's name (at most two capitalised words, then Help, Privacy, Safety,
// Transparency, Accounts, Family, Business or Support Center or Centre), alone or glued by the
// markup to the words around it ("settings Facebook Help CenterHow" / "settingsHow"), not after
// an article or a verb of a sentence ("visit the Privacy Center" is an instruction).
void mark_link_card_sources(std::vector<Hunk>& hunks);

}  // namespace tosdiff
