#pragma once
// A shop's or a site's menu caught above the document: a declaration that selects the page's
// wrapper takes the mega-menu with the terms (replay of an unseen collection: a department
// store's privacy policy and terms of sale under some 400 lines of category names, brands and
// sale percentages; every new collection or promotion alerted, 776 alerts in four years).
// What changes there is the shop, not the terms. A pure transform.
//
// And a help centre's "Related articles" closing the page (a platform's terms on its help
// centre: the cards change with the other articles).
//
// Told from a policy's own lists by where and what it is: before the document's first
// sentence (a list of processors or data categories follows an introduction), long, nested,
// made of list items of a few words, some of them repeated ("See all" under every
// category), and with the document itself below it.

#include <cstddef>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Where a site menu lies at the top of `text`: blocks [begin, end), 0-based. `end` is one past
// the last list item before the document's first sentence (a paragraph of 13 words or more
// with punctuation, any block of over 40 words or a table row; what follows it is the
// document's own title and date); `begin` is 0, or past up to 5 banners of at most 25 words
// when sentences stand above the menu's first list item, and then two of the menu's top
// entries name the site's sections. A menu has at least 30 blocks, two
// thirds of them list items, a fifth of those nested (or, set out flat, four columns of them
// under bare titles of a few words, "For Members" over two items or more, in a run of 60
// blocks or more naming the site's sections three times), one label at least 3 times or two
// naming the site's own sections (page_margins.hpp), and the document below has 100 words or
// more. A list under a heading (the document's title) or announced by a line ending with a
// colon ("We use these sub-processors:") is the document's. {0, 0} when there is none.
struct MenuRange {
  std::size_t begin = 0, end = 0;
};
MenuRange site_menu_range(const Text& text);

// Where a help centre's list of other articles closes the text: the first block, among the
// last 40 and below the text's last block of more than 30 words, that says "Related
// articles" (or so in another language); every block from it to the end is of at most 30
// words (a card's teaser, not a clause) or the cards' titles glued into one line (3 or more,
// each of at most 16 words), and a list shown twice is taken from its first label. The
// text's size when there is none.
std::size_t related_articles_start(const Text& text);

// Marks cosmetic, kind "site_menu", every substantive hunk whose removed blocks all lie in
// the old text's menu and whose added blocks all lie in the new text's; likewise for the
// closing lists of related articles (a list taken away, or put at the end, is one too); and
// every hunk, of entries of at most 40 words, that repeats word for word one so marked, two of
// its four nearest blocks (two above, two below) the same place by place, in no list a
// sentence announces with a colon (the menu shown again in the page's drawer or footer; the
// terms' own list of the services they cover is news).
void mark_site_menu(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
