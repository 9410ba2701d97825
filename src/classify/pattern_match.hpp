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

// The words of `span` as written, joined as the text joined them.
std::string phrase(const Tokens& tokens, Span span);

inline bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

}  // namespace tosdiff
