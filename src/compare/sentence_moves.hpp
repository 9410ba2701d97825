#pragma once
// Edits of a sentence that its words alone do not show: a sentence's end moved to another
// word, and the reader addressed otherwise. Both read alike to the comparison key (it folds
// punctuation and case) and say something else. Pure functions.

#include <string_view>

namespace tosdiff {

// Whether a sentence's end moved to another word, the words the same: "Refunds are not
// available. After 14 days, you may cancel" / "Refunds are not available after 14 days. You may
// cancel" (a review's find: the comparison key folds punctuation and case, and so read these
// alike). A sentence's end is a full stop, question or exclamation mark before a capital (an
// accented one too: "À des fins", "Únicamente"), a figure ("30 days after purchase") or an
// opening mark before them, or a semicolon. The words are read as the comparison key reads them,
// so a contraction written out beside the move ("do not" / "don't") is the same words (a red
// team's four finds). A stop only put in or taken away (a sentence split, a list item closed) is
// not a move; one end gone and one come is, however far apart.
bool moves_a_sentence_end(std::string_view a, std::string_view b);

// German addresses its reader as "Sie", "Ihnen" and speaks of others as "sie", "ihnen": inside
// a sentence the capital is the meaning ("nur, wenn Sie eingewilligt haben" / "wenn sie ...":
// the reader's consent, or the partners'; a red team's find, read as case). Sentence-initial,
// or written in capitals, a pronoun says neither. Not the possessives ("Ihre", "ihrer"): a
// marketplace's terms re-cased six of them in one night, the subject of each sentence the same
// (p2b-compliance replay).

bool changes_whom_it_addresses(std::string_view a, std::string_view b);

}  // namespace tosdiff
