#pragma once
// Enumerators ("4.2", "(b)", "iii.", "Section 5.") are the list's, not the wording's: the
// numbering step of canonical.hpp drops them.

#include <cstddef>
#include <string>
#include <string_view>

#include "tosdiff/model/text.hpp"

namespace tosdiff {

// The text without its leading enumerator, nor those opening a sentence inside it.
std::string strip_numbering(std::string_view text);

// The length of a heading's bare section number with its space ("1 " of "1 Objet du contrat",
// "12 " of "12 Governing Law"), 0 when it has none: in a heading, a number of one or two
// digits before a capitalized word numbers the section, as "1." does (metamorphic bench: a
// page numbering its headings by CSS counters from one day to the next). A number of days,
// months or years ("30 Days Free Trial") is the title's.
std::size_t bare_heading_number_length(std::string_view heading);

// Whether the text's headings with a bare number (bare_heading_number_length) count up one by one,
// three of them or more ("1 Objet", "2 Accès", "3 Services"): the numbers number sections.
// "48 Stunden Stornierung" among unnumbered headings is a quantity.
bool bare_heading_numbers_count_up(const Text& text);

}  // namespace tosdiff
