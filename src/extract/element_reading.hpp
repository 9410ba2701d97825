#pragma once
// What an element says and what it is named, read the same way by every rule that tells a
// page's furniture from its text (boilerplate.hpp, consent_widgets.hpp). Internal to extract/.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <gumbo.h>

#include "tosdiff/extract/dom.hpp"
#include "tosdiff/extract/selector.hpp"

namespace tosdiff {

// id, class, aria-label and the data-* attributes site builders name blocks with, lowercased.
std::string naming(const GumboNode* element);
// Visible text length of a subtree (bytes), stopping early past `limit`.
std::size_t text_length(const FlatDocument& doc, std::uint32_t position, std::size_t limit);
// A subtree's text, lowercased, spaces squeezed, about `limit` bytes at most.
std::string small_text(const FlatDocument& doc, std::uint32_t position, std::size_t limit);
bool has_ancestor(const GumboNode* node, std::initializer_list<GumboTag> tags);
bool heading_level_of(const GumboNode* element);  // h1 to h6
std::string_view role_of(const GumboNode* element);
// Whether `word` stands in `text` as a word of its own (no letter either side).
bool has_word(std::string_view text, std::string_view word);
// A paragraph, a list's item, a table or its parts, a definition: a part of the text, never a
// widget's box (a banner, a toolbar) whatever it is named.
bool is_part_of_text(GumboTag tag);
// Names (naming(), or a class as written) of text for screen readers only: "sr-only",
// "visually-hidden", "screen-reader-text"...
bool is_screen_reader_text(std::string_view names);

// Whether one of the element's classes, as written (class names are lower case, and the passes
// that ask read every element of a page: no copy is made), passes `test`.
template <typename Test>
bool any_class(const GumboNode* element, Test test) {
  const char* value = attribute(element, "class");
  if (!value) return false;
  const std::string_view classes(value);
  for (std::size_t start = 0; start < classes.size();) {
    std::size_t stop = classes.find_first_of(" \t\n", start);
    if (stop == std::string_view::npos) stop = classes.size();
    if (stop > start && test(classes.substr(start, stop - start))) return true;
    start = stop + 1;
  }
  return false;
}

}  // namespace tosdiff
