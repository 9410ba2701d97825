#pragma once
// A share widget's list of networks caught inside a selection: "Thanks for sharing! Facebook
// Twitter Pinterest LinkedIn Digg ... Yahoo Mail Yummly" (contrib replay: an insurer's privacy
// policy page, its AddToAny menu of some hundred networks moved from one form to another, one
// network dropped from it, each alerted). Which networks a page offers to share it on is no
// term of it. A pure transform.

#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// A run of words that is such a list: 8 words or more, three fifths of them the names of
// networks and share targets ("Facebook", "WhatsApp", "Copy Link", "Email", "Print", "VK"),
// written one after the other: no comma, no "and" ("We share your data with Facebook, Google,
// Twitter and LinkedIn" is a sentence).
bool is_share_list(std::string_view words);

// Marks cosmetic, kind "page_control", every substantive hunk each of whose edits is a share
// list put in, taken away or moved, or a few networks put in or taken away in the middle of one
// (up to 3 words each a known target or a capitalised name, or up to 5 known targets: a menu
// reordered): the 10 kept words on each side, read past the edits near it, together make a
// share list (at the list's end, fewer on one side when each is a known target, "More…").
void mark_share_widgets(std::vector<Hunk>& hunks);

}  // namespace tosdiff
