#pragma once
// A page read into its text and two texts compared, the way the extraction and comparison
// fixtures ask for them (red teams' finds, unseen pages).

#include <string>

#include "tosdiff/compare/diff.hpp"
#include "tosdiff/extract/normalize.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff::testing {

// The page's text as archived, or "ERROR " and the message.
inline std::string read_page(const std::string& html, const NormalizeOptions& options = {}) {
  auto text = normalize(html, options);
  return text ? render_text(*text) : "ERROR " + text.error().message;
}

// Options that select `css`, as a declaration's `select` does.
inline NormalizeOptions selecting(const char* css) {
  NormalizeOptions options;
  options.select = {std::string(css)};
  return options;
}

inline Change change_between(const std::string& before, const std::string& after) {
  return diff_texts(parse_text(before), parse_text(after));
}

}  // namespace tosdiff::testing
