#pragma once
// Matching compiled patterns on tokens (internal to classify/): where a pattern matches, and
// the phrase a match quotes as evidence.

#include <cstddef>
#include <string>
#include <vector>

#include "tosdiff/classify/pattern.hpp"
#include "tosdiff/classify/token.hpp"

namespace tosdiff {

// A match: tokens [begin, end).
struct Span {
  std::size_t begin, end;
};

// Leftmost non-overlapping matches of `p`. A match never crosses a sentence end (a `~N` gap
// does not skip over one; a match may end on the token that ends a sentence) and never
// includes a link token.
std::vector<Span> find_matches(const Pattern& p, const Tokens& tokens);

// The distinct words of some tokens a pattern may match (link tokens left out), sorted.
// Classification asks every pattern of every rule on both sides of every hunk, and a pattern
// one of whose required terms is none of these words cannot match: most cannot, and this
// tells so in a few lookups instead of a walk over every token.
struct WordSet {
  std::vector<std::string> words;
};
WordSet word_set(const Tokens& tokens);

// False when a required (not optional) term of `p` matches no word of `words`: then
// find_matches(p, tokens) is empty. True otherwise (it may still find nothing).
bool may_match(const Pattern& p, const WordSet& words);

// The words of `span` as written, joined as the text joined them.
std::string phrase(const Tokens& tokens, Span span);

inline bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

}  // namespace tosdiff
