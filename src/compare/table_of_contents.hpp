#pragma once
// A table of contents put on or taken off a page: a list of the document's own headings,
// added above them (replay: a platform's terms grew one, alerted as 56 words of new
// clauses). What it lists is already in the text; it says nothing new. A pure transform.

#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// What the comparison puts before the key of a block that is an entry of a table of contents
// (diff.cpp), so that an entry is not taken for the heading it names.
inline constexpr std::string_view kContentsKeyPrefix = "\x01" "contents ";

// The blocks of `text` that make a table of contents: a run of 3 or more blocks, none a
// heading, each of at most 20 words, repeating in order headings that come after them. The
// diff keys them apart from the headings they repeat, so that a table put on a page is
// added whole instead of taking the place of the first heading.
// `keys` are the comparison keys of the text's blocks, one per block.
std::vector<bool> table_of_contents_blocks(const Text& text, const std::vector<std::string>& keys);

// Marks cosmetic, kind "table_of_contents", every substantive hunk whose blocks (3 or
// more, none a heading, each of at most 20 words) repeat, in order, headings of the text
// they belong to: added ones the new text's, removed ones the old text's; the first may be
// the table's own title ("Contents", "Sommaire"), a heading or not. Fewer will do
// when each sits within a table of contents of its text (table_of_contents_blocks) and
// names a heading both texts have: the table caught up with a section already there.
void mark_tables_of_contents(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
