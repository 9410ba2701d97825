#include "tosdiff/compare/navigation.hpp"

#include <algorithm>

#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMinGlued = 5;
constexpr std::size_t kMinGluedOtherSide = 3;
constexpr std::size_t kNavigationMaxWords = 80;
constexpr std::size_t kColumnTitleWords = 3;
constexpr std::size_t kColumnLineWords = 16;
constexpr std::size_t kColumnLabelWords = 4;
constexpr std::size_t kColumnsApart = 5;  // blocks between one column's line and the next one's

// How many times a lower-case letter runs straight into a capital; npos when the text has
// sentence punctuation or is too long to be a line of links.
std::size_t glued_links(std::string_view text) {
  if (count_space_separated_words(text) > kNavigationMaxWords) return std::string_view::npos;
  if (text.find_first_of(".,;:!?") != std::string_view::npos) return std::string_view::npos;
  return glued_labels(text).size() - 1;
}

// A line of a footer's column: link labels of a few words each, glued or alone, nothing else.
// Its glued places; npos when it is not such a line.
std::size_t column_line_glues(const Block& block) {
  if (block.kind == BlockKind::heading) return std::string_view::npos;
  const std::size_t glued = glued_links(block.text);
  if (glued == std::string_view::npos || count_space_separated_words(block.text) > kColumnLineWords)
    return std::string_view::npos;
  for (std::string_view label : glued_labels(block.text))
    if (count_space_separated_words(label) > kColumnLabelWords) return std::string_view::npos;
  return glued;
}

bool is_column_title(const Block& block) {
  return count_space_separated_words(block.text) <= kColumnTitleWords && glued_links(block.text) == 0;
}

bool is_glued_column_line(const Block& block) {
  const std::size_t glued = column_line_glues(block);
  return glued != std::string_view::npos && glued > 0;
}

// The hunk's side of `text`, blocks [first, first + count), sits in a footer's columns: a
// title right above it and another column's glued line within kColumnsApart blocks.
bool sits_in_link_columns(const Text& text, std::size_t first, std::size_t count) {
  if (first == 0 || first - 1 >= text.blocks.size() || !is_column_title(text.blocks[first - 1])) return false;
  const std::size_t from = first > kColumnsApart + 1 ? first - kColumnsApart - 1 : 0;
  const std::size_t to = std::min(text.blocks.size(), first + count + kColumnsApart);
  for (std::size_t i = from; i < to; ++i)
    if ((i + 1 < first || i >= first + count) && is_glued_column_line(text.blocks[i])) return true;
  return false;
}

// GNU style: a side with lines starts at its first block's 1-based line; a side with none
// names the line before the hunk, so the hunk sits before the block at that index.
std::size_t first_block(std::size_t start, std::size_t lines) { return lines > 0 ? start - 1 : start; }

}  // namespace

bool is_glued_navigation(std::string_view text) {
  const std::size_t glued = glued_links(text);
  return glued != std::string_view::npos && glued >= kMinGlued;
}

void mark_navigation(std::vector<Hunk>& hunks) {
  // Every line a glued line of links, one of them plainly so: a link dropped from the line can
  // leave fewer than 5 glued places on the other side ("ParlerPlayTVBurstsParlerPay..." losing
  // "Pay").
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty()) continue;
    bool all = true, plain = false;
    for (const LineOp& line : hunk.lines) {
      const Block block = parse_block(line.text);
      const std::size_t glued = block.kind == BlockKind::heading ? std::string_view::npos : glued_links(block.text);
      all = all && glued != std::string_view::npos && glued >= kMinGluedOtherSide;
      plain = plain || (glued != std::string_view::npos && glued >= kMinGlued);
    }
    if (all && plain) mark_cosmetic(hunk, "navigation");
  }
}

void mark_link_columns(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.lines.empty() || hunk.old_lines > 1 || hunk.new_lines > 1) continue;
    bool all = true, glued = false;
    for (const LineOp& line : hunk.lines) {
      const std::size_t glues = column_line_glues(parse_block(line.text));
      all = all && glues != std::string_view::npos;
      glued = glued || (glues != std::string_view::npos && glues > 0);
    }
    if (!all || !glued) continue;
    if (sits_in_link_columns(before, first_block(hunk.old_start, hunk.old_lines), hunk.old_lines) &&
        sits_in_link_columns(after, first_block(hunk.new_start, hunk.new_lines), hunk.new_lines))
      mark_cosmetic(hunk, "navigation");
  }
}

}  // namespace tosdiff
