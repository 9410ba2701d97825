#pragma once
// Which code points are pictures rather than letters or marks of a sentence: emoji, arrows,
// dingbats, geometric shapes, bullets, and the joiners and selectors that build emoji; check
// and cross marks apart, since they may be a table's values. A pure function, shared by the
// reading of headings (extract) and the comparison of texts (compare).

namespace tosdiff {

// Coloured lights and hands (🟢 🔴 🟡, 👍 👎, 🚫 ⛔) are values after a text's first words (a
// summary table's "Sell your personal data | 🔴"), bullets or decoration where they open it.
enum class Glyph { other, pictograph, check, cross, yes_sign, no_sign, partial_sign };

Glyph glyph_of(char32_t cp);

}  // namespace tosdiff
