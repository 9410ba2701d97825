#pragma once
// A page served or rendered in part: the document's text with one stretch of it missing and
// nothing else changed (replay: the last two thirds of a dating site's terms, 11,079 words,
// missing for 12 hours and back at the next check; a platform's policy with sections missing
// for a few hours). A site that takes a whole part of its terms away usually also changes
// what stays: a date, a reference, a sentence that announced the part.

#include <cstddef>
#include <optional>

#include "tosdiff/model/text.hpp"

namespace tosdiff {

// The smallest share of the previous text's words a missing stretch holds for the page to be
// taken as served in part: a third. Smaller cuts (a section removed) are ordinary changes.
inline constexpr double kMissingPartShare = 0.3;

struct MissingPart {
  std::size_t first_block = 0;  // in the previous text
  std::size_t blocks = 0;
  std::size_t words = 0;
  bool at_the_end = false;
};

// The stretch of `previous` that `current` lacks when `current` is `previous` with one run of
// blocks missing (the block before the cut may end early, as a page cut off mid-paragraph
// does) and the run holds at least kMissingPartShare of previous's words; nothing otherwise.
std::optional<MissingPart> missing_part(const Text& previous, const Text& current);

}  // namespace tosdiff
