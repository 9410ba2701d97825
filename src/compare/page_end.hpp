#pragma once
// What closes a page below its document, as page_margins.cpp reads a site's footer: the titles
// of its columns written as lines of their own, and the controls under it (an app store's
// rating, an app's button). Pure functions.

#include <cstddef>
#include <string_view>

#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// A footer column's title as a paragraph of its own: a word or three a footer's columns are
// titled with ("Company", "Resources", "Our Apps", "Support"), no digit or mark. A short line of
// the document above the footer ("All sales final", "Irish law applies": a review's finds) is
// no title.
bool is_column_title_line(const Block& block);

// A line every footer may carry besides its links: a postal address (capitalised words and
// numbers in parts set apart by commas, "Alexander House, Harbour Road, Dublin 2") or a contact
// line ("Email: privacy@lumenfield.example", "Phone: +353 1 234 5678"). "Data controller: Acme
// Inc." or "Regulated by the Central Bank of Ireland" are no such lines.
bool is_address_or_contact_line(std::string_view line);

// Where the run of the page's own controls closing the text begins (3 at most; each an icon
// such as an app store's rating "★★★★★", a control's label, a call of a few words such as "Get
// the App"): a footer put on or taken off right above them is put on or taken off at the text's
// end (contrib replay: a payment app's privacy policy, its footer's columns and address put on
// above its rating and app button). The text's size when it ends with none.
std::size_t closing_controls_start(const Text& text);

// Whether the hunk puts a whole footer on, or takes one off: one-sided, covering the footer
// (`old_footer` in the old text, `new_footer` in the new, page_margins.hpp) from its first
// block to its end, its copyright line among the hunk's lines.
bool covers_a_whole_footer(const Hunk& hunk, const FooterRange& old_footer, const FooterRange& new_footer);

}  // namespace tosdiff
