#pragma once
// The normalizer's walk (internal to extract/): the flat document in document order, each
// element given its role in the text (heading, list, item, table row or cell, preformatted,
// link, block) and the chosen text written by a TextBuilder.

#include <cstdint>
#include <vector>

#include "tosdiff/extract/boilerplate.hpp"
#include "tosdiff/extract/dom.hpp"
#include "tosdiff/extract/interval_set.hpp"
#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// The text of the nodes `included` holds and `removed` does not, as blocks. Skipped whole:
// subtrees outside `included` or inside `removed`, elements that are never text or hidden
// (dom.hpp), and (with options.strip_boilerplate) furniture by `rules`, except the elements
// at `roots` (sorted positions: what was selected or found as the content).
Text walk_text(const FlatDocument& doc, const NormalizeOptions& options, const IntervalSet& included,
               const IntervalSet& removed, const std::vector<std::uint32_t>& roots, const BoilerplateRules& rules);

}  // namespace tosdiff
