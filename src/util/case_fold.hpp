#pragma once
// Letters compared without their case, in the scripts the tracked documents are written in:
// ASCII, Latin-1, Latin Extended-A (Polish, Czech, Romanian, Turkish ...), Greek and Cyrillic,
// and "ß" as "ss" the way German capitals write it ("SICHERUNGSMASSNAHMEN" is
// "Sicherungsmaßnahmen": metamorphic bench, a German policy's headings put in capitals read as
// new words). Pure functions.

#include <string>
#include <string_view>

namespace tosdiff {

// The small letter of a capital of those scripts; any other code point unchanged.
char32_t small_letter(char32_t cp);

// `utf8` with every capital of those scripts made small and "ß", "ẞ" written "ss". Ill-formed
// bytes pass through as they are.
std::string fold_letter_case(std::string_view utf8);

}  // namespace tosdiff
