#pragma once
// Short labels that name a document: a tab to another of the site's documents ("Community
// Guidelines", "Cookie Policy", "Terms of Sale") set above a document, which names a topic and
// says nothing of it; and a label naming other terms than those in force, or where they apply
// ("Proposed Terms", "Superseded Terms", "Neue Nutzungsbedingungen", "EU Terms apply", "No
// Refunds Policy"), which says which terms the page holds. Pure tests; page_margins.cpp marks.

#include <string_view>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// A label of at most 6 words with a document's name (or a stem of one in the seven languages)
// and a word of the future, a change, a binding force or an application, or a negation. Not
// the past's ("Prior Versions", "Anciennes conditions": the archive's link).
bool names_a_state_of_terms(std::string_view text);

// A rendered line that is a tab to another document: at most 4 words, not a heading, no digit
// or sentence mark, ending with a document's name ("... of Sale" too), no negation, state or
// edition ("No Arbitration Agreement", "Arbitration Agreement Applies", "Update to our Terms").
bool names_another_document(std::string_view line);

// A link's label naming one of a site's legal documents in any of the seven languages, its
// words in any order ("Conditions Générales", "Politique de Confidentialité", "Utilisation des
// Cookies", "Impressum", "Terms of Service"): at most 5 words, no digit or sentence mark, no
// negation or state ("Neue AGB"), one word a document's name or stem.
bool labels_a_legal_document(std::string_view label);

// Whether the hunk puts one short label naming a document for another naming another (`Consumer
// Terms` → `Business Terms`, `Terms of Service` → `Terms of Sale`, `Conditions générales
// d'utilisation` → `... de vente`: a review's finds): no heading, no site's name set apart by a
// bar or a dash, neither label's words holding the other's (`Business Terms - New` is a badge),
// not one kind of document called otherwise (`Privacy Policy` / `Privacy Statement`).
// Above the first sentence the page says it holds other terms.
bool renames_a_document(const Hunk& hunk);

}  // namespace tosdiff
