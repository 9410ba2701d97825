#include "tosdiff/compare/menu_entries.hpp"

#include <algorithm>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMenuLabelWords = 6;
constexpr std::size_t kMenuEntriesAround = 3;  // looked at on each side of an entry
constexpr std::size_t kMenuMinEntriesAround = 3;

}  // namespace

bool is_menu_label(const Block& block) {
  const std::string_view text = trim(block.text);
  if (count_space_separated_words(text) > kMenuLabelWords) return false;
  return text.empty() || (text.back() != '.' && text.back() != ';' && text.back() != ':');
}

bool among_menu_entries(const Text& text, std::size_t start, std::size_t lines) {
  if (lines != 1 || start == 0 || start > text.blocks.size()) return false;
  const std::size_t at = start - 1;
  if (text.blocks[at].kind != BlockKind::list_item) return false;
  for (std::size_t i = 0; i < at; ++i)
    if (text.blocks[i].kind == BlockKind::heading) return false;
  std::size_t entries = 0;
  const std::size_t from = at >= kMenuEntriesAround ? at - kMenuEntriesAround : 0;
  const std::size_t to = std::min(text.blocks.size(), at + kMenuEntriesAround + 1);
  for (std::size_t i = from; i < to; ++i)
    if (i != at && text.blocks[i].kind == BlockKind::list_item && is_menu_label(text.blocks[i])) ++entries;
  return entries >= kMenuMinEntriesAround;
}

}  // namespace tosdiff
