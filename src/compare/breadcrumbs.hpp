#pragma once
// A site's breadcrumb trail above the document's title ("Categories", "Rides", then the
// title again; "Home > Legal > Privacy Policy"): put on, taken off or re-routed by the site's
// templates (contrib replay: a ride-hailing company's terms for drivers losing its trail of
// categories, alerted as removed text). It says where the page sits in the site, not what
// the terms say. A pure transform.
//
// Told from a document's own first lines by its last crumb: the trail ends with the title it
// stands above, word for word. A scope or a date above a title ("Applies to: EU users") does
// not end so, and stays news.

#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Where a text's breadcrumb trail lies: blocks [begin, title), 0-based; `title` is the
// document's title, a heading of level 1 or 2 among the text's first 12 blocks. The trail is
// 2 to 6 list items or short lines (8 words at most, no sentence) right above it, the last one
// the title's words; or one line of 2 to 6 parts split by ">", "›", "»", "/" or "|", the last
// part the title's words. {title, title} when the title has no trail; found() false when the
// text has no such title.
struct Breadcrumbs {
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t begin = kNone, title = kNone;
  bool found() const { return title != kNone; }
};
Breadcrumbs breadcrumbs_of(const Text& text);

// Marks cosmetic, kind "page_header", every substantive hunk that only changes the trail
// above the title: both texts have the same title (its words), and the hunk's blocks lie in
// the trails, one of them possibly empty (a trail put on or taken off whole).
void mark_breadcrumbs(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
