#include "tosdiff/extract/positioned_classes.hpp"

#include <cstddef>

#include "tosdiff/extract/css_chars.hpp"

namespace tosdiff {
namespace {

bool starts_with_lower(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (ascii_lower(text[i]) != prefix[i]) return false;
  return true;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_css_whitespace(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_css_whitespace(text.back())) text.remove_suffix(1);
  return text;
}

// The value of the `position` declaration at `at` (the property's first byte) is fixed or
// sticky (-webkit-sticky too).
bool places_over_the_page(std::string_view css, std::size_t at) {
  std::size_t i = at + 8;  // "position"
  while (i < css.size() && is_css_whitespace(css[i])) ++i;
  if (i >= css.size() || css[i] != ':') return false;
  ++i;
  while (i < css.size() && is_css_whitespace(css[i])) ++i;
  const std::string_view value = css.substr(i);
  return starts_with_lower(value, "fixed") || starts_with_lower(value, "sticky") ||
         starts_with_lower(value, "-webkit-sticky");
}

// Each part of the selector list that is one class alone (".kQmZtb"), appended.
void add_single_classes(std::string_view selectors, std::vector<std::string>& classes) {
  while (!selectors.empty()) {
    const std::size_t comma = selectors.find(',');
    const std::string_view part = trimmed(selectors.substr(0, comma));
    selectors = comma == std::string_view::npos ? std::string_view{} : selectors.substr(comma + 1);
    if (part.size() < 2 || part.front() != '.') continue;
    bool simple = true;
    for (char c : part.substr(1)) simple = simple && is_name_char(static_cast<unsigned char>(c));
    if (simple && classes.size() < kMaxPositionedClasses) classes.emplace_back(part.substr(1));
  }
}

}  // namespace

void add_positioned_classes(std::string_view css, std::vector<std::string>& classes) {
  for (std::size_t at = css.find("position"); at != std::string_view::npos; at = css.find("position", at + 8)) {
    // A property: what comes before is the block's start or another declaration's end.
    std::size_t before = at;
    while (before > 0 && is_css_whitespace(css[before - 1])) --before;
    if (before == 0 || (css[before - 1] != '{' && css[before - 1] != ';')) continue;
    if (!places_over_the_page(css, at)) continue;
    // The rule it is in: the nearest '{' before it, with no '}' between (else a declaration
    // outside any rule, or a nested block's end); its selector runs back to the previous
    // rule's end, an at-rule's block start, or a statement's ';'.
    const std::size_t open = css.rfind('{', at);
    if (open == std::string_view::npos) continue;
    const std::size_t closed = css.rfind('}', at);
    if (closed != std::string_view::npos && closed > open) continue;
    const std::size_t start = css.find_last_of("{};", open == 0 ? 0 : open - 1);
    const std::size_t from = start == std::string_view::npos || open == 0 ? 0 : start + 1;
    add_single_classes(css.substr(from, open - from), classes);
    if (classes.size() >= kMaxPositionedClasses) return;
  }
}

}  // namespace tosdiff
