#pragma once
// Enumerators ("4.2", "(b)", "iii.", "Section 5.") are the list's, not the wording's: the
// numbering step of canonical.hpp drops them.

#include <string>
#include <string_view>

#include "tosdiff/model/text.hpp"

namespace tosdiff {

// The text without its leading enumerator, nor those opening a sentence inside it.
std::string strip_numbering(std::string_view text);

// A heading's text without a bare section number before its title ("1 Objet du contrat",
// "12 Governing Law"): in a heading, a number of one or two digits before a capitalized word
// numbers the section, as "1." does (metamorphic bench: a page numbering its headings by CSS
// counters from one day to the next). A number of days, months or years ("30 Days Free
// Trial") is the title's.
std::string strip_heading_number(std::string_view heading);

// Whether the text's headings with a bare number (strip_heading_number) count up one by one,
// three of them or more ("1 Objet", "2 Accès", "3 Services"): the numbers number sections.
// "48 Stunden Stornierung" among unnumbered headings is a quantity.
bool bare_heading_numbers_count_up(const Text& text);

}  // namespace tosdiff
