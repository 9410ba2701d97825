#pragma once
// "Did you mean ...?": the known word nearest to a misspelt one, for messages about unknown
// keys (declarations) and, later, unknown options and commands.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tosdiff {

// Optimal string alignment distance (Levenshtein plus the transposition of two adjacent
// characters, each substring edited once), ASCII case-insensitive, counted in bytes.
// "selct" -> "select": 1; "slecet" -> "select": 2.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, when it is near enough to be a likely misspelling: at most
// 2 edits, and at most half of `word`'s length (at least 1), so that "ab" does not suggest
// "id". Ties go to the earlier candidate; an exact match (ignoring case) is returned as such.
// nullopt when no candidate is near.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean \"select\"?)" or "" : the tail of a message about an unknown `word`.
std::string did_you_mean_suffix(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace tosdiff
