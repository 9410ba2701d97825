#pragma once
// A page that writes its content twice, once per layout: a site builder renders the whole page
// once for each screen width and lets its style sheet show one (a Framer site's header and
// text, twice), or a script appends the small screens' copy after the large screens' (replay:
// a dating site's terms, one copy per layout). When no selector says where the text is, the
// second copy put the first one's menus in the middle of the text, where the edges of the
// text (main_content.hpp) cannot find them (metamorphic bench: a layout's copy of the whole
// page was an alert on every page without a <main>). Internal to extract/.

#include <cstdint>
#include <vector>

#include "tosdiff/extract/dom.hpp"
#include "tosdiff/extract/interval_set.hpp"

namespace tosdiff {

// The subtrees of `root` that only repeat the content beside them, to be left out: going down
// from `root` while one child holds nine tenths of its text, a child holding an eighth or more
// of it (at least kLayoutCopyMinChars characters; sizes from `prefix`, text_prefix_sums in
// main_content.hpp) whose words (those of its visible text nodes) are the very words of an
// earlier such child, or of all its siblings together; the copy or the child it repeats marked
// as shown at some screen widths only (a breakpoint's class, aria-hidden). `hidden`
// (finished): subtrees already left out.
inline constexpr std::size_t kLayoutCopyMinChars = 200;
// An eighth, not a third: a Framer page lays its text out for desktop, tablet and phone, and
// its menus and footer beside three copies leave each copy under a third of the page.
inline constexpr std::uint64_t kLayoutCopyShare = 8;
std::vector<Interval> layout_copies(const FlatDocument& doc, std::uint32_t root, const IntervalSet& hidden,
                                    const std::vector<std::uint64_t>& prefix);

// The selected elements (`roots`, in document order) that repeat the words of an earlier one,
// either of the two, or a wrapper of it below the element holding both, marked as shown at
// some screen widths only. A declaration's selector matches each layout's copy of the text
// (a Framer site renders one per breakpoint it lays out differently, and their number changes
// between publishes: 1 copy, then 3, read as the whole text added twice).
std::vector<Interval> repeated_selections(const FlatDocument& doc, const std::vector<std::uint32_t>& roots,
                                          const IntervalSet& hidden);

// The block elements inside `roots` (document order, none inside another) marked as shown at
// some screen widths only whose words, at least kMarkedCopyMinWords, stand word for word
// elsewhere in the roots' text, outside the copies found before: a section's or a summary's
// copy for small screens, put anywhere on the page (a Microsoft-style page's list of changes
// above the heading that opens the desktop one). Only a marked block: a sentence said twice
// is the author's, and a span or a link marked so is part of its sentence.
inline constexpr std::size_t kMarkedCopyMinWords = 8;
std::vector<Interval> marked_copies(const FlatDocument& doc, const std::vector<std::uint32_t>& roots,
                                    const IntervalSet& hidden);

}  // namespace tosdiff
