#include "tosdiff/compare/document_head.hpp"

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/compare/page_controls.hpp"
#include "tosdiff/model/text.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kHeadMaxBlocks = 3;
constexpr std::size_t kDateLineMaxWords = 8;

bool has_iso_date(const std::string& s) {  // rewrite_dates() writes YYYY-MM-DD
  for (std::size_t i = 0; i + 10 <= s.size(); ++i) {
    if (s[i + 4] != '-' || s[i + 7] != '-') continue;
    bool digits = true;
    for (std::size_t k = 0; k < 10 && digits; ++k)
      if (k != 4 && k != 7) digits = is_ascii_digit(s[i + k]);
    if (digits) return true;
  }
  return false;
}

bool is_head_block(const std::string& rendered) {
  const Text parsed = parse_text(rendered);
  if (parsed.blocks.size() != 1) return false;
  const Block& block = parsed.blocks[0];
  if (block.kind == BlockKind::heading) return true;
  return count_space_separated_words(block.text) <= kDateLineMaxWords && has_iso_date(rewrite_dates(block.text));
}

bool is_control_block(const std::string& rendered) {
  const Text parsed = parse_text(rendered);
  return parsed.blocks.size() == 1 && parsed.blocks[0].kind != BlockKind::heading &&
         is_page_control_label(parsed.blocks[0].text);
}

}  // namespace

void mark_document_head(std::vector<Hunk>& hunks) {
  if (hunks.empty()) return;
  Hunk& hunk = hunks.front();
  // GNU numbering: a hunk starting at the top removes from line 1.
  if (hunk.cosmetic || hunk.old_start != 1 || hunk.old_lines == 0 || hunk.old_lines > kHeadMaxBlocks) return;
  // What took the head's place, if anything, is the page's own controls ("Download Lumenfield").
  for (const LineOp& line : hunk.lines)
    if (line.op == '-' ? !is_head_block(line.text) : !is_control_block(line.text)) return;
  hunk.cosmetic = true;
  hunk.cosmetic_kinds = {"document_head"};
}

}  // namespace tosdiff
