#pragma once
// A page that drops its section headings all at once (or puts them): every article's title
// gone in a redesign, the articles' text unchanged (replay: an airline's conditions of
// carriage, 18 headings in one night). The provisions are the same words under another
// structure. A pure transform.

#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Marks cosmetic, kind "layout", every substantive hunk made only of headings, all removed
// (or all added), when there are 3 such hunks or more, all one way, and their headings are
// three quarters or more of the old text's headings at their levels (of the new text's, when
// added): every article's title dropped, the sub-headings kept. A heading dropped alone (a
// scope, "For users in the EEA") or a few among many stays news.
void mark_section_headings(std::vector<Hunk>& hunks, const Text& before, const Text& after);

// Marks cosmetic, kind "spelling", every substantive hunk rewording headings only, each the
// same but for an article opening it ("App Store" / "The App Store", "Conditions" / "Les
// conditions": dating replay, a site's terms re-styling their headings), or titles written as
// list items or paragraphs (at most six words, no sentence's mark: "1. Service Netflix" / "1. Le
// Service Netflix", france replay). The house style of a title; in a sentence an article may
// say which thing.
void mark_heading_articles(std::vector<Hunk>& hunks);

// Marks cosmetic, kind "layout", two sections merged under a joined heading and the reverse:
// "9. Legal obligations" reworded "9. Legal obligations and international transfers" in one
// hunk, and in another hunk of its own "10. International transfers", the next heading of that
// level, taken away, its body now the merged section's (a red team's find: both read as news).
// The joined heading is the first's words, a joiner ("and", "&", "et", "und", "y", "e") and the
// second's, numbers aside. A body changed on the way is a hunk of its own and stays news.
void mark_merged_sections(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
