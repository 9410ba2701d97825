#pragma once
// The classes a page's own stylesheet places over the page: a rule whose selector is one
// class (or a list of them) and whose declarations say `position: fixed` or `sticky`. A
// CSS-in-JS library (styled-components, emotion) names a cookie bar's box by a hash and puts
// its position in a <style> block; the box's own attributes say nothing of it (a red team's
// find: a bar's "We and our 842 partners" → "851 partners" alerted, the same box with an
// inline style dropped). Read while the <style> contents are dropped before parsing
// (raw_text.hpp); a compound or a descendant selector is not read (it would take matching
// it against the tree).

#include <string>
#include <string_view>
#include <vector>

namespace tosdiff {

// At most this many classes a page (a utility framework's stylesheet has a few `.fixed`,
// `.sticky`; a page naming thousands is no box's evidence worth the memory).
inline constexpr std::size_t kMaxPositionedClasses = 4096;

// Appends the classes `css` places over the page to `classes` (unsorted, may repeat).
void add_positioned_classes(std::string_view css, std::vector<std::string>& classes);

}  // namespace tosdiff
