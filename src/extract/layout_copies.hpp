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
// from `root` while one child holds nine tenths of its text, a child holding a third or more of
// it (at least kLayoutCopyMinChars characters; sizes from `prefix`, text_prefix_sums in
// main_content.hpp) whose words (those of its visible text nodes) are the very words of an
// earlier such child, or of all its siblings together; the copy or the child it repeats marked
// as shown at some screen widths only (a breakpoint's class, aria-hidden). `hidden`
// (finished): subtrees already left out.
inline constexpr std::size_t kLayoutCopyMinChars = 200;
std::vector<Interval> layout_copies(const FlatDocument& doc, std::uint32_t root, const IntervalSet& hidden,
                                    const std::vector<std::uint64_t>& prefix);

}  // namespace tosdiff
