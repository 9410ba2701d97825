#pragma once
// A PDF's lines laid out into blocks, and the blocks' kinds (internal to extract/;
// pdf_text.hpp is the interface and documents the rules: paragraphs, headings, list items).
// The steps, in order: measure_style() over the kept lines, measure_columns(), build_blocks(),
// classify_blocks().

#include <cstddef>
#include <string>
#include <vector>

#include "tosdiff/extract/line_labels.hpp"
#include "tosdiff/extract/pdf_lines.hpp"
#include "tosdiff/model/text.hpp"

namespace tosdiff {

// What the body text of a document looks like: what its paragraphs, headings and page ends
// are told apart from. Sizes and distances in points.
struct PdfStyle {
  double body_size = 0;      // the font size most characters have
  bool body_bold = false;    // most of the body-size text is bold
  double pitch_ratio = 1.2;  // baseline-to-baseline distance within a paragraph / font size
  double text_bottom = 0;    // the lowest line's bottom on any page, headers/footers aside
};

// A block of lines before its kind is known.
struct PdfBlock {
  std::string text;            // the lines joined (hyphenated breaks mended), spaces folded
  std::size_t line_count = 0;
  double size = 0;             // of its first line
  bool bold = false;           // of its first line
  double x0 = 0;               // of its first line
  ListMarker marker;           // what the text starts with
  int section = 0;             // section_depth() of a single short line, else 0
};

// The style of `lines`, the document's lines without its running headers and footers, in
// reading order. With no pair of body lines a usual distance apart, pitch_ratio stays 1.2.
PdfStyle measure_style(const std::vector<PdfLine>& lines);

// Sets each line's column_right (how far right it could have reached: the right edge of the
// text around it) and page_text_bottom (the lowest bottom of its page's lines). `lines` as
// for measure_style(); lines of a page are consecutive.
void measure_columns(std::vector<PdfLine>& lines, const PdfStyle& style);

// `lines` (after measure_columns(); dropped ones are skipped) grouped into blocks in reading
// order: a block ends at a larger gap than the style's line spacing, a change of indentation,
// size or weight, a list marker, a page or column that ended early, and after a line that
// ended early. Blocks whose text comes out empty are left out.
std::vector<PdfBlock> build_blocks(const std::vector<PdfLine>& lines, const PdfStyle& style);

// The blocks as Text: each a heading (level 1..6), a list item (level from its marker's
// indentation among the open list's) or a paragraph, in the same order.
Text classify_blocks(std::vector<PdfBlock> blocks, const PdfStyle& style);

}  // namespace tosdiff
