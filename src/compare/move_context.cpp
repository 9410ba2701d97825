#include "tosdiff/compare/move_context.hpp"

#include <cstddef>
#include <string_view>

namespace tosdiff {
namespace {

// How far back a paragraph looks for its lead-in or heading: a list written as paragraphs (a
// PDF's bullets drawn as pictures) runs to a few dozen lines; a long section's paragraphs
// past that are read on their own.
constexpr std::size_t kLeadInReach = 40;

bool ends_with_colon(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return !text.empty() && text.back() == ':';
}

bool is_value(std::string_view text) {
  std::size_t words = 0;
  bool digit = false, in_word = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') digit = true;
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words == 1 || (digit && words > 0 && words <= 6);
}

}  // namespace

std::vector<std::string> move_contexts(const Text& text, const std::vector<std::string>& keys) {
  const std::vector<Block>& blocks = text.blocks;
  std::vector<std::string> out(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    if (block.kind == BlockKind::heading || i == 0) continue;
    if (block.kind == BlockKind::list_item) {
      for (std::size_t j = i; j-- > 0;) {
        const Block& before = blocks[j];
        if (before.kind != BlockKind::list_item || before.level < block.level) {
          out[i] = keys[j];
          break;
        }
      }
    } else if (is_value(block.text)) {
      out[i] = keys[i - 1];
    } else if (block.kind == BlockKind::paragraph) {
      for (std::size_t j = i, seen = 0; j-- > 0 && seen < kLeadInReach; ++seen) {
        if (blocks[j].kind == BlockKind::heading || ends_with_colon(blocks[j].text)) {
          out[i] = keys[j];
          break;
        }
      }
    }
  }
  return out;
}

}  // namespace tosdiff
