#pragma once
// What "the same text" means for change detection. Two blocks whose comparison keys are
// equal say the same thing; what told them apart is cosmetic, and cosmetic_kinds() names it.
// Each kind is one folding step:
//   whitespace    spacing, including spaces before punctuation
//   quotes        typographic quotes, apostrophes, dashes, ellipses folded to ASCII
//   case          letter case
//   punctuation   sentence punctuation at word ends (".", ",", ";", ":", "!", "?"), repeats;
//                 brackets, double quotes, apostrophes at word edges, lone "#" and "¶",
//                 a heading's tag name opening its text ("h2 How to set cookies")
//   date_format   dates in any common English form, and numeric dates whose reading is
//                 unambiguous ("13/03/2026"), rewritten as YYYY-MM-DD; a label before a
//                 date ("Effective:", "Last updated") dropped
//   numbering     leading enumerators ("4.2", "(b)", "iii.", "Section 5.") dropped
//   link_target   URLs reduced to canonical_link() (tracking parameters, per-request ids,
//                 scheme, "www.", trailing slash): link targets (present when links are
//                 compared) and URLs written in the text ("https://www.example.com/terms/"
//                 is "example.com/terms")
//   spelling      British/American spelling, open/closed/hyphenated compounds, the serial
//                 comma, an apostrophe inside a word ("n'a" / "na"), an accent written as
//                 another or lost to the encoding, English contractions ("don't" / "do
//                 not") (spelling.hpp)
//   counter       the numbers of a page's counters ("1840 out of 2613 found this helpful",
//                 "3.4M views"; counters.hpp)
//   page_control  what a link says to screen readers: "(opens in a new tab)", "opens email
//                 client" (link_annotations.hpp)
// The date is kept, only its form folded: "8 July 2026" and "July 8, 2026" are equal,
// "July 8" and "July 9" are not.

#include <string>
#include <string_view>
#include <vector>

#include "tosdiff/compare/date_reading.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

enum CanonicalStep : unsigned {
  kFoldWhitespace = 1u << 0,
  kFoldQuotes = 1u << 1,
  kFoldCase = 1u << 2,
  kFoldPunctuation = 1u << 3,
  kFoldDateFormat = 1u << 4,
  kFoldNumbering = 1u << 5,
  kFoldLinkTarget = 1u << 6,
  kFoldSpelling = 1u << 7,
  kFoldCounter = 1u << 8,
  kFoldHeadingTag = 1u << 9,  // named "punctuation" too; a step of its own so that keys, already
                              // lower case, are not read again for it ("H2 fuel" is a word)
  kFoldMarkup = 1u << 10,
  kFoldLinkAnnotation = 1u << 11,  // named "page_control"
  kFoldAll = (1u << 12) - 1,
};

// A text's words as written, for reading what a sentence says: lower case, without the
// punctuation at word ends and with one kind of quote; compounds and dates left as they are.
inline constexpr unsigned kFoldToWords = kFoldWhitespace | kFoldQuotes | kFoldCase | kFoldPunctuation;

// The text with the given folding steps applied.
std::string canonicalize(std::string_view text, unsigned steps = kFoldAll);

// The key blocks are aligned and compared by; a text's, one per block.
inline std::string comparison_key(std::string_view text) { return canonicalize(text, kFoldAll); }
std::vector<std::string> comparison_keys(const Text& text);

// The names of the steps without which `a` and `b` would differ (both must have equal
// comparison keys). Empty when a and b are byte-equal.
std::vector<std::string> cosmetic_kinds(std::string_view a, std::string_view b);

// A date as rewrite_dates() writes it (YYYY-MM-DD, not inside a longer number) at i; in s.
bool is_iso_date_at(std::string_view s, std::size_t i);
bool contains_iso_date(std::string_view s);


}  // namespace tosdiff
