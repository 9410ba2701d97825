#pragma once
// A site's breadcrumb trail above the document's title ("Categories", "Rides", then the
// title again; "Home > Legal > Privacy Policy"): put on, taken off or re-routed by the site's
// templates (contrib replay: a ride-hailing company's terms for drivers losing its trail of
// categories, alerted as removed text). It says where the page sits in the site, not what
// the terms say. A pure transform.
//
// Told from a document's own first lines by its last crumb, the title it stands above word for
// word, and by its other crumbs, a few words naming the site's sections. A review of this rule
// found a title's date, key facts ("Minimum age 16"), a scope and a list of the documents that
// make the agreement above titles, some ending with the title: none of them is a trail.

#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Where a text's breadcrumb trail lies: blocks [begin, title), 0-based; `title` is the
// document's title, a heading of level 1 or 2 among the text's first 12 blocks. The trail is
// 2 to 6 numbered list items right above it, the last one the title's words, the list not
// announced by a line ending with a colon nor longer; or one line of 2 to 6 parts split by ">",
// "›", "»" or " / ", the last part the title's words. The crumbs before the last are links to
// the site's sections: 4 words at most, no digit, colon or sentence, no document, company by
// its legal form, scope ("For customers in the EU") or edition ("Archive"), in the languages
// tosdiff reads, one of them naming where legal pages sit ("Home", "Legal", "Categories"). {title, title} when the title has no trail;
// found() false when the text has no such title.
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
