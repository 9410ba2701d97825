#pragma once
// Footnotes made inline: "... as long as your Account is active.[1] ..." with "[1] An Account is
// active until you delete it ..." below, becoming "... as long as your Account is active (an
// Account is active until you delete it ...)." The same words where the reader reads them (a
// red team's find: read as news, severity major). A pure function.

#include <cstddef>
#include <vector>

#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Whether the blocks `noted` of `one` (text with glued markers "[1]", and the notes, blocks
// opening with their marker "[1] ...", each marker once in the text) say what the blocks `inline`
// of `other` say once each note is read at its marker, under the comparison key (brackets and
// the sentence's marks aside). A note changed on the way, or a note without its marker, is not.
bool footnotes_made_inline(const Text& one, const std::vector<std::size_t>& noted, const Text& other,
                           const std::vector<std::size_t>& inline_blocks);

}  // namespace tosdiff
