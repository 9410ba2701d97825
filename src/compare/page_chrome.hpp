#pragma once
// A site's whole chrome, its menus above the document or its footer below it, put on or taken
// off in one piece: a page redesigned around the same terms, or a selection that now stops at
// the document's edges (contrib replay: a game publisher's terms losing a 99-line menu of its
// games and a footer of 18 languages and its copyright line; a telecom's terms losing 277
// lines of mega-menu and 58 of footer; a news agency's privacy policy gaining 150 lines of
// products, courses and promotions above it). Every word of the document stays; what the
// chrome says (games with numbers, "Do not sell my personal information", "Law enforcement"
// solutions) is the site's, not the terms'. A pure transform.
//
// Told from a document's own text by where and what it is: one piece at the very start or
// the very end, nothing in its place, a run of labels (a menu is mostly entries of a few
// words; its promotions' teasers are few), and, at the end, the marks of a footer: its usual
// links, a copyright line or a language switcher. An annex of bare names closing a policy (its
// processors, its cookies) has none of them and stays news.

#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Marks cosmetic every substantive hunk that only puts in, or only takes away, 15 lines or
// more at the very start of a text (kind "site_menu") or at its very end (kind
// "page_footer", with 2 of a footer's usual links, a copyright line or 5 language names among
// them), when two thirds of those lines are labels (6 words at most, no sentence's end), prose
// (blocks of 13 words or more with punctuation, or over 40) holds a fifth of their words at most
// (a third in a footer), and the other text, the document beside, has 150 words or more.
void mark_page_chrome(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
