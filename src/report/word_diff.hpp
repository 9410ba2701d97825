#pragma once
// The one word-diff renderer: a hunk's word runs (model/change.hpp) joined by single spaces,
// removed and added runs wrapped in a format's markers, every run's text escaped for that
// format. Records, digests and alert payloads all render through it, so the markers never
// differ between two places that show the same change.

#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

struct WordDiffStyle {
  std::string removed_open, removed_close, added_open, added_close;
  std::string (*escape)(std::string_view) = nullptr;  // none: the text as it is
};

std::string render_words(const std::vector<WordOp>& words, const WordDiffStyle& style);

// The styles tosdiff writes in.
WordDiffStyle plain_words();                    // [-removed-] {+added+}
WordDiffStyle terminal_words();                 // struck-through red, bold green (ANSI colours)
WordDiffStyle markdown_words();                 // ~~removed~~ **added**
WordDiffStyle html_words();                     // <del> and <ins> with inline styles (mail clients)
WordDiffStyle slack_words();                    // ~removed~ *added*

}  // namespace tosdiff
