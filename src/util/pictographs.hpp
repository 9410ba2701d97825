#pragma once
// Which code points are pictures rather than letters or marks of a sentence: emoji, arrows,
// dingbats, geometric shapes, bullets, and the joiners and selectors that build emoji; check
// and cross marks apart, since they may be a table's values. A pure function, shared by the
// reading of headings (extract) and the comparison of texts (compare).

namespace tosdiff {

enum class Glyph { other, pictograph, check, cross };

Glyph glyph_of(char32_t cp);

}  // namespace tosdiff
