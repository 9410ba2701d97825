#pragma once
// Labels that name a language: a link to the page in another language ("German language
// version", "Version française"), a language's name with its region in brackets ("English (UK)").
// A site's controls, unless they say which text binds. Pure functions.

#include <string_view>

namespace tosdiff {

// A link to the page in another language, named so: "German language version", "English
// version", "Version française", "Deutsche Fassung" (contrib replay: a forum's user agreement,
// such a link put near its top). A language's name, and the words that call it a version.
bool names_a_language_version(std::string_view block_text);

// A language's name may carry its region in brackets ("English (UK)", "Português (Brasil)"); a
// note on which text binds ("English (binding version)", "Deutsch (courtesy translation)") is no
// region. True when the text has no note or only a region's.
bool notes_only_a_region(std::string_view text);

// Which text binds, said in a label or a note: "(binding)", "prevails", "legally valid",
// "faisant foi", "verbindlich" (a review's find: a language version's line at the top gaining
// "(binding)"). Such a label says something (compare/page_margins.hpp).
bool says_which_text_binds(std::string_view text);

// A language switcher written as a line of its own: "View the Terms of Service in other
// languages: English and Deutsch", "Cette page en : English | Español". Its lead says only
// where to read the page, then two languages or more.
bool is_language_switcher_line(std::string_view block_text);

}  // namespace tosdiff
