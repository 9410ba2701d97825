#pragma once
// Which document a title names: a privacy policy, terms, a cookie policy, a legal notice...
// in the languages tosdiff reads. Used where a declaration's address changed and the page
// there lost most of the text: a document that moved keeps its name, a wrong address
// ("privacy" edited to the cookie policy's page) names another (a red team's find: such an
// address was excused as the document moved, and the other document reported as its terms).

#include <string_view>

#include "tosdiff/model/text.hpp"

namespace tosdiff {

// The text names another document than `declared` (a terms type as declared: "Privacy
// Policy"): its title (its first heading among its first blocks, else its first line) names
// a kind of document and none of the kinds `declared` names. False when either names none
// ("Legal", "Lumenfield", a title in a language tosdiff does not read).
bool names_another_document(std::string_view declared, const Text& text);

// The text's title as names_another_document() reads it.
std::string_view title_line(const Text& text);

}  // namespace tosdiff
