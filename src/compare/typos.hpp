#pragma once
// A misspelt word corrected, or a slip of the keyboard made: "our corporate affilitates’
// services" becoming "affiliates’" (replay: a social network's terms, the only edit of the
// day besides an update notice taken down). The provision reads the same; a reader told
// "terms changed" finds a letter. A pure transform.
//
// An earlier rule (one letter in, out or swapped in a word the document spells right
// elsewhere) took "county" for a slip of "country" in a venue clause and was dropped. Two
// real words one letter apart mostly differ at or next to an end (county/country, licensor/licensee,
// annual/annul, affiliate/affiliates); keyboard slips mostly fall inside a word
// (affili-t-ates, rec-ie-ve, Sexua-l-lly). So here a word is taken for a slip only when the
// difference sits inside it and the document itself says so: the slip is a word the
// document does not otherwise use (at most kRareWord times in its text, and gone from the
// other text), and the right word is one it uses elsewhere. Two words of the document that
// differ by a letter ("licensor"/"licensee", "consent"/"content", "lawful"/"unlawful",
// "annual"/"annul") stay news: the difference must sit inside the word (two letters or more
// the same on each side of it; one before it in a word of ten letters or more,
// "Idemnification"), be one letter put in, left out or two swapped (not a letter
// replaced: "attached"/"attacked"), and neither word has digits or fewer than five letters; or
// the two differ only by their accents ("retractation" / "rétractation"). English's "a" and "an"
// switched (the article agreeing with the next word) is such a slip too, and so is a stutter:
// a run of up to four words written twice in a row, once taken away or put in; and "the" put
// in or left out on its own (not beside "few", "cost", "same", ..., a number or a reference
// such as "Section", "Annex": "a" and "an" never, "a few" is not "few"), or "that" before a
// clause's subject ("Files that you create" / "Files you create").

#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Marks cosmetic, kind "spelling", every substantive hunk whose word diff only replaces
// words by their corrected (or mistyped) spelling, one for one, by the rules above.
void mark_typos(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
