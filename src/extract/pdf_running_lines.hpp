#pragma once
// A PDF's running headers, footers and page numbers (internal to extract/; pdf_text.hpp is the
// interface and documents the whole transform): the page furniture that is dropped so that a
// change of pagination is not a change of text.

#include <string>
#include <vector>

#include "tosdiff/extract/pdf_lines.hpp"

namespace tosdiff {

// The top and bottom bands of a page where running lines are looked for: this fraction of the
// page's height from either edge.
inline constexpr double kPdfRunningBand = 0.12;

// What the running lines say, once each, in the order first seen: the document's own words
// (a title, "effective 1 March 2027", "Confidential") that stand above and below its text.
struct RunningLines {
  std::vector<std::string> heads, feet;
};

// Marks as dropped (PdfLine::dropped) the lines of `lines` that are running headers, footers
// or page numbers; nothing else changes. `lines`: every page's lines (build_lines()), a page's
// lines consecutive; `frames`: every page's frame, indexed by PdfLine::page. Only lines in a
// band are candidates, taken from the page's edge inwards while each is either a page number
// (is_page_number()) or furniture: its text, digits aside, comes back at the same height on at
// least 40 % of the pages and on at least 2, and at more than half of those places it stands
// apart from the text (at least twice the font size from the next line inward, or next to
// more repeated lines). The innermost line dropped must stand apart from the first line kept.
// Returns the dropped lines written the same wherever they were dropped (no page numbers,
// no per-page numbering), dropped at least twice, saying a word that is no month, weekday or
// "page": heads from a top band, feet from a bottom one.
RunningLines drop_running_lines(std::vector<PdfLine>& lines, const std::vector<PdfPageFrame>& frames);

}  // namespace tosdiff
