#pragma once
// How grave a classified change is, from its size, its topics and its flags.

#include <cstddef>

#include "tosdiff/model/severity.hpp"

namespace tosdiff {

// The severity of a substantive change (formula in docs/topics.md): `words` changed words
// (added + removed, substantive hunks), `topic_points` the largest topic weight (one less when
// found only in headings), `flags` distinct flags raised.
Severity severity_for(std::size_t words, int topic_points, std::size_t flags, int* score = nullptr);

}  // namespace tosdiff
