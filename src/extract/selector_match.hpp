#pragma once
// The selector matcher (internal to extract/; selector.hpp is the interface): compiled
// selectors against gumbo's tree, right to left.

#include <vector>

#include <gumbo.h>

#include "tosdiff/extract/compiled_selector.hpp"

namespace tosdiff {

// True when `node` is an element (or a <template>) that matches any complex selector of
// `list`. Any other node, null included, never matches. Recursion is bounded by the number
// of compounds of a complex selector.
bool matches_any(const std::vector<Complex>& list, const GumboNode* node);

}  // namespace tosdiff
