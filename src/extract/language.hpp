#pragma once
// Which language a text is written in: by its script when it is mostly written in one other
// than Latin (Thai, Chinese, Japanese, Korean, Greek, Russian, Ukrainian, Arabic, ...), else
// among the seven tosdiff's page checks know (English, French, German, Spanish, Italian,
// Portuguese, Dutch), from how often each one's commonest short words occur. Cheap and rough:
// meant to tell a page that switched language (the same policy, translated) from a rewrite,
// not to label arbitrary text. A pure function.

#include <string>

#include "tosdiff/model/text.hpp"

namespace tosdiff {

// The ISO 639-1 code ("en", "fr", ..., "th", "zh", "ja", "ru"), or "" when the text is too
// short (under kLanguageMinWords words) or no language clearly leads (the best has fewer than
// 1.5 times the stop words of the second, or stop words are under a tenth of the words).
std::string detect_language(const Text& text);

inline constexpr std::size_t kLanguageMinWords = 40;

// Whether detect_language() told `code` by its script (not one of the seven Latin-script
// languages it reads by their words).
bool told_by_script(const std::string& code);

}  // namespace tosdiff
