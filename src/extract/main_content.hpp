#pragma once
// Where a page's text is when no selector says (internal to extract/): the main content of
// a page, the element that best matches a document's previous text when its selector
// stopped matching, and the furniture around content found that way.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "tosdiff/extract/dom.hpp"
#include "tosdiff/extract/interval_set.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// Text length per subtree, for choosing the main content: prefix[i] is the length (source
// bytes) of the text nodes before position i, less those whose parent is never text
// (script, style, ...); the text of node i's subtree is prefix[end[i]] - prefix[i].
std::vector<std::uint64_t> text_prefix_sums(const FlatDocument& doc);

// The main content when no selector is given: the largest <main>/[role=main], else the
// largest <article> when it holds most of the page's text, else <body>.
std::uint32_t find_main_content(const FlatDocument& doc, const std::vector<std::uint64_t>& prefix);

// The element whose visible text best matches the anchor's words (F1 of word counts, at
// least 0.5; among elements of half to three times the anchor's size), if the match is
// close; ties keep the outer element.
std::optional<std::uint32_t> find_anchored_content(const FlatDocument& doc, std::string_view anchor,
                                                   const std::vector<std::uint64_t>& prefix);

// Around the text of a page found automatically (no selector), sites put grids of links
// built of plain divs (footers, menus) and a copyright line. Before the first and after the
// last sentence-length text of the content, boxes that are mostly links (3 or more) and
// copyright lines are furniture. In the middle of the text, nothing is removed this way: a
// list of links there can be part of the policy.
// `hidden` (finished) holds the hidden subtrees already left out (hidden_elements.hpp).
void remove_edge_furniture(const FlatDocument& doc, std::uint32_t root, const IntervalSet& hidden,
                           IntervalSet& removed);

// The words of `text` (runs of ASCII letters, digits and non-ASCII bytes).
std::size_t word_count(const Text& text);

}  // namespace tosdiff
