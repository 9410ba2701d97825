#pragma once
// A declaration's `select` and `remove` for a page, proposed from tosdiff's own reading of it
// (`tosdiff add`, `tosdiff normalize --suggest`): `select` names the element tosdiff takes
// as the main content when no selector is given (main_content.hpp), `remove` the furniture
// inside it that tosdiff drops on its own (navigation, banners, the grids of links and the
// copyright line at its edges: boilerplate.hpp), so that Open Terms Archive's engine, which
// has no such rules, reads the same text. The proposal is checked: the page normalized with
// it must give the text tosdiff finds without it. A pure transform, like normalize().

#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/model/result.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

struct SelectorSuggestion {
  std::vector<std::string> select;  // one CSS selector, unique in the page
  std::vector<std::string> remove;  // CSS selectors of furniture inside it (at most kMaxRemoves)
  std::string why;                  // what `select` names: "the page's <main>", "#content"...
  Text automatic;                   // the text tosdiff reads without any selector
  Text text;                        // the text tosdiff reads with `select` and `remove`
  bool agrees = false;              // text == automatic, block for block
  double agreement = 0;             // word F1 of text against automatic (1 when agrees)
};

inline constexpr std::size_t kMaxRemoves = 12;

// Errors: those of normalize() (too_large, too_complex), and "empty" when the page has no
// text at all.
Result<SelectorSuggestion> suggest_selectors(std::string_view utf8_html);

}  // namespace tosdiff
