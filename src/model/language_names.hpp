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

// `text` is a language's code: ISO 639-1's two letters, or "fil", with a region or script
// after a hyphen or an underscore ("pl", "PT-BR", "zh_Hant", "es-419"); one case throughout
// the language's letters ("Pl" is no code).
bool is_language_code(std::string_view text);

}  // namespace tosdiff
