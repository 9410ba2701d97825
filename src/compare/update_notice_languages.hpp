#pragma once
// An update notice written in French, German, Spanish, Italian, Dutch, Portuguese or Polish:
// "Nous avons mis à jour notre politique de confidentialité le 1er mars 2026.", "Wir haben
// unsere Datenschutzerklärung am 1. März 2026 aktualisiert.", "Hemos actualizado nuestra
// política de privacidad el 1 de marzo de 2026." (a red team's find: taken down, each was news
// where the English one is cosmetic). Pure function.
//
// The English rule (update_notice.cpp) reads its sentences with guards written for English
// (modals, scopes, clauses of their own). This one is narrower: every word must be one of a
// notice's own (who, the update verb, the date and its preposition, possessives), or belong to
// the document's name, which opens with a document word ("politique", "-erklärung",
// "condiciones", ...) and goes on with words names are made of. A sentence saying anything
// else ("... pour vendre vos données", "... für Werbepartner", "ne ... plus") is no notice.

#include <string_view>

namespace tosdiff {

// True for a sentence of those languages that says the document was updated on a date and
// nothing else (a date is required: an update under way or undated may be called off).
bool is_dated_update_notice_in_another_language(std::string_view sentence);

}  // namespace tosdiff
