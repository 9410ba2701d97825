#pragma once
// Pictographs a design puts beside the words: an emoji before each heading ("📌 Data we
// collect"), an arrow after each link ("Privacy Policy →"), a bullet written as text before a
// list item's own marker ("• (a) our affiliates"). They come and go with a redesign and say
// nothing of the terms (metamorphic bench: an alert on every page they were put in). A check
// or a cross mark is a value ("Sold: ✓" in a table of categories): kept, as one mark of each
// kind. A pure transform.

#include <string>
#include <string_view>

namespace tosdiff {

// `text` without emoji, arrows, dingbats, geometric shapes, other pictographic symbols, the
// variation selectors and joiners that build emoji, and bullets standing alone; check marks
// written "✓" and cross marks "✗", whichever glyph the page used. Spaces left behind are
// for the whitespace fold to tidy.
std::string drop_pictographs(std::string_view text);

}  // namespace tosdiff
