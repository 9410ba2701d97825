#pragma once
// Recognizes page furniture that is never part of a policy's text: navigation, cookie and
// consent banners, skip links, "back to top", share and newsletter boxes, breadcrumbs,
// language pickers (named, or lists of language names), screen-reader helper text, video
// modules (an embedded player with a line of pitch and a call to sign up, no heading, no digit),
// a widget's passing message (a tooltip, a toast, a status line: short, no digit), a consent
// manager's placeholder where an embedded video or map would be, a banner offering the site
// of the country the reader seems to be in, a status page's indicator, and (when
// the whole page is in play) the site's header, footer and sidebars, its copyright line and
// its lists of links to its own places (site_furniture.hpp). Rules are generic (structure, ARIA roles, well-known
// class and id words, consent managers' containers), never tied to one site, and guarded by
// size so a policy section about cookies is not mistaken for a cookie banner.

#include <cstdint>

#include "tosdiff/extract/dom.hpp"

namespace tosdiff {

class BoilerplateRules {
 public:
  // whole_page: the text comes from the whole body (no selector, or one selecting body), so
  // page-level <header>, <footer> and <aside> are furniture too. Inside an area a declaration
  // selected, those are kept (an article's header holds its title and date).
  explicit BoilerplateRules(bool whole_page) : whole_page_(whole_page) {}

  // True when the element at `position` (an element of `doc`) and its subtree are furniture.
  bool is_boilerplate(const FlatDocument& doc, std::uint32_t position) const;

 private:
  bool whole_page_;
};

}  // namespace tosdiff
