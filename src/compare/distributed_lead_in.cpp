#include "tosdiff/compare/distributed_lead_in.hpp"

#include <string>

#include "tosdiff/compare/canonical.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

std::vector<std::string> folded_words(const std::string& text) {
  return space_separated_words(canonicalize(text, kFoldToWords));
}

}  // namespace

bool distributed_over_items(const Text& one, const std::vector<std::size_t>& sentence, const Text& other,
                            const std::vector<std::size_t>& list) {
  if (sentence.size() != 1 || list.size() < 3) return false;
  const Block& prose = one.blocks[sentence.front()];
  const Block& lead_in = other.blocks[list.front()];
  if (prose.kind != BlockKind::paragraph || lead_in.kind != BlockKind::paragraph || !lead_in.text.ends_with(":"))
    return false;
  // The list's words, and where each item's words start.
  std::vector<std::string> listed = folded_words(lead_in.text);
  if (listed.empty()) return false;
  const std::string repeated = listed.back();
  const std::size_t first_item = listed.size();  // the lead-in says the word there
  std::vector<bool> item_starts(listed.size(), false);
  // The items, then any paragraphs the sentence's block went on with ("... and to improve
  // features. Where we rely on your consent, ..." then "Where we rely ..." after the list).
  std::size_t items = 0, k = 1;
  for (; k < list.size() && other.blocks[list[k]].kind == BlockKind::list_item; ++k, ++items) {
    const Block& item = other.blocks[list[k]];
    if (item.level != other.blocks[list[1]].level) return false;
    const std::vector<std::string> words = folded_words(item.text);
    if (words.empty()) return false;
    item_starts.push_back(true);
    item_starts.resize(listed.size() + words.size(), false);
    listed.insert(listed.end(), words.begin(), words.end());
  }
  if (items < 2) return false;
  for (; k < list.size(); ++k) {
    if (other.blocks[list[k]].kind != BlockKind::paragraph) return false;
    const std::vector<std::string> words = folded_words(other.blocks[list[k]].text);
    item_starts.resize(listed.size() + words.size(), false);
    listed.insert(listed.end(), words.begin(), words.end());
  }
  // The sentence's words, the repeated word skipped where an item starts (not the first's: the
  // lead-in says it there).
  const std::vector<std::string> said = folded_words(prose.text);
  std::size_t p = 0, q = 0, skipped = 0;
  while (p < said.size() && q < listed.size()) {
    if (said[p] == listed[q]) {
      ++p, ++q;
    } else if (said[p] == repeated && item_starts[q] && q != first_item) {
      ++p, ++skipped;
    } else {
      return false;
    }
  }
  return p == said.size() && q == listed.size() && skipped >= 1 && skipped < items;
}

}  // namespace tosdiff
