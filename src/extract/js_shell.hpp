#pragma once
// Whether a page fetched over plain HTTP is a JavaScript shell: an application whose text a
// script inserts after load, so that reading the HTML gives nothing, a "please enable
// JavaScript" wall, or a page where the declaration's selector cannot match yet. Such a page
// is rendered in the browser (fetch/browser.hpp) before it is read. A pure function of the
// page and what its extraction found; hints weighed together, never one alone (a short page
// with a script is not a shell).

#include <cstddef>
#include <string_view>

namespace tosdiff {

struct ExtractionHints {
  std::size_t whole_page_words = 0;  // words of the page's own text, no selector applied
  bool selector_given = false;       // the declaration has a `select`
  bool selector_matched = true;      // ... and it matched on this HTML
};

bool looks_like_js_shell(std::string_view html, const ExtractionHints& hints);

}  // namespace tosdiff
