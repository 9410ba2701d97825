#pragma once
// One rule matched on one side of a hunk (internal to classify/): which of its matches count
// as touched by the change.

#include <cstddef>
#include <vector>

#include "tosdiff/classify/pattern_match.hpp"

namespace tosdiff {

struct SideMatch {
  std::vector<Span> counted;  // matches touching or near a changed word
  std::vector<Span> direct;   // matches containing a changed word
  std::size_t all = 0;        // every match, changed or not
};

// The matches of `patterns` on `tokens`, less those overlapping a match of `exclude`.
// `counted` holds those containing a changed word or within a few words of one in the same
// sentence; overlapping spans are merged, in order. `words`: word_set(tokens), made once for
// all the rules asked on the same tokens.
SideMatch match_rule(const std::vector<Pattern>& patterns, const std::vector<Pattern>& exclude, const Tokens& tokens,
                     const WordSet& words);

}  // namespace tosdiff
