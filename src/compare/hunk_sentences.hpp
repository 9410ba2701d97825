#pragma once
// Hunks read as sentences: what a hunk takes away and puts in, sentence by sentence, the
// sentences both sides have left out (a paragraph that gained a sentence at its end took
// nothing away). For the kinds that judge a change by the sentences it moves (update notices,
// pointers to other pages).

#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// Sentences of a block: cut after ".", "!" or "?" followed by a space and a letter that is
// not lower case (a date's "Jul. 23" and "e.g. the" stay whole).
std::vector<std::string> sentences_of(std::string_view text);

// The sentences a hunk takes away and puts in, as written, counted by comparison key
// (canonical.hpp): a sentence on both sides, however its case or spacing changed, is neither.
struct SentenceDifference {
  std::vector<std::string> gone, come;
};
SentenceDifference sentence_difference(const Hunk& hunk);

}  // namespace tosdiff
