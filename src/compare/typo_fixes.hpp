#pragma once
// A misspelt word corrected ("affilitates" becoming "affiliates"), or a word misspelt: one
// letter put in, taken out or swapped with its neighbour inside a word, where the document
// spells the word right elsewhere. Nothing is said otherwise (replay: a platform's terms fixed
// a typo on the day its new version took effect). A pure transform over a diff's hunks.
//
// A typo is told from another word by the document itself, not a dictionary: the word that
// leaves is written nowhere else on its side ("affilitates" only there), and the word it
// becomes is one the document already uses ("affiliates" elsewhere too). "casual" becoming
// "causal" where the document never says "causal" stays news; so does any edit at a word's
// first or last letter ("partner" / "partners", "licensor" / "licensee"), in a word under
// kTypoMinLetters letters ("form" / "from"), or of a letter for another ("consent" /
// "content").

#include <cstddef>
#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

inline constexpr std::size_t kTypoMinLetters = 6;

// `a` and `b` (ASCII letters, any case) differ by one letter put in or taken out, or two
// neighbours swapped, neither at the word's first or last letter.
bool one_letter_inside(std::string_view a, std::string_view b);

// Marks cosmetic, kind "spelling", every substantive hunk all of whose edits are single words
// so corrected or misspelt.
void mark_typo_fixes(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
