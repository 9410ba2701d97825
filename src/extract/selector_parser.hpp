#pragma once
// The selector parser (internal to extract/; selector.hpp is the interface and documents
// the grammar accepted): a selector list's text to its compiled form.

#include <optional>
#include <string_view>
#include <vector>

#include "tosdiff/extract/compiled_selector.hpp"
#include "tosdiff/model/result.hpp"

namespace tosdiff {

// Parses `text` as a selector list into `out`. On failure, an Error of kind "selector"
// naming the first problem (`out` then holds what was parsed before it). Bounded on any
// input: :not() nests at most 16 deep, a complex selector has at most 256 compounds.
std::optional<Error> parse_selector_list(std::string_view text, std::vector<Complex>& out);

}  // namespace tosdiff
