#include "tosdiff/compare/menu_entries.hpp"

#include <algorithm>

#include "tosdiff/compare/hunk_blocks.hpp"
#include "tosdiff/compare/page_margins.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kMenuLabelWords = 6;
constexpr std::size_t kMenuEntriesAround = 3;  // looked at on each side of an entry
constexpr std::size_t kMenuMinEntriesAround = 3;
constexpr std::size_t kDocumentWithinWords = 150;
constexpr std::size_t kMenuMinSections = 2;

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
  // The document below it, 150 words away at most: the title, or its first sentence (on a text
  // without headings, a list a long way down may be the document's own).
  bool document_below = false;
  std::size_t words_between = 0;
  for (std::size_t i = at + 1; i < text.blocks.size() && !document_below && words_between <= kDocumentWithinWords; ++i) {
    document_below = text.blocks[i].kind == BlockKind::heading || is_prose(text.blocks[i].text);
    words_between += count_space_separated_words(text.blocks[i].text);
  }
  if (!document_below) return false;
  // A list a sentence announces ("... the following services:") is the document's.
  std::size_t run = at;
  while (run > 0 && text.blocks[run - 1].kind == BlockKind::list_item) --run;
  if (run > 0 && ends_with_colon(text.blocks[run - 1].text)) return false;
  // The site's own sections among the run's entries ("Home", "Help", "Shop"): a menu's; a list
  // of processors or services names none (a review's find).
  std::size_t sections = 0;
  for (std::size_t i = run; i < text.blocks.size() && text.blocks[i].kind == BlockKind::list_item; ++i)
    sections += names_a_site_section(text.blocks[i].text) ? 1 : 0;
  if (sections < kMenuMinSections) return false;
  std::size_t entries = 0;
  const std::size_t from = at >= kMenuEntriesAround ? at - kMenuEntriesAround : 0;
  const std::size_t to = std::min(text.blocks.size(), at + kMenuEntriesAround + 1);
  for (std::size_t i = from; i < to; ++i)
    if (i != at && text.blocks[i].kind == BlockKind::list_item && is_menu_label(text.blocks[i])) ++entries;
  return entries >= kMenuMinEntriesAround;
}

}  // namespace tosdiff
