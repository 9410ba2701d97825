#pragma once
// What a page shows above its document: the site's name beside the title ("Privacy Policy |
// Pinterest Policy"), a "New" badge, menu entries, a help centre's suggested questions, a
// banner to resume an application, a logo's text, "close". Open Terms Archive's declarations
// often select it with the document, and it changes on its own (replays of four collections:
// 89 of 4,200 alerts were only such labels above the first sentence, not one of them news).
//
// Only the head, never the tail: below the last sentence live annexes written as bare lists
// (a trackers policy's cookies, a privacy policy's processors), which are the document.
// A pure transform; what the classifier finds in a hunk comes from the caller, because the
// classifier is another layer.

#include <cstddef>
#include <functional>

#include "tosdiff/model/change.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// The index of a text's first sentence: a paragraph or list item of 13 words or more with
// sentence punctuation, a table row, or a block over 40 words. The text's size when none.
std::size_t first_sentence(const Text& text);

// Marks cosmetic, kind "page_header", every substantive hunk that
//   - lies, in both texts, above the first sentence, with the document below it (150 words or
//     more from the first sentence on, and more than above it);
//   - changes only labels: no line with a digit (a date, an address, a version), "@" or a URL,
//     a colon (a label and its value: "Applies to: France", "Director: ..."), nor a sentence
//     (5 words or more ending with . ! ? or ;);
//   - is no switch of one name for another (one line each side, every word capitalised, no
//     word shared: a company, a person);
//   - and in which `topical` finds nothing (the classifier's topics and flags, headings above
//     included): a summary box's "We never sell your data" is the document.
// When no substantive hunk is left, a date stamp beside it is news again (as after
// mark_variants). Re-tallies the change; returns how many hunks it marked.
std::size_t mark_page_header(Change& change, const Text& before, const Text& after,
                             const std::function<bool(const Hunk&)>& topical);

}  // namespace tosdiff
