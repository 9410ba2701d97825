#pragma once
// What a block is read under, for telling a move that keeps its meaning from one that changes
// it. A paragraph moved to another place in its list, or a section moved whole, says the same;
// an item moved from "We may share:" to "We will never share:", or a table's value put on
// another row ("18 months" and "30 months" exchanged where a PDF writes each cell on a line of
// its own: a red team's finds), says the opposite. A pure transform.

#include <string>
#include <vector>

#include "tosdiff/model/text.hpp"

namespace tosdiff {

// For each block of `text` (`keys`: their comparison keys), the key of what it is read under,
// "" for a block read on its own:
//   - a list item: its lead-in, the nearest block before it that is no item of its list (the
//     paragraph or heading the list hangs from, or the item a nested one belongs to), with
//     the heading of the section the lead-in stands in, and its rank in the list when the
//     lead-in says the order matters ("they prevail in the following order:");
//   - a value (a line of one word, or of at most six opening with a figure: a table's cell
//     written as a line, "Yes", "18 months") after a line of at most 8 words: that line, its
//     row's label;
//   - another paragraph of at most 25 words: the lead-in (a paragraph ending with ':') of the
//     run of such short paragraphs it is in (a list whose bullets were lost), with the
//     lead-in's section's heading;
//   - another paragraph: "", not its section's heading: on real histories, paragraphs moved
//     across headings were a policy's own editing (a video's mention moved to the preamble, a
//     misplaced paragraph put back), never its meaning, so a clause moved to another section
//     is read as moved; but
//       - one in the section of a category ("Optional cookies" where another heading of its
//         level says "Strictly necessary cookies"): that heading;
//       - one that points back at what it is about ("this information", "ces données", "diese
//         Daten") and says what may or must be done with it ("We may share this information
//         with advertisers"): its section's heading;
//   - a table's row: its table's first row (the header), the section's heading and the
//     paragraph right above the table (a cookie scanner's category: its tables share a header);
//   - a heading: "" (it names itself; a section moved whole moves its heading too).
// A heading is read without the number it opens with (a section renumbered is the same).
std::vector<std::string> move_contexts(const Text& text, const std::vector<std::string>& keys);

// For each lead-in of `text` (a paragraph ending with ':' that items are read under, by
// `contexts` from move_contexts()), a digest of the items it leads in; "" for other blocks. A
// lead-in moved with its list says the same; one moved across items puts them under another
// lead-in ("We never share:" one item lower, that item now under "We share with our
// advertising partners:": a red team's find, shown as a move of the lead-in).
std::vector<std::string> lead_in_lists(const Text& text, const std::vector<std::string>& keys,
                                       const std::vector<std::string>& contexts);

}  // namespace tosdiff
