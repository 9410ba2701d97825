#pragma once
// A PDF page's words and lines as poppler lays them out (internal to extract/; pdf_text.hpp
// is the interface and documents the whole transform). Everything here works in a page's
// reading frame: x along the line, y down the page, in PDF points, whatever way the page is
// turned.

#include <poppler/cpp/poppler-page.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tosdiff {

// A word's text ends with this (UTF-8 U+00AD) when the word was broken there by a soft
// hyphen; nowhere else does a word hold one. A line's text holds one where a word does.
inline constexpr char kPdfSoftHyphen[] = "\xC2\xAD";

struct PdfWord {
  std::string text;                       // clean UTF-8 (read_page()), never blank
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // reading frame: x along the line, y down the page
  double size = 0;                        // font size; the box's height when poppler has none
  bool bold = false;
  bool space_after = false;               // poppler saw a space after it
};

struct PdfLine {
  std::vector<PdfWord> words;
  std::string text;    // the words, spaces folded (fold_spaces()); never empty
  std::size_t page = 0;
  double x0 = 0, x1 = 0, top = 0, bottom = 0;  // bottom: of the main-size words, a baseline proxy
  double size = 0;                             // main font size (most characters), 0.5 pt steps
  bool bold = false;                           // (nearly) all characters bold
  bool dropped = false;                        // running header/footer or page number
  double column_right = 0;                     // measure_columns()
  double page_text_bottom = 0;                 // the lowest bottom of the page's kept lines
  double page_width = 0, page_height = 0;      // left 0 by build_lines(): the caller sets them
};

// A page's size in its reading frame (a page read top to bottom has width and height swapped).
struct PdfPageFrame {
  double width = 0, height = 0;
};

struct PdfPageWords {
  std::vector<PdfWord> words;  // in poppler's reading order
  PdfPageFrame frame;
  std::size_t bytes = 0;  // the words' text, one separator each: what max_text_bytes counts
};

// A block of text at another angle than the page's main one, read in a frame of its own: at
// least this many lines and bytes of it.
inline constexpr std::size_t kPdfTurnedBlockLines = 3;
inline constexpr std::size_t kPdfTurnedBlockBytes = 60;

// The words of `page`, one reading frame per direction they run in: the main direction's (the
// one most characters run in) first, then any other holding a block of text (a table printed
// sideways: kPdfTurnedBlockLines, kPdfTurnedBlockBytes), each in that direction's reading
// frame. Words at another angle that make no block (a note up the margin, a watermark) and
// blank ones are left out. Never empty: a page without words gives one empty frame. Text is
// cleaned: surrogate pairs decoded (a lone one becomes U+FFFD), control and zero-width
// characters dropped, other spaces made ASCII, ligatures spelled out, the private-use bullets
// of the Symbol and Wingdings fonts mapped to their shapes; a soft hyphen is kept only at a
// word's end (as kPdfSoftHyphen).
std::vector<PdfPageWords> read_page(const poppler::page& page);

// The words of page number `page` (0-based) grouped into lines: a line ends where the next
// word does not sit on the same baseline further right. A bullet that poppler put in a line
// of its own goes in front of the line it stands beside. Lines come in the words' order.
std::vector<PdfLine> build_lines(std::vector<PdfWord> words, std::size_t page);

// `s` with runs of ASCII spaces made one, and none at either end.
std::string fold_spaces(std::string_view s);

// A contents page's leaders and page numbers ("4. Payment ........ 12") taken off its entries:
// the page an entry sits on moves with every page put in before it (a red team's find: a cover
// page added, every number one more, an alert). Only in a run of 3 entries or more (an
// entry's title may wrap onto one more line) whose numbers rise and are pages of the document:
// a fee schedule's leaders end with amounts that do not (a review's find).
void drop_contents_page_numbers(std::vector<PdfLine>& lines, std::size_t page_count);

}  // namespace tosdiff
