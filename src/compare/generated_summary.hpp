#pragma once
// A summary a site's software wrote of the page and shows above it, labelled as such: "AI-generated
// Key Takeaways" and five bullets (contrib replay: a video platform's developer policies, the box
// put above them one day, alerted as five new obligations). The site regenerates it at will; the
// terms are the text below, which says what the box sums up. A pure transform.

#include <cstddef>
#include <string_view>
#include <vector>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// A block that labels a generated summary: "AI-generated Key Takeaways", "AI-generated summary",
// "Key takeaways (AI-generated)", "Résumé généré par l'IA", "KI-generierte Zusammenfassung", ...
// in the languages tosdiff reads; at most 6 words.
bool labels_a_generated_summary(std::string_view block_text);

// Which blocks of a text are such a box: its label, then the list items under it, an icon's
// name read as a word between them ("outlined_flag") included.
std::vector<bool> generated_summary_blocks(const Text& text);

// Marks cosmetic, kind "generated_summary", every substantive hunk whose blocks all lie in such
// a box, in both texts (the box put up, taken down or regenerated).
void mark_generated_summaries(std::vector<Hunk>& hunks, const Text& before, const Text& after);

}  // namespace tosdiff
