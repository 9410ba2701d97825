#pragma once
// UTF-8 validity, checked fast (8 ASCII bytes per step) and repaired the way browsers do.

#include <cstddef>
#include <string>
#include <string_view>

namespace tosdiff {

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Length of the longest well-formed prefix of `bytes`.
std::size_t valid_utf8_prefix(std::string_view bytes);

// The code point starting at `at` in `text`, `at` moved past it: U+FFFD, `at` past the
// maximal subpart, for an ill-formed sequence (as repair_utf8 replaces it).
char32_t next_code_point(std::string_view text, std::size_t& at);

// A space other than ASCII's: no-break, typographic, ideographic, line and paragraph
// separators, NEL. Text reads it as a space.
bool is_unicode_space(char32_t c);

// A character a page puts inside words without showing it: a soft hyphen, U+200B..U+200D,
// U+2060, a byte order mark. Text reads past it.
bool is_zero_width(char32_t c);

// Replaces every ill-formed sequence with U+FFFD (per the WHATWG "maximal subpart" rule).
std::string repair_utf8(std::string_view bytes);

// Appends the repaired form of `bytes`, whose first `valid` bytes are known to be well-formed
// (so a caller that validated first does not pay for that prefix twice).
void append_repaired_utf8(std::string& out, std::string_view bytes, std::size_t valid);

}  // namespace tosdiff
