#pragma once
// PDF documents as tosdiff's structured text. A pure transform: the bytes of a PDF in, the
// same Text model the HTML normalizer produces out (text.hpp), deterministic byte for byte
// for the same bytes and options. No I/O: poppler reads from memory.
//
// A PDF has no structure, only positioned words; the structure is read back from the layout:
//   - lines: words on the same baseline, in poppler's reading order (columns stay apart);
//   - paragraphs: a new block starts where the gap between lines is clearly larger than the
//     body's usual line spacing, where the indentation changes (first-line indents, hanging
//     list items), where the font size or weight changes, at a list marker, and after a line
//     that ends early (the next line's first word would have fitted on it);
//   - headings: blocks of at most three short lines in a font at least 8 % larger than the
//     body's most used size (level by size rank, largest = 1), and single short lines alone
//     that are bold, numbered as sections ("1. Definitions", "2.3 Cookies", "Article 3",
//     "Section 4") or in capitals (levels below the sized ones, deeper for "2.3" than "2.");
//   - list items: blocks starting with a bullet (•, ◦, ▪, -, *, –, ...) -> marker "-"; with
//     "1." / "1)" / "(1)" -> marker "1."; with "(a)", "a)", "a.", "(iv)", "iv." -> marker "-",
//     the label kept at the start of the text. Nesting level from the marker's indentation.
//   - tables are not recovered: a table's cells come out as lines or paragraphs.
// Running headers and footers (the same text, digits aside, at the same height in the top or
// bottom 12 % of at least 40 % of the pages, and on at least 2, set apart from the text by
// more than a line's spacing) and page numbers there ("3", "- 3 -", "iv", "Page 3",
// "Page 3 of 12", "3 / 12") are dropped, so that a change of pagination is not a change of
// text; a paragraph cut by a page or column break is joined again. A line broken after a
// letter and a hyphen is joined without the hyphen when the next line starts with a
// lowercase letter ("reten-" + "tion" -> "retention"), with it otherwise ("COVID-" + "19" ->
// "COVID-19"); a soft hyphen at a line end always joins. Whitespace is folded as the HTML
// normalizer does, ligatures (U+FB00..U+FB06) are spelled out, control and zero-width
// characters dropped; text is valid UTF-8. A page is read in the direction most of its
// characters run (a landscape page turned by /Rotate reads like an upright one); words at
// another angle (side notes, watermarks) are left out.

#include <cstddef>
#include <string_view>
#include <vector>

#include "tosdiff/model/result.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

struct PdfOptions {
  std::size_t max_pages = 2000;            // more pages: Error{ErrorKind::too_large}
  std::size_t max_text_bytes = 16u << 20;  // more extracted text: Error{ErrorKind::too_large}
};

// Errors (Error::kind):
//   "pdf_encrypted"  the PDF needs a password to open, or its permissions forbid copying
//                    text (the message says which)
//   "pdf_broken"     poppler cannot load it (truncated, not a PDF, no pages)
//   "pdf_no_text"    pages but (almost) no text layer: scanned or image-only
//   "too_large"      over max_pages, over max_text_bytes, or input over 2 GiB
// Poppler's own diagnostics never reach stderr (they are collected per call instead; the
// first one is quoted in a pdf_broken message).
Result<Text> pdf_to_text(std::string_view pdf_bytes, const PdfOptions& options);

// The pages of a PDF (1-based) that show something but have no text layer: a scan among typed
// pages, whose words cannot be read (tosdiff does not OCR). A blank page is not one. Empty
// when the PDF cannot be read. Each page without text is drawn at a few dots per inch and
// looked at for ink, so this costs little; it is asked only when a PDF's text lost words.
std::vector<std::size_t> pdf_pages_without_text(std::string_view pdf_bytes);

}  // namespace tosdiff
