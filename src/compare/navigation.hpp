#pragma once
// A site's navigation caught inside a selection, its links glued into one line by the page's
// markup: "Sign UpLog InChatterLumen LiteWatchPlaces..." (replay: a product renamed in
// a platform's footer, alerted on its commercial terms). A pure transform.

#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"

namespace tosdiff {

// A block of at most 80 words, without any sentence punctuation (. , ; : ! ?), in which a
// lower-case letter runs straight into a capital at least 5 times: link labels without the
// spaces between them. Prose glued the same way has its punctuation, and stays text.
bool is_glued_navigation(std::string_view block_text);

// Marks cosmetic, kind "navigation", every substantive hunk whose blocks are all such lines,
// or lines glued 3 times or more beside one that is such a line (a link dropped from it).
void mark_navigation(std::vector<Hunk>& hunks);

}  // namespace tosdiff
