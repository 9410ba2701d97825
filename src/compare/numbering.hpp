#pragma once
// Enumerators ("4.2", "(b)", "iii.", "Section 5.") are the list's, not the wording's: the
// numbering step of canonical.hpp drops them.

#include <string>
#include <string_view>

namespace tosdiff {

// The text without its leading enumerator, nor those opening a sentence inside it.
std::string strip_numbering(std::string_view text);

}  // namespace tosdiff
