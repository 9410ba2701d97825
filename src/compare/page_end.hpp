#pragma once
// What closes a page below its document, as page_margins.cpp reads a site's footer: the titles
// of its columns written as lines of their own, and the controls under it (an app store's
// rating, an app's button). Pure functions.

#include <cstddef>

#include "tosdiff/model/text.hpp"

namespace tosdiff {

// A footer column's title as a paragraph of its own: a word or three, no digit, no sentence's or
// a label's mark, no company ("Company", "Resources", "Our Apps"). A contact block's lines have
// their marks ("Email: ...", an address's digits and commas).
bool is_column_title_line(const Block& block);

// Where the run of the page's own controls closing the text begins (3 at most; each an icon
// such as an app store's rating "★★★★★", a control's label, a call of a few words such as "Get
// the App"): a footer put on or taken off right above them is put on or taken off at the text's
// end (contrib replay: a payment app's privacy policy, its footer's columns and address put on
// above its rating and app button). The text's size when it ends with none.
std::size_t closing_controls_start(const Text& text);

}  // namespace tosdiff
