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

#include <string>
#include <string_view>

namespace tosdiff {

// gumbo's time grows with the square of the nesting depth (20,000 nested <div> take
// seconds). Container elements the parser never closes implicitly (div, span, section, ...)
// nested deeper than this have their start tags dropped: their text stays, in order, one
// level flatter. No real page comes near it.
inline constexpr int kMaxContainerDepth = 1000;

// `html` with the contents of <script>, <style> and <svg> elements removed (the tags stay), and
// container nesting flattened beyond kMaxContainerDepth.
std::string prune_raw_text(std::string_view html);

}  // namespace tosdiff
