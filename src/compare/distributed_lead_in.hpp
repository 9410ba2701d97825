#pragma once
// A sentence laid out as a lead-in and its items: "We use Personal Data to provide and secure
// the Services, to answer support requests, and to improve features." becoming "We use
// Personal Data to:" / "- provide and secure the Services;" / "- answer support requests; and" /
// "- improve features." The words are the same but for the lead-in's last word, which the
// sentence said before each item and the list says once (a red team's find: read as news). A
// pure function.

#include <cstddef>
#include <vector>

#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Whether the one block `sentence` of `one` and the blocks `list` of `other` (a paragraph
// ending with a colon, then two list items or more of one level, then any paragraphs the
// sentence's block went on with) say the same words, but for
// the lead-in's last word said again in the sentence before items (at most once per item after
// the first). Another word, one word more or less, "and" made "or": not.
bool distributed_over_items(const Text& one, const std::vector<std::size_t>& sentence, const Text& other,
                            const std::vector<std::size_t>& list);

}  // namespace tosdiff
