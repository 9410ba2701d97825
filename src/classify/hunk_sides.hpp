#pragma once
// Both sides of a hunk as the classifier reads them (internal to classify/): the removed and
// the added text as tokens, each token marked changed when the word diff says its word
// changed (list enumerators and words that only lost or gained punctuation are not).

#include <string>
#include <vector>

#include "tosdiff/classify/pattern_match.hpp"
#include "tosdiff/classify/token.hpp"
#include "tosdiff/model/change.hpp"

namespace tosdiff {

// Both sides of a hunk as tokens, each marked changed or not.
struct HunkSides {
  Tokens removed, added;
  WordSet removed_words, added_words;  // word_set() of each side
};

// The two sides of `hunk`, sentences numbered. Every word is changed when the hunk has no
// word diff; when its word diff does not add up to its lines (a record from elsewhere), the
// word runs themselves are read instead of the lines.
HunkSides sides_of(const Hunk& hunk);

// The headings of a section path as tokens, every one changed, each heading a sentence.
Tokens heading_tokens(const std::vector<std::string>& section);

}  // namespace tosdiff
