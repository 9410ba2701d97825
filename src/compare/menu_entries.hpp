#pragma once
// A site's menu as a page's text shows it: entries of a few words, one after the other, no
// sentence's end. page_margins.cpp asks whether a block is such an entry, and whether a
// renamed one above the document's title is a link's label rather than a name. Pure functions.

#include <cstddef>

#include "tosdiff/model/text.hpp"

namespace tosdiff {

// A menu's label: 6 words at most, not ending as a sentence or a clause does ('.', ';', ':').
bool is_menu_label(const Block& block);

// Whether one side of a hunk (1-based start, one block) is a list item among a menu's entries:
// above every heading (a list under the title is the document's: "- Contacts", "- Photos" under
// "# Privacy Policy", a review's find), three or more of the list items next to it (three on
// each side) labels of a few words.
bool among_menu_entries(const Text& text, std::size_t start, std::size_t lines);

}  // namespace tosdiff
