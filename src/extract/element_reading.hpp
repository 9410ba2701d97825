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

}  // namespace tosdiff
