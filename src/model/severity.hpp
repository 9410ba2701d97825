#pragma once
// How grave a change is: info (cosmetic), then minor, moderate, major (classify/).

#include <string_view>

namespace tosdiff {

// info 0, minor 1, moderate 2, major 3; "" (unclassified) counts as info; -1 when unknown.
inline int severity_rank(std::string_view severity) {
  if (severity.empty() || severity == "info") return 0;
  if (severity == "minor") return 1;
  if (severity == "moderate") return 2;
  if (severity == "major") return 3;
  return -1;
}

inline bool is_severity(std::string_view severity) { return !severity.empty() && severity_rank(severity) >= 0; }

}  // namespace tosdiff
