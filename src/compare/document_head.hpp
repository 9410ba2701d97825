#pragma once
// The head of a document leaving the text: its title and date line, at the very top, no
// longer inside the selected element after a redesign (replay: a dating site's trackers
// policy, alerted as removed text). The terms below are all there; a title and a date line
// gone say nothing new. Put on the page, they are a change like any other (a new date of
// effect is news). A pure transform.

#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Marks cosmetic, kind "document_head", a substantive hunk at the top of the old text that
// removes blocks, at most 3, each a heading or a line of at most 8 words with a date, and
// adds nothing but the labels of the page's controls (page_controls.hpp).
void mark_document_head(std::vector<Hunk>& hunks);

// Marks cosmetic, kind "document_head", a first hunk that rewrites the document's title (a
// heading with only headings above it, among the first 3 blocks) by adding or dropping a
// segment after a separator (" | ", " - ", " – ", " — ", " · ") made of at most 4 words, each
// a badge ("New", "Nouveau") or a word the texts write elsewhere as written: the site's name
// ("Terms of Service | Pinterest Policy" → "Terms of Service", replay: a platform's title
// tag losing its suffix; "Business Services Terms - New"). A region's code ("EU", "UK") is
// whom the document is for, never furniture; nor is a word the document never uses.
void mark_title_segment(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
