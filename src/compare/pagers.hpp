#pragma once
// A pager: the links to the page before and after, which a documentation site or a help
// centre puts under every page. Put in, taken away or renamed with its neighbours, it changes
// nothing the page says (page_controls.hpp reads it as the page's furniture). Pure functions.

#include <string_view>

namespace tosdiff {

// "Next: Usage policies", "Previous: Service terms" (a documentation site's, in the seven
// languages; 6 words at most after it, no sentence).
bool is_pager(std::string_view block_text);

// "Prev What constitutes spam? Next How old do you need to be to use Reddit?", "Previous
// article ... Next article ..." (a help centre's, both sides named without colons).
bool is_two_sided_pager(std::string_view block_text);

}  // namespace tosdiff
