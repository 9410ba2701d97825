#pragma once
// A site's navigation caught inside a selection, its links glued into one line by the page's
// markup: "Sign UpLog InChatterLumen LiteWatchPlaces..." (replay: a product renamed in
// a platform's footer, alerted on its commercial terms). A pure transform.

#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// A block of at most 80 words, without any sentence punctuation (. , ; : ! ?), in which a
// lower-case letter runs straight into a capital at least 5 times: link labels without the
// spaces between them. Prose glued the same way has its punctuation, and stays text.
bool is_glued_navigation(std::string_view block_text);

// Marks cosmetic, kind "navigation", every substantive hunk whose blocks are all such lines,
// or lines glued 3 times or more beside one that is such a line (a link dropped from it).
void mark_navigation(std::vector<Hunk>& hunks);

// A row of links to the site's legal documents, set apart by bars: "Conditions Générales |
// Politique de Confidentialité | Utilisation des Cookies" (france replay: a ride-sharing
// platform's privacy policy, the row above it gaining its drivers' terms). Three labels or more,
// each naming a document (labels_a_legal_document). Marks cosmetic, kind "navigation", every
// substantive hunk that only changes such a row for another (a label put in, taken away or
// renamed), the two rows sharing two labels, neither beside a table's row (a table's rows are
// written with bars too). A row gaining a sentence, an opt-out link or a state stays news.
void mark_legal_links_rows(std::vector<Hunk>& hunks, const Text& before, const Text& after);

// A column of the site's footer: a title of at most 3 words ("Help", "Our Apps") over one
// line of link labels glued together ("Contact UsPress KitHelp Center"), with another glued
// line of links close by (the next column). Marks cosmetic, kind "navigation", every
// substantive hunk that changes only such a line, on both sides (replay: a social network's
// marketing footer, a press-kit link added and a blog renamed, alerted on its terms). A glued
// list under a sentence ("We collect:") or with no other column beside it stays news.
void mark_link_columns(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
