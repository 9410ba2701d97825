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
// And, kind "page_header" (page_margins.hpp's kind, which a topical title such as "Community
// Guidelines" keeps from marking it), a first hunk that only puts a site's name after the
// title or takes it away ("Community Guidelines" / "Community Guidelines | Pinterest Policy"):
// a bar or a dash, then at most 4 words and no digit. And, kind "document_head", a first hunk
// that only takes the document's name ("Terms of Service") out of the head line carrying its
// date, or puts it in, the date the same: the name of one of the texts' titles (a heading among
// their first blocks, "Privacy Notice" ending "Twitch.tv Privacy Notice"), at the line's edges.
void mark_document_head(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
