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
// above every heading and with the document below it, a heading or a sentence within 150 words
// (a list under the title is the document's: "- Contacts", "- Photos" under "# Privacy Policy";
// a list of services or processors may stand without any: reviews' finds), not announced by a
// line ending with ':', its run of list items naming two of the site's own sections ("Home",
// "Help": names_a_site_section), three or more of the list items next to it (three on each side)
// labels of a few words.
bool among_menu_entries(const Text& text, std::size_t start, std::size_t lines);

}  // namespace tosdiff
