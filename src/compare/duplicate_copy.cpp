#include "tosdiff/compare/duplicate_copy.hpp"

#include <algorithm>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/model/text.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMinCopiedBlocks = 3;
// A copy of a page's passage, not a list that also appears elsewhere: a list of the data a
// service sells may repeat the list of the data it collects, and removing it is news.
constexpr std::size_t kMinCopiedWords = 500;
constexpr std::size_t kLabelWords = 4;
constexpr std::size_t kDateLineWords = 8;

// The removed blocks are found in order in the new text (short ones may be missing).
bool still_there(const Hunk& hunk, const std::vector<std::string>& after_keys) {
  std::size_t at = 0, found = 0, words = 0;
  std::string all_keys;
  for (const LineOp& line : hunk.lines) {
    if (line.op != '-') return false;
    const Block block = parse_block(line.text);
    const std::string key = comparison_key(block.text);
    std::size_t k = at;
    while (k < after_keys.size() && after_keys[k] != key) ++k;
    if (k == after_keys.size()) {
      // The copy kept may lay the passage out otherwise: list items merged, or split at
      // another place. Its words are there, in the new text's keys run together.
      if (all_keys.empty())
        for (const std::string& kept : after_keys) all_keys += kept;
      const bool merged = key.size() >= 20 && all_keys.find(key) != std::string::npos;
      if (!merged && count_space_separated_words(block.text) > kLabelWords) return false;
      if (merged) words += count_space_separated_words(block.text);
      continue;
    }
    at = k + 1;
    ++found;
    words += count_space_separated_words(block.text);
  }
  return found >= kMinCopiedBlocks && words >= kMinCopiedWords;
}

// A date line (at most 8 words with a date) removed while the same line is still there.
bool date_line_still_there(const Hunk& hunk, const std::vector<std::string>& after_keys) {
  for (const LineOp& line : hunk.lines) {
    if (line.op != '-') return false;
    const std::string text = parse_block(line.text).text;
    if (count_space_separated_words(text) > kDateLineWords || rewrite_dates(text) == text) return false;
    if (std::find(after_keys.begin(), after_keys.end(), comparison_key(text)) == after_keys.end()) return false;
  }
  return true;
}

// Block `i` of `text` is one copy of a title the page shows twice: the block next to it, not
// in [first, last), says the same, one of the two a heading (an accordion's button and its
// heading).
bool repeated_title(const Text& text, std::size_t i, std::size_t first, std::size_t last) {
  const std::vector<Block>& blocks = text.blocks;
  const std::string key = comparison_key(blocks[i].text);
  if (key.empty()) return false;
  for (const std::size_t other : {i - 1, i + 1}) {  // i - 1 wraps past the end when i is 0
    if (other >= blocks.size() || (other >= first && other < last)) continue;
    if ((blocks[other].kind == BlockKind::heading) != (blocks[i].kind == BlockKind::heading) &&
        comparison_key(blocks[other].text) == key)
      return true;
  }
  return false;
}

// The blocks of one side of a hunk (GNU numbering, 1-based) all one copy of a repeated title.
bool all_repeated_titles(const Text& text, std::size_t start, std::size_t lines) {
  if (lines == 0 || start == 0 || start - 1 + lines > text.blocks.size()) return false;
  for (std::size_t i = start - 1; i < start - 1 + lines; ++i)
    if (!repeated_title(text, i, start - 1, start - 1 + lines)) return false;
  return true;
}

}  // namespace

void mark_duplicate_copies(std::vector<Hunk>& hunks, const std::vector<std::string>& after_keys) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic || hunk.new_lines != 0 || hunk.old_lines == 0) continue;
    const bool copy = hunk.old_lines >= kMinCopiedBlocks && still_there(hunk, after_keys);
    if (!copy && !date_line_still_there(hunk, after_keys)) continue;
    hunk.cosmetic = true;
    hunk.cosmetic_kinds = {"duplicate"};
  }
}

void mark_repeated_titles(std::vector<Hunk>& hunks, const Text& before, const Text& after) {
  for (Hunk& hunk : hunks) {
    if (hunk.cosmetic) continue;
    const bool removes = hunk.new_lines == 0 && all_repeated_titles(before, hunk.old_start, hunk.old_lines);
    const bool adds = hunk.old_lines == 0 && all_repeated_titles(after, hunk.new_start, hunk.new_lines);
    if (!removes && !adds) continue;
    hunk.cosmetic = true;
    hunk.cosmetic_kinds = {"duplicate"};
  }
}

}  // namespace tosdiff
