#pragma once
// Which hidden elements the normalizer drops (internal to extract/). `hidden`, aria-hidden,
// display:none and the like (dom.hpp is_hidden) say how the page looked when it was
// captured, not what the document is: a consent dialog open at render time sets aria-hidden
// on the wrapper of the whole page, accordions and tabs hide sections of the policy. So a
// hidden element is a hint, weighed against what it holds:
//
//   kept     an ancestor of (or) what was selected or found as the content, and any
//            subtree holding more than half of the content's text (the bulk of the page);
//   kept     a collapsed section: the panel of a toggle with aria-expanded="false" (named
//            by its aria-controls, or right after it), whatever its size or how it is hidden
//            (hidden, aria-hidden, visibility:hidden with height or max-height 0), unless it
//            is a box of links or furniture by tag, role, aria-modal or a name that says menu,
//            nav, modal, dialog, tooltip, cookie or consent (a closed menu has a toggle too;
//            "dropdown", "drawer", "flyout"... are what accordions call their panels);
//   dropped  furniture (a dialog, menu, tooltip, listbox, navigation, banner..., by tag,
//            ARIA role or class/id name; a box that is mostly links);
//   (a closed <details> is not hidden: its content beyond <summary> is read like any other);
//   dropped  text under kTinyHiddenBytes (labels, icons, tooltips);
//   else     dropped when it holds at most a tenth of the content's text, unless the
//            hidden subtrees of that kind together hold a quarter of it or more (the page
//            hides content: collapsed sections, tabs), or it reads as prose (two or more
//            paragraphs of sentence length).
//
// Kept hidden elements are walked like any other (their own hidden descendants judged the
// same way, boilerplate rules applied).

#include <cstdint>
#include <vector>

#include "tosdiff/extract/dom.hpp"
#include "tosdiff/extract/interval_set.hpp"

namespace tosdiff {

inline constexpr std::uint64_t kTinyHiddenBytes = 200;

// The subtrees of hidden elements to leave out, outermost only, in document order. `scope`
// (finished) is what was selected or found as the content; `prefix` is text_prefix_sums().
std::vector<Interval> hidden_to_drop(const FlatDocument& doc, const IntervalSet& scope,
                                     const std::vector<std::uint64_t>& prefix);

}  // namespace tosdiff
