#pragma once
// Script, style and inline SVG contents, dropped before gumbo sees them. On real policy pages most of
// the bytes are inline scripts and styles, which gumbo would tokenize character by
// character only for the normalizer to skip them. The tree gumbo builds from the pruned
// bytes is the same but for the text inside <script> and <style>, so the normalized text
// is identical.
//
// The scan follows the HTML tokenizer far enough to be safe: tags and their quoted
// attribute values, comments, doctype and processing instructions, RCDATA/RAWTEXT elements
// (textarea, title, xmp, iframe, noembed, noframes, plaintext) copied as they are, and
// SVG/MathML foreign content (where <script> is not raw text) handled apart: an <svg>'s
// content is dropped whole unless it holds a tag that would make the tree builder leave
// foreign content (then it is left alone, as is MathML). A script whose
// content contains "<!--" is kept whole (the tokenizer's escaped states could make its end
// tag something else than the first "</script").

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tosdiff {

// gumbo's time grows with the square of the nesting depth (20,000 nested <div> take
// seconds). Container elements the parser never closes implicitly (div, span, section, ...)
// nested deeper than this have their start tags dropped: their text stays, in order, one
// level flatter. No real page comes near it.
inline constexpr int kMaxContainerDepth = 1000;

// gumbo checks each attribute against the element's earlier ones: one element with 200,000
// attributes takes minutes. Attributes of a start tag beyond this many are dropped (the first
// ones win, as they do for duplicates in HTML). Real elements carry a few dozen at most.
inline constexpr std::size_t kMaxAttributesPerElement = 100;

// More start tags than this and a page is not parsed at all (Error "too_complex" from
// normalize): gumbo's tree would take hundreds of bytes per element. Real policy pages have
// tens of thousands.
inline constexpr std::size_t kMaxElements = 1'000'000;

struct PruneStats {
  std::size_t elements = 0;            // start tags seen (counting stops past kMaxElements)
  std::size_t attributes_dropped = 0;  // beyond kMaxAttributesPerElement
  // The classes the page's <style> rules place over the page (positioned_classes.hpp), read
  // before their contents are dropped; sorted, once each.
  std::vector<std::string> positioned_classes;
};

// `html` with the contents of <script>, <style> and <svg> elements removed (the tags stay;
// only with `drop_contents`), container nesting flattened beyond kMaxContainerDepth, and
// attributes capped per element. With it, gumbo's time is linear in the input's size.
std::string prune_raw_text(std::string_view html, bool drop_contents = true, PruneStats* stats = nullptr);

}  // namespace tosdiff
