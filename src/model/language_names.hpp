#pragma once
// Language names as people write them in a language switcher: each language in its own name
// ("Deutsch", "日本語") and the English names. The normalizer drops a switcher written as a
// list of them (extract/site_furniture.hpp); the diff takes one alone for a control's label
// (compare/page_controls.hpp).

#include <string_view>

namespace tosdiff {

// `text` is one language's name, a region in parentheses allowed ("English (UK)",
// "Português (Brasil)"); ASCII case does not matter.
bool is_language_name(std::string_view text);

}  // namespace tosdiff
