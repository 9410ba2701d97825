#include "tosdiff/report/place_view.hpp"

#include "tosdiff/model/text.hpp"
#include "tosdiff/report/word_diff.hpp"

namespace tosdiff {

std::vector<PlaceLine> place_lines(const Hunk& hunk) {
  std::vector<PlaceLine> out;
  if (!hunk.cells.empty()) {
    for (const TableCell& cell : hunk.cells) {
      PlaceLine line;
      line.role = PlaceLine::Role::cell;
      line.label = cell.row.empty() ? cell.column : cell.column.empty() ? cell.row : cell.row + " \u203a " + cell.column;
      line.words = cell.words;
      out.push_back(std::move(line));
    }
    return out;
  }
  const bool one_sided = hunk.old_lines == 0 || hunk.new_lines == 0;
  if (!one_sided || hunk.lines.size() < 2) {
    out.push_back({PlaceLine::Role::words, "", hunk.words});
    return out;
  }
  // Block by block, each whole: an added section reads as the section it is.
  for (const LineOp& l : hunk.lines) {
    const Text block = parse_text(l.text + "\n");
    if (block.blocks.empty()) continue;
    const Block& b = block.blocks.front();
    const bool heading = b.kind == BlockKind::heading;
    // Headings and paragraphs without their syntax; list items and rows as written.
    const std::string text = heading || b.kind == BlockKind::paragraph ? b.text : l.text;
    out.push_back({heading ? PlaceLine::Role::heading : PlaceLine::Role::words, "", {WordOp{l.op, text, 0}}});
  }
  return out;
}

std::string render_place_line(const PlaceLine& line, const WordDiffStyle& style) {
  const std::string words = render_words(line.words, style);
  if (line.label.empty()) return words;
  return (style.escape ? style.escape(line.label) : line.label) + ": " + words;
}

}  // namespace tosdiff
