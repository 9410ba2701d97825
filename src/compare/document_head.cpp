#include "tosdiff/compare/document_head.hpp"

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/date_lines.hpp"
#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/page_controls.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kHeadMaxBlocks = 3;
constexpr std::size_t kTitleMaxWords = 12;

bool is_head_block(std::string_view rendered) {
  const Block block = parse_block(rendered);
  return block.kind == BlockKind::heading || is_date_line(block.text);  // "à jour du 10/12/2021" too
}

// A title put back on top of the text: headings only (a date or a sentence is news).
bool is_head_heading(std::string_view rendered) {
  const Block block = parse_block(rendered);
  return block.kind == BlockKind::heading && count_space_separated_words(block.text) <= kTitleMaxWords &&
         !contains_iso_date(rewrite_dates(block.text));
}

}  // namespace

void mark_document_head(std::vector<Hunk>& hunks) {
  if (hunks.empty()) return;
  Hunk& hunk = hunks.front();
  if (!hunk.cosmetic && hunk.old_lines == 0 && hunk.new_start == 1 && hunk.new_lines <= kHeadMaxBlocks) {
    bool heading = false, all = true;
    for (const LineOp& line : hunk.lines) {
      const bool title = is_head_heading(line.text);
      heading = heading || title;
      all = all && (title || is_text_block(line.text, is_page_control_label));
    }
    if (heading && all) mark_cosmetic(hunk, "document_head");
    return;
  }
  // GNU numbering: a hunk starting at the top removes from line 1.
  if (hunk.cosmetic || hunk.old_start != 1 || hunk.old_lines == 0 || hunk.old_lines > kHeadMaxBlocks) return;
  // What took the head's place, if anything, is the page's own controls ("Download Lumenfield").
  for (const LineOp& line : hunk.lines)
    if (line.op == '-' ? !is_head_block(line.text) : !is_text_block(line.text, is_page_control_label)) return;
  mark_cosmetic(hunk, "document_head");
}

}  // namespace tosdiff
