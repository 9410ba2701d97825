#pragma once
// How grave a change is (classify/ decides): info for a cosmetic change or a new document,
// then minor, moderate, major. Ordered: a graver severity compares greater.

#include <optional>
#include <string_view>

namespace tosdiff {

enum class Severity { unclassified, info, minor, moderate, major };

// "info", "minor", "moderate", "major"; "" for unclassified.
std::string_view to_string(Severity severity);
// The severity a JSON or configuration string names ("" is unclassified); nullopt otherwise.
std::optional<Severity> severity_from_string(std::string_view text);

// info 0, minor 1, moderate 2, major 3; unclassified counts as info.
inline int severity_rank(Severity severity) {
  return severity == Severity::unclassified ? 0 : static_cast<int>(severity) - 1;
}

}  // namespace tosdiff
