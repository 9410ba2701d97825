#pragma once
// How French, German and the other languages tosdiff reads write the same words otherwise: a
// capital's accent left off, an abbreviation written out, a gender-inclusive form. Steps of the
// comparison key's spelling fold (canonical.hpp kFoldSpelling), before the case is folded.
// Pure functions.

#include <string>
#include <string_view>

namespace tosdiff {

// The text with its Latin-1 accented letters written without their accents ("rétractation" is
// "retractation"); other letters (Polish "ś", Czech "č") as they are.
std::string without_accents(std::string_view word);

// In a word written in capitals, each accented capital as its base letter ("L'ÉTAT" is
// "L'ETAT", "DURÉE LIMITÉE" is "DUREE LIMITEE"): French may leave a capital's accent off (a
// red team's find: such a heading read as other words). Not an umlaut: German's "SCHÖN" and
// "SCHON" are two words in capitals too. Before the case is folded: in lower case an accent is
// never optional ("schon" / "schön").
std::string drop_accents_of_capitals(std::string_view text);

// Abbreviations the other languages tosdiff reads write, as their words do: "z. B.", "z.B." and
// "zum Beispiel" are "zb"; "d. h.", "bzw.", "ggf.", "usw.", "inkl.", "p. ex." (French and
// Portuguese), "c.-à-d.", "p. ej.", "ad es.", "bijv.", "d.w.z.", "np." likewise (a red team's
// find: each written out was an alert). Only those with one reading.
std::string fold_other_abbreviations(std::string_view text);

// Gender-inclusive forms as their plain word: German "Nutzer*innen", "Nutzer:innen",
// "Nutzer_innen", "NutzerInnen", "Nutzer/-innen" are "Nutzer", "Jede*r" and "Jede/r" are "Jeder"; French
// "utilisateur·rice·s" is "utilisateurs", "informé·e" is "informé" (a red team's find: a site
// switching them on was an alert on every clause). Doublets ("Nutzerinnen und Nutzer") are
// words and stay. Before the case is folded ("NutzerInnen").
std::string fold_inclusive_forms(std::string_view text);

}  // namespace tosdiff
